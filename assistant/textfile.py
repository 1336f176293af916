"""Read user-edited text files whatever editor wrote them.

Templates and inputs come from Notepad on Chinese Windows (GBK/GB18030, CRLF,
sometimes UTF-16), from Western Windows editors (Windows-1252, Latin-1), from
editors that add a UTF-8 BOM, and from everything else. This module turns all
of them into clean ``str`` with ``\\n`` line ends, and refuses binaries, huge
files and bytes whose encoding it cannot tell with a message that names the
file, instead of feeding garbage to the template parser or the model.

Legacy encodings are told apart by what their reading looks like, not by
which decoder happens to succeed: GB18030 accepts most byte strings, so a
Latin-1 ``Müller`` would otherwise become the Chinese ``M黮ler`` without a
word.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from assistant.errors import InputError
from assistant.messages import Message

DEFAULT_LIMIT = 1024 * 1024
"""Largest text file read by default (1 MiB): far above any real template."""


@dataclass(frozen=True)
class TextFile:
    """The decoded text and how it was stored, for messages and re-saving."""

    text: str
    encoding: str

    def note(self, name: str) -> Message | None:
        """A notice when the encoding was a guess the user may not expect, else None.

        A guess can be wrong in ways no check sees (a short text), so callers
        say which reading was used, and the user can re-save as UTF-8.
        """
        if self.encoding not in GUESSED:
            return None
        return Message.of("{name}: not UTF-8; read as {encoding}. If the text looks wrong, "
                          "re-save the file as UTF-8.", name=name, encoding=self.encoding)


GUESSED = frozenset({"cp1252", "utf-16-le", "utf-16-be"})
"""Encodings guessed from the bytes (no BOM, not UTF-8) that get a note. Not
GB18030: that is what Chinese Windows editors write, the legacy encoding this
app expects, and it is chosen only when the reading is confidently Chinese."""

SAMPLE = 65536
"""Characters looked at to judge a reading: enough for a verdict, cheap on 16 MiB."""


def decode_text(data: bytes, name: str) -> TextFile:
    """Decode bytes read from ``name``; raise :class:`InputError` for binaries.

    Order matters: a BOM is authoritative; then NUL bytes, which are UTF-16
    without a BOM when they fill one byte of nearly every pair, and a binary
    otherwise; then strict UTF-8, which almost never accepts text in another
    encoding by accident; then GB18030 (the superset of GBK and GB2312 that
    Chinese Windows editors write) or Windows-1252 (the superset of Latin-1),
    whichever reading is a confident one. When neither is, the file is
    refused: a wrong guess shown as text is worse than a message. Callers
    tell the user a guessed encoding with :meth:`TextFile.note`.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"),
                          (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return TextFile(_normalise(data.decode(encoding)), encoding)
            except UnicodeDecodeError as exc:
                raise InputError("{name}: starts with a {encoding} byte-order mark but is not "
                                 "valid {encoding} (byte {start}). Re-save it as UTF-8.",
                                 name=name, encoding=encoding, start=exc.start) from None
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            raise InputError("{name}: this is a binary file, not text (it contains NUL bytes). "
                             "Templates and inputs must be plain text files.", name=name)
        return _checked(found, name)
    try:
        return _checked(TextFile(data.decode("utf-8"), "utf-8"), name)
    except UnicodeDecodeError:
        pass
    found = _legacy(data)
    if found is None:
        raise InputError("{name}: cannot read this file as text: it is not UTF-8, and it reads "
                         "neither as Chinese (GBK/GB18030) nor as Western text "
                         "(Windows-1252). Re-save it as UTF-8 in your editor.", name=name)
    return _checked(found, name)


def _checked(found: TextFile, name: str) -> TextFile:
    """``found`` with normalised line ends, unless it is control-character soup."""
    if _looks_binary(found.text):
        raise InputError("{name}: this looks like a binary file, not text (it is full of "
                         "control characters). Templates and inputs must be plain text "
                         "files.", name=name)
    return TextFile(_normalise(found.text), found.encoding)


def _utf16_without_bom(data: bytes) -> TextFile | None:
    """UTF-16 text written without a BOM, or None (then it is a binary).

    Text that is mostly ASCII has a NUL in one byte of almost every pair (the
    high byte: odd offsets in little-endian, even in big-endian) and almost
    none in the other; a binary has NULs anywhere. The reading must then
    decode strictly, hold no U+0000 and be printable.
    """
    if len(data) % 2:
        return None
    pairs = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros * 10 >= pairs and others * 10 <= zeros:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            sample = text[:SAMPLE]
            printable = sum(1 for ch in sample if ch.isprintable() or ch in "\t\n\r\f\v")
            if "\x00" in text or printable * 100 < len(sample) * 95:
                return None
            return TextFile(text, encoding)
    return None


def _legacy(data: bytes) -> TextFile | None:
    """Bytes that are not UTF-8: GB18030 or Windows-1252, when one is a confident reading.

    Both decoders accept much that is neither (Windows-1252 almost anything),
    so each reading is judged (:func:`_chinese_verdict`, :func:`_western`).
    When both look right, which happens only for short mixed texts, Chinese
    wins if every character is a common one read from a pair of high bytes:
    a Latin-1 word read as GB18030 shows itself by a Chinese character whose
    second byte is an ASCII letter (``ça`` → ``鏰``).
    """
    chinese = western = None
    try:
        chinese = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    verdict = _chinese_verdict(chinese) if chinese is not None else None
    plausible = western is not None and _western(western)
    if chinese is not None and verdict is not None and (not plausible or verdict == "sure"):
        return TextFile(chinese, "gb18030")
    if western is not None and plausible:
        return TextFile(western, "cp1252")
    return None


def _chinese_verdict(text: str) -> Literal["sure", "likely"] | None:
    """"sure", "likely" or None: does this GB18030 reading look like Chinese text?

    Modern simplified Chinese is almost all GB2312 characters (both bytes
    0xA1-0xFE; punctuation in rows 0xA1-0xA9, hanzi from 0xB0) or, in GB18030,
    four-byte ideographs (a byte pattern too specific to arise by chance).
    Other characters are "rare" (GBK's extra hanzi, symbols); "bad" are
    private-use or unassigned characters and the marks of a Latin-1 text: a
    character whose second byte is an ASCII letter next to other Latin
    letters (``Müller`` → ``M黮ler``), or one glued between Latin letters
    (``créée`` → ``cr殚e``). Likely: at most 1 in 50 bad and 1 in 10 rare
    or bad; sure: none of either. Shift-JIS Japanese reads as rare GBK hanzi
    and is refused, as is traditional Chinese in GBK (rare, better re-saved
    as UTF-8).
    """
    sample = text[:SAMPLE]
    count = rare = bad = 0
    for index, ch in enumerate(sample):
        if ch.isascii():
            continue
        count += 1
        before = sample[index - 1] if index else " "
        after = sample[index + 1] if index + 1 < len(sample) else " "
        kind = _gb_kind(ch, _latin(before), _latin(after))
        rare += kind == "rare"
        bad += kind == "bad"
    if count == 0 or bad * 50 > count or (rare + bad) * 10 > count:
        return None
    return "sure" if rare + bad == 0 else "likely"


def _gb_kind(ch: str, latin_before: bool, latin_after: bool) -> Literal["common", "rare", "bad"]:
    """"common", "rare" or "bad" for one non-ASCII character of a GB18030 reading."""
    if unicodedata.category(ch) in ("Co", "Cn", "Cc", "Cs"):
        return "bad"
    stored = ch.encode("gb18030")
    if len(stored) == 4:
        return "common" if _ideograph(ch) else "rare"
    lead, trail = stored[0], stored[-1]
    if trail < 0x80:
        ascii_letter = chr(trail).isalpha()
        return "bad" if ascii_letter and (latin_before or latin_after) else "rare"
    if latin_before and latin_after:
        return "bad"
    return "common" if 0xA1 <= lead <= 0xF7 and trail >= 0xA1 else "rare"


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _ideograph(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED IDEOGRAPH",
                                                 "CJK COMPATIBILITY IDEOGRAPH"))


WESTERN = frozenset(
    "ŠšŒœŽžŸ€‚„…†•–—‘’“”‹›™\xa0¡¢£¥§©ª«®°±²³´µ·º»¼½¾¿×"
    + "".join(chr(code) for code in range(0xC0, 0x100) if code != 0xF7))
"""Characters of Windows-1252 that Western prose uses: accented letters, quotes,
dashes, currency, a few signs. Not ¤ ¦ ¨ ¬ ¯ ¸ ¹ ¶ ÷ and the like, which GBK's
bytes produce in bulk when read as Windows-1252 (周报 → ``ÖÜ±¨``)."""


def _western(text: str) -> bool:
    """True when a Windows-1252 reading looks like Western text, not mis-read Chinese.

    Accented letters sit inside words with plain Latin letters (``Müller``,
    ``été``; a word of one letter like ``à`` is fine). Chinese bytes read this
    way give words of accented letters only and runs of several non-ASCII
    characters (``ÖÜ±¨£º``).
    """
    run = accented = 0
    plain = False
    for ch in text[:SAMPLE] + " ":
        if ch.isalpha():
            plain = plain or ch.isascii()
            accented += not ch.isascii()
        else:
            if accented >= 2 and not plain:
                return False
            accented, plain = 0, False
        if ch.isascii():
            run = 0
        else:
            run += 1
            if ch not in WESTERN or run >= 4:
                return False
    return True


def read_text(path: Path, limit: int = DEFAULT_LIMIT) -> TextFile:
    """Read ``path`` as text; errors name the file and say what to do."""
    return decode_text(read_bytes(path, limit), str(path))


def read_bytes(path: Path, limit: int = DEFAULT_LIMIT) -> bytes:
    """The bytes of ``path``, refusing a file above ``limit``; errors as :func:`read_text`."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError("{path}: file is too large ({size:,} bytes; the limit is "
                             "{limit:,}). Is this the right file?",
                             path=path, size=size, limit=limit)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("{path}: file not found.", path=path) from None
    except IsADirectoryError:
        raise InputError("{path}: is a folder, not a file.", path=path) from None
    except PermissionError:
        raise InputError("{path}: permission denied; check the file's permissions.", path=path) from None
    except OSError as exc:
        raise InputError("{path}: cannot read the file ({strerror}).",
                         path=path, strerror=exc.strerror) from None


def _normalise(text: str) -> str:
    """Use ``\\n`` line ends so line numbers and rendering agree everywhere."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(text: str) -> bool:
    """True when many characters are control codes no text editor writes."""
    if not text:
        return False
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f\v\x1b")
    return controls > max(4, len(text[:4096]) // 100)
