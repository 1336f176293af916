"""The SQL of a history search, built from what the user typed.

User text never becomes SQL or FTS5 syntax: each whitespace-separated term is
a literal. A term of three characters or more is an FTS5 string (in double
quotes, a ``"`` doubled), which the trigram index finds as a substring,
case-insensitively; so ``OR``, ``*``, ``:`` or a stray quote mean themselves
and never raise a syntax error. A shorter term (周报, 会议, "AI") has no
trigram to look up, so it is a LIKE pattern with ``%`` and ``_`` escaped,
which the trigram table answers by scanning (see :mod:`.schema`). Every
term must match, each in the input or the output of one of the entry's runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from assistant.history.records import utc

TRIGRAM = 3
"""The shortest term the trigram index can find."""

_ESCAPE = "\\"


@dataclass
class Query:
    """A ``WHERE`` clause over ``entries AS e`` and its parameters."""

    conditions: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    def where(self) -> str:
        """``WHERE ...`` or "" when nothing filters."""
        return "WHERE " + " AND ".join(self.conditions) if self.conditions else ""


def terms(text: str | None) -> list[str]:
    """The terms of a search text; none for None or blanks."""
    return (text or "").split()


def fts_string(term: str) -> str:
    """``term`` as an FTS5 string literal: a phrase that matches the characters as they are."""
    return '"' + term.replace('"', '""') + '"'


def like_pattern(term: str) -> str:
    """``%term%`` with LIKE's wildcards in ``term`` escaped (ESCAPE is a backslash)."""
    escaped = term.replace(_ESCAPE, _ESCAPE * 2).replace("%", _ESCAPE + "%") \
        .replace("_", _ESCAPE + "_")
    return f"%{escaped}%"


def stamp(moment: datetime) -> str:
    """How a time is stored: ISO 8601 in UTC with microseconds, so text order is time order."""
    return utc(moment).isoformat(timespec="microseconds")


def build(text: str | None = None, template_id: str | None = None,
          since: datetime | None = None, until: datetime | None = None) -> Query:
    """The conditions for entries matching all of the given filters.

    ``since`` is inclusive, ``until`` exclusive; both must be aware.
    """
    query = Query()
    for term in terms(text):
        if len(term) >= TRIGRAM:
            query.conditions.append(
                "e.id IN (SELECT r.entry_id FROM runs AS r WHERE r.id IN "
                "(SELECT rowid FROM runs_fts WHERE runs_fts MATCH ?))")
            query.params.append(fts_string(term))
        else:
            query.conditions.append(
                "e.id IN (SELECT r.entry_id FROM runs AS r WHERE r.id IN "
                "(SELECT rowid FROM runs_fts WHERE runs_fts.input LIKE ? ESCAPE '\\' "
                "OR runs_fts.output LIKE ? ESCAPE '\\'))")
            pattern = like_pattern(term)
            query.params += [pattern, pattern]
    if template_id is not None:
        query.conditions.append("e.id IN (SELECT entry_id FROM runs WHERE template_id = ?)")
        query.params.append(template_id)
    if since is not None:
        query.conditions.append("e.created_at >= ?")
        query.params.append(stamp(since))
    if until is not None:
        query.conditions.append("e.created_at < ?")
        query.params.append(stamp(until))
    return query
