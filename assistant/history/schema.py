"""The history database's tables, as numbered migrations.

``PRAGMA user_version`` holds how many of :data:`MIGRATIONS` a file has had.
Opening applies the missing ones in order, each in its own transaction that
also sets the new version, so a crash between two leaves a file at a known
version that the next start continues from. A migration, once released, is
never edited: a change to the schema is a new script at the end.

Search is an FTS5 table with the ``trigram`` tokenizer: the default
(unicode61) tokenizer splits on spaces and punctuation, so in Chinese, which
has no spaces, a whole sentence is one token and 周报 inside
本周周报已提交给经理。 is never found. Trigrams index every three characters,
so any substring of three or more characters is found through the index;
shorter ones (most Chinese words are two characters) are found with LIKE,
which the trigram table also answers (see :mod:`.query`). Its rows have the
run's id as rowid; ``input`` is the field values joined by newlines.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 1: entries of one or more runs, and the search index.
    """
    CREATE TABLE entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: a deleted id stays unknown
        created_at TEXT NOT NULL,              -- ISO 8601, UTC: sorts as text
        kind TEXT NOT NULL
    );
    CREATE INDEX entries_created_at ON entries(created_at);

    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        template_id TEXT NOT NULL,
        template_title TEXT NOT NULL,
        template_hash TEXT NOT NULL,
        values_json TEXT NOT NULL,
        examples_used INTEGER NOT NULL,
        messages_json TEXT NOT NULL,
        model TEXT NOT NULL,
        model_source TEXT NOT NULL,
        settings_json TEXT NOT NULL,
        output TEXT NOT NULL,
        outcome TEXT NOT NULL,
        error TEXT,
        stats_json TEXT NOT NULL,
        variant TEXT NOT NULL DEFAULT '',
        UNIQUE (entry_id, position)  -- also the index the cascade and the joins use
    );
    CREATE INDEX runs_template_id ON runs(template_id);

    CREATE VIRTUAL TABLE runs_fts USING fts5(input, output, tokenize = 'trigram');

    -- The input text is made in Python, so rows are added to the index by the
    -- insert that adds the run; this removes them however a run goes (a
    -- deleted entry's runs go by the cascade).
    CREATE TRIGGER runs_fts_delete AFTER DELETE ON runs BEGIN
        DELETE FROM runs_fts WHERE rowid = old.id;
    END;
    """,
)

VERSION = len(MIGRATIONS)
"""The schema version this code writes."""

MINIMUM_SQLITE = (3, 34, 0)
"""The first SQLite with the trigram tokenizer."""


def version(db: sqlite3.Connection) -> int:
    """The file's schema version (0 for a new, empty file)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection) -> None:
    """Apply the migrations ``db`` lacks, each in one transaction with its version.

    ``db`` must be in autocommit mode (``isolation_level=None``), so that
    the ``BEGIN`` here is the only transaction. The version is read again
    once the write lock is held: two processes opening a new file at once
    then apply each migration once. A failing script is rolled back whole
    and the error propagates.
    """
    for number in range(version(db) + 1, VERSION + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            if version(db) < number:
                for statement in statements(MIGRATIONS[number - 1]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise


def statements(script: str) -> list[str]:
    """The statements of ``script``, one by one.

    Not ``executescript``: it commits any open transaction before it runs,
    so the version check and the script could not share one. A trigger's
    body holds semicolons; ``sqlite3.complete_statement`` knows where it ends.
    """
    found: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            found.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        found.append(buffer.strip())  # incomplete: execute() says what is wrong
    return found
