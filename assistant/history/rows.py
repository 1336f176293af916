"""Records to table rows and back: JSON for the structured columns, ISO text for times.

JSON keeps Chinese as it is (no ``\\u`` escapes: the file stays small and
readable with any SQLite tool) and the order of the form's fields.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from assistant.history.query import stamp
from assistant.history.records import Outcome, RunRecord, StoredMessage

RUN_COLUMNS = ("started_at", "template_id", "template_title", "template_hash", "values_json",
               "examples_used", "messages_json", "model", "model_source", "settings_json",
               "output", "outcome", "error", "stats_json", "variant")
"""The columns of ``runs`` that a record fills, in :func:`run_values` order."""


def dumps(value: object) -> str:
    """Compact JSON, Chinese unescaped."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def run_values(run: RunRecord) -> tuple[object, ...]:
    """``run`` as the values of :data:`RUN_COLUMNS`."""
    return (stamp(run.started_at), run.template_id, run.template_title, run.template_hash,
            dumps(dict(run.values)), run.examples_used,
            dumps([message.as_dict() for message in run.messages]), run.model,
            run.model_source, dumps(dict(run.settings)), run.output, str(run.outcome),
            run.error, dumps(dict(run.stats)), run.variant)


def parse_time(text: str) -> datetime:
    """A stored time, as an aware datetime in UTC."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def run_from_row(row: sqlite3.Row) -> RunRecord:
    """The record a ``SELECT id, <RUN_COLUMNS> FROM runs`` row holds.

    Raises ValueError (or KeyError, TypeError) when a column does not hold
    what this module wrote; the store reports that as a damaged entry.
    """
    messages = tuple(StoredMessage(str(m["role"]), str(m["content"]), str(m["part"]),
                                   int(m["example"]))
                     for m in _json_list(row["messages_json"]))
    return RunRecord(
        started_at=parse_time(row["started_at"]), template_id=row["template_id"],
        template_title=row["template_title"], template_hash=row["template_hash"],
        values=values_from_json(row["values_json"]),
        examples_used=int(row["examples_used"]), messages=messages, model=row["model"],
        model_source=row["model_source"], settings=_json_dict(row["settings_json"]),
        output=row["output"], outcome=Outcome(row["outcome"]), error=row["error"],
        stats=_json_dict(row["stats_json"]), variant=row["variant"], id=int(row["id"]))


def values_from_json(text: str) -> dict[str, str]:
    """The field values of a stored run (``values_json``)."""
    return {str(k): str(v) for k, v in _json_dict(text).items()}


def _json_dict(text: str) -> dict[str, Any]:
    value = json.loads(text)
    if not isinstance(value, dict):
        raise TypeError("not a JSON object")
    return value


def _json_list(text: str) -> list[Any]:
    value = json.loads(text)
    if not isinstance(value, list):
        raise TypeError("not a JSON list")
    return value
