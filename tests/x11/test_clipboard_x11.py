"""The clipboard helpers against a real X server: primary selection, every
format restored, and the whole Replace loop with a real Ctrl+V through XTEST
(the paste keys themselves are tested in ``test_paste_x11.py``).

Qt's platform is fixed per process, so each check runs a small script under
``QT_QPA_PLATFORM=xcb`` and talks to it over stdin/stdout. On X11 the owner of
a selection serves its data, so the script keeps running (event loop on,
commands read with a socket notifier) until the test has read the clipboard.
Other owners are ``xclip -quiet`` processes, which serve until they lose the
selection.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest
from waits import PROCESS_S
from xwait import wait_for  # tests/x11/xwait.py

pytestmark = pytest.mark.x11

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """\
import json, sys
from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication, QLineEdit
from assistant.gui.clipboard import capture_text, replace_selection, restore, snapshot
from assistant.gui.paste import paster_for

app = QApplication(sys.argv)
board = app.clipboard()
mode = sys.argv[1]

def say(*words):
    print(*words, flush=True)

def command():
    line = sys.stdin.readline().strip()
    if line == "restore":
        restore(board, saved)
        say("restored")
    elif line in ("quit", ""):
        app.quit()

notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
notifier.activated.connect(command)

if mode == "capture":
    say("capture", json.dumps(capture_text(board), ensure_ascii=False))
elif mode == "swap":
    saved = snapshot(board)
    say("formats", json.dumps(saved.formats()))
    board.setText("the answer")
    say("replaced")
elif mode == "replace":
    pending = replace_selection(board, "the answer", paster_for().paste)
    pending.restored.connect(lambda ours: say("restored", ours))
elif mode == "target":
    edit = QLineEdit("please fix this")
    edit.selectAll()
    edit.textChanged.connect(lambda text: say("text", json.dumps(text)))
    def report_focus():
        if edit.hasFocus() and edit.window().isActiveWindow():
            app.focusChanged.disconnect(report_focus_slot)
            say("ready")
    report_focus_slot = lambda *_: report_focus()
    app.focusChanged.connect(report_focus_slot)
    edit.show()
    edit.activateWindow()
sys.exit(app.exec())
"""


class Child:
    """A process whose stdout is read line by line, each wait with a timeout."""

    def __init__(self, args: list[str], env: dict[str, str], stdin: str | None = None) -> None:
        self.argv = args
        self.process = subprocess.Popen(args, env=env, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, encoding="utf-8")
        self._stdin = self.process.stdin
        assert self._stdin is not None
        if stdin is not None:  # all the input at once (xclip), then end of file
            self._stdin.write(stdin)
            self._stdin.close()
        self._lines: queue.Queue[str] = queue.Queue()
        self._errors: list[str] = []
        self._pumps = [threading.Thread(target=self._pump, args=(stream, put), daemon=True)
                       for stream, put in ((self.process.stdout, self._lines.put),
                                           (self.process.stderr, self._errors.append))]
        for pump in self._pumps:
            pump.start()

    @staticmethod
    def _pump(stream: IO[str], put: Callable[[str], object]) -> None:
        for line in stream:
            put(line.rstrip("\n"))

    def expect(self, prefix: str, timeout: float = PROCESS_S) -> str:
        """The rest of the next line starting with ``prefix``."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no {prefix!r} line; stderr: {self.stop()}") from None
            if line.startswith(prefix):
                return line[len(prefix):].strip()

    def tell(self, line: str) -> None:
        assert self._stdin is not None
        self._stdin.write(line + "\n")
        self._stdin.flush()

    def stop(self) -> str:
        """End the process (asked to quit if it reads commands) and return its stderr."""
        if self.process.poll() is None:
            try:
                self.tell("quit")
            except (BrokenPipeError, ValueError):  # stdin closed (xclip) or gone
                self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(15)
        if self._stdin is not None and not self._stdin.closed:
            self._stdin.close()
        for pump in self._pumps:
            pump.join(15)
        return "\n".join(self._errors)


@pytest.fixture
def x11(display: str, tmp_path: Path) -> Iterator[Callable[..., Child]]:
    """Start children on the display; all are stopped after the test."""
    script = tmp_path / "clip.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "ASSISTANT_HOME": str(tmp_path / "profile"), "PYTHONPATH": str(REPO)}
    children: list[Child] = []

    def start(*args: str, stdin: str | None = None) -> Child:
        argv = [sys.executable, str(script), *args[1:]] if args[0] == "script" else list(args)
        child = Child(argv, env, stdin)
        children.append(child)
        return child

    yield start
    for child in children:
        err = child.stop()
        if child.argv[0] == sys.executable:
            assert "Traceback" not in err, err


def xclip_out(display: str, selection: str, target: str | None = None) -> str:
    args = ["xclip", "-o", "-selection", selection] + (["-t", target] if target else [])
    found = subprocess.run(args, env={**os.environ, "DISPLAY": display}, check=False,
                           capture_output=True, timeout=PROCESS_S)
    return found.stdout.decode("utf-8") if found.returncode == 0 else ""


def own(x11: Callable[..., Child], display: str, selection: str, text: str,
        target: str | None = None) -> None:
    """Make xclip own ``selection`` with ``text`` and wait until it serves it."""
    x11("xclip", "-quiet", "-selection", selection, *(["-t", target] if target else []),
        stdin=text)
    wait_for(lambda: xclip_out(display, selection, target) == text, PROCESS_S,
             f"xclip on {selection}")


def test_capture_prefers_the_primary_selection(x11: Callable[..., Child], display: str) -> None:
    own(x11, display, "primary", "selected 文字")
    own(x11, display, "clipboard", "copied text")
    child = x11("script", "capture")
    assert json.loads(child.expect("capture")) == ["selected 文字", "selection"]


def test_capture_uses_the_clipboard_without_selection(x11: Callable[..., Child],
                                                      display: str) -> None:
    own(x11, display, "clipboard", "copied text")
    child = x11("script", "capture")
    assert json.loads(child.expect("capture")) == ["copied text", "clipboard"]


def test_clipboard_comes_back_in_its_own_format(x11: Callable[..., Child], display: str) -> None:
    html = "<p><b>copied</b> 富文本</p>"
    own(x11, display, "clipboard", html, "text/html")
    child = x11("script", "swap")
    assert json.loads(child.expect("formats")) == ["text/html"]
    child.expect("replaced")
    assert xclip_out(display, "clipboard") == "the answer"
    child.tell("restore")
    child.expect("restored")
    assert xclip_out(display, "clipboard", "text/html") == html
    assert "text/html" in xclip_out(display, "clipboard", "TARGETS").split()


def test_replace_pastes_into_the_focused_window(x11: Callable[..., Child], display: str) -> None:
    own(x11, display, "clipboard", "the user's own words")
    target = x11("script", "target")
    target.expect("ready")
    helper = x11("script", "replace")
    assert json.loads(target.expect("text")) == "the answer"
    assert helper.expect("restored") == "True"
    assert xclip_out(display, "clipboard") == "the user's own words"
