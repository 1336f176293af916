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
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from assistant.backend import Backend, CancelToken, GenerationParams, PrefixWarming
from assistant.backend.config import BackendConfig
from assistant.budget import counter_for, plan_prompt
from assistant.errors import AssistantError
from assistant.gui.core_text import shown
from assistant.messages import Message as Text
from assistant.prompt import warm_messages
from assistant.templating.model import Template
from assistant.templating.render import RenderContext

log = logging.getLogger(__name__)

BackendFactory = Callable[[BackendConfig], Backend]
"""Builds a backend from its configuration: :func:`~assistant.backend.config.open_backend`."""


@dataclass(frozen=True)
class Job:
    """One run, as the window asked for it."""

    template: Template
    values: Mapping[str, str]
    use_examples: bool
    params: GenerationParams
    context: RenderContext
    cancel: CancelToken = field(default_factory=CancelToken)
    owner: object = None
    """Who started the run (the main window or the quick prompt); results are theirs."""


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
        planned(object): the :class:`~assistant.budget.Plan` of a run, before generating.
        reading(int, int): prompt tokens read so far and in all, while a long prompt is read.
        chunk(str): a piece of the answer.
        finished(object): the run's :class:`~assistant.backend.Stats` (also when stopped).
        failed(str): why a run could not start or went wrong.
        task_done(int, object): a task's serial number and result.
        task_failed(int, str): a task's serial number and why it failed.
    """

    loaded = Signal(str, int, object)
    load_failed = Signal(str)
    planned = Signal(object)
    reading = Signal(int, int)
    chunk = Signal(str)
    finished = Signal(object)
    failed = Signal(str)
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
    def run(self, job: Job) -> None:
        backend = self.backend
        if backend is None:
            self.failed.emit(self.tr("No model is loaded."))
            return
        try:
            plan = plan_prompt(counter_for(backend), job.template, job.values,
                               max_tokens=job.params.max_tokens, use_examples=job.use_examples,
                               context=job.context)
            self.planned.emit(plan)
            stream = backend.stream(plan.messages, job.params, job.cancel, self.reading.emit)
            for piece in stream:
                self.chunk.emit(piece)
        except AssistantError as exc:
            self.failed.emit(shown(exc))
            return
        except Exception as exc:  # every run ends with finished or failed, whatever happens
            log.exception("run of %s failed", job.template.id)
            self.failed.emit(self.tr("Unexpected error: {error}. The log has the details.")
                             .format(error=_unexpected(exc)))
            return
        self.finished.emit(stream.stats)

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

    Signals:
        state_changed(str): "loading", "ready", "failed" or "running".
        model_loaded(str, int): model name and context size (0 when the server does not say).
        model_notice(str): something to know about the model just loaded (e.g. a failed
            GPU offload), for the status line.
        model_failed(str): the load error, for the status line.
        planned(object): the Plan of the run that is starting.
        reading(int, int): prompt tokens read and in all, while a long prompt is read.
        chunk(str): a piece of the answer.
        run_finished(object): Stats of the run (finish_reason says if it was stopped).
        run_failed(str): the error of a run.
    """

    state_changed = Signal(str)
    model_loaded = Signal(str, int)
    model_notice = Signal(str)
    model_failed = Signal(str)
    planned = Signal(object)
    reading = Signal(int, int)
    chunk = Signal(str)
    run_finished = Signal(object)
    run_failed = Signal(str)

    _request_load = Signal(object)
    _request_run = Signal(object)
    _request_task = Signal(object)
    _request_shutdown = Signal()

    def __init__(self, factory: BackendFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = "unloaded"
        self.model_name = ""
        self.n_ctx = 0
        self.config: BackendConfig | None = None
        """What was loaded last (or is loading)."""
        self._job: Job | None = None
        self._tasks: dict[int, tuple[Callable[[Any], None], Callable[[str], None]]] = {}
        self._serial = 0
        self._warm_wanted = 0
        """Serial of the latest warm-up asked for; older ones still queued are skipped."""
        self.last_owner: object = None
        """Owner of the current or last run: listeners ignore runs that are not theirs."""
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
        self._worker.planned.connect(self.planned)
        self._worker.reading.connect(self.reading)
        self._worker.chunk.connect(self.chunk)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.task_done.connect(self._on_task_done)
        self._worker.task_failed.connect(self._on_task_failed)
        self._thread.start()

    @property
    def backend(self) -> Backend | None:
        """The loaded backend, to ask what it can do (not to render or count with it here)."""
        return self._worker.backend if self.state in ("ready", "running") else None

    @property
    def busy(self) -> bool:
        """True while a run is going."""
        return self._job is not None

    def load(self, config: BackendConfig) -> None:
        """Load the model or connect to the server on the model thread.

        A running answer is stopped first; the previous backend is closed
        before the new one is built.
        """
        self.stop()
        self.config = config
        self._set_state("loading")
        self._request_load.emit(config)

    def report_load_error(self, message: str) -> None:
        """Show a model problem found before loading (e.g. no model configured)."""
        self._on_load_failed(message)

    def run(self, job: Job) -> bool:
        """Start ``job``; False if a run is already going or no model is ready."""
        if self._job is not None or self.state != "ready":
            return False
        self._job = job
        self.last_owner = job.owner
        self._set_state("running")
        self._request_run.emit(job)
        return True

    def hand_over(self, owner: object) -> Job | None:
        """Make ``owner`` the owner of the run going on, which goes on; its job, or None.

        The quick prompt's "Open in main window" moves a running answer to the
        main window this way: from now on its chunks and result are the window's.
        """
        if self._job is not None:
            self.last_owner = owner
        return self._job

    def stop(self) -> None:
        """Stop the current run as soon as possible (no-op when idle)."""
        if self._job is not None:
            self._job.cancel.cancel()

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
        if self.state != "ready":
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
        self._set_state("ready")
        self.model_loaded.emit(name, n_ctx)
        if notice:
            self.model_notice.emit(shown(notice))

    @Slot(str)
    def _on_load_failed(self, message: str) -> None:
        self._set_state("failed")
        self.model_failed.emit(message)

    @Slot(object)
    def _on_finished(self, stats: object) -> None:
        self._job = None
        self._set_state("ready")
        self.run_finished.emit(stats)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._job = None
        if self.state == "running":
            self._set_state("ready")
        self.run_failed.emit(message)

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

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
