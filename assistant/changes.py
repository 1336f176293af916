"""Tracked changes: a rewritten text as the edits it makes to the original.

A proofreading or revising answer is a new version of the user's text. Shown
as a word-level comparison (Chinese, which has no spaces, by character), the
user sees what the model changed and takes or leaves each change; what goes
back into the document is the original with the accepted changes, so a
change the user did not want never reaches it.

``difflib`` costs the product of the two lengths in the worst case: a
10,000-word paragraph compared word by word took most of a minute. So texts
are compared line by line first, then sentence by sentence (and clause by
clause) inside the lines that differ, and word by word only inside the
sentences that differ; where as many units were replaced as replace them,
they are paired in order (a proofread fixes a word in most sentences, so
nearly every sentence differs). A word comparison larger than :data:`WORD_BUDGET` keeps its common start and
end and shows the middle as one change, rather than freeze the window. A
change never runs across an unchanged line or sentence.
"""

from __future__ import annotations

import difflib
import os.path
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_TOKEN = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]"  # one CJK ideograph
    r"|[\u3040-\u30ff\uac00-\ud7af]"   # one kana or hangul syllable
    r"|[^\W_]+(?:['’][^\W_]+)*"        # a word, with "don't" and "it’s" whole
    r"|\s+"                            # a run of spaces or line breaks
    r"|.",                             # anything else: one punctuation mark or symbol
    re.DOTALL)

# A sentence ends after its closing mark and any quote or bracket closing it,
# with the spaces after it; Chinese puts no space after 。！？.
_SENTENCE = re.compile(r".+?(?:[.!?;…]+[\"'”’)\]]*(?:\s+|$)|[。！？；]+[”’」』）]*\s*|$)", re.DOTALL)

# A clause ends after a comma, colon or enumeration mark: a sentence long
# enough to need it is a list, or Chinese written with commas only.
_CLAUSE = re.compile(r".+?(?:[,:]\s+|[，、：]\s*|$)", re.DOTALL)

WORD_BUDGET = 1_000_000
"""The largest product of the two sides' token counts compared word by word
(about 0.1 s here); a larger block becomes one change."""


@dataclass(frozen=True)
class Same:
    """Text the rewrite keeps as it was."""

    text: str


@dataclass(frozen=True)
class Change:
    """One edit: ``old`` (empty for an insertion) becomes ``new`` (empty for a deletion)."""

    number: int
    old: str
    new: str


Piece = Same | Change


def tokens(text: str) -> list[str]:
    """``text`` split into words, single CJK characters, spaces and punctuation."""
    return _TOKEN.findall(text)


def compare(original: str, revised: str) -> list[Piece]:
    """The pieces that turn ``original`` into ``revised``; changes are numbered from 0.

    Joining every piece's new side gives ``revised``, every piece's old side
    gives ``original`` (see :func:`apply`).
    """
    pieces: list[Piece] = []
    _compare(pieces, original, revised, 0)
    return _numbered(pieces)


def sentences(text: str) -> list[str]:
    """``text`` cut after each sentence's closing mark (and the spaces after it)."""
    return [part for part in _SENTENCE.findall(text) if part]


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _clauses(text: str) -> list[str]:
    return [part for part in _CLAUSE.findall(text) if part]


_SPLITS = (_lines, sentences, _clauses)


def _compare(pieces: list[Piece], old: str, new: str, level: int) -> None:
    """Compare at ``level`` (lines, sentences, clauses), then word by word."""
    if old == new:
        _add(pieces, Same(old))
        return
    if not old or not new:
        _add(pieces, Change(0, old, new))
        return
    if level == len(_SPLITS):
        _words(pieces, old, new)
        return
    old_units, new_units = _SPLITS[level](old), _SPLITS[level](new)
    if len(old_units) == 1 == len(new_units):
        _compare(pieces, old, new, level + 1)
        return
    # autojunk: among 200 units or more, one that makes up over 1% of them
    # (a blank line) cannot anchor a match, which keeps this step linear.
    matcher = difflib.SequenceMatcher(None, old_units, new_units)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            _add(pieces, Same("".join(old_units[a1:a2])))
        elif a2 - a1 == b2 - b1:
            for old_unit, new_unit in zip(old_units[a1:a2], new_units[b1:b2], strict=True):
                _compare(pieces, old_unit, new_unit, level + 1)
        else:
            _compare(pieces, "".join(old_units[a1:a2]), "".join(new_units[b1:b2]), level + 1)


def apply(pieces: Iterable[Piece], rejected: Iterable[int] = ()) -> str:
    """The original with every change applied except the ``rejected`` numbers."""
    left = set(rejected)
    return "".join(piece.text if isinstance(piece, Same)
                   else piece.old if piece.number in left else piece.new for piece in pieces)


def changes(pieces: Sequence[Piece]) -> list[Change]:
    """The changes among ``pieces``, in order."""
    return [piece for piece in pieces if isinstance(piece, Change)]


def _words(pieces: list[Piece], old: str, new: str) -> None:
    old_tokens, new_tokens = tokens(old), tokens(new)
    if len(old_tokens) * len(new_tokens) > WORD_BUDGET:
        head = len(os.path.commonprefix([old_tokens, new_tokens]))  # works on lists too
        tail = len(os.path.commonprefix([old_tokens[head:][::-1], new_tokens[head:][::-1]]))
        _add(pieces, Same("".join(old_tokens[:head])))
        _add(pieces, Change(0, "".join(old_tokens[head:len(old_tokens) - tail]),
                            "".join(new_tokens[head:len(new_tokens) - tail])))
        _add(pieces, Same("".join(old_tokens[len(old_tokens) - tail:])))
        return
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            _add(pieces, Same("".join(old_tokens[a1:a2])))
        else:
            _add(pieces, Change(0, "".join(old_tokens[a1:a2]), "".join(new_tokens[b1:b2])))


def _add(pieces: list[Piece], piece: Piece) -> None:
    """Append, joining a piece to a previous one of the same kind."""
    if pieces and isinstance(piece, Same) and isinstance(pieces[-1], Same):
        pieces[-1] = Same(pieces[-1].text + piece.text)
    elif pieces and isinstance(piece, Change) and isinstance(pieces[-1], Change):
        last = pieces[-1]
        pieces[-1] = Change(0, last.old + piece.old, last.new + piece.new)
    elif piece.text if isinstance(piece, Same) else (piece.old or piece.new):
        pieces.append(piece)


def _numbered(pieces: list[Piece]) -> list[Piece]:
    numbered: list[Piece] = []
    count = 0
    for piece in pieces:
        if isinstance(piece, Change):
            numbered.append(Change(count, piece.old, piece.new))
            count += 1
        else:
            numbered.append(piece)
    return numbered
