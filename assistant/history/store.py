"""The history database: one SQLite file in the user's data folder.

WAL with ``synchronous = FULL``: a run is on the disk once :meth:`HistoryStore.add`
returns, and a crash or ``kill -9`` at any moment loses nothing committed.
Readers (a second app, the CLI) never wait for a writer. A file that is not a
sound database is moved aside, not repaired: the user keeps it and gets a
working history at once.

Threads: one connection, opened with ``check_same_thread=False`` and used
only under a lock, so the GUI's background thread can write a finished run
while the GUI thread lists or opens entries. A call waits while another runs
(a write takes milliseconds); a GUI that must never wait runs its searches on
a worker too.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from assistant.history import query, schema
from assistant.history.database import connect, damage, move_aside, transaction
from assistant.history.errors import HistoryError, history_error
from assistant.history.records import (
    Entry,
    EntryKind,
    EntrySummary,
    Outcome,
    RunRecord,
    input_snippet,
    snippet,
)
from assistant.history.rows import (
    RUN_COLUMNS,
    parse_time,
    run_from_row,
    run_values,
    values_from_json,
)
from assistant.messages import Message

__all__ = ["HistoryError", "HistoryStore"]

_RUN_SELECT = f"SELECT id, {', '.join(RUN_COLUMNS)} FROM runs"


class HistoryStore:
    """Adds, finds, reads and deletes history entries. Build it with :meth:`open`."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db = db
        self._lock = threading.Lock()
        self.path = path
        """The database file."""

    @classmethod
    def open(cls, path: Path) -> tuple[HistoryStore, list[Message]]:
        """Open (or create) the history at ``path``; also return notices for the user.

        A damaged file is moved aside to ``<name>.corrupt-<time>`` with its
        ``-wal`` and ``-shm`` files, and a new history is started; the notice
        names both paths. Raises HistoryError when the file cannot be made
        or used, or was written by a newer version (the file is then left
        exactly as it was).
        """
        if sqlite3.sqlite_version_info < schema.MINIMUM_SQLITE:
            raise HistoryError("The history needs SQLite 3.34 or newer for its search, but this "
                               "Python has SQLite {version}. Install a newer Python, or turn "
                               "history off in the settings.", version=sqlite3.sqlite_version)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise history_error(path, exc) from exc
        notices: list[Message] = []
        db = connect(path)
        problem = damage(db, path)
        if problem is not None:
            db.close()
            moved = move_aside(path, problem)
            notices.append(Message.of("The history file {path} was damaged; it was moved to "
                                      "{moved} and a new history was started.",
                                      path=path, moved=moved))
            db = connect(path)
        try:
            found = schema.version(db)
            if found > schema.VERSION:
                raise HistoryError("{path} was written by a newer version of the app (history "
                                   "version {found}; this version knows up to {known}). Update "
                                   "the app, or move the file away to start a new history. The "
                                   "file was not changed.",
                                   path=path, found=found, known=schema.VERSION)
            db.execute("PRAGMA journal_mode = WAL")  # the first write to the file
            # Each commit waits for the disk: a run is kept once add() returns.
            db.execute("PRAGMA synchronous = FULL")
            schema.migrate(db)
        except sqlite3.Error as exc:
            db.close()
            raise history_error(path, exc) from exc
        except BaseException:
            db.close()
            raise
        return cls(db, path), notices

    # -- writing -----------------------------------------------------------------

    def add(self, runs: Sequence[RunRecord], kind: EntryKind = EntryKind.RUN) -> int:
        """Store ``runs`` as one entry, in one transaction; return the entry's id.

        A plain run is one record; a comparison passes its runs in the order
        they are shown. The entry's time is when the first run started.
        """
        if kind is EntryKind.RUN and len(runs) != 1:
            raise ValueError(f"a run entry holds one run, not {len(runs)}")
        if kind is EntryKind.COMPARE and len(runs) < 2:
            raise ValueError(f"a comparison holds two runs or more, not {len(runs)}")
        columns = ", ".join(RUN_COLUMNS)
        marks = ", ".join("?" * len(RUN_COLUMNS))
        with self._using() as db, transaction(db):
            entry_id = db.execute("INSERT INTO entries (created_at, kind) VALUES (?, ?)",
                                  (query.stamp(runs[0].started_at), str(kind))).lastrowid
            assert entry_id is not None
            for position, run in enumerate(runs):
                run_id = db.execute(
                    f"INSERT INTO runs (entry_id, position, {columns}) VALUES (?, ?, {marks})",
                    (entry_id, position, *run_values(run))).lastrowid
                db.execute("INSERT INTO runs_fts (rowid, input, output) VALUES (?, ?, ?)",
                           (run_id, run.input_text, run.output))
        return entry_id

    def delete(self, entry_id: int) -> bool:
        """Delete one entry with all its runs; False if there was none with that id."""
        with self._using() as db, transaction(db):
            deleted = db.execute("DELETE FROM entries WHERE id = ?", (entry_id,)).rowcount
        return deleted > 0

    def clear(self) -> int:
        """Delete every entry; return how many there were.

        With ``secure_delete`` on, freed pages are zeroed; merging the search
        index drops the deleted rows' trigrams from it too, so cleared text
        does not linger in the file.
        """
        with self._using() as db:
            with transaction(db):
                deleted = db.execute("DELETE FROM entries").rowcount
                db.execute("INSERT INTO runs_fts (runs_fts) VALUES ('optimize')")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return deleted

    # -- reading -----------------------------------------------------------------

    def search(self, text: str | None = None, template_id: str | None = None,
               since: datetime | None = None, until: datetime | None = None,
               limit: int = 50, offset: int = 0) -> list[EntrySummary]:
        """Entries matching every filter, newest first (see :mod:`.query` for ``text``).

        ``since`` is inclusive and ``until`` exclusive; both must be aware.
        """
        where = query.build(text, template_id, since, until)
        sql = ("WITH page AS (SELECT e.id, e.created_at, e.kind FROM entries AS e "
               f"{where.where()} ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?) "
               "SELECT page.id, page.created_at, page.kind, r.template_id, r.template_title, "
               "r.values_json, substr(r.output, 1, 1000) AS output, r.outcome, r.variant "
               "FROM page JOIN runs AS r ON r.entry_id = page.id "
               "ORDER BY page.created_at DESC, page.id DESC, r.position")
        with self._using() as db:
            rows = db.execute(sql, (*where.params, limit, offset)).fetchall()
        grouped: dict[int, list[sqlite3.Row]] = {}
        for row in rows:
            grouped.setdefault(int(row["id"]), []).append(row)
        return [self._summary(runs) for runs in grouped.values()]

    def get(self, entry_id: int) -> Entry | None:
        """The whole entry ``entry_id``, or None if there is none."""
        with self._using() as db, transaction(db, "DEFERRED"):  # one snapshot for both
            head = db.execute("SELECT id, created_at, kind FROM entries WHERE id = ?",
                              (entry_id,)).fetchone()
            rows = db.execute(f"{_RUN_SELECT} WHERE entry_id = ? ORDER BY position",
                              (entry_id,)).fetchall()
        if head is None:
            return None
        try:
            return Entry(entry_id, parse_time(head["created_at"]), EntryKind(head["kind"]),
                         tuple(run_from_row(row) for row in rows))
        except (ValueError, KeyError, TypeError) as exc:
            raise self._damaged_entry(entry_id, exc) from exc

    def count(self) -> int:
        """How many entries there are."""
        with self._using() as db:
            return int(db.execute("SELECT count(*) FROM entries").fetchone()[0])

    def close(self) -> None:
        """Close the database; the store cannot be used afterwards."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # -- helpers -----------------------------------------------------------------

    @contextmanager
    def _using(self) -> Iterator[sqlite3.Connection]:
        """The connection, under the lock, with SQLite's errors turned into messages."""
        with self._lock:
            try:
                yield self._db
            except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
                raise  # our mistake (or a closed store), not the file's
            except (sqlite3.Error, OSError) as exc:
                raise history_error(self.path, exc) from exc

    def _summary(self, runs: list[sqlite3.Row]) -> EntrySummary:
        first = runs[0]
        entry_id = int(first["id"])
        try:
            values = values_from_json(first["values_json"])
            return EntrySummary(
                entry_id, parse_time(first["created_at"]), EntryKind(first["kind"]),
                first["template_id"], first["template_title"], input_snippet(values),
                snippet(first["output"]), tuple(Outcome(row["outcome"]) for row in runs),
                tuple(row["variant"] for row in runs))
        except (ValueError, KeyError, TypeError) as exc:
            raise self._damaged_entry(entry_id, exc) from exc

    def _damaged_entry(self, entry_id: int, error: Exception) -> HistoryError:
        return HistoryError("{path}: history entry {id} is damaged ({error}). Delete this "
                            "entry.", path=self.path, id=entry_id, error=str(error) or
                            type(error).__name__)
