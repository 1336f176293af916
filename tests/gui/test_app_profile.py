"""The desktop app with a profile it cannot fully use: a message, never a traceback.

Each case starts the real app in its own process (the Qt platform and the
logging set-up are per process) with the message boxes replaced by a probe
that prints their text and quits. Root can write anywhere, so "cannot" is a
file in the way or an ``os`` call that raises PermissionError.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from waits import PROCESS_S

PROBE = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

def box(kind):
    def show(_parent, _title, text, *_rest):
        print(json.dumps({"box": kind, "text": text}), flush=True)
        QTimer.singleShot(0, QApplication.quit)
        return QMessageBox.StandardButton.Ok
    return staticmethod(show)

QMessageBox.warning = box("warning")
QMessageBox.critical = box("critical")
if sys.argv[1] == "unreadable-templates":
    templates = Path(sys.argv[2]).resolve() / "data" / "templates"
    real_iterdir = Path.iterdir
    def iterdir(self):
        if self == templates:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)
    Path.iterdir = iterdir
    from assistant.gui.main_window import MainWindow
    real_show = MainWindow.show
    def show(self):
        real_show(self)
        library = self.core.library
        print(json.dumps({"templates": len(library.templates),
                          "errors": [[e.path, str(e.message)] for e in library.errors]}),
              flush=True)
        QTimer.singleShot(0, QApplication.quit)
    MainWindow.show = show
from assistant.gui.app import launch
print(json.dumps({"code": launch("show", ["assistant"])}), flush=True)
"""


def start(home: Path, case: str = "") -> tuple[list[dict[str, object]], str]:
    """Run the app on ``home``; the boxes it showed and its exit code, and its stderr."""
    env = {**os.environ, "ASSISTANT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "LC_ALL": "C.UTF-8", "LANGUAGE": "en"}  # the English text, whatever the machine
    done = subprocess.run([sys.executable, "-c", PROBE, case, str(home)], env=env,
                          capture_output=True, text=True, timeout=PROCESS_S, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return lines, done.stderr


def test_a_log_file_that_cannot_be_opened_is_shown_and_the_app_runs(tmp_path: Path) -> None:
    home = tmp_path / "profile"
    (home / "logs" / "assistant.log").mkdir(parents=True)
    lines, _stderr = start(home)
    assert lines[0]["box"] == "warning"
    assert f"{home / 'logs' / 'assistant.log'}: cannot write the log (Is a directory)" \
        in str(lines[0]["text"])
    assert lines[-1] == {"code": 0}


def test_a_home_below_a_file_is_a_message_naming_the_file(tmp_path: Path) -> None:
    blocker = tmp_path / "usb"
    blocker.write_text("a file", encoding="utf-8")
    lines, _stderr = start(blocker / "profile")
    assert lines[0]["box"] == "critical"
    assert str(lines[0]["text"]).startswith(
        f"{blocker}: this is a file, but the assistant needs a folder here")
    assert lines[-1] == {"code": 1}


def test_an_unreadable_templates_folder_still_opens_with_the_built_ins(tmp_path: Path) -> None:
    """The folder's problem is listed like a broken file; the built-ins are all there."""
    home = tmp_path / "profile"
    lines, _stderr = start(home, "unreadable-templates")
    [shown] = [line for line in lines if "templates" in line]
    folder = home / "data" / "templates"
    assert shown["templates"] >= 16
    assert shown["errors"] == [[str(folder), f"{folder}: the template folder cannot be read "
                                "(Permission denied); only the built-in templates are "
                                "available. Check the folder's permissions."]]
    assert lines[-1] == {"code": 0}
