"""The paste keystroke on each platform, against fakes of X11, user32 and Quartz.

The fakes record exactly what the backends hand to the platform (XTEST
key events, SendInput's INPUT array, the posted CGEvents), so the keys and
their order are checked here on any machine. Every failure must end in a
message that tells the user which keys to press, since the answer is left
on the clipboard for them.
"""

from __future__ import annotations

import ctypes
import re
import sys
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from Xlib import XK, X  # type: ignore[import-untyped, unused-ignore]
from Xlib import error as xerror  # type: ignore[import-untyped, unused-ignore]

from assistant.gui.desktop import Desktop
from assistant.gui.paste import NoPaster, PasteError, macos, paster_for, windows
from assistant.gui.paste.macos import MacPaster
from assistant.gui.paste.windows import WindowsPaster
from assistant.gui.paste.x11 import X11Paster, paste_keys


def says_press(error: PasteError, keys: str) -> bool:
    """The message ends by telling the user to press ``keys`` themselves."""
    return re.search(r"The answer is on the clipboard: .*press " + re.escape(keys),
                     str(error)) is not None


# X11 ------------------------------------------------------------------------

KEYCODES = {XK.string_to_keysym(name): code for name, code in
            (("Control_L", 37), ("Shift_L", 50), ("Alt_L", 64), ("v", 55))}
CTRL, SHIFT, ALT, V = 37, 50, 64, 55


class Gone(xerror.XError):  # type: ignore[misc]
    """BadWindow without a server behind it: the window closed while we looked."""

    def __init__(self) -> None:
        Exception.__init__(self, "BadWindow")


class FakeWindow:
    """A window with what python-xlib would read from the server."""

    def __init__(self, wid: int, wm_class: tuple[str, str] | None = None,
                 parent: FakeWindow | None = None) -> None:
        self.id, self.wm_class, self.parent = wid, wm_class, parent
        self.children: list[FakeWindow] = []
        self.under_pointer: FakeWindow | int = X.NONE
        self.gone = False
        if parent is not None:
            parent.children.append(self)

    def root(self) -> FakeWindow:
        return self if self.parent is None else self.parent.root()

    def get_wm_class(self) -> tuple[str, str] | None:
        if self.gone:
            raise Gone()
        return self.wm_class

    def query_tree(self) -> SimpleNamespace:
        return SimpleNamespace(root=self.root(), parent=self.parent or X.NONE,
                               children=list(self.children))

    def query_pointer(self) -> SimpleNamespace:
        return SimpleNamespace(child=self.under_pointer)


class FakeDisplay:
    """The few Display calls the paster makes; ``sync_error`` arrives at the handler."""

    def __init__(self, root: FakeWindow, focus: FakeWindow | int, xtest: bool = True,
                 keycodes: dict[int, int] | None = None, sync_error: Any = None,
                 closed_on_focus: bool = False) -> None:
        self.root, self.focus = root, focus
        self.xtest = xtest
        self.keycodes = KEYCODES if keycodes is None else keycodes
        self.sync_error, self.closed_on_focus = sync_error, closed_on_focus
        self.handler: Callable[..., None] | None = None
        self.closed = False

    def get_input_focus(self) -> SimpleNamespace:
        if self.closed_on_focus:
            raise xerror.ConnectionClosedError("display")
        return SimpleNamespace(focus=self.focus)

    def screen(self) -> SimpleNamespace:
        return SimpleNamespace(root=self.root)

    def has_extension(self, name: str) -> bool:
        return self.xtest and name == "XTEST"

    def keysym_to_keycode(self, keysym: int) -> int:
        return self.keycodes.get(keysym, 0)

    def set_error_handler(self, handler: Callable[..., None]) -> None:
        self.handler = handler

    def sync(self) -> None:
        if self.sync_error is not None and self.handler is not None:
            self.handler(self.sync_error, None)

    def close(self) -> None:
        self.closed = True


class Recorder:
    """Stands in for ``Xlib.ext.xtest.fake_input``."""

    def __init__(self) -> None:
        self.events: list[tuple[str, int]] = []

    def __call__(self, display: FakeDisplay, kind: int, code: int) -> None:
        self.events.append(("press" if kind == X.KeyPress else "release", code))


def x11(display: FakeDisplay) -> tuple[X11Paster, Recorder]:
    recorder = Recorder()

    def connect(name: str | None) -> FakeDisplay:
        assert name == ":7"
        return display

    return X11Paster(":7", connect, recorder), recorder


def pressed(*codes: int) -> list[tuple[str, int]]:
    """Each key down in order, then up in reverse order."""
    return [("press", code) for code in codes] + [("release", code) for code in codes[::-1]]


def desktop_with(wm_class: tuple[str, str] | None) -> tuple[FakeWindow, FakeWindow]:
    """A root and one top-level application window of that class."""
    root = FakeWindow(1)
    return root, FakeWindow(0x400001, wm_class, root)


@pytest.mark.parametrize(("wm_class", "keys"), [
    (("gnome-terminal-server", "Gnome-terminal"), ("Ctrl", "Shift", "V")),
    (("konsole", "konsole"), ("Ctrl", "Shift", "V")),
    (("xfce4-terminal", "Xfce4-terminal"), ("Ctrl", "Shift", "V")),
    (("Alacritty", "Alacritty"), ("Ctrl", "Shift", "V")),
    (("kitty", "kitty"), ("Ctrl", "Shift", "V")),
    (("tilix", "Tilix"), ("Ctrl", "Shift", "V")),
    (("terminator", "Terminator"), ("Ctrl", "Shift", "V")),
    (("st-256color", "st-256color"), ("Ctrl", "Shift", "V")),
    (("org.wezfurlong.wezterm", "org.wezfurlong.wezterm"), ("Ctrl", "Shift", "V")),
    (("kgx", "Kgx"), ("Ctrl", "Shift", "V")),
    (("qterminal", "qterminal"), ("Ctrl", "Shift", "V")),
    (("lxterminal", "Lxterminal"), ("Ctrl", "Shift", "V")),
    (("mate-terminal", "Mate-terminal"), ("Ctrl", "Shift", "V")),
    (("xterm", "XTerm"), ("Ctrl", "Shift", "V")),
    (("XTERM", "whatever"), ("Ctrl", "Shift", "V")),  # any case, either part
    (("urxvt", "URxvt"), ("Ctrl", "Alt", "V")),
    (("gedit", "Gedit"), ("Ctrl", "V")),
    (("Navigator", "firefox"), ("Ctrl", "V")),
    (("libreoffice", "libreoffice-writer"), ("Ctrl", "V")),
    (("terminal-notes", "Notes"), ("Ctrl", "V")),  # a word in a name is not enough
    (None, ("Ctrl", "V")),
])
def test_wm_class_picks_the_paste_keys(wm_class: tuple[str, str] | None,
                                       keys: tuple[str, ...]) -> None:
    assert paste_keys(wm_class) == keys


@pytest.mark.parametrize(("wm_class", "codes"), [
    (("gedit", "Gedit"), (CTRL, V)),
    (("gnome-terminal-server", "Gnome-terminal"), (CTRL, SHIFT, V)),
    (("urxvt", "URxvt"), (CTRL, ALT, V)),
])
def test_x11_presses_the_keys_in_order(wm_class: tuple[str, str], codes: tuple[int, ...]) -> None:
    root, window = desktop_with(wm_class)
    display = FakeDisplay(root, window)
    paster, recorder = x11(display)
    paster.paste()
    assert recorder.events == pressed(*codes)
    assert display.closed


def test_x11_walks_up_from_a_focus_proxy() -> None:
    root, window = desktop_with(("xterm", "XTerm"))
    proxy = FakeWindow(0x400005, None, FakeWindow(0x400002, None, window))
    paster, recorder = x11(FakeDisplay(root, proxy))
    paster.paste()
    assert recorder.events == pressed(CTRL, SHIFT, V)


def test_x11_looks_inside_a_focused_window_manager_frame() -> None:
    root = FakeWindow(1)
    frame = FakeWindow(0x200001, None, root)
    FakeWindow(0x200002, None, frame)  # the title bar
    FakeWindow(0x400001, ("kitty", "kitty"), FakeWindow(0x200003, None, frame))
    paster, recorder = x11(FakeDisplay(root, frame))
    paster.paste()
    assert recorder.events == pressed(CTRL, SHIFT, V)


@pytest.mark.parametrize("focus", ["pointer-root", "root"])
def test_x11_focus_follows_the_pointer(focus: str) -> None:
    root, window = desktop_with(("Alacritty", "Alacritty"))
    root.under_pointer = window
    paster, recorder = x11(FakeDisplay(root, X.PointerRoot if focus == "pointer-root" else root))
    paster.paste()
    assert recorder.events == pressed(CTRL, SHIFT, V)


@pytest.mark.parametrize("focus", ["none", "pointer-root over the background"])
def test_x11_without_a_focused_window_presses_nothing(focus: str) -> None:
    root, _ = desktop_with(("kitty", "kitty"))
    display = FakeDisplay(root, X.NONE if focus == "none" else X.PointerRoot)
    paster, recorder = x11(display)
    with pytest.raises(PasteError, match="No window has the keyboard focus") as caught:
        paster.paste()
    assert says_press(caught.value, "Ctrl+V (Ctrl+Shift+V in a terminal)")
    assert recorder.events == [] and display.closed


def test_x11_a_window_that_closed_meanwhile_gets_ctrl_v() -> None:
    root, window = desktop_with(("kitty", "kitty"))
    window.gone = True
    paster, recorder = x11(FakeDisplay(root, window))
    paster.paste()
    assert recorder.events == pressed(CTRL, V)


def test_x11_without_xtest_names_the_terminal_keys() -> None:
    root, window = desktop_with(("konsole", "konsole"))
    paster, recorder = x11(FakeDisplay(root, window, xtest=False))
    with pytest.raises(PasteError, match="no XTEST extension") as caught:
        paster.paste()
    assert says_press(caught.value, "Ctrl+Shift+V")
    assert recorder.events == []


def test_x11_layout_without_a_key() -> None:
    root, window = desktop_with(("tilix", "Tilix"))
    keycodes = {sym: code for sym, code in KEYCODES.items()
                if sym != XK.string_to_keysym("Shift_L")}
    paster, recorder = x11(FakeDisplay(root, window, keycodes=keycodes))
    with pytest.raises(PasteError, match="has no Shift key") as caught:
        paster.paste()
    assert says_press(caught.value, "Ctrl+Shift+V")
    assert recorder.events == []


def test_x11_error_from_the_server_is_reported() -> None:
    root, window = desktop_with(("gedit", "Gedit"))
    paster, recorder = x11(FakeDisplay(root, window, sync_error="BadValue"))
    with pytest.raises(PasteError, match=r"did not take the keys Ctrl\+V \(BadValue\)") as caught:
        paster.paste()
    assert says_press(caught.value, "Ctrl+V")
    assert recorder.events == pressed(CTRL, V)


def test_x11_server_gone() -> None:
    root, window = desktop_with(("gedit", "Gedit"))
    display = FakeDisplay(root, window, closed_on_focus=True)
    paster, recorder = x11(display)
    with pytest.raises(PasteError, match="Could not reach the X server") as caught:
        paster.paste()
    assert says_press(caught.value, "Ctrl+V (Ctrl+Shift+V in a terminal)")
    assert display.closed and recorder.events == []


def test_x11_no_server_at_all() -> None:
    with pytest.raises(PasteError, match="Could not reach the X server") as caught:
        X11Paster(":9999").paste()  # python-xlib's own Display, nothing listening
    assert says_press(caught.value, "Ctrl+V (Ctrl+Shift+V in a terminal)")


# Windows --------------------------------------------------------------------

SCAN_CODES = {windows.VK_CONTROL: 0x1D, windows.VK_V: 0x2F}


class FakeUser32:
    """user32.dll as ctypes shows it; the first SendInput takes ``accept`` events."""

    def __init__(self, accept: int | None = None) -> None:
        self.accept = accept
        self.batches: list[list[tuple[int, int, int, int]]] = []

    def MapVirtualKeyW(self, code: int, map_type: int) -> int:
        assert map_type == windows.MAPVK_VK_TO_VSC
        return SCAN_CODES[code]

    def SendInput(self, count: int, inputs: Any, size: int) -> int:
        assert size == ctypes.sizeof(windows.INPUT) and len(inputs) == count
        self.batches.append([(item.type, item.u.ki.wVk, item.u.ki.wScan, item.u.ki.dwFlags)
                             for item in inputs])
        accept, self.accept = self.accept, None
        return count if accept is None else accept


def key(vk: int, up: bool = False) -> tuple[int, int, int, int]:
    return (windows.INPUT_KEYBOARD, vk, SCAN_CODES[vk], windows.KEYEVENTF_KEYUP if up else 0)


CTRL_V_EVENTS = [key(windows.VK_CONTROL), key(windows.VK_V), key(windows.VK_V, up=True),
                 key(windows.VK_CONTROL, up=True)]


def test_windows_input_has_the_win32_layout() -> None:
    assert ctypes.sizeof(windows.INPUT) == (40 if ctypes.sizeof(ctypes.c_void_p) == 8 else 28)


def test_windows_sends_ctrl_v_in_one_call() -> None:
    user32 = FakeUser32()
    WindowsPaster(user32, lambda: 0).paste()
    assert user32.batches == [CTRL_V_EVENTS]


def test_windows_refusal_says_what_to_press() -> None:
    user32 = FakeUser32(accept=0)
    with pytest.raises(PasteError, match=r"did not let the assistant press Ctrl\+V \(error 5\)") \
            as caught:
        WindowsPaster(user32, lambda: 5).paste()
    assert says_press(caught.value, "Ctrl+V")
    assert user32.batches == [CTRL_V_EVENTS]  # nothing went down, so nothing to release


@pytest.mark.parametrize(("accepted", "released"), [
    (1, [key(windows.VK_CONTROL, up=True)]),
    (2, [key(windows.VK_V, up=True), key(windows.VK_CONTROL, up=True)]),
    (3, [key(windows.VK_CONTROL, up=True)]),
])
def test_windows_partial_refusal_lets_go_of_the_keys(accepted: int,
                                                     released: list[tuple[int, ...]]) -> None:
    user32 = FakeUser32(accept=accepted)
    with pytest.raises(PasteError) as caught:
        WindowsPaster(user32, lambda: 5).paste()
    assert says_press(caught.value, "Ctrl+V")
    assert user32.batches == [CTRL_V_EVENTS, released]


@pytest.mark.skipif(sys.platform == "win32", reason="checks the message on other systems")
def test_windows_backend_elsewhere_says_what_to_press() -> None:
    with pytest.raises(PasteError, match="only on Windows") as caught:
        WindowsPaster().paste()
    assert says_press(caught.value, "Ctrl+V")


# macOS ----------------------------------------------------------------------

class FakeQuartz:
    """ApplicationServices and CFRelease as ctypes shows them; events are numbers."""

    def __init__(self, trusted: bool = True, fail_at: int | None = None) -> None:
        self.trusted, self.fail_at = trusted, fail_at
        self.events: dict[int, list[Any]] = {}
        self.posted: list[tuple[Any, ...]] = []
        self.released: list[int] = []

    def AXIsProcessTrusted(self) -> bool:
        return self.trusted

    def CGEventCreateKeyboardEvent(self, source: int | None, code: int,
                                   down: bool) -> int | None:
        assert source is None
        if len(self.events) + 1 == self.fail_at:
            return None
        event = 0x7000 + len(self.events)
        self.events[event] = [code, down, None]
        return event

    def CGEventSetFlags(self, event: int, flags: int) -> None:
        self.events[event][2] = flags

    def CGEventPost(self, tap: int, event: int) -> None:
        self.posted.append((tap, *self.events[event]))

    def CFRelease(self, ref: int) -> None:
        self.released.append(ref)


COMMAND = 0x100000  # kCGEventFlagMaskCommand


def test_mac_posts_cmd_v_and_releases_the_events() -> None:
    quartz = FakeQuartz()
    MacPaster(quartz).paste()
    assert quartz.posted == [(0, 0x37, True, COMMAND), (0, 0x09, True, COMMAND),
                             (0, 0x09, False, COMMAND), (0, 0x37, False, 0)]
    assert sorted(quartz.released) == sorted(quartz.events)


def test_mac_without_accessibility_permission_says_where_to_allow_it() -> None:
    quartz = FakeQuartz(trusted=False)
    with pytest.raises(PasteError) as caught:
        MacPaster(quartz).paste()
    assert "System Settings \u2192 Privacy & Security \u2192 Accessibility" in str(caught.value)
    assert says_press(caught.value, "Cmd+V")
    assert quartz.events == {} and quartz.posted == []


def test_mac_event_that_cannot_be_made_posts_nothing() -> None:
    quartz = FakeQuartz(fail_at=3)
    with pytest.raises(PasteError, match="could not make the key events") as caught:
        MacPaster(quartz).paste()
    assert says_press(caught.value, "Cmd+V")
    assert quartz.posted == []
    assert sorted(quartz.released) == sorted(quartz.events) and len(quartz.events) == 2


@pytest.mark.skipif(sys.platform == "darwin", reason="checks the message on other systems")
def test_mac_backend_elsewhere_says_what_to_press() -> None:
    with pytest.raises(PasteError, match="ApplicationServices") as caught:
        MacPaster().paste()
    assert says_press(caught.value, "Cmd+V")
    assert macos.KVK_ANSI_V == 0x09


# Choosing the backend ---------------------------------------------------------

WAYLAND = ("This desktop does not let apps press keys in other windows (Wayland). The answer "
           "is on the clipboard: press Ctrl+V (Ctrl+Shift+V in a terminal).")


@pytest.mark.parametrize(("platform", "environ", "kind"), [
    ("xcb", {"DISPLAY": ":5"}, X11Paster),
    ("windows", {}, WindowsPaster),
    ("cocoa", {}, MacPaster),
    ("wayland", {"WAYLAND_DISPLAY": "wayland-0"}, NoPaster),
    ("wayland-egl", {}, NoPaster),
    ("xcb", {"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}, NoPaster),
    ("xcb", {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, NoPaster),
    ("offscreen", {}, NoPaster),
])
def test_each_platform_gets_its_backend(platform: str, environ: dict[str, str],
                                        kind: type) -> None:
    paster = paster_for(platform, environ)
    assert type(paster) is kind
    if isinstance(paster, X11Paster):
        assert paster.display_name == ":5"


@pytest.mark.parametrize("platform", ["wayland", "xcb"])
def test_wayland_says_what_to_press(platform: str) -> None:
    with pytest.raises(PasteError) as caught:
        paster_for(platform, {"XDG_SESSION_TYPE": "wayland"}).paste()
    assert str(caught.value) == WAYLAND


def test_other_displays_say_what_to_press(qtbot: QtBot) -> None:
    assert QGuiApplication.platformName() == "offscreen"
    with pytest.raises(PasteError, match=r"\u201coffscreen\u201d display") as caught:
        paster_for().paste()
    assert says_press(caught.value, "Ctrl+V")


# The Replace path in the desktop ------------------------------------------------

def test_failed_paste_leaves_the_answer_on_the_clipboard_and_says_why(qtbot: QtBot) -> None:
    """Desktop._paste with a paster that refuses; the other parts are stand-ins."""
    board = QGuiApplication.clipboard()
    board.setText("the user's own words")
    shown: list[str] = []
    stand_in = SimpleNamespace(paster=paster_for("wayland", {}), _problem=shown.append,
                               app=SimpleNamespace())
    Desktop._paste(stand_in, "the answer")  # type: ignore[arg-type]
    assert board.text() == "the answer"
    assert shown == [WAYLAND]
    board.clear()
