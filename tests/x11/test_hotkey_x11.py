"""The X11 hotkey against a real X server (Xvfb), with real key presses (xdotool).

The end-to-end test runs the backend in a child process on Qt's xcb
platform (this process is fixed to offscreen), exactly as the app chooses
it. The grab details (BadAccess, release, pause) run here: the backend talks
to X on its own connection, so Qt's platform does not matter to it.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from waits import PROCESS_S
from Xlib import XK, X  # type: ignore[import-untyped, unused-ignore]
from Xlib import error as xerror  # type: ignore[import-untyped, unused-ignore]
from Xlib.display import Display  # type: ignore[import-untyped, unused-ignore]

from assistant.gui.hotkey import HotkeyError
from assistant.gui.hotkey.x11 import X11Hotkey

pytestmark = pytest.mark.x11

TAKEN = "Ctrl+Alt+J is already used by another program. Pick a different shortcut in Settings."

CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtGui import QGuiApplication
    from assistant.gui.hotkey import HotkeyError, create_hotkey_backend

    app = QGuiApplication(sys.argv)
    hotkey = create_hotkey_backend()
    print("method", type(hotkey).__name__, hotkey.method, flush=True)
    count = 0

    def activated():
        global count
        count += 1
        print("activated", count, flush=True)

    hotkey.activated.connect(activated)
    hotkey.failed.connect(lambda text: print("failed", text, flush=True))
    try:
        hotkey.register(sys.argv[1])
    except HotkeyError as exc:
        print("error", exc, flush=True)
        sys.exit(3)
    print("ready", flush=True)
    sys.exit(app.exec())
""")


def xdotool(display: str, *args: str) -> None:
    subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, check=True,
                   timeout=PROCESS_S)


class Child:
    """The backend in its own Qt process on the xcb platform; its lines in a queue."""

    def __init__(self, display: str, shortcut: str) -> None:
        env = {key: value for key, value in os.environ.items()
               if key not in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
        self.process = subprocess.Popen([sys.executable, "-c", CHILD, shortcut], env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, prefix: str, timeout: float = PROCESS_S) -> str:
        """The next line that is not Qt chatter; it must start with ``prefix``."""
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no {prefix!r} within {timeout}s; output so far: "
                                     f"{self.seen}") from None
            self.seen.append(line)
            if line.startswith(("method", "ready", "activated", "failed", "error")):
                assert line.startswith(prefix), self.seen
                return line

    def stop(self) -> str:
        self.process.terminate()
        self.process.wait(20)
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return "\n".join(self.seen)


@pytest.fixture
def child(display: str) -> Iterator[Child]:
    running = Child(display, "Ctrl+Alt+J")
    yield running
    output = running.stop()
    assert "Traceback" not in output, output


def lock_state(display: str) -> int:
    """The server's current modifier state, locks included."""
    connection = Display(display)
    try:
        return int(connection.screen().root.query_pointer().mask)
    finally:
        connection.close()


def test_real_key_press_activates(display: str, child: Child) -> None:
    assert child.expect("method") == "method X11Hotkey X11 key grab"
    child.expect("ready")
    xdotool(display, "key", "ctrl+j")  # not ours: must not count (checked by the order)
    xdotool(display, "key", "ctrl+alt+j")
    assert child.expect("activated") == "activated 1"
    xdotool(display, "key", "ctrl+alt+j")
    assert child.expect("activated") == "activated 2"


@pytest.mark.parametrize("lock", ["Num_Lock", "Caps_Lock"])
def test_activates_with_a_lock_key_on(display: str, child: Child, lock: str) -> None:
    child.expect("method")
    child.expect("ready")
    xdotool(display, "key", lock)
    try:
        assert lock_state(display) & (X.Mod2Mask if lock == "Num_Lock" else X.LockMask)
        xdotool(display, "key", "ctrl+alt+j")
        assert child.expect("activated") == "activated 1"
    finally:
        xdotool(display, "key", lock)
    assert not lock_state(display) & (X.Mod2Mask | X.LockMask)


class OtherClient:
    """Another X program that grabs keys, as a desktop or a second app would."""

    def __init__(self, display: str) -> None:
        self.connection = Display(display)
        self.root = self.connection.screen().root

    def grab(self, keysym: str, modifiers: int) -> Any:
        """Grab like any program would; the X error if the server refused, else None."""
        catcher = xerror.CatchError(xerror.BadAccess)
        keycode = self.connection.keysym_to_keycode(XK.string_to_keysym(keysym))
        self.root.grab_key(keycode, modifiers, True, X.GrabModeAsync, X.GrabModeAsync,
                           onerror=catcher)
        self.connection.sync()
        return catcher.get_error()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


@pytest.fixture
def other(display: str) -> Iterator[OtherClient]:
    client = OtherClient(display)
    yield client
    client.close()


@pytest.fixture
def backend(display: str, qtbot: QtBot) -> Iterator[X11Hotkey]:
    hotkey = X11Hotkey(display)
    yield hotkey
    hotkey.close()


CTRL_ALT = X.ControlMask | X.Mod1Mask


def test_key_held_by_another_program_is_named(backend: X11Hotkey, other: OtherClient) -> None:
    assert other.grab("j", CTRL_ALT) is None
    with pytest.raises(HotkeyError) as caught:
        backend.register("Ctrl+Alt+J")
    assert str(caught.value) == TAKEN
    assert backend.shortcut == ""
    other.close()  # once the other program is gone, the key is free
    backend.register("Ctrl+Alt+J")
    assert backend.shortcut == "Ctrl+Alt+J"


def test_our_grab_keeps_others_out_with_and_without_locks(backend: X11Hotkey,
                                                         other: OtherClient) -> None:
    backend.register("Ctrl+Alt+J")
    for lock in (0, X.Mod2Mask, X.LockMask, X.Mod2Mask | X.LockMask):
        assert isinstance(other.grab("j", CTRL_ALT | lock), xerror.BadAccess)
    backend.unregister()  # every variant is released
    for lock in (0, X.Mod2Mask, X.LockMask, X.Mod2Mask | X.LockMask):
        assert other.grab("j", CTRL_ALT | lock) is None


def test_taken_new_key_keeps_the_old_one(backend: X11Hotkey, other: OtherClient) -> None:
    backend.register("Ctrl+Alt+J")
    assert other.grab("k", CTRL_ALT) is None
    with pytest.raises(HotkeyError, match="Ctrl\\+Alt\\+K is already used"):
        backend.register("Ctrl+Alt+K")
    assert backend.shortcut == "Ctrl+Alt+J"
    assert isinstance(other.grab("j", CTRL_ALT), xerror.BadAccess)


def test_pause_gives_the_key_to_others(backend: X11Hotkey, other: OtherClient) -> None:
    backend.register("Ctrl+Alt+J")
    backend.set_paused(True)
    assert other.grab("j", CTRL_ALT) is None
    with pytest.raises(HotkeyError, match="already used"):
        backend.set_paused(False)


def test_in_process_activation_and_meta(display: str, backend: X11Hotkey,
                                        qtbot: QtBot) -> None:
    """The QSocketNotifier path under pytest's own event loop, with the Super key."""
    backend.register("Meta+Shift+F1")
    with qtbot.waitSignal(backend.activated, timeout=10000):
        xdotool(display, "key", "super+shift+F1")
