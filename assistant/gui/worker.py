"""Run the model on its own thread and talk to the window only through signals.

:class:`ModelController` lives in the GUI thread and is what widgets use. It
owns a :class:`_ModelWorker` that lives in a ``QThread`` and holds the backend:
loading a model and generating never block the window. Requests go to the
worker as queued signals; results come back as queued signals to slots of
GUI-thread objects. Stop sets the run's :class:`CancelToken` directly, which
the backend checks between chunks and inside prompt processing.

Nothing that renders a template or counts tokens runs on the GUI thread: a
user's template may loop for seconds, and a window that waits for it
freezes. Runs, warm-ups and the prompt inspector's plan all render on the
model thread (:meth:`ModelController.compute`). Whatever such work raises,
the model thread reports it and carries on: a run ends with ``run_failed``,
never leaving the window "Generating…".
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from assistant.backend import Backend, PrefixWarming, Stats
from assistant.backend.config import BackendConfig
from assistant.budget import Plan, counter_for, plan_prompt
from assistant.compare import model_name
from assistant.errors import AssistantError
from assistant.gui.core_text import shown
from assistant.gui.job import Job
from assistant.gui.run import Run
from assistant.messages import Message as Text
from assistant.prompt import warm_messages
from assistant.templating.model import Template
from assistant.templating.render import RenderContext

__all__ = ["BackendFactory", "Job", "ModelController", "ModelState", "Run"]

log = logging.getLogger(__name__)

BackendFactory = Callable[[BackendConfig], Backend]
"""Builds a backend from its configuration: :func:`~assistant.backend.config.open_backend`."""


class ModelState(StrEnum):
    """Where the model is: what the status line shows and what Run needs."""

    UNLOADED = "unloaded"
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"
    """The last load failed; the banner says why."""
    RUNNING = "running"


@dataclass(frozen=True)
class _Order:
    """A run as sent to the model thread: the job and the serial its reports carry."""

    serial: int
    job: Job
    config: BackendConfig | None = None
    """Another model for this run only (a compare); None for the loaded one."""


Work = Callable[[Backend], Any]
"""Something to do with the backend on the model thread; returns what to hand back."""


@dataclass(frozen=True)
class _Task:
    serial: int
    work: Work


def _unexpected(exc: BaseException) -> str:
    """The exception's kind and text, for a message that must say something."""
    return f"{type(exc).__name__}: {exc}"[:500]


class _ModelWorker(QObject):
    """Owns the backend; every slot runs on the model thread.

    Signals:
        loaded(str, int, object): model name, context size (0 when unknown) and the
            backend's notice (str or None), after a load.
        load_failed(str): why the model could not be loaded.
        planned(int, object): a run's serial and :class:`~assistant.budget.Plan`.
        reading(int, int, int): serial, prompt tokens read so far and in all.
        chunk(int, str): serial and a piece of the answer.
        finished(int, object): serial and :class:`~assistant.backend.Stats` (also when stopped).
        failed(int, str): serial and why the run could not start or went wrong.
        task_done(int, object): a task's serial number and result.
        task_failed(int, str): a task's serial number and why it failed.
    """

    loaded = Signal(str, int, object)
    load_failed = Signal(str)
    planned = Signal(int, object)
    reading = Signal(int, int, int)
    chunk = Signal(int, str)
    finished = Signal(int, object)
    failed = Signal(int, str)
    task_done = Signal(int, object)
    task_failed = Signal(int, str)

    def __init__(self, factory: BackendFactory) -> None:
        super().__init__()
        self._factory = factory
        self.backend: Backend | None = None

    @Slot(object)
    def load(self, config: BackendConfig) -> None:
        self._close()
        try:
            self.backend = self._factory(config)
        except AssistantError as exc:
            self.load_failed.emit(shown(exc))
            return
        except Exception as exc:  # never leave the window waiting for a load that died
            log.exception("loading %s failed", config)
            self.load_failed.emit(self.tr("Unexpected error while loading the model: {error}")
                                  .format(error=_unexpected(exc)))
            return
        self.loaded.emit(self.backend.name, self.backend.n_ctx or 0, self.backend.notice)

    @Slot(object)
    def run(self, order: _Order) -> None:
        if order.config is None:
            self._generate(order, self.backend)
            return
        try:  # another model beside the loaded one, for this run only
            other = self._factory(order.config)
        except AssistantError as exc:
            self.failed.emit(order.serial, shown(exc))
            return
        except Exception as exc:  # the run must end with failed, whatever happened
            log.exception("loading %s failed", order.config)
            self.failed.emit(order.serial, self.tr(
                "Unexpected error while loading the model: {error}").format(
                error=_unexpected(exc)))
            return
        try:
            self._generate(order, other)
        finally:
            try:
                other.close()
            except Exception:  # a failed close must not hide the run's own end
                log.exception("closing the model failed")

    def _generate(self, order: _Order, backend: Backend | None) -> None:
        job, serial = order.job, order.serial
        if backend is None:
            self.failed.emit(serial, self.tr("No model is loaded."))
            return
        try:
            plan = plan_prompt(counter_for(backend), job.template, job.values,
                               max_tokens=job.params.max_tokens, use_examples=job.use_examples,
                               context=job.context)
            self.planned.emit(serial, plan)
            stream = backend.stream(plan.messages, job.params, job.cancel,
                                    lambda done, total: self.reading.emit(serial, done, total))
            for piece in stream:
                self.chunk.emit(serial, piece)
        except AssistantError as exc:
            self.failed.emit(serial, shown(exc))
            return
        except Exception as exc:  # every run ends with finished or failed, whatever happens
            log.exception("run of %s failed", job.template.id)
            self.failed.emit(serial, self.tr("Unexpected error: {error}. The log has the "
                                             "details.").format(error=_unexpected(exc)))
            return
        self.finished.emit(serial, stream.stats)

    @Slot(object)
    def task(self, task: _Task) -> None:
        backend = self.backend
        if backend is None:
            self.task_failed.emit(task.serial, self.tr("No model is loaded."))
            return
        try:
            result = task.work(backend)
        except AssistantError as exc:
            self.task_failed.emit(task.serial, shown(exc))
        except Exception as exc:  # a task must never take the model thread down
            log.exception("work on the model thread failed")
            self.task_failed.emit(task.serial, self.tr(
                "Unexpected error: {error}. The log has the details.").format(
                error=_unexpected(exc)))
        else:
            self.task_done.emit(task.serial, result)

    @Slot()
    def shutdown(self) -> None:
        self._close()
        thread = self.thread()
        if thread is not None:
            thread.quit()

    def _close(self) -> None:
        backend, self.backend = self.backend, None
        if backend is not None:
            try:
                backend.close()
            except Exception:  # a failed close must not stop the next load or the shutdown
                log.exception("closing the model failed")


class ModelController(QObject):
    """The window's handle on the model: load, run, stop, warm, shut down.

    A run is a :class:`~assistant.gui.run.Run` returned by :meth:`run`: its
    starter listens to it alone. ``run_started`` and ``run_ended`` are for
    what watches every run (history, the log).

    Signals:
        state_changed(str): a :class:`ModelState` value.
        model_loaded(str, int): model name and context size (0 when the server does not say).
        model_notice(str): something to know about the model just loaded (e.g. a failed
            GPU offload), for the status line.
        model_failed(str): the load error, for the status line.
        run_started(object): a :class:`~assistant.gui.run.Run` began.
        run_ended(object): a Run finished, was stopped or failed (after its own signals).
    """

    state_changed = Signal(str)
    model_loaded = Signal(str, int)
    model_notice = Signal(str)
    model_failed = Signal(str)
    run_started = Signal(object)
    run_ended = Signal(object)

    _request_load = Signal(object)
    _request_run = Signal(object)
    _request_task = Signal(object)
    _request_shutdown = Signal()

    def __init__(self, factory: BackendFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = ModelState.UNLOADED
        self.model_name = ""
        self.n_ctx = 0
        self.config: BackendConfig | None = None
        """What was loaded last (or is loading)."""
        self._run: Run | None = None
        self._tasks: dict[int, tuple[Callable[[Any], None], Callable[[str], None]]] = {}
        self._serial = 0
        """Numbers runs and tasks alike, so that a report names what it is about."""
        self._run_serial = 0
        self._warm_wanted = 0
        """Serial of the latest warm-up asked for; older ones still queued are skipped."""
        self._thread = QThread()
        self._thread.setObjectName("model")
        self._worker = _ModelWorker(factory)
        self._worker.moveToThread(self._thread)
        self._request_load.connect(self._worker.load)
        self._request_run.connect(self._worker.run)
        self._request_task.connect(self._worker.task)
        self._request_shutdown.connect(self._worker.shutdown)
        self._worker.loaded.connect(self._on_loaded)
        self._worker.load_failed.connect(self._on_load_failed)
        self._worker.planned.connect(self._on_planned)
        self._worker.reading.connect(self._on_reading)
        self._worker.chunk.connect(self._on_chunk)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.task_done.connect(self._on_task_done)
        self._worker.task_failed.connect(self._on_task_failed)
        self._thread.start()

    @property
    def backend(self) -> Backend | None:
        """The loaded backend, to ask what it can do (not to render or count with it here)."""
        ready = self.state in (ModelState.READY, ModelState.RUNNING)
        return self._worker.backend if ready else None

    @property
    def busy(self) -> bool:
        """True while a run is going."""
        return self._run is not None

    @property
    def current(self) -> Run | None:
        """The run going on, if any."""
        return self._run

    def load(self, config: BackendConfig) -> None:
        """Load the model or connect to the server on the model thread.

        A running answer is stopped first; the previous backend is closed
        before the new one is built.
        """
        self.stop()
        self.config = config
        self._set_state(ModelState.LOADING)
        self._request_load.emit(config)

    def report_load_error(self, message: str) -> None:
        """Show a model problem found before loading (e.g. no model configured)."""
        self._on_load_failed(message)

    def run(self, job: Job, config: BackendConfig | None = None) -> Run | None:
        """Start ``job``: its :class:`Run`, or None if a run is going or no model is ready.

        ``config``: another model for this run only, loaded beside the current
        one and closed after it (a compare of two models); its load counts as
        part of the run, and its errors end the run.
        """
        if self._run is not None or self.state != ModelState.READY:
            return None
        self._serial += 1
        run = self._run = Run(job, self.model_name if config is None else model_name(config),
                              config)
        self._run_serial = self._serial
        self._set_state(ModelState.RUNNING)
        self._request_run.emit(_Order(self._serial, job, config))
        self.run_started.emit(run)
        return run

    def stop(self) -> None:
        """Stop the current run as soon as possible (no-op when idle)."""
        if self._run is not None:
            self._run.cancel()

    def compute(self, work: Work, done: Callable[[Any], None],
                failed: Callable[[str], None] | None = None) -> None:
        """Call ``work(backend)`` on the model thread, then ``done(result)`` here.

        For what renders a template or counts tokens (the inspector's plan):
        it waits behind a run going on rather than race it for the model.
        ``failed(message)`` gets any error (by default it is logged); without
        a model, the message says so.
        """
        self._serial += 1
        self._tasks[self._serial] = (done, failed or (lambda message: log.warning(
            "work on the model thread failed: %s", message)))
        self._request_task.emit(_Task(self._serial, work))

    def warm(self, template: Template, values: Mapping[str, str],
             context: RenderContext) -> None:
        """Pre-fill the model's cache with the fixed part of ``template``'s prompt.

        The messages are rendered on the model thread, not here: selecting a
        template must not wait for it. Only the latest warm-up is done; one
        still queued when another is asked for is skipped. Errors are logged
        only: warming is an optimisation, and a run of the template reports
        the same error.
        """
        if self.state != ModelState.READY:
            return
        self._warm_wanted += 1
        wanted, values = self._warm_wanted, dict(values)

        def work(backend: Backend) -> bool:
            if wanted != self._warm_wanted or not isinstance(backend, PrefixWarming):
                return False
            backend.warm(warm_messages(template, values, context))
            return True

        def done(warmed: bool) -> None:
            if warmed:
                log.info("prompt prefix prepared")

        self.compute(work, done,
                     lambda message: log.warning("could not warm the prompt cache: %s", message))

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Stop any run, free the model and end the thread; True if it ended in time."""
        self.stop()
        if not self._thread.isRunning():
            return True
        self._request_shutdown.emit()
        return self._thread.wait(timeout_ms)

    @Slot(str, int, object)
    def _on_loaded(self, name: str, n_ctx: int, notice: Text | None) -> None:
        self.model_name, self.n_ctx = name, n_ctx
        self._set_state(ModelState.READY)
        self.model_loaded.emit(name, n_ctx)
        if notice:
            self.model_notice.emit(shown(notice))

    @Slot(str)
    def _on_load_failed(self, message: str) -> None:
        self._set_state(ModelState.FAILED)
        self.model_failed.emit(message)

    def _running(self, serial: int) -> Run | None:
        """The run that ``serial`` belongs to, if it is the one going on."""
        return self._run if self._run is not None and serial == self._run_serial else None

    @Slot(int, object)
    def _on_planned(self, serial: int, plan: Plan) -> None:
        if (run := self._running(serial)) is not None:
            run._planned(plan)

    @Slot(int, int, int)
    def _on_reading(self, serial: int, done: int, total: int) -> None:
        if (run := self._running(serial)) is not None:
            run.reading.emit(done, total)

    @Slot(int, str)
    def _on_chunk(self, serial: int, text: str) -> None:
        if (run := self._running(serial)) is not None:
            run._chunk(text)

    @Slot(int, object)
    def _on_finished(self, serial: int, stats: Stats) -> None:
        if (run := self._running(serial)) is None:
            return
        self._run = None
        self._set_state(ModelState.READY)
        run._finished(stats)
        self.run_ended.emit(run)

    @Slot(int, str)
    def _on_failed(self, serial: int, message: str) -> None:
        if (run := self._running(serial)) is None:
            return
        self._run = None
        if self.state == ModelState.RUNNING:
            self._set_state(ModelState.READY)
        run._failed(message)
        self.run_ended.emit(run)

    @Slot(int, object)
    def _on_task_done(self, serial: int, result: object) -> None:
        callbacks = self._tasks.pop(serial, None)
        if callbacks is not None:
            callbacks[0](result)

    @Slot(int, str)
    def _on_task_failed(self, serial: int, message: str) -> None:
        callbacks = self._tasks.pop(serial, None)
        if callbacks is not None:
            callbacks[1](message)

    def _set_state(self, state: ModelState) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
