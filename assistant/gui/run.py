"""One run of a template: what started it, its own signals, its text so far and its end.

:meth:`ModelController.run <assistant.gui.worker.ModelController.run>`
returns a :class:`Run`; whoever started it connects to that run's signals
and to no one else's. Before, every run's chunks went to every listener,
which each had to check who had started the last one, and the quick
prompt's "Open in main window" had to re-label a run's owner mid-stream.
Now a run is handed over by handing over the object (its text so far is in
:attr:`Run.text`). Everything here is on the GUI thread: the controller
re-emits what the model thread reports.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal

from assistant.backend import Stats
from assistant.backend.config import BackendConfig
from assistant.budget import Plan
from assistant.gui.job import Job
from assistant.history import Outcome
from assistant.history.recording import outcome


class Run(QObject):
    """One run, from start to end.

    Signals:
        planned(object): the :class:`~assistant.budget.Plan` (messages, examples used).
        reading(int, int): prompt tokens read so far and in all, for a long prompt.
        chunk(str): a piece of the answer (also added to :attr:`text`).
        finished(object): its :class:`~assistant.backend.Stats`; stopped runs too.
        failed(str): why it could not start or broke off.
        ended(): after finished or failed, whichever it was.
    """

    planned = Signal(object)
    reading = Signal(int, int)
    chunk = Signal(str)
    finished = Signal(object)
    failed = Signal(str)
    ended = Signal()

    def __init__(self, job: Job, model: str, config: BackendConfig | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.config = config
        """The model of this run when it is not the loaded one (a compare), else None."""
        self.model = model
        """The model's name when the run started (a file name or a server's model)."""
        self.started_at = dt.datetime.now(dt.UTC)
        self.outcome: Outcome | None = None
        """How it ended (None while it runs): finished, cut at the length limit, stopped
        by the user (:attr:`text` is then partial) or failed (:attr:`error` says why)."""
        self.plan: Plan | None = None
        self.text = ""
        """The answer so far; all of it once the run ended."""
        self.stats: Stats | None = None
        self.error: str | None = None
        self.in_compare = False
        """One side of a compare: the history keeps the pair as one entry, not this alone."""
        self.handed_over = False
        """Set by a window that took the run over from where it started: the quick
        prompt's "Open in main window" then closes without stopping it."""

    @property
    def done(self) -> bool:
        """True once the run finished, was stopped or failed."""
        return self.outcome is not None

    @property
    def complete(self) -> bool:
        """True when the answer is all the model wrote: not stopped, not failed."""
        return self.outcome in (Outcome.FINISHED, Outcome.LENGTH)

    def cancel(self) -> None:
        """Stop the run as soon as possible: between chunks or inside prompt reading."""
        self.job.cancel.cancel()

    # -- called by the controller, on the GUI thread ----------------------

    def _planned(self, plan: Plan) -> None:
        self.plan = plan
        self.planned.emit(plan)

    def _chunk(self, text: str) -> None:
        self.text += text
        self.chunk.emit(text)

    def _finished(self, stats: Stats) -> None:
        self.stats = stats
        self.outcome = outcome(stats.finish_reason, failed=False)
        self.finished.emit(stats)
        self.ended.emit()

    def _failed(self, message: str) -> None:
        self.error = message
        self.outcome = Outcome.FAILED
        self.failed.emit(message)
        self.ended.emit()
