"""The part of an answer that goes back into the user's document.

A proofreading answer holds the corrected text and, beside it, the list of
changes. What the user pastes back is the corrected text: the headings and
the explanations must not land in their e-mail. A template names that part
with ``result = "Corrected text"`` (the Markdown heading of the section);
``result = "*"`` says every section is an alternative (the phrasing
templates offer three wordings) and the user picks one.

A small model does not always follow the format. Then the whole answer is
the result and :attr:`Result.notice` says so: pasting nothing, or half an
answer, would be worse than pasting the answer as it came.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.messages import Message

EVERY_SECTION = "*"
"""The ``result`` value for answers made of alternatives, one per section."""

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_BOLD_LINE = re.compile(r"^ {0,3}(?:\*\*|__)(.+?)(?:\*\*|__)[ \t]*[:：]?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_TRIM = " \t:：.。#*_"


@dataclass(frozen=True)
class Part:
    """One section of an answer: its heading (as written) and its text."""

    title: str
    text: str


@dataclass(frozen=True)
class Result:
    """What Copy and Replace take from an answer, and the alternatives to choose from.

    ``parts`` has one entry for a named section, several for ``"*"``, and
    the whole answer (title "") when the template names no section or the
    answer lacks it; ``notice`` then says why, for the user.
    """

    parts: tuple[Part, ...]
    notice: Message | None = None

    @property
    def text(self) -> str:
        """The result: the first (or only) part."""
        return self.parts[0].text if self.parts else ""

    @property
    def whole(self) -> bool:
        """True when the result is the whole answer."""
        return len(self.parts) == 1 and self.parts[0].title == ""


def extract(answer: str, section: str | None) -> Result:
    """The result of ``answer`` for a template whose ``result`` is ``section``.

    Headings are matched by their words, ignoring case, a leading number
    ("1." or "2)"), trailing colons and emphasis, so ``## Corrected text:``
    and ``**Corrected Text**`` both count. A section runs to the next
    heading of its level or above; a code fence around its whole text is
    removed (models like to wrap the text they were asked to fix).
    """
    stripped = answer.strip()
    if not section:
        return Result((Part("", stripped),))
    sections = _sections(answer)
    if section == EVERY_SECTION:
        found = [part for part in sections if part.text]
        if found:
            return Result(tuple(found))
        return Result((Part("", stripped),), Message.of(
            "The answer has no sections to choose from, so the whole answer is used."))
    wanted = _key(section)
    for part in sections:
        if _key(part.title) == wanted:
            if part.text:
                return Result((part,))
            return Result((Part("", stripped),), Message.of(
                "The answer's {section!r} section is empty, so the whole answer is used.",
                section=section))
    return Result((Part("", stripped),), Message.of(
        "The answer has no {section!r} section, so the whole answer is used.",
        section=section))


def _sections(answer: str) -> list[Part]:
    """The answer's sections at the level of its first heading, in order."""
    lines = answer.splitlines()
    headings: list[tuple[int, int, str]] = []  # line index, level, title
    fence: str | None = None
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if opening is not None:
            marker = opening.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif line.strip().startswith(fence):
                fence = None
            continue
        if fence is not None:
            continue
        heading = _HEADING.match(line)
        if heading is not None:
            headings.append((index, len(heading.group(1)), heading.group(2)))
            continue
        bold = _BOLD_LINE.match(line)
        if bold is not None:
            headings.append((index, 7, bold.group(1)))  # below any '#' heading
    if not headings:
        return []
    level = min(found_level for _, found_level, _ in headings)
    top = [(index, title) for index, found_level, title in headings if found_level == level]
    parts: list[Part] = []
    for number, (index, title) in enumerate(top):
        end = top[number + 1][0] if number + 1 < len(top) else len(lines)
        parts.append(Part(title.strip(), _unwrap("\n".join(lines[index + 1:end]).strip())))
    return parts


def _key(title: str) -> str:
    """A heading reduced to its words, for matching."""
    text = re.sub(r"^\s*\d+\s*[.)、]\s*", "", title)
    return " ".join(text.strip(_TRIM).casefold().split())


def _unwrap(text: str) -> str:
    """``text`` without a code fence around all of it."""
    lines = text.splitlines()
    if len(lines) >= 2 and _FENCE.match(lines[0]) and lines[-1].strip() \
            and set(lines[-1].strip()) <= {"`", "~"} and len(lines[-1].strip()) >= 3:
        return "\n".join(lines[1:-1]).strip("\n")
    return text
