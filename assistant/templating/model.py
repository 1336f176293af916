"""The validated, immutable shape of a template.

Everything here is plain data plus small helpers that need no I/O, so the
GUI form, the CLI and the prompt builder can all read the same object. The
body is held as a :class:`~.body.CompiledBody`; how a template is filled in
for a run is :mod:`.render`'s business, so nothing here imports it.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from assistant.sampling import Overrides
from assistant.templating.body import CompiledBody


class FieldKind(enum.Enum):
    """How a field is edited in the form; the value is always a string."""

    TEXT = "text"       # multi-line
    LINE = "line"       # single line
    CHOICE = "choice"   # one of ``options``
    DATE = "date"       # ISO date, today when left empty


class Source(enum.Enum):
    """Where a template came from; user templates override built-ins by id."""

    BUILTIN = "built-in"
    USER = "user"


@dataclass(frozen=True)
class Field:
    """One input of a template, shown as one row of the form."""

    name: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    default: str = ""
    options: tuple[str, ...] = ()
    placeholder: str = ""
    declared: bool = True
    """False for a variable the body uses without a ``[fields.X]`` table."""


@dataclass(frozen=True)
class Example:
    """A few-shot example: field values and the answer we want for them."""

    values: Mapping[str, str]
    output: str
    origin: str
    """Where it was written, for messages: ``"file.md, line 40"``."""


@dataclass(frozen=True)
class Template:
    """A parsed template file. Build it with :func:`parse_template`."""

    id: str
    title: str
    body: CompiledBody = field(repr=False)
    description: str = ""
    category: str = ""
    language: str = ""
    input_field: str | None = None
    result: str | None = None
    """The heading of the answer's section that goes back into the document
    (``"*"``: every section is an alternative); None for the whole answer."""
    rewrites: str | None = None
    """The field whose text the result is a new version of (proofread, revise):
    the result is shown as tracked changes against it."""
    fields: tuple[Field, ...] = ()
    generation: Overrides = ()
    """The template's ``[generation]`` values (see :mod:`assistant.sampling`); others come
    from the settings and the defaults."""
    examples: tuple[Example, ...] = ()
    source: Source = Source.BUILTIN
    path: str = ""

    def field(self, name: str) -> Field | None:
        """The field called ``name``, or None."""
        for item in self.fields:
            if item.name == name:
                return item
        return None

    @property
    def variables(self) -> tuple[str, ...]:
        """Names of all fields, declared or found in the body, in form order."""
        return tuple(item.name for item in self.fields)

    @property
    def required_fields(self) -> tuple[Field, ...]:
        """The fields the user must fill before a run."""
        return tuple(item for item in self.fields if item.required)

    def with_examples(self, extra: tuple[Example, ...]) -> Template:
        """A copy with ``extra`` examples appended (the user's saved ones)."""
        from dataclasses import replace

        return replace(self, examples=self.examples + extra)
