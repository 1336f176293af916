"""Read user-edited text files whatever editor wrote them.

Templates and inputs come from Notepad on Chinese Windows (GBK/GB18030, CRLF,
sometimes UTF-16), from editors that add a UTF-8 BOM, and from everything
else. This module turns all of them into clean ``str`` with ``\\n`` line ends,
and refuses binaries and huge files with a message that names the file
instead of feeding garbage to the template parser.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import InputError

DEFAULT_LIMIT = 1024 * 1024
"""Largest text file read by default (1 MiB): far above any real template."""


@dataclass(frozen=True)
class TextFile:
    """The decoded text and how it was stored, for messages and re-saving."""

    text: str
    encoding: str


def decode_text(data: bytes, name: str) -> TextFile:
    """Decode bytes read from ``name``; raise :class:`InputError` for binaries.

    Order matters: a BOM is authoritative; then strict UTF-8, which almost
    never accepts text in another encoding by accident; then GB18030, the
    superset of GBK and GB2312 that Chinese Windows editors write.
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
        raise InputError("{name}: this is a binary file, not text (it contains NUL bytes). "
                         "Templates and inputs must be plain text files.", name=name)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise InputError("{name}: this looks like a binary file, not text (it is full of "
                             "control characters). Templates and inputs must be plain text "
                             "files.", name=name)
        return TextFile(_normalise(text), encoding)
    raise InputError("{name}: cannot read this file as text (it is neither UTF-8 nor "
                     "GBK/GB18030). Re-save it as UTF-8 in your editor.", name=name)


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
