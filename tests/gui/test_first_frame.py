"""Start-up work waits for the main window's first frame (issue 12: a black first frame).

The control case shows the cause: a zero timer queued right after ``show()``
runs before the window has painted, so whatever it does keeps the window
blank; :func:`after_first_paint` runs after the paint.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from waits import PROCESS_S, UI_MS

from assistant.gui.first_frame import after_first_paint


class Counted(QWidget):
    """Counts its paint events."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        self.paints += 1
        super().paintEvent(event)


def test_a_zero_timer_after_show_runs_before_the_first_paint(qtbot: QtBot) -> None:
    widget = Counted()
    qtbot.addWidget(widget)
    widget.show()
    seen: list[int] = []
    QTimer.singleShot(0, lambda: seen.append(widget.paints))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [0]


def test_work_waits_for_the_first_paint(qtbot: QtBot) -> None:
    widget = Counted()
    qtbot.addWidget(widget)
    widget.show()
    seen: list[int] = []
    after_first_paint(widget, lambda: seen.append(widget.paints))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0] >= 1
    widget.update()
    qtbot.waitUntil(lambda: widget.paints > seen[0])
    assert len(seen) == 1  # once, not on every paint


def test_a_window_that_never_paints_does_not_hold_up_the_start(qtbot: QtBot) -> None:
    widget = Counted()  # never shown
    qtbot.addWidget(widget)
    seen: list[int] = []
    after_first_paint(widget, lambda: seen.append(widget.paints), fallback_ms=50)
    qtbot.waitUntil(lambda: bool(seen), timeout=UI_MS)
    assert seen == [0]


LAUNCH_PROBE = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

seen = {}
show = QWidget.show

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "painted" not in seen:
            seen["start_up_before_paint"] = "assistant.gui.desktop" in sys.modules
            seen["painted"] = True
        return False

def finish():
    print(json.dumps(seen), flush=True)
    QApplication.instance().quit()

def probe(self):
    if type(self).__name__ == "MainWindow" and "filter" not in globals():
        globals()["filter"] = FirstPaint()
        self.installEventFilter(globals()["filter"])
        poll = globals()["poll"] = QTimer(interval=20)
        poll.timeout.connect(lambda: "assistant.gui.desktop" in sys.modules and finish())
        poll.start()
        QTimer.singleShot(10000, finish)
    return show(self)

QWidget.show = probe
from assistant.entry import main
main([])
"""


def test_the_app_builds_the_rest_after_the_windows_first_frame(tmp_path: Path) -> None:
    """Through the real start-up: the tray, hotkey and quick prompt (the desktop
    module) come after the main window has painted once."""
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.toml").write_text(
        'ui_language = "en"\nmodel = "/nowhere/model.gguf"\n', encoding="utf-8")
    env = {**os.environ, "ASSISTANT_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", LAUNCH_PROBE], env=env, capture_output=True,
                            text=True, timeout=PROCESS_S, check=True)
    seen = json.loads(next(line for line in result.stdout.splitlines()
                           if line.startswith("{")))
    assert seen == {"start_up_before_paint": False, "painted": True}
