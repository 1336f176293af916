"""The amber strip that says a template on screen is the built-in, not the user's file.

A user file named like a built-in (``proofread-en.md``) overrides it; when
that file is broken, the library keeps the built-in so runs still work
(:meth:`~assistant.templating.library.Library.notice`). The picker lists the
file under "Needs fixing", but a user who picks the template by its title
would run the built-in believing it is their own version. So the main window
(above the form) and the quick prompt (under its list) show the core's
message for the template being used, with a button that opens the file.
It is shown again after every reload: a fixed file makes it go away.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from assistant.gui.core_text import shown
from assistant.templating.library import Library, LoadError
from assistant.templating.model import Source


def broken_override(library: Library, template_id: str) -> LoadError | None:
    """The user's broken file that the built-in ``template_id`` stands in for, if any.

    Its message is the library's notice; its path is "" if no error names the file.
    """
    message = library.notice(template_id)
    if message is None:
        return None
    files = [error for error in library.errors
             if error.template_id == template_id and error.source is Source.USER]
    found = next((error for error in files if error.message == message),
                 files[0] if files else None)
    return LoadError(found.path if found else "", template_id, Source.USER, message)


class OverrideNotice(QFrame):
    """The core's message about a broken override, and "Open the file to fix it".

    Hidden while the template shown has no broken override.

    Signals:
        open_requested(str): the path of the broken file, to open in an editor.
    """

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overrideNotice")
        # Fixed colours on purpose (as the prompt inspector's notice): a warning
        # must read the same in any theme.
        self.setStyleSheet("QFrame#overrideNotice { background: #fff4ce; border: 1px solid "
                           "#e8c65a; border-radius: 4px; } "
                           "QFrame#overrideNotice QLabel { color: #5c4400; }")
        self._error: LoadError | None = None
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._icon = QLabel(self, pixmap=icon.pixmap(16, 16))
        self.text = QLabel(
            self, wordWrap=True, textFormat=Qt.TextFormat.PlainText,
            textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setObjectName("overrideText")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openOverride")
        self.open_button.clicked.connect(self._open)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)
        row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        self.retranslate_ui()
        self.hide()

    @property
    def error(self) -> LoadError | None:
        """The broken file shown, or None while hidden."""
        return self._error

    def show_for(self, library: Library, template_id: str | None) -> None:
        """Show the notice for ``template_id`` in ``library``, or hide it if there is none."""
        self._error = broken_override(library, template_id) if template_id else None
        self.retranslate_ui()
        self.open_button.setVisible(self._error is not None and bool(self._error.path))
        self.setVisible(self._error is not None)

    def retranslate_ui(self) -> None:
        """Set every text in the current language, the core's message included."""
        self.open_button.setText(self.tr("Open the file to fix it"))
        self.text.setText(shown(self._error.message) if self._error is not None else "")

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot()
    def _open(self) -> None:
        if self._error is not None:
            self.open_requested.emit(self._error.path)
