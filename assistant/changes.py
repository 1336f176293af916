"""Tracked changes: a rewritten text as the edits it makes to the original.

A proofreading or revising answer is a new version of the user's text. Shown
as a word-level comparison (Chinese, which has no spaces, by character), the
user sees what the model changed and takes or leaves each change; what goes
back into the document is the original with the accepted changes, so a
change the user did not want never reaches it.

Texts are compared line by line first and word by word inside the lines that
differ, so a long document costs little (``difflib`` is quadratic in the
worst case), and a change never runs across an unchanged line.
"""

from __future__ import annotations

import difflib
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
    old_lines, new_lines = original.splitlines(keepends=True), revised.splitlines(keepends=True)
    lines = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, a1, a2, b1, b2 in lines.get_opcodes():
        if tag == "equal":
            _add(pieces, Same("".join(old_lines[a1:a2])))
        else:
            _words(pieces, "".join(old_lines[a1:a2]), "".join(new_lines[b1:b2]))
    return _numbered(pieces)


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
