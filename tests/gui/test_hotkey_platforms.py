"""Windows and macOS backends against fakes of user32 and Carbon; X11 event logic.

The fakes sit at the ctypes level: they receive exactly what the backends
pass to the DLLs (``byref`` pointers included), so argument order, structs
and flags are checked here even though no Windows or Mac runs these tests.
"""

from __future__ import annotations

import ctypes
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray
from pytestqt.qtbot import QtBot
from waits import UI_MS

from assistant.gui.hotkey import HotkeyError, macos, parse_shortcut, windows
from assistant.gui.hotkey.macos import MacHotkey
from assistant.gui.hotkey.windows import MSG, WindowsHotkey

TAKEN = "Ctrl+Alt+J is already used by another program. Pick a different shortcut in Settings."


class FakeUser32:
    """user32.dll as ctypes shows it; ``fail_with`` makes RegisterHotKey fail."""

    def __init__(self, fail_with: int = 0) -> None:
        self.fail_with = fail_with
        self.calls: list[tuple[Any, ...]] = []

    def RegisterHotKey(self, hwnd: int | None, hotkey_id: int, modifiers: int,
                       vk: int) -> int:
        self.calls.append(("RegisterHotKey", hwnd, hotkey_id, modifiers, vk))
        return 0 if self.fail_with else 1

    def UnregisterHotKey(self, hwnd: int | None, hotkey_id: int) -> int:
        self.calls.append(("UnregisterHotKey", hwnd, hotkey_id))
        return 1

    def VkKeyScanW(self, char: str) -> int:
        return {",": 0x00BC, "!": 0x0131}.get(char, -1)  # low byte VK, high byte shift state


class FakeApp:
    """Stands in for QCoreApplication's native event filter list."""

    def __init__(self) -> None:
        self.filters: list[QAbstractNativeEventFilter] = []

    def installNativeEventFilter(self, f: QAbstractNativeEventFilter) -> None:
        self.filters.append(f)

    def removeNativeEventFilter(self, f: QAbstractNativeEventFilter) -> None:
        self.filters.remove(f)


def make_windows(fail_with: int = 0) -> tuple[WindowsHotkey, FakeUser32, FakeApp]:
    user32, app = FakeUser32(fail_with), FakeApp()
    return WindowsHotkey(user32, lambda: user32.fail_with, app), user32, app


@pytest.mark.parametrize(("text", "flags", "vk"), [
    ("Ctrl+Alt+J", windows.MOD_CONTROL | windows.MOD_ALT, 0x4A),
    ("Meta+Shift+F1", windows.MOD_WIN | windows.MOD_SHIFT, 0x70),
    ("Ctrl+F24", windows.MOD_CONTROL, 0x87),
    ("Alt+Space", windows.MOD_ALT, 0x20),
    ("Ctrl+0", windows.MOD_CONTROL, 0x30),
    ("Ctrl+,", windows.MOD_CONTROL, 0xBC),
    ("Ctrl+Shift+!", windows.MOD_CONTROL | windows.MOD_SHIFT, 0x31),
])
def test_windows_registers_with_norepeat(qtbot: QtBot, text: str, flags: int, vk: int) -> None:
    backend, user32, app = make_windows()
    backend.register(text)
    assert user32.calls == [("RegisterHotKey", None, windows.HOTKEY_ID,
                             flags | windows.MOD_NOREPEAT, vk)]
    assert len(app.filters) == 1
    backend.unregister()
    assert user32.calls[-1] == ("UnregisterHotKey", None, windows.HOTKEY_ID)
    assert app.filters == []


def test_windows_key_taken_by_another_program(qtbot: QtBot) -> None:
    backend, _, app = make_windows(fail_with=windows.ERROR_HOTKEY_ALREADY_REGISTERED)
    with pytest.raises(HotkeyError) as caught:
        backend.register("Ctrl+Alt+J")
    assert str(caught.value) == TAKEN
    assert app.filters == [] and backend.shortcut == ""


def test_windows_other_errors_carry_the_code(qtbot: QtBot) -> None:
    backend, _, _ = make_windows(fail_with=87)
    with pytest.raises(HotkeyError, match=r"Windows refused the hotkey Ctrl\+Alt\+J \(error 87\)"):
        backend.register("Ctrl+Alt+J")


def test_windows_keys_it_has_not(qtbot: QtBot) -> None:
    backend, user32, _ = make_windows()
    with pytest.raises(HotkeyError, match="F25 is not on this keyboard"):
        backend.register("Ctrl+F25")
    with pytest.raises(HotkeyError, match="~ is not on this keyboard"):
        backend.register("Ctrl+~")  # VkKeyScanW answers -1
    assert user32.calls == []


def native(message: int, wparam: int) -> tuple[MSG, int]:
    msg = MSG(hwnd=None, message=message, wParam=wparam, lParam=0)
    return msg, ctypes.addressof(msg)


def test_wm_hotkey_with_our_id_activates(qtbot: QtBot) -> None:
    backend, _, app = make_windows()
    backend.register("Ctrl+Alt+J")
    event_filter = app.filters[0]
    _msg, address = native(windows.WM_HOTKEY, windows.HOTKEY_ID)
    with qtbot.waitSignal(backend.activated, timeout=UI_MS):
        assert event_filter.nativeEventFilter(QByteArray(b"windows_generic_MSG"),
                                              address) == (True, 0)
    with qtbot.assertNotEmitted(backend.activated, wait=50):
        for kind, message, wparam in [(b"windows_generic_MSG", windows.WM_HOTKEY, 7),
                                      (b"windows_generic_MSG", 0x0100, windows.HOTKEY_ID),
                                      (b"xcb_generic_event_t", windows.WM_HOTKEY,
                                       windows.HOTKEY_ID)]:
            _other, other = native(message, wparam)
            assert event_filter.nativeEventFilter(kind, other) == (False, 0)


def test_windows_module_imports_without_windows() -> None:
    """No WinDLL at import time: only load_user32 needs a real Windows."""
    if not hasattr(ctypes, "WinDLL"):
        with pytest.raises(HotkeyError, match="only on Windows"):
            windows.load_user32()


class FakeCarbon:
    """Carbon as ctypes shows it: out-parameters arrive as ``byref`` objects."""

    def __init__(self, register_status: int = 0) -> None:
        self.register_status = register_status
        self.calls: list[tuple[Any, ...]] = []
        self.handler: Any = None
        self.event_id = (macos.SIGNATURE, macos.HOTKEY_ID)

    def GetApplicationEventTarget(self) -> int | None:
        return 0xA0

    def InstallEventHandler(self, target: int | None, handler: Any, count: int, types: Any,
                            user_data: Any, out_ref: Any) -> int:
        spec = types._obj
        self.calls.append(("install", target, count, spec.eventClass, spec.eventKind))
        self.handler = handler
        out_ref._obj.value = 0xB0
        return 0

    def RemoveEventHandler(self, ref: int | None) -> int:
        self.calls.append(("remove", ref))
        return 0

    def RegisterEventHotKey(self, code: int, modifiers: int, hotkey_id: Any,
                            target: int | None, options: int, out_ref: Any) -> int:
        self.calls.append(("register", code, modifiers, hotkey_id.signature, hotkey_id.id,
                           target, options))
        if self.register_status == 0:
            out_ref._obj.value = 0xC0
        return self.register_status

    def UnregisterEventHotKey(self, ref: int | None) -> int:
        self.calls.append(("unregister", ref))
        return 0

    def GetEventParameter(self, event: int | None, name: int, wanted: int, out_type: Any,
                          size: int, out_size: Any, out_data: Any) -> int:
        assert (name, wanted, size) == (macos.PARAM_DIRECT_OBJECT,
                                        macos.TYPE_EVENT_HOT_KEY_ID, 8)
        out_data._obj.signature, out_data._obj.id = self.event_id
        return 0


# kVK_ANSI_* and kVK_F* from HIToolbox/Events.h.
EVENTS_H = {"A": 0x00, "S": 0x01, "D": 0x02, "F": 0x03, "H": 0x04, "G": 0x05, "Z": 0x06,
            "X": 0x07, "C": 0x08, "V": 0x09, "B": 0x0B, "Q": 0x0C, "W": 0x0D, "E": 0x0E,
            "R": 0x0F, "Y": 0x10, "T": 0x11, "1": 0x12, "2": 0x13, "3": 0x14, "4": 0x15,
            "6": 0x16, "5": 0x17, "=": 0x18, "9": 0x19, "7": 0x1A, "-": 0x1B, "8": 0x1C,
            "0": 0x1D, "]": 0x1E, "O": 0x1F, "U": 0x20, "[": 0x21, "I": 0x22, "P": 0x23,
            "L": 0x25, "J": 0x26, "'": 0x27, "K": 0x28, ";": 0x29, "\\": 0x2A, ",": 0x2B,
            "/": 0x2C, "N": 0x2D, "M": 0x2E, ".": 0x2F, "`": 0x32, "F1": 0x7A, "F2": 0x78,
            "F3": 0x63, "F4": 0x76, "F5": 0x60, "F6": 0x61, "F7": 0x62, "F8": 0x64,
            "F9": 0x65, "F10": 0x6D, "F11": 0x67, "F12": 0x6F, "Space": 0x31, "Return": 0x24}


@pytest.mark.parametrize(("key", "code"), sorted(EVENTS_H.items()))
def test_mac_key_codes_are_the_ansi_layout(key: str, code: int) -> None:
    assert macos.key_code(parse_shortcut(f"Ctrl+{key}"), key) == code


@pytest.mark.parametrize(("text", "modifiers", "meaning"), [
    ("Ctrl+Alt+J", 0x0100 | 0x0800, "Qt's Ctrl is Command, Alt is Option"),
    ("Meta+Shift+F1", 0x1000 | 0x0200, "Qt's Meta is the Control key"),
    ("Ctrl+Meta+K", 0x0100 | 0x1000, "both"),
])
def test_mac_registers_with_carbon_flags(qtbot: QtBot, text: str, modifiers: int,
                                         meaning: str) -> None:
    carbon = FakeCarbon()
    backend = MacHotkey(carbon)
    backend.register(text)
    shortcut = parse_shortcut(text)
    assert carbon.calls == [
        ("install", 0xA0, 1, macos.four_cc("keyb"), macos.EVENT_HOT_KEY_PRESSED),
        ("register", EVENTS_H[shortcut.key], modifiers, macos.four_cc("DAsn"), 1, 0xA0, 0)]
    backend.unregister()
    assert carbon.calls[-2:] == [("unregister", 0xC0), ("remove", 0xB0)], meaning


def test_mac_hot_key_event_activates_once_per_press(qtbot: QtBot) -> None:
    carbon = FakeCarbon()
    backend = MacHotkey(carbon)
    backend.register("Ctrl+Alt+J")
    with qtbot.waitSignal(backend.activated, timeout=UI_MS):
        assert carbon.handler(None, 0x1234, None) == macos.NO_ERR  # through the C callback
    carbon.event_id = (macos.four_cc("othr"), 1)
    with qtbot.assertNotEmitted(backend.activated, wait=50):
        assert carbon.handler(None, 0x1234, None) == macos.EVENT_NOT_HANDLED_ERR


def test_mac_key_taken_and_other_errors(qtbot: QtBot) -> None:
    with pytest.raises(HotkeyError) as caught:
        MacHotkey(FakeCarbon(macos.EVENT_HOT_KEY_EXISTS_ERR)).register("Ctrl+Alt+J")
    assert str(caught.value) == TAKEN
    with pytest.raises(HotkeyError, match=r"macOS refused the hotkey Ctrl\+Alt\+J \(error -50\)"):
        MacHotkey(FakeCarbon(-50)).register("Ctrl+Alt+J")
    with pytest.raises(HotkeyError, match="a Mac keyboard has no Print key"):
        MacHotkey(FakeCarbon()).register("Ctrl+Print")


def test_mac_shifted_symbol_is_its_key(qtbot: QtBot) -> None:
    carbon = FakeCarbon()
    MacHotkey(carbon).register("Ctrl+Shift+!")
    assert carbon.calls[-1][1:3] == (EVENTS_H["1"], 0x0100 | 0x0200)


def key_event(kind: str, time: int, detail: int = 44) -> SimpleNamespace:
    from Xlib import X  # type: ignore[import-untyped, unused-ignore]

    return SimpleNamespace(type=X.KeyPress if kind == "press" else X.KeyRelease,
                           detail=detail, time=time)


@pytest.mark.parametrize(("events", "activations"), [
    ([("press", 100), ("release", 180)], 1),
    ([("press", 100), ("release", 180), ("press", 900), ("release", 950)], 2),
    # Detectable autorepeat: presses without releases while held.
    ([("press", 100), ("press", 760), ("press", 800), ("release", 900)], 1),
    # Classic autorepeat: a release and a press with one timestamp per repeat.
    ([("press", 100), ("release", 760), ("press", 760), ("release", 800), ("press", 800),
      ("release", 900)], 1),
    # A lost release does not kill the hotkey: a press a while later counts.
    ([("press", 100), ("press", 5000)], 2),
    ([("press", 100, 45), ("release", 150, 45)], 0),  # some other key
    ([("press", 0xFFFFFFF0), ("release", 0xFFFFFFF8), ("press", 20)], 2),  # clock wraps
])
def test_x11_autorepeat_counts_once(qtbot: QtBot, events: list[tuple[Any, ...]],
                                    activations: int) -> None:
    from assistant.gui.hotkey.x11 import X11Hotkey

    backend = X11Hotkey(":none")
    backend._grabs = [(44, 0x0C)]
    seen: list[None] = []
    backend.activated.connect(lambda: seen.append(None))
    for event in events:
        backend._handle(key_event(*event))
    assert len(seen) == activations


def test_x11_without_a_server_says_what_to_do(qtbot: QtBot) -> None:
    from assistant.gui.hotkey.x11 import X11Hotkey

    backend = X11Hotkey(":9999")
    with pytest.raises(HotkeyError, match="Cannot connect to the X server.*`assistant quick`"):
        backend.register("Ctrl+Alt+J")
    assert backend.shortcut == ""
