"""The history as the GUI uses it: every run recorded when it ends, off the GUI thread.

:class:`~assistant.history.HistoryStore` is plain Python and blocking; here
one background thread owns every call to it (opening, which checks the file,
writing a finished run, searching, reading, deleting), so a slow disk or a
big history never stalls the window. Results come back as signals emitted
on the GUI thread (relayed through a queued private signal), so any slot,
a lambda too, may touch widgets. A write that fails (a full or read-only disk) is reported in
the status line, and the answer on screen is not touched: the user keeps it.

Every run that ends is recorded, whoever started it, by listening to
:attr:`ModelController.run_ended <assistant.gui.worker.ModelController.run_ended>`;
a compare is recorded as one entry by :meth:`HistoryLog.record_pair`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance, Slot

from assistant.backend import Stats
from assistant.backend.config import BackendConfig
from assistant.errors import AssistantError
from assistant.gui.core_text import shown
from assistant.gui.run import Run
from assistant.history import EntryKind, HistoryStore, Outcome, RunRecord
from assistant.history.recording import run_record

log = logging.getLogger(__name__)


def record_of(run: Run, config: BackendConfig, variant: str = "") -> RunRecord | None:
    """What the history keeps of ``run``; None for a run that never got to its prompt.

    A run that failed before it was planned (no model, a prompt too long)
    has no messages and no answer: nothing to find again.
    """
    if run.plan is None:
        return None
    config = run.config or config
    return run_record(started_at=run.started_at, template=run.job.template,
                      values=run.job.values, messages=run.plan.messages,
                      examples_used=run.plan.examples_used, model=run.model, config=config,
                      params=run.job.params, output=run.text, stats=run.stats or Stats(),
                      error=run.error if run.outcome is Outcome.FAILED else None,
                      variant=variant)


class HistoryLog(QObject):
    """The history store on its own thread.

    Signals:
        saved(int): an entry was written (its id); lists may refresh.
        changed(): entries were deleted or cleared.
        found(int, object): a search's serial and its list of EntrySummary.
        opened(int, object): a read's serial and the Entry (None if it is gone).
        problem(str): something the user should know: a damaged file moved aside,
            a write or read that failed. Already in the UI language.
    """

    saved = Signal(int)
    changed = Signal()
    found = Signal(int, object)
    opened = Signal(int, object)
    problem = Signal(str)
    _relay = Signal(object)
    """From the history thread: a callable that emits a public signal, run on the GUI thread."""

    def __init__(self, path: Path, enabled: Callable[[], bool],
                 config: Callable[[], BackendConfig | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._enabled = enabled
        self._config = config
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="history")
        self._store: HistoryStore | None = None
        self._serial = 0
        self._relay.connect(self._on_relay, Qt.ConnectionType.QueuedConnection)
        self._executor.submit(self._guarded, self._open, False)

    # -- recording -----------------------------------------------------------

    @Slot(object)
    def record(self, run: Run) -> None:
        """Keep ``run`` (it ended) unless history is turned off."""
        config = self._config()
        if not self._enabled() or config is None or run.in_compare:
            return
        record = record_of(run, config)
        if record is not None:
            self._submit(lambda store: self._add(store, [record], EntryKind.RUN))

    def record_pair(self, runs: Sequence[tuple[Run, str]]) -> None:
        """Keep a compare (each run with its variant label) as one entry."""
        config = self._config()
        if not self._enabled() or config is None:
            return
        records = [r for run, label in runs if (r := record_of(run, config, label)) is not None]
        if len(records) >= 2:
            self._submit(lambda store: self._add(store, records, EntryKind.COMPARE))

    # -- reading -------------------------------------------------------------

    def search(self, text: str = "", template_id: str | None = None,
               since: dt.datetime | None = None, limit: int = 200) -> int:
        """Look for entries; the answer comes as ``found`` with the serial returned."""
        serial = self._next()
        self._submit(lambda store: self._emit(self.found, serial, store.search(
            text or None, template_id=template_id, since=since, limit=limit)))
        return serial

    def open_entry(self, entry_id: int) -> int:
        """Read one whole entry; it comes as ``opened`` with the serial returned."""
        serial = self._next()
        self._submit(lambda store: self._emit(self.opened, serial, store.get(entry_id)))
        return serial

    def delete(self, entry_id: int) -> None:
        """Delete one entry."""
        self._submit(lambda store: self._changed(store.delete(entry_id)))

    def clear(self) -> None:
        """Delete every entry."""
        self._submit(lambda store: self._changed(store.clear()))

    def wait(self) -> None:
        """Block until everything asked so far is done (for quitting and tests)."""
        self._executor.submit(lambda: None).result()

    def close(self) -> None:
        """Finish pending writes, then close the file."""
        self._executor.submit(self._close)
        self._executor.shutdown(wait=True)

    # -- on the history thread -------------------------------------------------

    @Slot(object)
    def _on_relay(self, emit: Callable[[], None]) -> None:
        emit()

    def _emit(self, signal: SignalInstance, *args: object) -> None:
        """Emit ``signal`` with ``args`` on the GUI thread."""
        self._relay.emit(lambda: signal.emit(*args))

    def _next(self) -> int:
        self._serial += 1
        return self._serial

    def _submit(self, work: Callable[[HistoryStore], Any]) -> Future[None]:
        return self._executor.submit(self._guarded, work)

    def _guarded(self, work: Callable[..., Any], needs_store: bool = True) -> None:
        try:
            if not needs_store:
                work()
            elif self._store is not None:  # else opening failed, and said why
                work(self._store)
        except AssistantError as exc:
            log.warning("history: %s", exc)
            self._emit(self.problem, shown(exc))
        except Exception as exc:  # a history problem must never take the app down
            log.exception("history work failed")
            self._emit(self.problem, self.tr("The history could not be used: {error}")
                       .format(error=f"{type(exc).__name__}: {exc}"))

    def _open(self) -> None:
        store, notices = HistoryStore.open(self.path)
        self._store = store
        for notice in notices:
            log.warning("history: %s", notice)
            self._emit(self.problem, shown(notice))

    def _add(self, store: HistoryStore, records: list[RunRecord], kind: EntryKind) -> None:
        entry_id = store.add(records, kind)
        log.info("history: entry %d kept (%s)", entry_id, kind)
        self._emit(self.saved, entry_id)

    def _changed(self, _result: object) -> None:
        self._emit(self.changed)

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
