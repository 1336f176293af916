"""ModelController: loading and running on the model thread, stop, shutdown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from waits import SLOW_MS

from assistant.backend import GenerationParams, Stats
from assistant.backend.config import BackendConfig, LocalModel, open_backend
from assistant.backend.fake import FakeBackend
from assistant.errors import ModelError
from assistant.gui.worker import Job, ModelController
from assistant.templating.library import load_library
from assistant.templating.render import RenderContext

TEMPLATE = load_library(None).get("proofread-en")
CONTEXT = RenderContext(dt.date(2026, 11, 24))


def job(text: str = "Their going tomorow.", max_tokens: int = 40) -> Job:
    return Job(TEMPLATE, {"text": text}, True, GenerationParams(max_tokens=max_tokens, seed=1),
               CONTEXT)


@pytest.fixture
def fake() -> FakeBackend:
    return FakeBackend()


@pytest.fixture
def controller(qtbot: QtBot, fake: FakeBackend) -> Iterator[ModelController]:
    ctl = ModelController(lambda config: fake)
    with qtbot.waitSignal(ctl.model_loaded, timeout=5000):
        ctl.load(LocalModel(Path("fake.gguf"), 2048))
    yield ctl
    fake.release()
    assert ctl.shutdown()


def test_run_streams_chunks_then_finishes(qtbot: QtBot, controller: ModelController,
                                          fake: FakeBackend) -> None:
    fake.enqueue("They're ", "going ", "tomorrow.")
    chunks: list[str] = []
    controller.chunk.connect(chunks.append)
    with qtbot.waitSignal(controller.run_finished, timeout=5000) as finished:
        assert controller.run(job())
    assert chunks == ["They're ", "going ", "tomorrow."]
    stats = finished.args[0]
    assert isinstance(stats, Stats) and stats.finish_reason == "stop"
    messages, params = fake.calls[0]
    assert messages[-1].content.endswith("Their going tomorow.")
    assert params.max_tokens == 40
    assert controller.state == "ready" and not controller.busy


def test_one_run_at_a_time_and_stop(qtbot: QtBot, controller: ModelController,
                                    fake: FakeBackend) -> None:
    fake.hold()  # the run waits as if processing a long prompt
    assert controller.run(job())
    assert not controller.run(job("second")), "a second run must not start"
    qtbot.waitUntil(fake.started.is_set, timeout=5000)
    with qtbot.waitSignal(controller.run_finished, timeout=5000) as finished:
        controller.stop()
    assert finished.args[0].finish_reason == "cancelled"
    assert len(fake.calls) == 1


def test_plan_reports_dropped_examples(qtbot: QtBot) -> None:
    small = FakeBackend(n_ctx=1400)
    ctl = ModelController(lambda *_: small)
    with qtbot.waitSignal(ctl.model_loaded, timeout=5000):
        ctl.load(LocalModel(Path("x")))
    with qtbot.waitSignal(ctl.planned, timeout=5000) as planned:
        assert ctl.run(job(max_tokens=100))
    plan = planned.args[0]
    assert plan.examples_used < plan.examples_available and plan.notice
    qtbot.waitUntil(lambda: not ctl.busy, timeout=5000)
    assert ctl.shutdown()


def test_input_too_long_fails_with_numbers(qtbot: QtBot) -> None:
    tiny = FakeBackend(n_ctx=300)
    ctl = ModelController(lambda *_: tiny)
    with qtbot.waitSignal(ctl.model_loaded, timeout=5000):
        ctl.load(LocalModel(Path("x")))
    with qtbot.waitSignal(ctl.run_failed, timeout=5000) as failed:
        ctl.run(job("x" * 500))
    assert "the context holds 300" in failed.args[0]
    assert ctl.state == "ready"
    assert ctl.shutdown()


def test_load_failure_is_reported(qtbot: QtBot) -> None:
    def broken(config: BackendConfig) -> FakeBackend:
        raise ModelError(f"{config.describe()}: not a GGUF file")

    ctl = ModelController(broken)
    with qtbot.waitSignal(ctl.model_failed, timeout=5000) as failed:
        ctl.load(LocalModel(Path("/models/notes.txt")))
    assert failed.args[0] == "/models/notes.txt: not a GGUF file"
    assert ctl.state == "failed" and not ctl.run(job())
    assert ctl.shutdown()


def test_shutdown_while_running_ends_the_thread(qtbot: QtBot, fake: FakeBackend) -> None:
    ctl = ModelController(lambda *_: fake)
    with qtbot.waitSignal(ctl.model_loaded, timeout=5000):
        ctl.load(LocalModel(Path("x")))
    fake.hold()
    ctl.run(job())
    qtbot.waitUntil(fake.started.is_set, timeout=5000)
    assert ctl.shutdown(timeout_ms=5000)
    assert fake.closed


@pytest.mark.model
def test_real_model_run_and_stop_in_prompt_processing(qtbot: QtBot, model_path: Path) -> None:
    ctl = ModelController(open_backend)
    with qtbot.waitSignal(ctl.model_loaded, timeout=SLOW_MS) as loaded:
        ctl.load(LocalModel(model_path, 2048))
    assert loaded.args[1] == 2048
    chunks: list[str] = []
    ctl.chunk.connect(chunks.append)
    with qtbot.waitSignal(ctl.run_finished, timeout=SLOW_MS) as finished:
        assert ctl.run(job(max_tokens=16))
    assert "".join(chunks).strip() and finished.args[0].completion_tokens > 0
    # A long input: stop as soon as the run has been planned (prompt processing).
    long_text = "The meeting covered the budget and the hiring plan. " * 120
    chunks.clear()
    ctl.planned.connect(lambda plan: ctl.stop())
    with qtbot.waitSignal(ctl.run_finished, timeout=SLOW_MS) as stopped:
        assert ctl.run(job(long_text, max_tokens=16))
    assert stopped.args[0].finish_reason == "cancelled"
    assert len(chunks) <= 1
    assert ctl.shutdown()
