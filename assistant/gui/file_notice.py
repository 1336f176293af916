"""Say where a file is when no program could be opened to show it.

A desktop without a launcher (a bare X session, a container, a machine used
over remote X) makes ``QDesktopServices.openUrl`` return False, and Qt only
logs a warning: the user clicked "Customize" and saw nothing happen. The
notice names the file and offers what still works: try its folder (a file
manager may exist where an editor does not) and copy the path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

Opener = Callable[[Path], bool]
"""Opens a file or folder with the desktop's program for it; False if none started."""


def open_with_desktop(path: Path) -> bool:
    """Open ``path`` in the program the desktop has for it (an editor, a file manager)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_or_explain(parent: QWidget | None, path: Path, opener: Opener, title: str) -> bool:
    """Open ``path``; if nothing could be opened, show a :class:`FileNotice` and return False."""
    if opener(path):
        return True
    notice = FileNotice(path, opener, title, parent)
    notice.open()  # window-modal, does not block: the user may go on with the app
    return False


class FileNotice(QDialog):
    """Where a file or folder is, with "Open folder" (for a file) and "Copy path"."""

    def __init__(self, path: Path, opener: Opener, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileNotice")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.path, self._opener = path, opener
        folder = path.is_dir()
        text = QLabel(self.tr(
            "No file manager could be opened on this computer. The folder is here:") if folder
            else self.tr("No editor could be opened on this computer. The file is saved here; "
                         "open it in any text editor. Changes are picked up when you save."),
            self, wordWrap=True)
        self.path_box = QLineEdit(str(path), self, readOnly=True)
        self.path_box.setObjectName("path")
        self.path_box.setCursorPosition(0)
        self.feedback = QLabel(self, wordWrap=True)
        self.feedback.setObjectName("feedback")
        self.feedback.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        action = QDialogButtonBox.ButtonRole.ActionRole
        if not folder:  # for the folder itself, opening is what just failed
            buttons.addButton(self.tr("Open folder"), action).clicked.connect(self._open_folder)
        copy = buttons.addButton(self.tr("Copy path"), action)
        copy.setDefault(True)
        copy.clicked.connect(self._copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (text, self.path_box, self.feedback, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(min(560, max(420, self.fontMetrics().horizontalAdvance(
            str(path)) + 60)))

    @Slot()
    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(str(self.path))
        self._say(self.tr("Copied the path to the clipboard."))

    @Slot()
    def _open_folder(self) -> None:
        if self._opener(self.path.parent):
            self.accept()
        else:
            self._say(self.tr("No file manager could be opened either. Copy the path and open "
                              "the file from your editor."))

    def _say(self, text: str) -> None:
        self.feedback.setText(text)
        self.feedback.show()
        self.adjustSize()  # a shown dialog does not grow by itself for the new line
