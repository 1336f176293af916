"""The window shows before anything slow is imported, and the rest of the start follows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from waits import PROCESS_S

PROBE = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

seen = {}
timers = []
show = QWidget.show

def probe(self):
    if type(self).__name__ == "MainWindow" and "at_show" not in seen:
        seen["at_show"] = sorted(sys.modules)
        # The rest of the start follows the window's first frame: wait for it
        # (or give up after 10 s, and the assertions say what is missing).
        poll = QTimer(interval=20)
        poll.timeout.connect(lambda: "assistant.gui.desktop" in sys.modules and finish())
        poll.start()
        timers.append(poll)
        QTimer.singleShot(10000, finish)
    return show(self)

def finish():
    if "after" in seen:
        return
    seen["after"] = sorted(sys.modules)
    print(json.dumps(seen), flush=True)
    QApplication.instance().quit()

QWidget.show = probe
from assistant.entry import main
main([])
"""

SLOW = ("llama_cpp", "jinja2", "numpy", "httpx", "assistant.cli", "assistant.backend.llama",
        "assistant.gui.inspector", "assistant.gui.settings_dialog", "pypinyin")
"""Modules the first frame does not need: the model runtime, Jinja (the parsed
templates come from the cache), the CLI, dialogs that open on request, pinyin
(needed once a query is typed)."""


def run_probe(home: Path) -> dict[str, list[str]]:
    env = {**os.environ, "ASSISTANT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                            text=True, timeout=PROCESS_S, check=True)
    line = next(line for line in result.stdout.splitlines() if line.startswith("{"))
    data: dict[str, list[str]] = json.loads(line)
    return data


def test_the_window_shows_before_anything_slow_is_imported(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.toml").write_text(
        'ui_language = "en"\nmodel = "/nowhere/model.gguf"\n', encoding="utf-8")
    run_probe(tmp_path)  # the first start of a profile fills the template cache
    seen = run_probe(tmp_path)
    early = set(seen["at_show"])
    assert "assistant.gui.main_window" in early
    assert not early & set(SLOW), sorted(early & set(SLOW))
    assert "assistant.gui.quick_prompt" not in early  # made right after the window shows
    assert "assistant.gui.quick_prompt" in seen["after"]
    log = (tmp_path / "logs" / "assistant.log").read_text(encoding="utf-8")
    assert log.count("start-up complete") == 2
