"""Read the user's text and swap the clipboard without losing what was on it.

The quick prompt opens with what the user selected (on X11 the primary
selection, which needs no Ctrl+C) or else what they copied. Its "Replace"
action borrows the clipboard to paste the answer into the window the user came
from, and must give the clipboard back as it was, in every format (an image,
rich text, a file list), because the user did not ask us to touch it. The
keystroke that makes the other window paste is :mod:`assistant.gui.paste`'s.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QClipboard

#: How long the answer stays on the clipboard after the paste keystroke.
RESTORE_AFTER_MS = 600

# X11 selection targets that describe or act on a selection rather than hold
# content (ICCCM section 2.6.2; SAVE_TARGETS is from freedesktop.org's
# clipboard manager spec). Qt lists them among formats() when another
# app owns the clipboard. Asking for them is useless at best (TARGETS is the
# list itself, TIMESTAMP a number), fails (MULTIPLE needs parameters) or has a
# side effect (DELETE tells the owner to delete the selection); each request is
# also a blocking round trip to the owner. Putting them back would make us
# claim targets we cannot serve.
PSEUDO_TARGETS = frozenset({
    "TARGETS", "MULTIPLE", "TIMESTAMP", "SAVE_TARGETS", "DELETE",
    "INSERT_SELECTION", "INSERT_PROPERTY",
})
# Qt keeps an image set with setImageData() as a QImage under this format, and
# data() gives no bytes for it, so images are copied through imageData().
_QT_IMAGE = "application/x-qt-image"


def capture_text(clipboard: QClipboard) -> tuple[str, str]:
    """The text the user most likely means, and where it came from.

    Returns ``(text, source)`` with source ``"selection"`` (X11 primary
    selection: what is highlighted right now, no Ctrl+C needed),
    ``"clipboard"``, or ``""`` when both are empty (blank counts as empty).
    """
    if clipboard.supportsSelection():
        text = clipboard.text(QClipboard.Mode.Selection)
        if text.strip():
            return text, "selection"
    text = clipboard.text(QClipboard.Mode.Clipboard)
    if text.strip():
        return text, "clipboard"
    return "", ""


def copy_mime(source: QMimeData) -> QMimeData:
    """A new QMimeData with every content format of ``source``.

    Needed because the clipboard's own object belongs to the clipboard and
    changes (or is deleted) as soon as someone sets new data.
    """
    copy = QMimeData()
    for fmt in source.formats():
        if fmt in PSEUDO_TARGETS or fmt == _QT_IMAGE:
            continue
        data = source.data(fmt)
        if not data.isEmpty():
            copy.setData(fmt, data)
    if source.hasImage():
        copy.setImageData(source.imageData())
    return copy


def snapshot(clipboard: QClipboard,
             mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> QMimeData:
    """A deep copy of what is on the clipboard now (empty if nothing is)."""
    current = clipboard.mimeData(mode)
    return copy_mime(current) if current is not None else QMimeData()


def restore(clipboard: QClipboard, saved: QMimeData,
            mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> None:
    """Put ``saved`` back on the clipboard; clear it if ``saved`` is empty.

    A fresh copy is handed over because the clipboard takes ownership of (and
    later deletes) the object it is given; ``saved`` stays usable.
    On X11 this process then serves the data, so it is gone when the app
    quits unless a clipboard manager takes it over (Qt offers it on exit).
    """
    if not saved.formats():
        clipboard.clear(mode)
        return
    clipboard.setMimeData(copy_mime(saved), mode)


class PendingRestore(QObject):
    """The saved clipboard, waiting to be put back after a paste.

    The delay is part of the protocol, not a guess to make a test pass: the
    paste keystroke only tells the other app to paste; it then asks for the
    clipboard data on its own schedule (on X11 a request to us through the X
    server). Restoring before that would paste the old content. No signal
    tells us that the request has been served, hence a timer.

    One-shot: it deletes itself after ``restored`` (the snapshot may hold a
    large image). Without a ``parent`` it is a child of the clipboard, so that
    dropping the Python reference cannot cancel the restore.

    Signals:
        restored(bool): done; True if the saved content was put back, False if
            the user had copied something else meanwhile (which is kept).
    """

    restored = Signal(bool)

    def __init__(self, clipboard: QClipboard, saved: QMimeData, answer: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else clipboard)
        self._clipboard = clipboard
        self._saved = saved
        self._answer = answer
        self._done = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.restore_now)

    def start(self, delay_ms: int) -> None:
        """Restore after ``delay_ms``."""
        self._timer.start(delay_ms)

    @Slot()
    def restore_now(self) -> None:
        """Restore at once (also when the app quits early); safe to call twice."""
        if self._done:
            return
        self._done = True
        self._timer.stop()
        # Only our answer may be replaced: a newer copy by the user wins.
        ours = self._clipboard.text() == self._answer
        if ours:
            restore(self._clipboard, self._saved)
        self.restored.emit(ours)
        self.deleteLater()


def replace_selection(clipboard: QClipboard, answer: str, paste: Callable[[], None],
                      restore_after_ms: int = RESTORE_AFTER_MS,
                      parent: QObject | None = None) -> PendingRestore:
    """Paste ``answer`` over the selection, then give the clipboard back.

    Order: snapshot, set the answer, ``paste()`` (a
    :meth:`assistant.gui.paste.Paster.paste`), and after ``restore_after_ms``
    put the snapshot back. If ``paste`` raises, the clipboard is restored at once and
    the error goes to the caller. Connect ``QCoreApplication.aboutToQuit`` to
    :meth:`PendingRestore.restore_now` so that quitting early still restores
    (the connection goes away with the object).
    """
    saved = snapshot(clipboard)
    clipboard.setText(answer)
    pending = PendingRestore(clipboard, saved, answer, parent)
    try:
        paste()
    except BaseException:
        pending.restore_now()
        raise
    pending.start(restore_after_ms)
    return pending
