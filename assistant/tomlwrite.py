"""Write the small TOML snippets the app appends or makes anew (saved examples, API keys).

The standard library reads TOML but does not write it. What we write here is
flat: tables of strings, numbers and booleans, and arrays of such tables. That
is a few lines of code. The settings file is different: the user edits it by
hand, so :func:`assistant.settings.save_settings` edits it in place with
tomlkit to keep the user's comments and keys.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping

Scalar = str | int | float | bool


def value(item: Scalar) -> str:
    """One TOML value. Multi-line text becomes a readable literal block."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, float):
        if not math.isfinite(item):
            raise ValueError(f"cannot write {item!r} to TOML")
        return repr(item)
    if "\n" in item and "'''" not in item and _literal_safe(item):
        return "'''\n" + item + "'''"
    return _basic(item)


def _basic(text: str) -> str:
    """A TOML basic string: JSON's escapes and quotes are TOML's, except that
    TOML also forbids a raw DEL character, which JSON leaves alone."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def table(values: Mapping[str, Scalar]) -> str:
    """``key = value`` lines for one table."""
    return "".join(f"{_key(key)} = {value(item)}\n" for key, item in values.items())


def _key(key: str) -> str:
    if key and all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in key):
        return key
    return _basic(key)


def _literal_safe(text: str) -> bool:
    """Literal strings cannot hold control characters other than tab and newline."""
    return all(ch in "\t\n" or ord(ch) >= 32 and ord(ch) != 127 for ch in text)
