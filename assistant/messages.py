"""User-facing sentences that the core writes and the GUI translates.

The core runs without Qt, so it cannot translate; and a finished English
string cannot be translated later. So every sentence the core shows a user
(errors, notices, settings problems) is a :class:`Message`: a constant
English pattern with named slots (``"{path}: file not found."``) plus the
values for them. ``str()`` renders it in English for the CLI and the logs;
the GUI renders the same message through Qt's translation of the pattern, in
the UI language.

Patterns are plain :meth:`str.format` patterns (a literal brace is doubled).
They must be string constants at the call site: ``python3 -m
assistant.gui.i18n update`` finds them in the source to offer them to
translators, and a test fails on any core error built from a finished
f-string instead.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Union

Param = Union[str, int, float, "Message"]
"""What a slot may hold: text, a number (for format specs like ``{size:,}``)
or another message, translated along with this one."""

Translate = Callable[[str], str]
"""Maps an English pattern to the pattern in the UI language."""

_FORMATTER = string.Formatter()


def slots(pattern: str) -> frozenset[str]:
    """The slot names a pattern uses (``{path}`` and ``{size:,}`` → path, size)."""
    return frozenset(name for _, name, _, _ in _FORMATTER.parse(pattern) if name)


def _english(pattern: str) -> str:
    return pattern


@dataclass(frozen=True)
class Message:
    """One sentence for the user: an English pattern and its slot values.

    Build it with :meth:`of`, which checks that the values fill exactly the
    pattern's slots, so a typo fails where it is written rather than when a
    user finally meets the message.
    """

    pattern: str
    params: Mapping[str, Param]

    @classmethod
    def of(cls, pattern: str, /, **params: object) -> Message:
        """The message ``pattern`` with ``params``; paths and other values become text."""
        wanted = slots(pattern)
        if wanted != params.keys():
            raise ValueError(f"message {pattern!r} has slots {sorted(wanted)} but was given "
                             f"{sorted(params)}")
        return cls(pattern, {name: _param(value) for name, value in params.items()})

    def render(self, translate: Translate = _english) -> str:
        """The sentence, with the pattern (and nested messages) passed through ``translate``.

        A translation whose slots differ from the pattern's (a translator's
        typo) is not used: the English sentence is better than a crash or a
        sentence with a hole.
        """
        pattern = translate(self.pattern)
        if pattern != self.pattern and slots(pattern) != slots(self.pattern):
            pattern = self.pattern
        values = {name: value.render(translate) if isinstance(value, Message) else value
                  for name, value in self.params.items()}
        return pattern.format_map(values)

    def __str__(self) -> str:
        return self.render()

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form, for caches that keep a message between runs."""
        return {"pattern": self.pattern,
                "params": {name: value.to_json() if isinstance(value, Message) else value
                           for name, value in self.params.items()}}

    @classmethod
    def from_json(cls, data: Any) -> Message:
        """The message :meth:`to_json` made; TypeError if ``data`` is not one."""
        if not isinstance(data, dict) or not isinstance(data.get("pattern"), str) \
                or not isinstance(data.get("params"), dict):
            raise TypeError("not a stored message")
        params: dict[str, object] = {}
        for name, value in data["params"].items():
            if isinstance(value, dict):
                params[name] = cls.from_json(value)
            elif isinstance(value, (str, int, float)):
                params[name] = value
            else:
                raise TypeError(f"stored message slot {name!r} holds {type(value).__name__}")
        return cls.of(data["pattern"], **params)


def _param(value: object) -> Param:
    if isinstance(value, (str, int, float, Message)):
        return value
    message = getattr(value, "message", None)  # an AssistantError, without importing it
    if isinstance(message, Message):
        return message
    return str(value)
