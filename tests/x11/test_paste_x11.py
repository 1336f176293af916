"""The X11 paste keys against a real X server (Xvfb): focus, WM_CLASS, XTEST.

Windows made here with python-xlib carry the WM_CLASS of a terminal or of
an editor and listen for key events, so the test sees the very keys that
XTEST delivered, in order and with their modifier state. A real xterm is
checked too where one is installed. No Qt is needed: the paster talks to X
on its own connection.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from waits import PROCESS_S, UI_S
from Xlib import XK, X  # type: ignore[import-untyped, unused-ignore]
from Xlib.display import Display  # type: ignore[import-untyped, unused-ignore]
from xwait import wait_for

from assistant.gui.paste import PasteError
from assistant.gui.paste.x11 import (
    TERMINAL_PASTE,
    X11Paster,
    client_class,
    focus_window,
    paste_keys,
)

pytestmark = pytest.mark.x11

KEY_EVENTS = X.KeyPressMask | X.KeyReleaseMask


class Client:
    """An X client of our own with windows that record the keys they get."""

    def __init__(self, display: str) -> None:
        self.connection = Display(display)
        self.root = self.connection.screen().root

    def window(self, wm_class: tuple[str, str] | None, parent: Any = None, x: int = 100,
               y: int = 100) -> Any:
        """A mapped 300x200 window; on a parent, a child that fills it."""
        window = (parent or self.root).create_window(
            0 if parent else x, 0 if parent else y, 300, 200, 0, X.CopyFromParent,
            X.InputOutput, X.CopyFromParent, event_mask=KEY_EVENTS)
        if wm_class is not None:
            window.set_wm_class(*wm_class)
        window.map()
        self.connection.sync()  # no window manager: mapped once the server has the request
        return window

    def focus(self, window: Any) -> None:
        self.connection.set_input_focus(window, X.RevertToPointerRoot, X.CurrentTime)
        self.connection.sync()

    def point_at(self, x: int, y: int) -> None:
        self.root.warp_pointer(x, y)
        self.connection.sync()

    def keys(self, count: int) -> list[tuple[str, str, int]]:
        """The next ``count`` key events as (press/release, keysym name, modifier state)."""
        found: list[tuple[str, str, int]] = []
        deadline = time.monotonic() + UI_S
        while len(found) < count:
            while len(found) < count and self.connection.pending_events():
                event = self.connection.next_event()
                if event.type in (X.KeyPress, X.KeyRelease):
                    keysym = self.connection.keycode_to_keysym(event.detail, 0)
                    found.append(("press" if event.type == X.KeyPress else "release",
                                  XK.keysym_to_string(keysym) or XK_NAMES.get(keysym, "?"),
                                  event.state))
            left = deadline - time.monotonic()
            if len(found) < count:
                assert left > 0, f"only these key events arrived: {found}"
                select.select([self.connection.fileno()], [], [], left)
        return found

    def close(self) -> None:
        self.connection.close()  # its windows go with it


XK_NAMES = {XK.string_to_keysym(name): name for name in ("Control_L", "Shift_L", "Alt_L")}


@pytest.fixture
def client(display: str) -> Iterator[Client]:
    made = Client(display)
    yield made
    made.close()


def detected(display: str) -> tuple[str, ...] | None:
    """What the paster reads: the WM_CLASS behind the focus, on a connection of its own."""
    connection = Display(display)
    try:
        return client_class(focus_window(connection))
    finally:
        connection.close()


CTRL, SHIFT = X.ControlMask, X.ShiftMask


def test_a_terminal_gets_ctrl_shift_v(display: str, client: Client) -> None:
    terminal = client.window(("gnome-terminal-server", "Gnome-terminal"))
    client.focus(terminal)
    X11Paster(display).paste()
    assert client.keys(6) == [("press", "Control_L", 0), ("press", "Shift_L", CTRL),
                              ("press", "v", CTRL | SHIFT), ("release", "v", CTRL | SHIFT),
                              ("release", "Shift_L", CTRL | SHIFT), ("release", "Control_L", CTRL)]


def test_another_window_gets_ctrl_v(display: str, client: Client) -> None:
    editor = client.window(("gedit", "Gedit"))
    client.focus(editor)
    X11Paster(display).paste()
    assert client.keys(4) == [("press", "Control_L", 0), ("press", "v", CTRL),
                              ("release", "v", CTRL), ("release", "Control_L", CTRL)]


def test_the_class_is_found_above_a_focused_child(display: str, client: Client) -> None:
    terminal = client.window(("Alacritty", "Alacritty"))
    inner = client.window(None, client.window(None, terminal))
    client.focus(inner)
    assert detected(display) == ("Alacritty", "Alacritty")
    X11Paster(display).paste()
    assert [name for _, name, _ in client.keys(3)] == ["Control_L", "Shift_L", "v"]


def test_focus_that_follows_the_pointer(display: str, client: Client) -> None:
    terminal = client.window(("kitty", "kitty"), x=100, y=100)
    client.connection.set_input_focus(X.PointerRoot, X.RevertToPointerRoot, X.CurrentTime)
    client.point_at(150, 150)
    assert detected(display) == ("kitty", "kitty")
    X11Paster(display).paste()
    assert [name for _, name, _ in client.keys(3)] == ["Control_L", "Shift_L", "v"]
    terminal.destroy()


@pytest.mark.parametrize("focus", ["none", "pointer over the background"])
def test_no_focused_window_presses_nothing(display: str, client: Client, focus: str) -> None:
    client.window(("kitty", "kitty"), x=100, y=100)
    if focus == "none":
        client.connection.set_input_focus(X.NONE, X.RevertToNone, X.CurrentTime)
    else:
        client.connection.set_input_focus(X.PointerRoot, X.RevertToPointerRoot, X.CurrentTime)
    client.point_at(1300, 850)
    with pytest.raises(PasteError, match="No window has the keyboard focus.*press Ctrl\\+V "
                                         "\\(Ctrl\\+Shift\\+V in a terminal\\)"):
        X11Paster(display).paste()


@pytest.fixture
def xterm(display: str) -> Iterator[Callable[[], str]]:
    """A real xterm on the display; yields a function that waits for its window id."""
    if not shutil.which("xterm"):
        pytest.skip("xterm is not installed (apt-get install xterm)")
    env = {**os.environ, "DISPLAY": display}
    process = subprocess.Popen(["xterm", "-title", "paste-test", "-e", "cat"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def window_id() -> str:
        def search() -> str:
            # --onlyvisible: focusing a window before it is mapped is a BadMatch.
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name",
                                    "^paste-test$"], env=env, capture_output=True, text=True,
                                   check=False, timeout=PROCESS_S)
            return found.stdout.split()[0] if found.stdout.split() else ""

        return wait_for(search, PROCESS_S, "the xterm window")

    yield window_id
    process.terminate()
    process.wait(PROCESS_S)


def test_a_real_xterm_is_seen_as_a_terminal(display: str, xterm: Callable[[], str]) -> None:
    window = xterm()
    env = {**os.environ, "DISPLAY": display}
    subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=True,
                   timeout=PROCESS_S)
    wm_class = detected(display)
    assert wm_class is not None and wm_class[1] == "XTerm"
    assert paste_keys(wm_class) == TERMINAL_PASTE
