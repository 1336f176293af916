"""Run one blocking job (a download, a file copy) off the GUI thread, reporting by signals.

The job is a plain function of the core (:mod:`assistant.modelstore`), called
on a Python thread with a :class:`~assistant.backend.CancelToken` and a
progress callback. Its outcome comes back to the GUI thread as queued
signals: the window never waits for the network or the disk.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from assistant.backend import CancelToken
from assistant.errors import AssistantError, Cancelled
from assistant.gui.core_text import shown

log = logging.getLogger(__name__)

Job = Callable[[CancelToken, Callable[[Any], None]], Any]


class BackgroundJob(QObject):
    """One job at a time; :meth:`start` it, :meth:`cancel` it.

    Signals:
        progress(object): what the job reported (e.g. a download's Progress).
        finished(object): the job's result.
        failed(str, bool): the error message, and whether running again resumes.
        cancelled(): the job stopped on request (a partial download is kept).
    """

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str, bool)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel: CancelToken | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        """True while a job is going."""
        return self._thread is not None and self._thread.is_alive()

    def start(self, job: Job, name: str = "job") -> bool:
        """Run ``job`` on a thread; False if one is already running."""
        if self._thread is not None:
            # A job that just reported its end may still be leaving its thread.
            self._thread.join(1.0)
        if self.running:
            return False
        cancel = self._cancel = CancelToken()
        self._thread = threading.Thread(target=self._run, args=(job, cancel), name=name,
                                        daemon=True)
        self._thread.start()
        return True

    def cancel(self) -> None:
        """Ask the running job to stop."""
        if self._cancel is not None:
            self._cancel.cancel()

    def wait(self, timeout_s: float) -> bool:
        """Wait for the job to end (at quit); True if it did."""
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout_s)
        return not thread.is_alive()

    def _run(self, job: Job, cancel: CancelToken) -> None:
        try:
            result = job(cancel, self.progress.emit)
        except Cancelled:
            self.cancelled.emit()
        except AssistantError as exc:
            self.failed.emit(shown(exc), bool(getattr(exc, "resumable", False)))
        except Exception as exc:
            log.exception("background job failed")
            self.failed.emit(f"{type(exc).__name__}: {exc}", False)
        else:
            self.finished.emit(result)
