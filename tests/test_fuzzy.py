"""Fuzzy ranking for the quick prompt's template search."""

from __future__ import annotations

import pytest

from assistant.fuzzy import rank, subsequence_score
from assistant.templating.library import load_library

TEMPLATES = list(load_library(None).templates.values())


@pytest.mark.parametrize(("query", "best"), [
    ("周报", "weekly-report-zh"),
    ("周", "weekly-report-zh"),
    ("校对", "proofread-zh"),
    ("prf", "proofread-en"),
    ("wr", "weekly-report-en"),
    ("minutes", "meeting-minutes-en"),
    ("brain", "brainstorm-en"),
    ("灵感", "brainstorm-zh"),
])
def test_best_match(query: str, best: str) -> None:
    assert rank(query, TEMPLATES)[0].template.id == best


def test_no_match_is_empty() -> None:
    assert rank("xyzzy", TEMPLATES) == []


def test_recent_first_when_query_empty_or_tied() -> None:
    ranked = rank("", TEMPLATES, recent=["revise-zh", "proofread-en"])
    assert [m.template.id for m in ranked[:2]] == ["revise-zh", "proofread-en"]


@pytest.mark.parametrize(("query", "text", "matches"), [
    ("abc", "a-b-c", True), ("abc", "acb", False), ("", "x", True), ("AB", "ab", True),
])
def test_subsequence(query: str, text: str, matches: bool) -> None:
    assert (subsequence_score(query, text) is not None) is matches


def test_contiguous_beats_scattered() -> None:
    tight = subsequence_score("rep", "report")
    loose = subsequence_score("rep", "rxexp")
    assert tight is not None and loose is not None and tight > loose
