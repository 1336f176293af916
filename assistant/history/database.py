"""Opening the SQLite file: connection settings, the damage check, moving a file aside.

Kept apart from :mod:`.store` because it deals with the file as a file (is
it a database at all? can it be renamed?), while the store deals with
entries.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from assistant.history.errors import DAMAGED_CODES, HistoryError, history_error, primary_code

BUSY_TIMEOUT_MS = 5000
"""How long a write waits for another process's write (the app and the CLI at once)."""

MAGIC = b"SQLite format 3\x00"
"""The first bytes of every SQLite database file."""

SIDE_FILES = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside a database, which belong to it."""


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), not yet touching the file."""
    try:
        db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    except sqlite3.Error as exc:
        raise history_error(path, exc) from exc
    db.row_factory = sqlite3.Row
    try:
        # Per connection, and none of them reads or writes the file (unlike
        # ``synchronous``, see HistoryStore.open). Freed pages are zeroed
        # (secure_delete) because the history holds the user's texts: a
        # deleted entry should not stay readable in the file.
        for pragma in (f"busy_timeout = {BUSY_TIMEOUT_MS}", "foreign_keys = ON",
                       "secure_delete = ON"):
            db.execute(f"PRAGMA {pragma}")
    except sqlite3.Error as exc:
        db.close()
        raise history_error(path, exc) from exc
    return db


def damage(db: sqlite3.Connection, path: Path) -> str | None:
    """What is wrong with the file, if it is not a sound database; None if it is.

    ``quick_check`` reads every page (milliseconds for a history of thousands
    of runs) but writes nothing, so a newer version's file is left as it was.
    """
    # The header first, in Python: SQLite, asked to read a file that is no
    # database, deletes its -wal file on closing, which may be all that is
    # left of the user's last runs.
    try:
        with path.open("rb") as handle:
            header = handle.read(len(MAGIC))
    except FileNotFoundError:
        header = b""  # a new history
    except OSError as exc:
        db.close()
        raise history_error(path, exc) from exc
    if header and header != MAGIC:
        return "file is not a database"
    try:
        rows = db.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if primary_code(exc) in DAMAGED_CODES:
            return str(exc)
        db.close()
        raise history_error(path, exc) from exc
    found = [str(row[0]) for row in rows]
    return None if found == ["ok"] else "; ".join(found[:3])


def move_aside(path: Path, problem: str) -> Path:
    """Rename the damaged ``path`` (and its side files) to a free ``.corrupt-<time>`` name."""
    base = f"{path.name}.corrupt-{datetime.now():%Y%m%d-%H%M%S}"
    target, number = path.with_name(base), 1
    while any(path.with_name(target.name + side).exists() for side in ("", *SIDE_FILES)):
        number += 1
        target = path.with_name(f"{base}-{number}")
    try:
        os.replace(path, target)
        for side in SIDE_FILES:
            source = path.with_name(path.name + side)
            if source.exists():
                os.replace(source, target.with_name(target.name + side))
    except OSError as exc:
        raise HistoryError("{path}: the history file is damaged ({problem}) and could not be "
                           "moved aside ({error}). Move or delete it, then start again.",
                           path=path, problem=problem, error=exc.strerror or exc) from exc
    return target


@contextmanager
def transaction(db: sqlite3.Connection, mode: str = "IMMEDIATE") -> Iterator[None]:
    """One transaction: committed when the block ends, rolled back if it raises.

    IMMEDIATE takes the write lock at the start, so a write waits for
    another process's (``busy_timeout``) instead of failing half-way.
    """
    db.execute(f"BEGIN {mode}")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the error being raised says what went wrong; SQLite rolls back itself
        raise
