"""Templates render on the model thread, and whatever goes wrong there ends the run cleanly.

A user's template may loop for a second or recurse without end: selecting it,
inspecting its prompt or running it must neither freeze the window nor
leave it "Generating…".
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import assistant.prompt
from assistant.backend import CancelToken, Sampling, ReadProgress, TextStream
from assistant.backend.config import LocalModel
from assistant.backend.fake import FakeBackend
from assistant.gui.main_window import MainWindow
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.worker import Job, ModelController
from assistant.prompt import Message, warm_messages
from assistant.state import UiState
from assistant.templating import parse_template
from assistant.templating.body import Rendered
from assistant.templating.model import Template
from assistant.templating.render import RenderContext, render
from assistant.wiring import build_core

RECURSIVE = '''+++
title = "Recursive"
input = "text"
+++
{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }} {{ text }}
'''


SLOW_S = 0.5
"""How long the stand-in for a slow template takes to render (two nested loops
take that long; the templating limits stop a render after a second)."""


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    """Every template render now takes :data:`SLOW_S`; the threads they ran on."""
    threads: list[threading.Thread] = []

    def slow(template: Template, values: Mapping[str, str], context: RenderContext) -> Rendered:
        threads.append(threading.current_thread())
        threading.Event().wait(SLOW_S)  # the cost of a slow template, not a synchronisation
        return render(template, values, context)

    monkeypatch.setattr(assistant.prompt, "render", slow)
    return threads


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes the window would show (a real one would block the test)."""
    shown: list[str] = []

    def record(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        shown.append(str(args[2]))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(record))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(record))
    return shown


@pytest.fixture
def window_on(qtbot: QtBot, home: Path) -> Iterator[Callable[[FakeBackend], MainWindow]]:
    """A main window on ``fake`` with the RECURSIVE user template, the model loaded."""
    windows: list[MainWindow] = []

    def make(fake: FakeBackend) -> MainWindow:
        templates = home / "data" / "templates"
        templates.mkdir(parents=True, exist_ok=True)
        (templates / "recursive.md").write_text(RECURSIVE, encoding="utf-8")
        core = build_core()
        controller = ModelController(lambda _config: fake)
        flow = SettingsFlow(core, controller, lambda _setting: None)
        window = MainWindow(core, UiState(core.paths.state_file), controller, flow, "en")
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        with qtbot.waitSignal(controller.model_loaded, timeout=10000):
            window.load_model()
        return window

    yield make
    for window in windows:
        assert window.controller.shutdown()


def test_selecting_a_slow_template_does_not_wait_for_its_rendering(
        qtbot: QtBot, window_on: Callable[[FakeBackend], MainWindow],
        renders: list[threading.Thread]) -> None:
    fake = FakeBackend()
    window = window_on(fake)
    qtbot.waitUntil(lambda: len(fake.warmed) == 1, timeout=20000)  # the first template's
    start = time.perf_counter()
    assert window.select_template("proofread-en")  # its warm-up renders it several times
    selecting = time.perf_counter() - start
    assert selecting < SLOW_S / 2, f"selecting took {selecting:.2f}s"
    qtbot.waitUntil(lambda: len(fake.warmed) == 2, timeout=20000)  # warmed all the same
    assert renders and threading.main_thread() not in renders


def test_warm_ups_asked_for_in_a_row_do_only_the_last(
        qtbot: QtBot, window_on: Callable[[FakeBackend], MainWindow]) -> None:
    fake = FakeBackend()
    window = window_on(fake)
    started, busy = threading.Event(), threading.Event()

    def block(_backend: object) -> None:
        started.set()
        busy.wait(20)

    window.controller.compute(block, lambda _result: None)
    qtbot.waitUntil(started.is_set, timeout=10000)  # the model thread is busy from now on
    fake.warmed.clear()
    for template_id in ("recursive", "proofread-en", "revise-en", "weekly-report-en"):
        window.select_template(template_id)  # each warm-up waits behind it
    busy.set()
    qtbot.waitUntil(lambda: not window.controller._tasks, timeout=20000)
    weekly = window.core.library.get("weekly-report-en")
    assert fake.warmed == [warm_messages(weekly, window.form.values(), window._context())]


def test_the_prompt_inspector_plans_off_the_gui_thread(
        qtbot: QtBot, window_on: Callable[[FakeBackend], MainWindow],
        renders: list[threading.Thread]) -> None:
    window = window_on(FakeBackend())
    window.select_template("proofread-en")
    window.form.set_value("text", "Fixed the login bug.")
    start = time.perf_counter()
    window.inspect_button.click()
    assert time.perf_counter() - start < SLOW_S / 2
    assert threading.main_thread() not in renders
    qtbot.waitUntil(lambda: window.inspector.isVisible(), timeout=20000)
    assert "Fixed the login bug." in window.inspector.prompt_view.toPlainText()


def test_a_template_that_recurses_fails_the_run_and_the_window_recovers(
        qtbot: QtBot, window_on: Callable[[FakeBackend], MainWindow], boxes: list[str]) -> None:
    fake = FakeBackend()
    window = window_on(fake)
    assert window.select_template("recursive")  # its warm-up fails on the model thread, quietly
    window.form.set_value("text", "hello")
    with qtbot.waitSignal(window.controller.run_ended, timeout=20000) as failed:
        window.run_button.click()
    assert "RecursionError" in failed.args[0].error or "deep" in failed.args[0].error  # templating's words
    assert boxes == [failed.args[0].error]
    assert window.controller.state == "ready" and not window.controller.busy
    assert "Generating" not in window.model_label.text()
    assert window.run_button.isEnabled() and not window.stop_button.isEnabled()
    assert fake.calls == [], "nothing reached the model"
    # Run and Stop work afterwards.
    window.select_template("proofread-en")
    window.form.set_value("text", "teh")
    fake.hold()
    window.run_button.click()
    qtbot.waitUntil(fake.started.is_set, timeout=5000)
    assert window.stop_button.isEnabled()
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000) as finished:
        window.stop_button.click()
    assert finished.args[0].stats.finish_reason == "cancelled"
    fake.release()
    fake.enqueue("The end.")
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
        window.run_button.click()
    assert window.output.markdown() == "The end."


class Exploding(FakeBackend):
    """A backend whose stream raises ``error`` after its first chunk."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def stream(self, messages: Sequence[Message], params: Sampling,
               cancel: CancelToken | None = None,
               progress: ReadProgress | None = None) -> TextStream:
        stream = super().stream(messages, params)
        chunks = stream.chunks
        error = self.error

        def boom() -> Iterator[str]:
            yield next(chunks)
            raise error

        stream.chunks = boom()
        return stream


@pytest.mark.parametrize("error", [TypeError("unsupported operand"), OverflowError("too big"),
                                   RecursionError("maximum recursion depth exceeded")])
def test_any_exception_in_a_run_ends_it_with_failed(qtbot: QtBot, error: Exception) -> None:
    backend = Exploding(error)
    controller = ModelController(lambda _config: backend)
    with qtbot.waitSignal(controller.model_loaded, timeout=5000):
        controller.load(LocalModel(Path("fake.gguf")))
    template = parse_template(RECURSIVE.replace("{{ f(1) }} ", ""), "plain", "plain.md")
    job = Job(template, {"text": "x"}, True, Sampling(), RenderContext(dt.date.today()))
    with qtbot.waitSignal(controller.run_ended, timeout=5000) as failed:
        assert controller.run(job)
    assert type(error).__name__ in failed.args[0].error
    assert controller.state == "ready" and not controller.busy
    backend.error = ValueError("again")
    with qtbot.waitSignal(controller.run_ended, timeout=5000):
        assert controller.run(job), "the controller takes the next run"
    assert controller.shutdown()


def test_a_task_that_raises_reports_and_the_thread_goes_on(qtbot: QtBot) -> None:
    controller = ModelController(lambda _config: FakeBackend())
    with qtbot.waitSignal(controller.model_loaded, timeout=5000):
        controller.load(LocalModel(Path("fake.gguf")))
    results: list[object] = []
    errors: list[str] = []

    def recurse(backend: object) -> object:
        return recurse(backend)

    controller.compute(recurse, results.append, errors.append)
    controller.compute(lambda backend: backend.n_ctx, results.append, errors.append)
    qtbot.waitUntil(lambda: len(results) + len(errors) == 2, timeout=5000)
    assert errors and "RecursionError" in errors[0]
    assert results == [4096]
    assert controller.shutdown()


def test_a_failing_close_does_not_stop_the_shutdown(qtbot: QtBot) -> None:
    class BadClose(FakeBackend):
        def close(self) -> None:
            raise OSError("device gone")

    controller = ModelController(lambda _config: BadClose())
    with qtbot.waitSignal(controller.model_loaded, timeout=5000):
        controller.load(LocalModel(Path("fake.gguf")))
    with qtbot.waitSignal(controller.model_loaded, timeout=5000):
        controller.load(LocalModel(Path("again.gguf")))  # closes the first one
    assert controller.shutdown(timeout_ms=5000)
