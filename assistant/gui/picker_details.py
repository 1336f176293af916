"""The picker's details pane: what the current row is, or why its file does not load.

A broken template's message comes from the core and names the file, the line
and what to do; it is shown whole, wrapped and selectable (a user may want to
copy it into a search or a bug report), with a button that opens the file, so
the fix is one click away. Strings use the ``TemplatePicker`` translation
context: the pane is part of the picker.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QWidget,
)

from assistant.gui.core_text import shown
from assistant.templating.library import LoadError
from assistant.templating.model import Source


class PickerDetails(QWidget):
    """A description, or a broken file's error with an "Open file" button.

    Signals:
        open_requested(str): the user wants to fix the broken file at this path.
    """

    open_requested = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._path = ""  # the broken user file shown, else ""
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._icon = QLabel(self, pixmap=icon.pixmap(16, 16))
        self.text = QLabel(
            self, wordWrap=True, textFormat=Qt.TextFormat.PlainText,
            textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse,
            alignment=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.text.setObjectName("description")  # for style sheets and tests
        # Ignored width: a long path in an error must not widen the whole panel.
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.text.setSizePolicy(policy)
        # Room for most descriptions, so the list does not jump while moving through it.
        self.text.setMinimumHeight(3 * self.fontMetrics().lineSpacing())
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openBroken")
        self.open_button.hide()
        self.open_button.clicked.connect(self._open)
        layout = QGridLayout(self)
        layout.setContentsMargins(2, 2, 2, 0)
        layout.addWidget(self._icon, 0, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 0, 1)
        layout.addWidget(self.open_button, 1, 1, Qt.AlignmentFlag.AlignLeft)
        layout.setColumnStretch(1, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the button's text in the current UI language."""
        self.open_button.setText(QCoreApplication.translate("TemplatePicker",
                                                            "Open the file to fix it"))

    def show_text(self, text: str, enabled: bool = True) -> None:
        """Show a description (greyed when ``enabled`` is False: nothing is picked)."""
        self._path = ""
        self.text.setText(text)
        self.text.setEnabled(enabled)
        self._icon.hide()
        self.open_button.hide()

    def show_error(self, error: LoadError) -> None:
        """Show why a file does not load; a user file gets the "Open" button."""
        # A built-in's "path" is a name inside the package: nothing the user can edit.
        self._path = error.path if error.source is Source.USER else ""
        self.text.setText(shown(error.message))
        self.text.setEnabled(True)
        self._icon.show()
        self.open_button.setVisible(bool(self._path))

    @Slot()
    def _open(self) -> None:
        if self._path:
            self.open_requested.emit(self._path)
