"""The About dialog: what is running (versions, the model) and where the user's files are.

A bug report needs the versions of the app, llama.cpp's Python binding, Qt
and Python, and the model or server in use; a user looking for a saved
template, the history or the log needs the folders. Each folder has an Open
button (with the usual fallback when nothing can open it, see
:mod:`assistant.gui.file_notice`), and "Copy" puts the whole text on the
clipboard for a report.
"""

from __future__ import annotations

import importlib.metadata
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant import __version__
from assistant.gui.file_notice import Opener, open_or_explain, open_with_desktop
from assistant.paths import UserPaths


def versions(model: str) -> list[tuple[str, str]]:
    """(what, version) for the app and what it runs on; ``model`` is the model in use."""
    try:
        llama = importlib.metadata.version("llama-cpp-python")
    except importlib.metadata.PackageNotFoundError:
        llama = "-"
    return [("Daily-work assistant", __version__), ("llama-cpp-python", llama),
            ("Qt", qVersion()), ("PySide6", PySide6.__version__),
            ("Python", platform.python_version()), ("Model", model or "-")]


def folders(paths: UserPaths) -> list[tuple[str, Path]]:
    """(what, folder) of the user's files, in the order a user looks for them."""
    return [("Settings", paths.config_dir), ("Templates", paths.templates_dir),
            ("Models", paths.models_dir), ("History", paths.history_db.parent),
            ("Logs", paths.log_dir)]


class AboutDialog(QDialog):
    """Versions and folders, each folder openable."""

    def __init__(self, paths: UserPaths, model: str, parent: QWidget | None = None,
                 opener: Opener = open_with_desktop) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About the assistant"))
        self.opener = opener
        self._versions = versions(model)
        self._folders = folders(paths)
        names = {"Model": self.tr("Model"), "Settings": self.tr("Settings"),
                 "Templates": self.tr("Templates"), "Models": self.tr("Models"),
                 "History": self.tr("History"), "Logs": self.tr("Logs")}
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("A private writing assistant for daily office chores, running "
                               "a local model or a model server you choose."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        for row, (what, version) in enumerate(self._versions):
            grid.addWidget(QLabel(names.get(what, what)), row, 0)
            grid.addWidget(_selectable(version), row, 1, 1, 2)
        self.open_buttons: dict[str, QPushButton] = {}
        start = len(self._versions)
        for row, (what, folder) in enumerate(self._folders, start=start):
            grid.addWidget(QLabel(names[what]), row, 0)
            grid.addWidget(_selectable(str(folder)), row, 1)
            button = self.open_buttons[what] = QPushButton(self.tr("Open"))
            button.clicked.connect(lambda _=False, path=folder, title=names[what]:
                                   open_or_explain(self, path, self.opener, title))
            grid.addWidget(button, row, 2)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def text(self) -> str:
        """Everything shown, as plain text (English names: for a bug report)."""
        lines = [f"{what}: {version}" for what, version in self._versions]
        lines += [f"{what}: {folder}" for what, folder in self._folders]
        return "\n".join(lines)

    def copy(self) -> None:
        """Put :meth:`text` on the clipboard."""
        QGuiApplication.clipboard().setText(self.text())


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
