"""The hotkey interface: shortcut parsing, the shared bookkeeping and the factory.

The Windows and macOS backends run here against fakes of user32 and Carbon
(no such machine is available); X11 with a real X server is in
``tests/x11/test_hotkey_x11.py``, the portal in ``test_hotkey_portal.py``.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from assistant.errors import AssistantError
from assistant.gui.hotkey import (
    HotkeyBackend,
    HotkeyError,
    NoHotkey,
    Shortcut,
    create_hotkey_backend,
    parse_shortcut,
)
from assistant.gui.hotkey.shortcut import NAMED_KEYS, PUNCTUATION, keysym_name

PORTABLE = QKeySequence.SequenceFormat.PortableText


@pytest.mark.parametrize(("text", "modifiers", "key"), [
    ("Ctrl+Alt+J", {"Ctrl", "Alt"}, "J"),
    ("ctrl+alt+j", {"Ctrl", "Alt"}, "J"),
    ("Meta+Shift+F1", {"Meta", "Shift"}, "F1"),
    (" Ctrl + Alt + J ", {"Ctrl", "Alt"}, "J"),
    ("Meta+Ctrl+Alt+Shift+A", {"Meta", "Ctrl", "Alt", "Shift"}, "A"),
    ("Ctrl+Alt+5", {"Ctrl", "Alt"}, "5"),
    ("Ctrl++", {"Ctrl"}, "+"),
    ("Ctrl+Shift++", {"Ctrl", "Shift"}, "+"),
    ("Ctrl+,", {"Ctrl"}, ","),
    ("Ctrl+Shift+!", {"Ctrl", "Shift"}, "!"),
    ("Alt+Space", {"Alt"}, "Space"),
    ("Ctrl+Escape", {"Ctrl"}, "Esc"),
    ("Control+PageUp", {"Ctrl"}, "PgUp"),
    ("Ctrl+Alt+Del", {"Ctrl", "Alt"}, "Del"),
    ("Ctrl+F35", {"Ctrl"}, "F35"),
    ("f13", set(), "F13"),
])
def test_parse(text: str, modifiers: set[str], key: str) -> None:
    assert parse_shortcut(text) == Shortcut(frozenset(modifiers), key)
    assert parse_shortcut(text).key == key  # unpacks as the pair it is
    parsed_modifiers, parsed_key = parse_shortcut(text)
    assert parsed_modifiers == frozenset(modifiers) and parsed_key == key


@pytest.mark.parametrize(("text", "message"), [
    ("", "No shortcut was given"),
    ("   ", "No shortcut was given"),
    ("Ctrl+Alt+J, Ctrl+K", "Ctrl+Alt+J, Ctrl+K is several key presses"),
    ("Ctrl+Alt", "Ctrl+Alt has no key besides the modifiers"),
    ("Ctrl+", "Ctrl+ has no key besides the modifiers"),
    ("Crtl+J", ("Crtl+J: \u201cCrtl\u201d is not a modifier; use Ctrl, Alt, Shift or Meta. "
                "Did you mean Ctrl?")),
    ("Hyper+J", "\u201cHyper\u201d is not a modifier"),
    ("Ctrl+F36", "Ctrl+F36: \u201cF36\u201d is not a key a global hotkey can use"),
    ("Ctrl+\u00e9", "\u201c\u00e9\u201d is not a key"),
    ("Ctrl+Alt+JK", "\u201cJK\u201d is not a key"),
])
def test_parse_errors_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(HotkeyError) as caught:
        parse_shortcut(text)
    assert message in str(caught.value)
    assert isinstance(caught.value, AssistantError)


def canonical_keys() -> list[str]:
    return ([chr(c) for c in range(ord("A"), ord("Z") + 1)] + [str(d) for d in range(10)]
            + [f"F{n}" for n in range(1, 36)] + list(NAMED_KEYS) + list(PUNCTUATION))


@pytest.mark.parametrize("key", canonical_keys())
def test_every_key_name_is_qts_own(key: str) -> None:
    """What the settings dialog stores (Qt's PortableText) parses to the same name."""
    text = f"Ctrl+Alt+{key}"
    assert QKeySequence.fromString(text, PORTABLE).toString(PORTABLE) == text
    assert parse_shortcut(text) == Shortcut(frozenset({"Ctrl", "Alt"}), key)


@pytest.mark.parametrize(("key", "keysym"), [
    ("J", "j"), ("5", "5"), ("F1", "F1"), ("Space", "space"), ("Return", "Return"),
    ("Enter", "KP_Enter"), ("Esc", "Escape"), ("PgUp", "Prior"), ("PgDown", "Next"),
    ("Backspace", "BackSpace"), ("Del", "Delete"), ("Ins", "Insert"), (",", "comma"),
    ("+", "plus"), ("Left", "Left"), ("Menu", "Menu"),
])
def test_keysym_names(key: str, keysym: str) -> None:
    assert keysym_name(key) == keysym


def test_every_key_has_an_x_keysym() -> None:
    from Xlib import XK  # type: ignore[import-untyped, unused-ignore]

    missing = [key for key in canonical_keys() if not XK.string_to_keysym(keysym_name(key))]
    assert missing == []


class ScriptedBackend(HotkeyBackend):
    """Grabs succeed unless the key is in ``taken``; records what it did."""

    def __init__(self, taken: set[str] | None = None) -> None:
        super().__init__()
        self.taken = taken or set()
        self.log: list[str] = []

    @property
    def method(self) -> str:
        return "scripted"

    def _grab(self, shortcut: Shortcut, text: str) -> None:
        if shortcut.key in self.taken:
            raise HotkeyError(f"{text} is taken")
        self.log.append(f"grab {text}")

    def _release(self) -> None:
        self.log.append("release")


def test_register_replace_and_unregister(qtbot: QtBot) -> None:
    backend = ScriptedBackend()
    backend.register("Ctrl+Alt+J")
    backend.register("Ctrl+Alt+K")
    backend.unregister()
    backend.unregister()
    assert backend.log == ["grab Ctrl+Alt+J", "release", "grab Ctrl+Alt+K", "release"]
    assert backend.shortcut == ""


@pytest.mark.parametrize(("hotkey", "problem"), [
    ("Ctrl+Space", "switches the Chinese input method"),  # e.g. written in settings.toml
    ("J", "needs Ctrl, Alt or Meta"),
    ("Shift+F5", "needs Ctrl, Alt or Meta"),
])
def test_the_dialog_rules_hold_for_a_hand_written_hotkey(qtbot: QtBot, hotkey: str,
                                                         problem: str) -> None:
    """One rule: what the settings dialog refuses is refused at start-up too."""
    from assistant.gui.settings_dialog import hotkey_problem

    backend = ScriptedBackend()
    backend.register("Ctrl+Alt+J")
    with pytest.raises(HotkeyError, match=problem):
        backend.register(hotkey)
    assert problem in (hotkey_problem(hotkey) or "")
    assert backend.shortcut == "Ctrl+Alt+J"  # the previous one stays
    assert backend.log == ["grab Ctrl+Alt+J"]


def test_empty_text_means_no_hotkey(qtbot: QtBot) -> None:
    backend = ScriptedBackend()
    backend.register("Ctrl+Alt+J")
    backend.register("")
    assert backend.log == ["grab Ctrl+Alt+J", "release"]
    assert backend.status_text() == "No global hotkey is set."


def test_bad_text_leaves_the_current_hotkey_alone(qtbot: QtBot) -> None:
    backend = ScriptedBackend()
    backend.register("Ctrl+Alt+J")
    with pytest.raises(HotkeyError, match="not a modifier"):
        backend.register("Crtl+K")
    assert backend.log == ["grab Ctrl+Alt+J"]
    assert backend.shortcut == "Ctrl+Alt+J"


def test_a_taken_key_keeps_the_previous_one(qtbot: QtBot) -> None:
    backend = ScriptedBackend(taken={"K"})
    backend.register("Ctrl+Alt+J")
    with pytest.raises(HotkeyError, match=r"Ctrl\+Alt\+K is taken"):
        backend.register("Ctrl+Alt+K")
    assert backend.log == ["grab Ctrl+Alt+J", "release", "grab Ctrl+Alt+J"]
    assert backend.shortcut == "Ctrl+Alt+J"
    assert backend.status_text() == "Hotkey: Ctrl+Alt+J (scripted)"


def test_pause_releases_the_key_and_resume_takes_it_back(qtbot: QtBot) -> None:
    backend = ScriptedBackend()
    backend.register("Ctrl+Alt+J")
    backend.set_paused(True)
    assert backend.paused and backend.status_text() == "Hotkey Ctrl+Alt+J is paused."
    backend.register("Ctrl+Alt+K")  # changed in Settings while paused: kept, not grabbed
    backend.set_paused(False)
    backend.set_paused(False)
    assert backend.log == ["grab Ctrl+Alt+J", "release", "grab Ctrl+Alt+K"]
    assert not backend.paused and backend.shortcut == "Ctrl+Alt+K"


def test_resume_reports_a_key_taken_meanwhile(qtbot: QtBot) -> None:
    backend = ScriptedBackend()
    backend.register("Ctrl+Alt+J")
    backend.set_paused(True)
    backend.taken.add("J")
    with pytest.raises(HotkeyError, match="taken"):
        backend.set_paused(False)
    backend.taken.clear()
    backend.set_paused(False)  # trying again works once the key is free
    assert backend.log == ["grab Ctrl+Alt+J", "release", "grab Ctrl+Alt+J"]


def test_lost_grab_is_reported_through_failed(qtbot: QtBot) -> None:
    backend = ScriptedBackend()
    backend.register("Ctrl+Alt+J")
    with qtbot.waitSignal(backend.failed) as failed:
        backend._lost("gone")
    assert failed.args == ["gone"]
    backend.unregister()
    assert backend.log == ["grab Ctrl+Alt+J"]  # nothing left to release


def test_no_hotkey_explains_itself(qtbot: QtBot) -> None:
    backend = NoHotkey("offscreen")
    backend.register("Ctrl+Alt+J")
    assert "offscreen" in backend.method and "`assistant quick`" in backend.method
    assert backend.status_text().startswith("No global hotkey: none")
    with pytest.raises(HotkeyError):
        backend.register("Ctrl+Nope+J")  # the text is still checked


@pytest.mark.parametrize(("platform", "environ", "expected"), [
    ("xcb", {"DISPLAY": ":5"}, "X11Hotkey"),
    ("xcb", {"DISPLAY": ":5", "XDG_SESSION_TYPE": "x11"}, "X11Hotkey"),
    ("xcb", {"DISPLAY": ":5", "WAYLAND_DISPLAY": "wayland-0"}, "PortalHotkey"),
    ("xcb", {"DISPLAY": ":5", "XDG_SESSION_TYPE": "wayland"}, "PortalHotkey"),
    ("wayland", {}, "PortalHotkey"),
    ("wayland-egl", {}, "PortalHotkey"),
    ("windows", {}, "WindowsHotkey"),
    ("cocoa", {}, "MacHotkey"),
    ("offscreen", {}, "NoHotkey"),
    ("minimal", {}, "NoHotkey"),
])
def test_factory_picks_by_platform(qtbot: QtBot, platform: str, environ: dict[str, str],
                                   expected: str) -> None:
    backend = create_hotkey_backend(platform, environ)
    assert type(backend).__name__ == expected
    assert backend.method  # every backend can say what it is
    if expected == "X11Hotkey":
        from assistant.gui.hotkey.x11 import X11Hotkey

        assert isinstance(backend, X11Hotkey) and backend.display_name == ":5"


def test_factory_default_is_the_running_platform(qtbot: QtBot) -> None:
    backend = create_hotkey_backend()  # the tests run offscreen
    assert isinstance(backend, NoHotkey) and backend.platform_name == "offscreen"
