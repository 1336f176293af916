"""The values the history keeps: runs, entries of one or two runs, list rows.

Everything is frozen and holds plain data (text, numbers, dicts of them), so a
record can be built on the thread that ran the model, handed to the thread
that writes it, and compared in tests without caring where it came from.
Times are aware datetimes in UTC; showing them in local time is the caller's
business.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol

SNIPPET_CHARS = 100
"""How much of an input or an answer a list row shows."""


class Outcome(StrEnum):
    """How a run ended; the stored output is partial for the last two."""

    FINISHED = "finished"
    """The model ended its answer."""
    LENGTH = "length"
    """Cut at the largest number of tokens allowed."""
    STOPPED = "stopped"
    """The user stopped it: the output is what came until then."""
    FAILED = "failed"
    """An error ended it (see :attr:`RunRecord.error`): the output is what came before."""


class EntryKind(StrEnum):
    """What an entry holds: one run, or two runs of the same input to compare."""

    RUN = "run"
    COMPARE = "compare"


class PromptMessage(Protocol):
    """What :meth:`StoredMessage.from_prompt` reads of an ``assistant.prompt.Message``.

    A protocol rather than an import: the history must not depend on how the
    prompt module builds its messages, only on what a message says.
    """

    @property
    def role(self) -> str: ...

    @property
    def content(self) -> str: ...

    @property
    def part(self) -> object: ...

    @property
    def example(self) -> int: ...


@dataclass(frozen=True)
class StoredMessage:
    """One message exactly as it was sent, with the part of the prompt it came from."""

    role: str
    content: str
    part: str
    """``"system"``, ``"example"`` or ``"input"``."""
    example: int = 0
    """The example's number, from 1, for an example's two messages; 0 otherwise."""

    @classmethod
    def from_prompt(cls, message: PromptMessage) -> StoredMessage:
        """The stored form of a message the prompt builder made."""
        return cls(message.role, message.content, str(message.part), message.example)

    def as_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {"role": self.role, "content": self.content, "part": self.part,
                "example": self.example}


@dataclass(frozen=True)
class RunRecord:
    """Everything about one run that the history keeps.

    The output of a stopped or failed run is the partial text the user saw;
    :attr:`outcome` says so. ``id`` is None until the record is read back.
    """

    started_at: datetime
    template_id: str
    template_title: str
    template_hash: str
    """See :func:`template_hash`: tells whether the template changed since."""
    values: Mapping[str, str]
    """The form's field values, by field name, in form order."""
    examples_used: int
    messages: tuple[StoredMessage, ...]
    model: str
    """A short name for lists (a file's stem, ``model @ host``)."""
    model_source: str
    """Where exactly: ``file:/path/x.gguf`` or ``server:http://host/v1 model``."""
    settings: Mapping[str, object]
    """Sampling: temperature, max_tokens, top_p, top_k, repeat_penalty, seed."""
    output: str
    outcome: Outcome
    error: str | None = None
    stats: Mapping[str, object] = field(default_factory=dict)
    """``Stats.as_dict()`` of the run."""
    variant: str = ""
    """"" for a plain run; in a comparison, which side this is ("with examples")."""
    id: int | None = None

    def __post_init__(self) -> None:
        if self.started_at.tzinfo is None:
            # A naive time would be read back as UTC and shift by the UTC
            # offset; refuse it where it is made.
            raise ValueError("RunRecord.started_at must be an aware datetime")

    @property
    def input_text(self) -> str:
        """The field values joined by newlines: what a search looks through as the input."""
        return "\n".join(value for value in self.values.values() if value)

    def as_dict(self) -> dict[str, Any]:
        """Plain values for JSON (``assistant history show --json``)."""
        return {"id": self.id, "started_at": self.started_at.isoformat(),
                "template_id": self.template_id, "template_title": self.template_title,
                "template_hash": self.template_hash, "values": dict(self.values),
                "examples_used": self.examples_used,
                "messages": [message.as_dict() for message in self.messages],
                "model": self.model, "model_source": self.model_source,
                "settings": dict(self.settings), "output": self.output,
                "outcome": str(self.outcome), "error": self.error, "stats": dict(self.stats),
                "variant": self.variant}


@dataclass(frozen=True)
class Entry:
    """One line of the history: a run, or the two runs of a comparison, in order."""

    id: int
    created_at: datetime
    """When the (first) run started, UTC."""
    kind: EntryKind
    runs: tuple[RunRecord, ...]

    def as_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {"id": self.id, "created_at": self.created_at.isoformat(),
                "kind": str(self.kind), "runs": [run.as_dict() for run in self.runs]}


@dataclass(frozen=True)
class EntrySummary:
    """What a list of entries shows, without the messages and whole texts."""

    id: int
    created_at: datetime
    kind: EntryKind
    template_id: str
    template_title: str
    input_snippet: str
    output_snippet: str
    """Of the first run."""
    outcomes: tuple[Outcome, ...]
    """One per run, in order."""
    variants: tuple[str, ...]
    """One per run, in order ("" for a plain run)."""

    def as_dict(self) -> dict[str, Any]:
        """Plain values for JSON (``assistant history --json``)."""
        return {"id": self.id, "created_at": self.created_at.isoformat(),
                "kind": str(self.kind), "template_id": self.template_id,
                "template_title": self.template_title, "input": self.input_snippet,
                "output": self.output_snippet, "outcomes": [str(o) for o in self.outcomes],
                "variants": list(self.variants)}


def template_hash(text: str) -> str:
    """SHA-256 (hex) of a template's defining text.

    Stored with each run so a past run can tell whether the template that made
    it has been edited since; the caller decides what text defines it.
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The first line of ``text`` that says something, cut to ``limit`` characters.

    Answers are Markdown and mostly start with a heading ("## Corrected
    text") that is the same in every answer of a template: the first line
    that is not a heading is shown, without its list or quote mark.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    line = next((line for line in lines if not line.startswith("#")), lines[0] if lines else "")
    line = _MARK.sub("", line) or line
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


_MARK = re.compile(r"^(?:[-*+>]\s+|\d+[.)]\s+)+")


def input_snippet(values: Mapping[str, str]) -> str:
    """A list row's view of the input: the first line of the longest value.

    The record does not say which field is the template's input, and the
    first field is often a short choice ("Formal"); the text the user pasted
    is almost always the longest value.
    """
    longest = max(values.values(), key=len, default="")
    return snippet(longest)


def utc(moment: datetime) -> datetime:
    """``moment`` in UTC; an aware datetime is required (see RunRecord)."""
    if moment.tzinfo is None:
        raise ValueError("an aware datetime is required")
    return moment.astimezone(UTC)
