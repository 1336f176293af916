"""The history of runs: what was asked, of which model, and what came back.

Plain Python (SQLite from the standard library, no Qt), so the CLI, the GUI's
background thread and the tests use the same code. :mod:`.records` holds the
immutable values that go in and come out, :mod:`.store` the database, and
:mod:`.recording` turns the pieces of a finished run into a record.

An *entry* is what the user sees as one line of the history; it holds one run,
or two for a comparison (the same input with and without examples, say), so
deleting or opening a comparison takes both halves together.
"""

from __future__ import annotations

from assistant.history.records import (
    Entry,
    EntryKind,
    EntrySummary,
    Outcome,
    RunRecord,
    StoredMessage,
    template_hash,
)
from assistant.history.store import HistoryError, HistoryStore

__all__ = ["Entry", "EntryKind", "EntrySummary", "HistoryError", "HistoryStore", "Outcome",
           "RunRecord", "StoredMessage", "template_hash"]
