"""How much text a field takes, and the one rule for text that would not fit.

A paste, drop or fill that would make a field's text longer than its limit
is refused whole, and the widget says so with the size it would have had
(``too_long``): the caller tells the user both numbers. Text is never cut
silently, and never laid out for seconds first. Multi-line boxes (the form's
text fields, the quick prompt's text) take :data:`MAX_FIELD_CHARS`;
single-line fields :data:`MAX_LINE_CHARS`.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal, Slot
from PySide6.QtGui import (
    QClipboard,
    QContextMenuEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
)
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

MAX_FIELD_CHARS = 1_000_000
"""The longest text a multi-line field takes.

Far more than a model reads at once (the largest context the settings allow,
131,072 tokens, is about half a million characters of English), and about
the most a text box lays out without stalling the window: measured offscreen,
a 20 MB paste on one line took 6.5 s to lay out and draw, one million
characters 0.35 s.
"""

MAX_LINE_CHARS = 32_767
"""The longest text a single-line field takes: Qt's own ``QLineEdit`` default.

A line field holds a name, a subject, a tone. A line edit keeps one undo step
per inserted character, so it cannot take more cheaply: measured offscreen,
inserting 20 MB took 2 s before anything could refuse it. So Qt's limit stays
as the last guard, and :class:`LimitedLineEdit` checks each paste before Qt
would cut it.
"""


def qt_length(text: str) -> int:
    """The length of ``text`` as Qt counts it: UTF-16 units (an emoji counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def refused_size(current: int, replaced: int, text: str, limit: int) -> int | None:
    """The length a field's text would have, when that is more than ``limit``; else None.

    The field holds ``current`` characters, ``replaced`` of which (the
    selection) give way to ``text``. Counted as Qt counts (:func:`qt_length`),
    but only when the text could fit: a 20 MB paste is refused on ``len``.
    """
    size = current - replaced + len(text)
    if size <= limit:
        size += qt_length(text) - len(text)
    return size if size > limit else None


class LimitedTextEdit(QPlainTextEdit):
    """A multi-line box that refuses a paste or drop making it longer than :data:`MAX_FIELD_CHARS`.

    Signals:
        too_long(int): a paste or drop was refused; the length it would have made.
    """

    too_long = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = MAX_FIELD_CHARS

    def insertFromMimeData(self, source: QMimeData) -> None:  # Qt override
        """Paste or drop ``source``, unless the text would then be too long."""
        if source.hasText():
            cursor = self.textCursor()
            size = refused_size(self.document().characterCount() - 1,
                                cursor.selectionEnd() - cursor.selectionStart(),
                                source.text(), self.limit)
            if size is not None:
                self.too_long.emit(size)
                return
        super().insertFromMimeData(source)


class LimitedLineEdit(QLineEdit):
    """A single-line field that refuses a paste or drop longer than its ``maxLength()``.

    Qt would cut such a paste at ``maxLength`` without a word. Every way text
    comes in at once is checked first: the paste keys, the context menu's
    Paste, a middle click (X11's selection) and a drop. Typing at the limit
    is stopped by Qt as before.

    Signals:
        too_long(int): a paste or drop was refused; the length it would have made.
    """

    too_long = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(MAX_LINE_CHARS)

    @Slot()
    def paste_checked(self) -> None:
        """Paste from the clipboard, unless that makes the text too long."""
        if self._fits(QGuiApplication.clipboard().text(), len(self.selectedText())):
            self.paste()

    def _fits(self, text: str, replaced: int) -> bool:
        size = refused_size(len(self.text()), replaced, text, self.maxLength())
        if size is not None:
            self.too_long.emit(size)
        return size is None

    # -- Qt overrides ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+V (and the platform's other paste keys) go through the check."""
        if event.matches(QKeySequence.StandardKey.Paste) and not self.isReadOnly():
            event.accept()
            self.paste_checked()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Qt's own menu, whose Paste goes through the check."""
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-paste":  # Qt names its standard actions so
                action.triggered.disconnect()
                action.triggered.connect(self.paste_checked)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A middle click pastes X11's selection: checked like any paste."""
        clipboard = QGuiApplication.clipboard()
        # Qt deselects, then pastes: nothing of the field's text is replaced.
        if (event.button() == Qt.MouseButton.MiddleButton and clipboard.supportsSelection()
                and not self.isReadOnly()
                and not self._fits(clipboard.text(QClipboard.Mode.Selection), 0)):
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """A drop of text from elsewhere is checked; moving text within the field always fits."""
        mime = event.mimeData()
        if (mime.hasText() and event.source() is not self and not self.isReadOnly()
                and not self._fits(mime.text(), 0)):
            event.ignore()
            return
        super().dropEvent(event)
