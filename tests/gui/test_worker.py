"""ModelController: loading and running on the model thread, one Run object per run, stop,
shutdown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from waits import SLOW_MS

from assistant.backend import FinishReason, Sampling, Stats
from assistant.backend.config import BackendConfig, LocalModel, open_backend
from assistant.backend.fake import FakeBackend
from assistant.errors import ModelError
from assistant.gui.run import Run
from assistant.gui.worker import Job, ModelController, ModelState
from assistant.history import Outcome
from assistant.templating.library import load_library
from assistant.templating.render import RenderContext

TEMPLATE = load_library(None).get("proofread-en")
CONTEXT = RenderContext(dt.date(2026, 11, 24))


def job(text: str = "Their going tomorow.", max_tokens: int = 40) -> Job:
    return Job(TEMPLATE, {"text": text}, True, Sampling(max_tokens=max_tokens, seed=1),
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
    started: list[Run] = []
    controller.run_started.connect(started.append)
    with qtbot.waitSignal(controller.run_ended, timeout=5000) as ended:
        run = controller.run(job())
        assert run is not None and controller.current is run and not run.done
        run.chunk.connect(chunks.append)
    assert started == [run] and ended.args == [run]
    assert chunks == ["They're ", "going ", "tomorrow."] and run.text == "They're going tomorrow."
    assert run.outcome is Outcome.FINISHED and run.complete and run.error is None
    assert isinstance(run.stats, Stats) and run.stats.finish_reason is FinishReason.STOP
    assert run.plan is not None and run.plan.messages[-1].content.endswith("Their going tomorow.")
    messages, params = fake.calls[0]
    assert messages[-1].content.endswith("Their going tomorow.")
    assert params.max_tokens == 40
    assert controller.state is ModelState.READY and not controller.busy
    assert controller.current is None


def test_each_run_reports_to_its_own_listeners(qtbot: QtBot, controller: ModelController,
                                               fake: FakeBackend) -> None:
    fake.enqueue("first")
    fake.enqueue("second")
    with qtbot.waitSignal(controller.run_ended, timeout=5000):
        first = controller.run(job())
    assert first is not None
    first_chunks: list[str] = []
    first.chunk.connect(first_chunks.append)
    with qtbot.waitSignal(controller.run_ended, timeout=5000):
        second = controller.run(job("other"))
    assert second is not None and second is not first
    assert first.text == "first" and second.text == "second" and first_chunks == []


def test_one_run_at_a_time_and_stop(qtbot: QtBot, controller: ModelController,
                                    fake: FakeBackend) -> None:
    fake.hold()  # the run waits as if processing a long prompt
    run = controller.run(job())
    assert run is not None
    assert controller.run(job("second")) is None, "a second run must not start"
    qtbot.waitUntil(fake.started.is_set, timeout=5000)
    with qtbot.waitSignal(run.finished, timeout=5000) as finished:
        run.cancel()
    assert finished.args[0].finish_reason is FinishReason.CANCELLED
    assert run.outcome is Outcome.STOPPED and not run.complete
    assert len(fake.calls) == 1


def test_a_stopped_answer_keeps_what_was_written(qtbot: QtBot, controller: ModelController,
                                                 fake: FakeBackend) -> None:
    fake.hold(after=1)
    fake.enqueue("Half ", "written")
    run = controller.run(job())
    assert run is not None
    qtbot.waitUntil(lambda: run.text == "Half ", timeout=5000)
    with qtbot.waitSignal(run.ended, timeout=5000):
        controller.stop()
    assert run.outcome is Outcome.STOPPED and run.text == "Half "


def test_plan_reports_dropped_examples(qtbot: QtBot) -> None:
    small = FakeBackend(n_ctx=1400)
    ctl = ModelController(lambda *_: small)
    with qtbot.waitSignal(ctl.model_loaded, timeout=5000):
        ctl.load(LocalModel(Path("x")))
    with qtbot.waitSignal(ctl.run_started, timeout=5000) as started:
        assert ctl.run(job(max_tokens=100))
    run = started.args[0]
    qtbot.waitUntil(lambda: run.plan is not None, timeout=5000)
    plan = run.plan
    assert plan.examples_used < plan.examples_available and plan.notice
    qtbot.waitUntil(lambda: not ctl.busy, timeout=5000)
    assert ctl.shutdown()


def test_input_too_long_fails_with_numbers(qtbot: QtBot) -> None:
    tiny = FakeBackend(n_ctx=300)
    ctl = ModelController(lambda *_: tiny)
    with qtbot.waitSignal(ctl.model_loaded, timeout=5000):
        ctl.load(LocalModel(Path("x")))
    with qtbot.waitSignal(ctl.run_ended, timeout=5000) as ended:
        ctl.run(job("x" * 500))
    run = ended.args[0]
    assert run.outcome is Outcome.FAILED and "the context holds 300" in run.error
    assert ctl.state is ModelState.READY
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
    with qtbot.waitSignal(ctl.run_ended, timeout=SLOW_MS) as ended:
        assert ctl.run(job(max_tokens=16))
    run = ended.args[0]
    assert run.text.strip() and run.stats.completion_tokens > 0
    # A long input: stop as soon as the run has been planned (prompt processing).
    long_text = "The meeting covered the budget and the hiring plan. " * 120
    ctl.run_started.connect(lambda run: run.planned.connect(lambda plan: run.cancel()))
    with qtbot.waitSignal(ctl.run_ended, timeout=SLOW_MS) as stopped:
        assert ctl.run(job(long_text, max_tokens=16))
    assert stopped.args[0].outcome is Outcome.STOPPED
    assert stopped.args[0].stats.completion_tokens <= 1
    assert ctl.shutdown()
