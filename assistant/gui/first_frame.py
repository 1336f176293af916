"""Start-up work that waits until the main window has drawn its first frame.

On X11, Qt maps its windows without a background (so that resizing does not
flicker); until the app paints, the screen shows whatever is under the
window: black on a bare X server, stale pixels elsewhere. The first paint
happens when the event loop handles the window's expose event, which comes
back from the X server a little after ``show()``. Work queued with a zero
timer right after ``show()`` runs before that, so the quick prompt, tray and
hotkey that the app builds then (about 100 ms) kept the window black.
Issue 12: "the first frame of the main window is black".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1500
"""Run the work anyway after this long: a window that is never painted (minimised,
on a platform that sends no expose) must not hold up the start forever."""


class _AfterFirstPaint(QObject):
    """Watches one widget's paint events; runs the callback once, after the first."""

    def __init__(self, widget: QWidget, callback: Callable[[], object], fallback_ms: int) -> None:
        super().__init__(widget)
        self._widget, self._callback, self._done = widget, callback, False
        widget.installEventFilter(self)
        self._fallback = QTimer(self, singleShot=True, interval=fallback_ms)
        self._fallback.timeout.connect(self._run)
        self._fallback.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """On the first paint, queue the work for the next turn: this one flushes the frame."""
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            self._fallback.start(0)
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._widget.removeEventFilter(self)
        # Not deleteLater(): with the widget's own deletion pending too, PySide
        # 6.11 then corrupts the heap (seen in tests). It goes with the widget.
        self._callback()


def after_first_paint(widget: QWidget, callback: Callable[[], object],
                      fallback_ms: int = FALLBACK_MS) -> None:
    """Call ``callback`` once, in the event-loop turn after ``widget`` first paints.

    Call it right after ``widget.show()``.
    """
    _AfterFirstPaint(widget, callback, fallback_ms)
