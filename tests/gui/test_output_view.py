"""The streaming answer pane: batching, Markdown, scrolling, placeholder, copy."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QThread, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assistant.gui.output_view import OutputView


class ChunkSource(QObject):
    """Emits chunks from a worker thread, as the real generation worker does."""

    chunk = Signal(str)

    def __init__(self, chunks: list[str]) -> None:
        super().__init__()
        self._chunks = chunks

    @Slot()
    def run(self) -> None:
        for text in self._chunks:
            self.chunk.emit(text)


@pytest.fixture
def view(qtbot: QtBot) -> OutputView:
    widget = OutputView()
    qtbot.addWidget(widget)
    widget.resize(500, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def worker_thread() -> Iterator[QThread]:
    thread = QThread()
    yield thread
    thread.quit()
    thread.wait()


def test_twenty_thousand_chunks_from_a_worker_thread(
        qtbot: QtBot, view: OutputView, worker_thread: QThread) -> None:
    # Regression test for the PySide6 6.12.0 abort (DESIGN.md, "Qt notes"):
    # a long stream through queued signals must neither crash nor lose text.
    chunks = [f"w{i} " if i % 50 else f"\n\n- item {i} 中文\n" for i in range(20_000)]
    expected = "".join(chunks)
    source = ChunkSource(chunks)
    source.moveToThread(worker_thread)
    source.chunk.connect(view.append_chunk)
    worker_thread.started.connect(source.run)
    view.begin()
    # Not qtbot.waitSignal on a worker signal: its slot would run in the
    # worker thread and stop a GUI-thread timer from there (a Qt warning).
    worker_thread.start()
    qtbot.waitUntil(lambda: view.markdown() == expected, timeout=60_000)
    view.finish()
    assert view.markdown() == expected
    assert view.toPlainText().rstrip().endswith("w19999")
    # Batched: far fewer renders than chunks.
    assert 1 <= view.render_count < 500


def test_many_chunks_between_ticks_render_once(qtbot: QtBot, view: OutputView) -> None:
    view.begin()
    for i in range(1_000):
        view.append_chunk(f"{i} ")
    assert view.render_count == 0, "append_chunk must not touch the document"
    assert view.toPlainText() == ""
    qtbot.waitUntil(lambda: view.render_count > 0)
    assert view.render_count == 1
    assert view.toPlainText().strip().endswith("999")


def test_markdown_is_rendered_and_kept_raw(qtbot: QtBot, view: OutputView) -> None:
    raw = "# 周报\n\n- **done** <b>x</b>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    view.begin()
    view.append_chunk(raw)
    view.finish()
    assert view.markdown() == raw
    text = view.toPlainText()
    assert "# " not in text and "**" not in text and "|---|" not in text
    assert "<b>x</b>" in text, "raw HTML from the model is shown, not interpreted"
    assert view.document().rootFrame().childFrames(), "the table became a table"


def test_finish_renders_pending_text_at_once(view: OutputView) -> None:
    view.begin()
    view.append_chunk("Hello ")
    view.append_chunk("world")
    view.finish()
    assert view.toPlainText() == "Hello world"
    assert view.render_count == 1
    view.finish()
    assert view.render_count == 1, "nothing new: no second render"


def test_begin_clears_and_reports_has_text(qtbot: QtBot, view: OutputView) -> None:
    changes: list[bool] = []
    view.has_text_changed.connect(changes.append)
    assert not view.has_text
    view.append_chunk("a")
    view.append_chunk("b")
    assert view.has_text
    view.finish()
    view.begin()
    assert not view.has_text
    assert view.markdown() == ""
    assert view.toPlainText() == ""
    assert changes == [True, False]


def _fill(qtbot: QtBot, view: OutputView, lines: int, start: int = 0) -> None:
    for i in range(start, start + lines):
        view.append_chunk(f"line {i}\n\n")
    count = view.render_count
    qtbot.waitUntil(lambda: view.render_count > count)


def test_follows_the_end_unless_the_reader_scrolled_up(qtbot: QtBot, view: OutputView) -> None:
    bar = view.verticalScrollBar()
    view.begin()
    _fill(qtbot, view, 60)
    assert bar.maximum() > 0
    assert bar.value() == bar.maximum()

    bar.setValue(10)  # the reader scrolls up to read
    _fill(qtbot, view, 60, start=60)
    assert bar.value() == 10
    assert bar.value() < bar.maximum()

    bar.setValue(bar.maximum())  # back at the end: follow again
    _fill(qtbot, view, 60, start=120)
    assert bar.value() == bar.maximum()


def test_placeholder_is_painted_only_when_empty(qtbot: QtBot, view: OutputView) -> None:
    assert view.placeholder() == "The answer appears here."
    with_placeholder = view.grab().toImage()
    view.set_placeholder("")
    without = view.grab().toImage()
    assert with_placeholder != without
    view.set_placeholder("正在生成……")
    assert view.placeholder() == "正在生成……"
    view.set_placeholder(None)
    assert view.placeholder() == "The answer appears here."
    view.append_chunk("x")
    view.finish()
    with_text = view.grab().toImage()
    view.set_placeholder("")
    assert view.grab().toImage() == with_text, "no placeholder over the answer"


def test_copy_to_clipboard_copies_the_raw_markdown(view: OutputView) -> None:
    view.append_chunk("## Title\n\n")
    view.append_chunk("- one")
    view.copy_to_clipboard()  # pending text included
    assert QGuiApplication.clipboard().text() == "## Title\n\n- one"


def test_links_and_images_do_not_replace_or_load(view: OutputView) -> None:
    view.append_chunk("![x](file:///etc/passwd) [site](relative.html)")
    view.finish()
    assert view.loadResource(0, "file:///etc/passwd") is None
    view.anchorClicked.emit("relative.html")
    assert "site" in view.toPlainText(), "a click must not load the link as the document"


def test_retranslate_on_language_change(view: OutputView) -> None:
    view.set_placeholder(None)
    QApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    assert view.placeholder() == "The answer appears here."
    assert view.accessibleName() == "Answer"


def test_reading_bar_shows_the_count_until_the_first_chunk(qtbot: QtBot) -> None:
    view = OutputView()
    qtbot.addWidget(view)
    view.show()
    view.begin()
    view.show_reading(512, 1235)
    bar = view.reading_bar
    assert bar.isVisible() and bar.value() == 512 and bar.maximum() == 1235
    assert bar.text() == "Reading the prompt: 512 of 1,235 tokens"
    view.append_chunk("Hello")
    assert not bar.isVisible()
    view.show_reading(1000, 1235)  # late report after the answer began: ignored
    assert not bar.isVisible()
