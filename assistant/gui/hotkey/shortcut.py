"""Parse a shortcut in Qt's portable text ("Ctrl+Alt+J") into modifiers and a key.

Every backend starts from the same :class:`Shortcut`, so "what did the user
mean" is decided once and each backend only maps names to its own codes.
The names are Qt's (``QKeySequence.toString(PortableText)``), which is what
the settings dialog stores; a few common spellings ("Escape", "PageUp",
"Control") and any letter case are accepted too, since the settings file can
be edited by hand.

The error texts are :class:`~assistant.messages.Message` patterns, which
the GUI translates where it shows them; only :func:`policy_problem`, for the
settings dialog, translates (through Qt), so the table tests need no event
loop.
"""

from __future__ import annotations

import difflib
import re
from typing import NamedTuple

from assistant.errors import AssistantError
from assistant.gui.core_text import shown
from assistant.messages import Message

MODIFIERS = ("Ctrl", "Alt", "Shift", "Meta")
"""Qt's modifier names. On macOS Qt shows Cmd as "Ctrl" and Control as "Meta"."""

_MODIFIER_ALIASES = {name.lower(): name for name in MODIFIERS} | {"control": "Ctrl"}

NAMED_KEYS = ("Esc", "Tab", "Backspace", "Return", "Enter", "Ins", "Del", "Pause", "Print",
              "Home", "End", "Left", "Up", "Right", "Down", "PgUp", "PgDown", "Space", "Menu")
"""Qt's names of the non-character keys a hotkey may use ("Enter" is the keypad's)."""

PUNCTUATION = "`-=[]\\;',./~!@#$%^&*()_+{}|:\"<>?"
"""Character keys of the US layout besides letters and digits, plain and shifted."""

_KEY_ALIASES = {name.lower(): name for name in NAMED_KEYS} | {
    "escape": "Esc", "insert": "Ins", "delete": "Del", "pageup": "PgUp", "pagedown": "PgDown",
    "enter": "Enter", "return": "Return"}

KEYSYMS = {
    "Esc": "Escape", "Backspace": "BackSpace", "Enter": "KP_Enter", "Ins": "Insert",
    "Del": "Delete", "PgUp": "Prior", "PgDown": "Next", "Space": "space",
    "`": "grave", "-": "minus", "=": "equal", "[": "bracketleft", "]": "bracketright",
    "\\": "backslash", ";": "semicolon", "'": "apostrophe", ",": "comma", ".": "period",
    "/": "slash", "~": "asciitilde", "!": "exclam", "@": "at", "#": "numbersign",
    "$": "dollar", "%": "percent", "^": "asciicircum", "&": "ampersand", "*": "asterisk",
    "(": "parenleft", ")": "parenright", "_": "underscore", "+": "plus",
    "{": "braceleft", "}": "braceright", "|": "bar", ":": "colon", '"': "quotedbl",
    "<": "less", ">": "greater", "?": "question",
}
"""X keysym names (also used by the XDG shortcuts spec) where Qt's key name differs."""


class HotkeyError(AssistantError):
    """The hotkey cannot be used; the message names the shortcut and says what to do."""

    @classmethod
    def taken(cls, shortcut: str) -> HotkeyError:
        """Another program holds ``shortcut``: the same words on every platform."""
        return cls("{shortcut} is already used by another program. Pick a "
                   "different shortcut in Settings.", shortcut=shortcut)


class Shortcut(NamedTuple):
    """One key combination: Qt modifier names and one Qt key name.

    ``key`` is canonical: an upper-case letter, a digit, "F1"…"F35", a name
    from :data:`NAMED_KEYS` or one character of :data:`PUNCTUATION`.
    """

    modifiers: frozenset[str]
    key: str


def parse_shortcut(text: str) -> Shortcut:
    """The :class:`Shortcut` that ``text`` describes; HotkeyError says what is wrong.

    >>> parse_shortcut("Ctrl+Alt+J")
    Shortcut(modifiers=frozenset({'Alt', 'Ctrl'}), key='J')
    """
    stripped = text.strip()
    if not stripped:
        raise HotkeyError("No shortcut was given. Press the keys in the hotkey field of "
                          "Settings, e.g. Ctrl+Alt+J.")
    # "Ctrl+Alt+J, Ctrl+K" is two presses; a lone trailing "," is the comma key.
    if re.search(r",\s*\S", stripped):
        raise HotkeyError("{shortcut} is several key presses; a global hotkey must be one "
                          "combination, e.g. Ctrl+Alt+J.", shortcut=stripped)
    if stripped == "+" or re.search(r"\+\s*\+$", stripped):
        # The "+" key itself: "Ctrl++".
        key_name, names = "+", re.sub(r"\+\s*\+$", "", stripped)
        parts = [part.strip() for part in names.split("+")] if names else []
    else:
        *parts, key_name = (part.strip() for part in stripped.split("+"))
    modifiers = frozenset(_modifier(name, stripped) for name in parts)
    if not key_name or key_name.lower() in _MODIFIER_ALIASES:
        raise HotkeyError("{shortcut} has no key besides the modifiers: add one, e.g. "
                          "Ctrl+Alt+J.", shortcut=stripped)
    return Shortcut(modifiers, _key(key_name, stripped))


def policy_message(shortcut: Shortcut, text: str) -> Message | None:
    """Why a well-formed ``shortcut`` should still not be the global hotkey, or None.

    The one rule for the settings dialog and for a hotkey read from the
    settings file at start-up, so a hand-edited file cannot get what the
    dialog refuses.
    """
    if not shortcut.modifiers & {"Ctrl", "Alt", "Meta"}:
        return Message.of("{shortcut} needs Ctrl, Alt or Meta (the Windows key): without one, "
                          "it would take that key away from every other program.",
                          shortcut=text)
    if shortcut.modifiers == {"Ctrl"} and shortcut.key == "Space":
        return Message.of("Ctrl+Space switches the Chinese input method on many systems. Pick "
                          "another combination, e.g. Ctrl+Alt+J.")
    return None


def policy_problem(shortcut: Shortcut, text: str) -> str | None:
    """:func:`policy_message` in the UI language, for the settings dialog; or None."""
    problem = policy_message(shortcut, text)
    return None if problem is None else shown(problem)


def _modifier(name: str, text: str) -> str:
    found = _MODIFIER_ALIASES.get(name.lower())
    if found is None:
        close = difflib.get_close_matches(name, MODIFIERS, n=1, cutoff=0.5)
        if close:
            raise HotkeyError("{shortcut}: \u201c{name}\u201d is not a modifier; use Ctrl, "
                              "Alt, Shift or Meta. Did you mean {close}?", shortcut=text,
                              name=name, close=close[0])
        raise HotkeyError("{shortcut}: \u201c{name}\u201d is not a modifier; use Ctrl, Alt, "
                          "Shift or Meta.", shortcut=text, name=name)
    return found


def _key(name: str, text: str) -> str:
    if len(name) == 1 and (name.isascii() and name.isalnum() or name in PUNCTUATION):
        return name.upper()
    function = re.fullmatch(r"[fF]([1-9][0-9]?)", name)
    if function and int(function.group(1)) <= 35:
        return f"F{function.group(1)}"
    found = _KEY_ALIASES.get(name.lower())
    if found is None:
        raise HotkeyError("{shortcut}: \u201c{name}\u201d is not a key a global hotkey can "
                          "use. Use a letter, a digit, F1 to F35 or a key such as Space, e.g. "
                          "Ctrl+Alt+J.", shortcut=text, name=name)
    return found


def keysym_name(key: str) -> str:
    """The X keysym name for a canonical Qt key name ("J" → "j", "PgUp" → "Prior")."""
    return KEYSYMS.get(key, key.lower() if len(key) == 1 else key)
