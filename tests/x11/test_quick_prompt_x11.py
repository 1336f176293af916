"""The hotkey loop in the real app on a real X server, single instance and crash recovery.

The user selects text, presses the hotkey, types a template name, presses
Enter, waits for the answer and presses Enter again: the answer from the
embedded model must then be on the clipboard.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

import pytest
from waits import FEW_TOKENS, PROCESS_S, SLOW_S
from Xlib import XK, X
from Xlib import display as xdisplay
from xwait import wait_for  # tests/x11/xwait.py

pytestmark = [pytest.mark.x11, pytest.mark.model]


class App:
    """The real ``assistant`` process in one profile, and its log."""

    def __init__(self, display: str, home: Path, *args: str) -> None:
        self.env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
                    "ASSISTANT_HOME": str(home)}
        for key in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
            self.env.pop(key, None)
        self.log = home / "logs" / "assistant.log"
        self.process = subprocess.Popen([sys.executable, "-m", "assistant", *args], env=self.env,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def count(self, text: str) -> int:
        return self.log.read_text(encoding="utf-8").count(text) if self.log.exists() else 0

    def wait_log(self, text: str, times: int = 1, timeout: float = SLOW_S) -> None:
        wait_for(lambda: self.count(text) >= times or self.process.poll() is not None, timeout,
                 f"{text!r} in the log")
        assert self.process.poll() is None, self.output()

    def x(self, *args: str) -> str:
        return subprocess.run(list(args), env=self.env, capture_output=True, text=True,
                              timeout=PROCESS_S).stdout

    def output(self) -> str:
        if self.process.poll() is None:
            self.process.terminate()
        return self.process.communicate(timeout=PROCESS_S)[0].decode("utf-8", "replace")


@pytest.fixture
def start(display: str, tmp_path: Path) -> Iterator[Callable[..., App]]:
    apps: list[App] = []

    def make(*args: str, home: Path | None = None) -> App:
        app = App(display, home or tmp_path / "profile", *args)
        apps.append(app)
        return app

    yield make
    for app in apps:
        if app.process.poll() is None:
            app.process.terminate()
        output = app.process.communicate(timeout=PROCESS_S)[0].decode("utf-8", "replace")
        assert "Traceback" not in output, output


def ask_for_few_tokens(home: Path, template_id: str) -> None:
    """Put a copy of the built-in ``template_id`` that asks for ``FEW_TOKENS`` in the profile.

    A user file of the same id overrides the built-in. The built-ins ask for up
    to 1000 tokens, minutes on a busy machine; the loop is what is tested here.
    """
    source = resources.files("assistant.builtin_templates").joinpath(f"{template_id}.md")
    text, count = re.subn(r"(?m)^max_tokens = \d+$", f"max_tokens = {FEW_TOKENS}",
                          source.read_text(encoding="utf-8"))
    assert count == 1, f"{template_id}.md should set max_tokens once"
    folder = home / "data" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{template_id}.md").write_text(text, encoding="utf-8")


def test_select_hotkey_pick_run_copy(start: Callable[..., App], tmp_path: Path) -> None:
    ask_for_few_tokens(tmp_path / "profile", "proofread-en")
    app = start()
    app.wait_log("model ready")
    app.wait_log("hotkey active")
    subprocess.run(["xclip", "-selection", "primary"], input="Their going tomorow, its late.",
                   env=app.env, text=True, check=True, timeout=PROCESS_S)
    subprocess.run(["xclip", "-selection", "clipboard"], input="old clipboard", env=app.env,
                   text=True, check=True, timeout=PROCESS_S)
    app.x("xdotool", "key", "ctrl+alt+j")
    wait_for(lambda: app.x("xdotool", "search", "--onlyvisible", "--name", "Quick prompt"),
             PROCESS_S, "the quick prompt window")
    app.wait_log("quick prompt opened (30 characters from selection)")
    app.x("xdotool", "type", "--delay", "30", "proofread-en")
    app.x("xdotool", "key", "Return")
    app.wait_log("quick run finished")
    app.x("xdotool", "key", "Return")  # Enter again copies the answer
    answer = wait_for(lambda: (lambda text: text if text and text != "old clipboard" else "")(
        app.x("xclip", "-o", "-selection", "clipboard")), PROCESS_S, "the answer on the clipboard")
    assert len(answer.strip()) > 10
    assert not app.x("xdotool", "search", "--onlyvisible", "--name", "Quick prompt")


def test_second_launch_and_quick_hand_over(start: Callable[..., App], tmp_path: Path) -> None:
    first = start()
    first.wait_log("hotkey active")
    second = start()
    assert second.process.wait(timeout=PROCESS_S) == 0, second.output()
    first.wait_log("request from another launch: show")
    quick = start("quick")
    assert quick.process.wait(timeout=PROCESS_S) == 0, quick.output()
    first.wait_log("request from another launch: quick")
    first.wait_log("quick prompt opened")


def test_start_is_clean_after_sigkill(start: Callable[..., App]) -> None:
    crashed = start()
    crashed.wait_log("hotkey active")
    crashed.process.send_signal(signal.SIGKILL)
    crashed.process.wait(timeout=PROCESS_S)
    again = start()
    again.wait_log("hotkey active", times=2)
    probe = start()
    assert probe.process.wait(timeout=PROCESS_S) == 0, probe.output()
    again.wait_log("request from another launch: show")


def test_hotkey_taken_by_another_program(start: Callable[..., App], display: str) -> None:
    other = xdisplay.Display(display)
    root = other.screen().root
    code = other.keysym_to_keycode(XK.string_to_keysym("j"))
    root.grab_key(code, X.ControlMask | X.Mod1Mask, True, X.GrabModeAsync, X.GrabModeAsync)
    other.sync()
    try:
        app = start()
        app.wait_log("hotkey not registered: Ctrl+Alt+J is already used by another program")
        app.wait_log("model ready")  # the app starts all the same
    finally:
        other.close()
