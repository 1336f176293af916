"""Rank templates for a few typed letters, as in a command palette.

The quick prompt must find "周报" from "周", "weekly-report-en" from "wr" and
"proofread" from "prf". A query matches a candidate if its characters appear
in order; contiguous runs, word starts and an early first match score higher,
and recently used templates win ties. Plain Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.templating.model import Template


@dataclass(frozen=True)
class Match:
    """A template and how well it matched."""

    template: Template
    score: float


def subsequence_score(query: str, text: str) -> float | None:
    """Score ``query`` as an in-order subsequence of ``text``; None if it is not one."""
    if not query:
        return 0.0
    query, text = query.casefold(), text.casefold()
    score = 0.0
    position = -1
    previous = -2
    for char in query:
        found = text.find(char, position + 1)
        if found < 0:
            return None
        score += 1.0
        if found == previous + 1:
            score += 2.0  # contiguous run
        if found == 0 or text[found - 1] in " -_/·.":
            score += 1.5  # start of a word
        previous = position = found
    first = text.find(query[0])
    return score - 0.05 * first - 0.01 * len(text)


def score(query: str, template: Template) -> float | None:
    """How well ``query`` names ``template`` (title, id, category); None: not at all.

    The one matching rule of the app: the quick prompt ranks by it and the
    main window's picker filters by it, so both find "prf" and "wkr".
    """
    # The category is shared by many templates: a weaker signal than a name.
    scores = [s * weight for s, weight in (
        (subsequence_score(query.strip(), text), weight)
        for text, weight in ((template.title, 1.0), (template.id, 1.0),
                             (template.category, 0.6)))
        if s is not None]
    return max(scores) if scores else None


def rank(query: str, templates: Iterable[Template], recent: Sequence[str] = ()) -> list[Match]:
    """Templates matching ``query``, best first; recent ones first for an empty query."""
    recency = {template_id: len(recent) - index for index, template_id in enumerate(recent)}
    matches: list[Match] = []
    for template in templates:
        found = score(query, template)
        if found is None:
            continue
        bonus = 0.5 * recency.get(template.id, 0)
        matches.append(Match(template, found + bonus))
    matches.sort(key=lambda m: (-m.score, m.template.title))
    return matches
