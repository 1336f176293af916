"""Rank templates for a few typed letters, as in a command palette.

The quick prompt must find "周报" from "周", "weekly-report-en" from "wr" and
"proofread" from "prf". A query matches a candidate if its characters appear
in order; contiguous runs, word starts and an early first match score higher,
and recently used templates win ties. Plain Python, no Qt.

A Chinese title is also found by its pinyin, because typing Chinese means
switching input methods: "zb" or "zhoubao" finds 周报, "jd" 校对 (read jiào
here, which pypinyin's phrase dictionary knows). pypinyin takes about 0.15 s
to import, so it is imported only when an ASCII query meets a title with
Chinese characters, never at start-up, and each title is converted once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.templating.model import Template

PINYIN_WEIGHT = 0.9
"""A title found by its spelling ranks just below one found by its own characters."""
_HAN = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_WORD = re.compile(r"[^\W_]+")
_SEPARATORS = " -_/·.'"
_MAX_PINYIN_QUERY = 48  # longer ASCII queries are words, not spellings of a title


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
    main window's picker filters by it, so both find "prf", "wkr" and, by
    the pinyin of the title, "zb" (周报).
    """
    query = query.strip()
    # The category is shared by many templates: a weaker signal than a name.
    found = [(subsequence_score(query, text), weight)
             for text, weight in ((template.title, 1.0), (template.id, 1.0),
                                  (template.category, 0.6))]
    found.append((pinyin_score(query, template.title), PINYIN_WEIGHT))
    scores = [s * weight for s, weight in found if s is not None]
    return max(scores) if scores else None


def rank(query: str, templates: Iterable[Template], recent: Sequence[str] = (),
         language: str = "") -> list[Match]:
    """Templates matching ``query``, best first.

    With nothing typed every template is listed, so the list is a menu:
    recently used ones first (newest first), then those in ``language`` (the
    UI language, "zh" or "zh_CN"), then the rest, each group by title. For a
    typed query the score decides; recent ones win close calls and the UI
    language breaks ties.
    """
    recency = {template_id: len(recent) - index for index, template_id in enumerate(recent)}
    preferred = _primary(language)
    matches: list[Match] = []
    for template in templates:
        found = score(query, template)
        if found is None:
            continue
        bonus = 0.5 * recency.get(template.id, 0)
        matches.append(Match(template, found + bonus))
    matches.sort(key=lambda m: (-m.score, bool(preferred)
                                and _primary(m.template.language) != preferred,
                                m.template.title, m.template.id))
    return matches


def _primary(language: str) -> str:
    """The primary subtag of a language code: "zh" for "zh_CN", "zh-Hans" or "ZH"."""
    return re.split("[-_]", language.strip(), maxsplit=1)[0].lower()


# -- pinyin ------------------------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    """One Chinese character (its readings) or one run of other letters in a title."""

    position: int
    """Index of the unit's first character in the title."""
    spellings: tuple[str, ...]
    """Lower-case ASCII spellings, e.g. ("cha", "zha", "chai"); empty if unknown."""


def pinyin_score(query: str, title: str) -> float | None:
    """Score ``query`` as pinyin of ``title``; None if it is not, or the title has no Chinese.

    Each letter group must begin a syllable, in order, and a syllable may be
    spelled in part or in full, so "zb", "zhb" and "zhoubao" all find 周报.
    Syllables may be skipped ("gzrz" and "rz" find 工作日志). Like
    :func:`subsequence_score`, every matched syllable counts as a word start,
    neighbouring ones as a run, and an early first match is better.
    """
    letters = "".join(c for c in query.casefold() if c not in _SEPARATORS and not c.isspace())
    if not letters or len(letters) > _MAX_PINYIN_QUERY or not letters.isascii() \
            or not _HAN.search(title):
        return None
    units = _units(title)

    @functools.cache
    def best(done: int, unit: int, joined: bool) -> float | None:
        """The best score for ``letters[done:]`` from ``units[unit]`` on."""
        if done == len(letters):
            return 0.0
        if unit == len(units):
            return None
        options = [best(done, unit + 1, False)]  # skip this syllable
        rest = letters[done:]
        for spelling in units[unit].spellings:
            for length in range(1, min(len(spelling), len(rest)) + 1):
                if spelling[length - 1] != rest[length - 1]:
                    break
                tail = best(done + length, unit + 1, True)
                if tail is not None:
                    gain = 2.5 + (2.0 if joined else 0.0) + 0.5 * (length - 1)
                    if done == 0:
                        gain -= 0.05 * units[unit].position
                    options.append(gain + tail)
        return max((o for o in options if o is not None), default=None)

    found = best(0, 0, False)
    return None if found is None else found - 0.01 * len(title)


@functools.lru_cache(maxsize=4096)
def _units(title: str) -> tuple[_Unit, ...]:
    """``title`` as pinyin syllables and words, converted once per title."""
    from pypinyin import Style, pinyin  # slow import: see the module docstring

    units: list[_Unit] = []
    position = 0
    for han in _HAN.finditer(title):
        units.extend(_words(title[position:han.start()], position))
        run = han.group()
        # Heteronyms: a phrase the dictionary knows (校对) keeps its one reading;
        # other characters offer all of theirs (查重 is "cha chong" or "cha zhong").
        readings = pinyin(run, style=Style.NORMAL, heteronym=True, errors="ignore")
        if len(readings) != len(run):  # a character pypinyin does not know: no context
            readings = [(pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
                         or [[]])[0] for char in run]
        for offset, spellings in enumerate(readings):
            units.append(_Unit(han.start() + offset, _ascii_spellings(spellings)))
        position = han.end()
    units.extend(_words(title[position:], position))
    return tuple(units)


def _words(text: str, start: int) -> list[_Unit]:
    """The runs of letters and digits in a non-Chinese part of a title, as units."""
    return [_Unit(start + word.start(), (word.group().casefold(),))
            for word in _WORD.finditer(text)]


def _ascii_spellings(readings: Iterable[str]) -> tuple[str, ...]:
    """Readings a keyboard can type; ü (written v) may be typed as v or u."""
    spellings: list[str] = []
    for reading in readings:
        if reading.isascii() and reading.isalpha():
            spellings.extend((reading.lower(), reading.lower().replace("v", "u")))
    return tuple(dict.fromkeys(spellings))
