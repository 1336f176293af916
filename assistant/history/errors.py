"""What went wrong with the history file, in words the user can act on.

SQLite reports a problem as a result code; the message here is chosen by that
code (and by ``errno`` for an OSError), never by matching the error's text,
which differs between SQLite versions. Every message names the file, because
the user may have to free space on its disk, fix its permissions or move it.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from assistant.errors import AssistantError

_FULL = {sqlite3.SQLITE_FULL}
_NOT_WRITABLE = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN,
                 sqlite3.SQLITE_AUTH}
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
DAMAGED_CODES = frozenset(_DAMAGED)
"""Result codes that mean the file is not (or no longer) a sound database."""


class HistoryError(AssistantError):
    """The history file could not be opened, read or written.

    A run's answer never depends on it: callers show the answer and this
    message beside it (the CLI as a warning).
    """


def primary_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code of ``error`` (extended codes carry it in the low byte)."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def history_error(path: Path, error: sqlite3.Error | OSError) -> HistoryError:
    """The message for ``error`` met while using the history file ``path``."""
    if isinstance(error, OSError):
        reason: str = error.strerror or str(error)
        number = error.errno
        full = number == errno.ENOSPC
        not_writable = number in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR,
                                  errno.EISDIR, errno.EEXIST)
        busy = damaged = False
    else:
        reason = str(error)
        code = primary_code(error)
        full = code in _FULL
        not_writable = code in _NOT_WRITABLE
        busy = code in _BUSY
        damaged = code in _DAMAGED
    if full:
        return HistoryError("{path}: the disk is full, so the history cannot be saved "
                            "({error}). Free some space on this disk, or turn history off in "
                            "the settings.", path=path, error=reason)
    if not_writable:
        return HistoryError("{path}: the history file cannot be opened or written ({error}). "
                            "Check that you may write to this file and its folder, or turn "
                            "history off in the settings.", path=path, error=reason)
    if busy:
        return HistoryError("{path}: the history file is busy in another program ({error}). "
                            "Try again in a moment.", path=path, error=reason)
    if damaged:
        return HistoryError("{path}: the history file is damaged ({error}). Start the "
                            "assistant again: it then moves the file aside and starts a new "
                            "history.", path=path, error=reason)
    return HistoryError("{path}: the history file cannot be used ({error}).",
                        path=path, error=reason)
