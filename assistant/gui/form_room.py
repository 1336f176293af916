"""Room for the form when a banner appears above it.

The right side of the main window is a vertical splitter: banners, title and
form on top, the answer below. A banner that appears (the model could not be
loaded, the first-run offer) took its height from the top pane, so the form
hid its fields behind a scroll bar (issue 12). Here the top pane grows by what
the fields lack, taken from the answer pane while that keeps a few lines, and
gives it back when the banner goes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSplitter, QWidget

from assistant.gui.form import TemplateForm

MIN_ANSWER_LINES = 8
"""The answer pane never shrinks below this many lines of text for a banner."""


def error_banner(open_settings: Callable[[], object]) -> QLabel:
    """The red strip that says why the model could not be loaded; its link opens Settings."""
    banner = QLabel()
    banner.setObjectName("modelBanner")
    banner.setWordWrap(True)
    banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    banner.setStyleSheet("background: #fdecea; color: #8a1c12; padding: 8px; "
                         "border-radius: 4px;")
    banner.linkActivated.connect(lambda _link: open_settings())
    banner.hide()
    return banner


class FormRoom(QObject):
    """Keeps the form's fields in sight while the watched banners come and go."""

    def __init__(self, splitter: QSplitter, form: TemplateForm,
                 banners: Sequence[QWidget]) -> None:
        super().__init__(splitter)
        self._splitter, self._form = splitter, form
        self._lent = 0
        """Pixels taken from the answer pane, to give back when banners go."""
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.make_room)
        for banner in banners:
            banner.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """Measure once the layout has placed a banner that appeared or changed height."""
        kind = event.type()
        if kind == QEvent.Type.Show or (
                kind == QEvent.Type.Resize and isinstance(event, QResizeEvent)
                and event.size().height() != event.oldSize().height()):
            self._timer.start()
        elif kind == QEvent.Type.Hide and isinstance(watched, QWidget):
            self._give_back(watched.height())
        return False

    def make_room(self) -> None:
        """Grow the top pane until the form needs no scroll bar, if the answer can spare it."""
        top = self._splitter.widget(0)
        layout = top.layout() if top is not None else None
        if layout is None or not self._splitter.isVisible():
            return
        layout.activate()  # place the banner now, so the form's scroll bar is current
        lack = self._form.hidden_height()
        top_height, answer = self._splitter.sizes()[:2]
        spare = answer - MIN_ANSWER_LINES * self._splitter.fontMetrics().lineSpacing()
        give = min(lack, max(0, spare))
        if give > 0:
            self._splitter.setSizes([top_height + give, answer - give])
            self._lent += give

    def _give_back(self, freed: int) -> None:
        back = min(self._lent, freed)
        if back > 0 and self._splitter.isVisible():
            top_height, answer = self._splitter.sizes()[:2]
            self._splitter.setSizes([top_height - back, answer + back])
            self._lent -= back
