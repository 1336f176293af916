"""The streaming answer pane: Markdown rendered in batches, never per token.

Why batches: the model streams tens of thousands of chunks; touching the
document once per chunk costs seconds over a long answer (DESIGN.md, "Qt
notes"). Chunks are collected in a list and a single-shot timer renders them.

Why the render interval adapts: a full ``setMarkdown`` is the only way to get
lists, tables and code fences right while they are still being written, and
its cost grows with the text. Measured offscreen while streaming (PySide6
6.11.3, CPython 3.11, Chinese/English headings, lists, tables and code; parse,
formatting and layout included)::

      3k chars   18 ms     10k chars   25 ms     25k chars   46 ms
     50k chars   89 ms    110k chars  218 ms    200k chars  330 ms

A typical answer (``max_tokens`` 800, under 5k characters) therefore refreshes
about every 50 ms. As the text grows the pause before the next render is
three times the last render's cost, so rendering never takes more than a
quarter of the GUI thread: about every 0.27 s at 50k characters and every
second at 200k, while typing and scrolling stay responsive. That is the
cheaper mode for long texts; :meth:`OutputView.finish` always does a final
full render at once. (Rendering only the unfinished tail was rejected: a
Markdown fragment cut at a blank line mis-renders loose lists and indented
continuations.)
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextTable,
)
from PySide6.QtWidgets import QProgressBar, QTextBrowser, QWidget

FLUSH_MS = 40
"""Shortest pause between renders while streaming."""
RENDER_DUTY = 3
"""The pause before the next render is at least this many times the last render."""
MAX_PAUSE_MS = 2000
"""Never leave the view stale for longer than this, however large the text."""
_LINE_HEIGHT = (125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
"""Chinese text reads poorly at Qt's default single spacing."""
_FOLLOW_SLACK_PX = 4
"""Within this many pixels of the end counts as 'at the bottom'."""

_MARKDOWN = (QTextDocument.MarkdownFeature.MarkdownDialectGitHub
             | QTextDocument.MarkdownFeature.MarkdownNoHTML)
"""GitHub tables and task lists; raw HTML from the model is shown as text, not
interpreted, so an answer cannot restyle the pane or embed images."""


class OutputView(QTextBrowser):
    """Read-only pane that shows the model's answer as it streams.

    The raw text (:meth:`markdown`) is kept exactly as the model produced it,
    for Copy and Save as .md; the document is only a rendering of it.

    Signals:
        has_text_changed(bool): the pane went from empty to holding text, or
            back (on :meth:`begin`); the window enables Copy/Save with it.
    """

    has_text_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outputView")
        self.setReadOnly(True)
        # Clicking a link must not make QTextBrowser load it as the new
        # document (which would wipe the answer); open web links outside.
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.document().setUndoRedoEnabled(False)  # read-only: no undo history to keep
        self.document().setDocumentMargin(12)
        self._text = ""
        self._pending: list[str] = []
        self._rendered_len = 0
        self._pause_ms = FLUSH_MS
        self._follow = True
        self._scrolling = False
        self._custom_placeholder: str | None = None
        self._default_placeholder = ""
        self.render_count = 0
        """How many times the document was rebuilt (tests, diagnostics)."""
        self.last_render_ms = 0.0
        """Cost of the latest render in milliseconds (diagnostics)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)
        self.reading_bar = QProgressBar(self.viewport())
        self.reading_bar.setObjectName("readingBar")
        self.reading_bar.setTextVisible(True)
        self.reading_bar.hide()
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range_changed)
        self.retranslate_ui()

    # -- public API -------------------------------------------------------

    @property
    def has_text(self) -> bool:
        """True once any text arrived since :meth:`begin`, rendered or not."""
        return bool(self._text or self._pending)

    def markdown(self) -> str:
        """The raw text so far, exactly as the model produced it."""
        if self._pending:
            return self._text + "".join(self._pending)
        return self._text

    @Slot()
    @Slot(int, int)
    def show_reading(self, done: int, total: int) -> None:
        """While the prompt is read (before the first chunk): a bar with the count."""
        if self.has_text or total <= 0:
            return
        bar = self.reading_bar
        bar.setRange(0, total)
        bar.setValue(min(done, total))
        bar.setFormat(self.tr("Reading the prompt: {done} of {total} tokens").format(
            done=f"{min(done, total):,}", total=f"{total:,}"))
        self._place_reading_bar()
        bar.show()

    def _place_reading_bar(self) -> None:
        area = self.viewport().rect()
        self.reading_bar.setGeometry(16, 16, max(120, area.width() - 32), 22)

    def begin(self) -> None:
        """Clear the pane for a new answer and follow its end again."""
        self.reading_bar.hide()
        had_text = self.has_text
        self._timer.stop()
        self._text = ""
        self._pending.clear()
        self._rendered_len = 0
        self._pause_ms = FLUSH_MS
        self._follow = True
        self._scrolling = True
        try:
            self.document().clear()
        finally:
            self._scrolling = False
        self.viewport().update()
        if had_text:
            self.has_text_changed.emit(False)

    @Slot(str)
    def append_chunk(self, text: str) -> None:
        """Queue a streamed chunk; it appears at the next timed render."""
        if not text:
            return
        was_empty = not self.has_text
        self.reading_bar.hide()
        self._pending.append(text)
        if not self._timer.isActive():
            self._timer.start(self._pause_ms)
        if was_empty:
            self.has_text_changed.emit(True)

    @Slot()
    def finish(self) -> None:
        """The stream ended: render everything now."""
        self.reading_bar.hide()
        self._timer.stop()
        self._take_pending()
        if self._rendered_len != len(self._text):
            self._render()

    def set_placeholder(self, text: str | None) -> None:
        """Text shown while the pane is empty; ``None`` restores the default.

        A caller passing its own text passes it translated and sets it again
        on a language change.
        """
        self._custom_placeholder = text
        self.viewport().update()

    def placeholder(self) -> str:
        """The placeholder currently in effect."""
        if self._custom_placeholder is None:
            return self._default_placeholder
        return self._custom_placeholder

    @Slot()
    def copy_to_clipboard(self) -> None:
        """Put the raw Markdown on the clipboard (what the model wrote)."""
        QGuiApplication.clipboard().setText(self.markdown())

    def retranslate_ui(self) -> None:
        """Set every user-visible text in the current language."""
        self._default_placeholder = self.tr("The answer appears here.")
        self.setAccessibleName(self.tr("Answer"))
        self.viewport().update()

    # -- Qt overrides -----------------------------------------------------

    def changeEvent(self, e: QEvent) -> None:
        """Retranslate on a language change."""
        if e.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(e)

    def paintEvent(self, e: QPaintEvent) -> None:
        """Paint the document, or the centred placeholder when empty."""
        super().paintEvent(e)
        text = self.placeholder()
        if self.has_text or not text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().placeholderText().color())
        area = self.viewport().rect().adjusted(16, 16, -16, -16)
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        painter.drawText(QRect(area), flags, text)
        painter.end()

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Load nothing: the answer is untrusted text, and an image reference
        in it must not make the pane read local files."""
        return None

    # -- internals --------------------------------------------------------

    def _take_pending(self) -> None:
        if self._pending:
            self._text += "".join(self._pending)
            self._pending.clear()

    @Slot()
    def _flush(self) -> None:
        self._take_pending()
        if self._rendered_len != len(self._text):
            self._render()

    def _render(self) -> None:
        """Rebuild the document from all text, keeping the reader's place."""
        bar = self.verticalScrollBar()
        position = bar.value()
        started = time.perf_counter()
        self._scrolling = True  # setMarkdown resets the scroll position to 0
        try:
            self.document().setMarkdown(self._text, _MARKDOWN)
            self._polish()
            bar.setValue(bar.maximum() if self._follow else position)
        finally:
            self._scrolling = False
        cost_ms = (time.perf_counter() - started) * 1000
        self.last_render_ms = cost_ms
        self.render_count += 1
        self._rendered_len = len(self._text)
        self._pause_ms = min(MAX_PAUSE_MS, max(FLUSH_MS, int(cost_ms * RENDER_DUTY)))

    def _polish(self) -> None:
        """Shade code blocks, pad tables and open up line spacing.

        Qt's Markdown import ignores style sheets, so the formats are set on
        the blocks; one edit block means one relayout. Adds about a quarter to
        the render cost (measured: 9 ms at 10k, 27 ms at 50k characters).
        """
        document = self.document()
        shade = self.palette().alternateBase().color()
        grid = self.palette().mid().color()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for frame in document.rootFrame().childFrames():
            if isinstance(frame, QTextTable):
                table_format = frame.format()
                table_format.setCellPadding(5)
                table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
                table_format.setBorderBrush(grid)
                table_format.setTopMargin(6)
                frame.setFormat(table_format)
        block = document.begin()
        while block.isValid():
            cursor.setPosition(block.position())
            change = QTextBlockFormat()
            if block.blockFormat().nonBreakableLines():  # a code block
                change.setBackground(shade)
            elif cursor.currentTable() is None:
                change.setLineHeight(*_LINE_HEIGHT)
            cursor.mergeBlockFormat(change)
            block = block.next()
        cursor.endEditBlock()

    @Slot(int)
    def _on_scrolled(self, value: int) -> None:
        # Only the reader's own scrolling decides whether to follow the end;
        # the renders' own jumps are masked by _scrolling.
        if not self._scrolling:
            self._follow = value >= self.verticalScrollBar().maximum() - _FOLLOW_SLACK_PX

    @Slot(int, int)
    def _on_range_changed(self, _minimum: int, maximum: int) -> None:
        # The text grew (or the pane was resized): stay at the end if following.
        if self._follow and not self._scrolling:
            self._scrolling = True
            try:
                self.verticalScrollBar().setValue(maximum)
            finally:
                self._scrolling = False

    @Slot(QUrl)
    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
