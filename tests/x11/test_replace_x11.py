"""Issue 13's loop end to end: select, hotkey, proofread, reject a change, Replace.

The real app runs on a scripted OpenAI-compatible server (tests/openai_stub.py),
so the answer is known. The user's editor is a small Qt script of this test's
own: it holds three lines with the middle one selected (the X primary
selection), and reports its text on every change. The user rejects one of the
two tracked changes with the keyboard only, presses Replace, and the editor
then holds the input with only the accepted change, and the clipboard is the
user's again.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openai_stub import StubServer, serve
from test_clipboard_x11 import Child, xclip_out
from test_quick_prompt_x11 import App
from waits import PROCESS_S
from xwait import wait_for  # tests/x11/xwait.py

pytestmark = pytest.mark.x11

ANSWER = ("## Corrected text\n", "The report is late.\n\n", "## Changes\n",
          "- Teh → The\n", "- lat. → late.")

EDITOR = """\
import json, sys
from PySide6.QtCore import QSocketNotifier
from PySide6.QtGui import QClipboard, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit

app = QApplication(sys.argv)
edit = QPlainTextEdit("Dear team,\\nTeh report is lat.\\nRegards")
edit.setWindowTitle("Test editor")
cursor = edit.textCursor()
cursor.movePosition(QTextCursor.MoveOperation.Down)
cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
edit.setTextCursor(cursor)
# Only a selection made with the mouse or the keys becomes the primary
# selection by itself; one set from code is published here, as those would be.
app.clipboard().setText(cursor.selectedText(), QClipboard.Mode.Selection)

def say(*words):
    print(*words, flush=True)

def command():
    if sys.stdin.readline().strip() in ("quit", ""):
        app.quit()

notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
notifier.activated.connect(command)
edit.textChanged.connect(lambda: say("text", json.dumps(edit.toPlainText())))

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


@pytest.fixture
def stub() -> Iterator[StubServer]:
    """The scripted server, streaming a proofread answer with two changes."""
    for server in serve():
        server.state.chunks = ANSWER
        yield server


@pytest.fixture
def app(display: str, tmp_path: Path, stub: StubServer) -> Iterator[App]:
    """The real app in a fresh profile that uses the stub server; stopped after the test."""
    home = tmp_path / "profile"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.toml").write_text(
        f'model_source = "server"\nserver_url = "{stub.url}"\nserver_model = "stub-model"\n',
        encoding="utf-8")
    running = App(display, home)
    yield running
    output = running.output()
    assert "Traceback" not in output, output


@pytest.fixture
def open_editor(app: App, tmp_path: Path) -> Iterator[Callable[[], Child]]:
    """Start the user's editor (the middle line selected); it is stopped after the test."""
    script = tmp_path / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    children: list[Child] = []

    def start() -> Child:
        children.append(Child([sys.executable, str(script)], app.env))
        return children[-1]

    yield start
    for child in children:
        err = child.stop()
        assert "Traceback" not in err, err


def test_reject_one_change_then_replace(app: App, open_editor: Callable[[], Child]) -> None:
    app.wait_log("hotkey active")
    app.wait_log("model ready")
    subprocess.run(["xclip", "-selection", "clipboard"], input="old clipboard", env=app.env,
                   text=True, check=True, timeout=PROCESS_S)
    # Opened after the main window, so that it is on top (Xvfb has no window
    # manager to stack windows, or to give the focus back when the popup
    # closes: X then sends the keys to the window under the pointer, which
    # is where the popup opens and the user selected the text).
    editor = open_editor()
    editor.expect("ready")
    window = wait_for(lambda: app.x("xdotool", "search", "--onlyvisible", "--name",
                                    "^Test editor$").split(), PROCESS_S, "the editor window")
    app.x("xdotool", "mousemove", "--window", window[0], "60", "40")
    wait_for(lambda: xclip_out(app.env["DISPLAY"], "primary") == "Teh report is lat.",
             PROCESS_S, "the selection in the editor")
    app.x("xdotool", "key", "ctrl+alt+j")
    wait_for(lambda: app.x("xdotool", "search", "--onlyvisible", "--name", "Quick prompt"),
             PROCESS_S, "the quick prompt window")
    app.wait_log("quick prompt opened (18 characters from selection)")
    app.x("xdotool", "type", "--delay", "30", "proofread-en")
    app.x("xdotool", "key", "Return")
    app.wait_log("quick run finished")
    # After a run the focus is on Copy; back past Replace, Copy all and Open
    # in main window it enters the tracked changes, where Tab goes to the
    # first change ("Teh" → "The") and Enter rejects it.
    app.x("xdotool", "key", "shift+Tab", "shift+Tab", "shift+Tab", "shift+Tab", "Tab", "Return")
    # On to the second change, out of the changes to Open in main window,
    # Copy all, then Replace; Space presses it (Enter in the popup is Copy).
    app.x("xdotool", "key", "Tab", "Tab", "Tab", "Tab", "space")
    assert json.loads(editor.expect("text")) == "Dear team,\nTeh report is late.\nRegards"
    wait_for(lambda: xclip_out(app.env["DISPLAY"], "clipboard") == "old clipboard", PROCESS_S,
             "the user's clipboard back after Replace")
