"""The main window's status bar, and its texts: the model's state and a run's figures.

The texts use the ``MainWindow`` translation context, as they belong to it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QStyle, QStyleOption, QWidget

from assistant.backend import Stats

_GAP = 16
"""Pixels between a message and the figures on its right."""


class StatusBar(QStatusBar):
    """A status bar whose messages never run into the figures on its right.

    QStatusBar paints a message on one line and cuts it, unmarked, at the
    first permanent widget, so a long one ("Saved as an example in
    /home/…/weekly-report.examples.toml; …") looked as if it ran under the
    token figures (issue 12). Here the message is elided in the middle (the
    end of a path and the sentence after it stay), a gap away from the
    figures, and the bar's tooltip has the whole text.

    Signals: QStatusBar's own.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messageChanged.connect(self.setToolTip)

    def message_rect(self) -> QRect:
        """Where the message is drawn: left of every widget the bar shows with it."""
        right = self._figures_left() - _GAP
        return QRect(6, 0, max(0, right - 6), self.height())  # QStatusBar's left margin

    def shown_message(self) -> str:
        """The message as drawn: elided to fit :meth:`message_rect`."""
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideMiddle,
                                             self.message_rect().width())

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        """Paint the bar, then the message again over QStatusBar's cut one."""
        super().paintEvent(event)
        if not self.currentMessage():
            return
        rect = self.message_rect()
        painter = QPainter(self)
        # Up to QStatusBar's text's end, 2 px left of the widgets (their frames start there).
        cover = QRect(0, 0, self._figures_left() - 2, self.height())
        painter.setClipRect(cover)
        painter.fillRect(cover, self.palette().brush(self.backgroundRole()))
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter,
                                   self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
                         | Qt.TextFlag.TextSingleLine, self.shown_message())

    def _figures_left(self) -> int:
        """Where the widgets shown beside a message start (10 px from the end without any)."""
        lefts = [child.x() for child in self.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if child.isVisibleTo(self) and not isinstance(child, QSizeGrip)]
        return min(lefts, default=self.width() - 10)  # QStatusBar's right margin is 12


def model_state_text(state: str, name: str, n_ctx: int) -> str:
    """What the model is doing, for the left of the status bar."""
    texts = {
        "unloaded": QCoreApplication.translate("MainWindow", "No model loaded"),
        "loading": QCoreApplication.translate("MainWindow", "Loading model…"),
        "ready": QCoreApplication.translate("MainWindow",
                                            "Model: {name} · context {n_ctx} tokens")
        if n_ctx else QCoreApplication.translate("MainWindow",
                                                 "Model: {name} · context size unknown"),
        "running": QCoreApplication.translate("MainWindow", "Generating with {name}…"),
        "failed": QCoreApplication.translate("MainWindow", "The model could not be loaded"),
    }
    return texts.get(state, state).format(name=name, n_ctx=n_ctx)


def stats_text(stats: Stats) -> str:
    """The status line after a run: tokens, cache, speed, and how it ended."""
    if stats.estimated:  # a server that sent no usage figures: our own counts
        parts = [QCoreApplication.translate("MainWindow", "about {prompt} prompt tokens")
                 .format(prompt=stats.prompt_tokens),
                 QCoreApplication.translate("MainWindow", "about {count} tokens generated")
                 .format(count=stats.completion_tokens)]
    else:
        parts = [QCoreApplication.translate("MainWindow",
                                            "{prompt} prompt tokens ({cached} cached)")
                 .format(prompt=stats.prompt_tokens, cached=stats.cached_tokens),
                 QCoreApplication.translate("MainWindow", "{count} tokens generated")
                 .format(count=stats.completion_tokens)]
    if stats.ttft_s is not None:
        parts.append(QCoreApplication.translate("MainWindow", "first token {seconds:.2f} s")
                     .format(seconds=stats.ttft_s))
    if stats.decode_tps is not None:
        parts.append(QCoreApplication.translate("MainWindow", "{rate:.1f} tokens/s")
                     .format(rate=stats.decode_tps))
    if stats.finish_reason == "cancelled":
        parts.append(QCoreApplication.translate("MainWindow", "stopped"))
    elif stats.finish_reason == "length":
        parts.append(QCoreApplication.translate("MainWindow", "cut at the length limit"))
    return " · ".join(parts)
