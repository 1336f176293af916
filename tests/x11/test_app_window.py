"""The real ``assistant`` process in a real X server: its window, in both languages.

Screenshots go to ``$ASSISTANT_SCREENSHOT_DIR`` when set (that is how the
README's pictures are made), else to the test's temporary folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from waits import PROCESS_S, SLOW_S
from xwait import wait_for  # tests/x11/xwait.py

pytestmark = [pytest.mark.x11, pytest.mark.model]

TITLES = {"en": "Daily-work assistant", "zh_CN": "日常办公助手"}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_window_comes_up_and_looks_right(display: str, tmp_path: Path, language: str) -> None:
    home = tmp_path / "profile"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.toml").write_text(f'ui_language = "{language}"\n',
                                                  encoding="utf-8")
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "ASSISTANT_HOME": str(home)}
    app = subprocess.Popen([sys.executable, "-m", "assistant"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        def window_id() -> str:
            found = subprocess.run(["xdotool", "search", "--name", TITLES[language]], env=env,
                                   capture_output=True, text=True)
            return found.stdout.split()[0] if found.returncode == 0 and found.stdout else ""

        wid = str(wait_for(window_id, PROCESS_S, "the main window"))
        log = home / "logs" / "assistant.log"
        wait_for(lambda: log.exists() and "model ready" in log.read_text(encoding="utf-8"),
                 SLOW_S, "the model to load")
        subprocess.run(["xdotool", "windowsize", wid, "1300", "820"], env=env, check=True)
        wait_for(lambda: subprocess.run(["xdotool", "getwindowgeometry", wid], env=env,
                                        capture_output=True, text=True).stdout
                 .find("1300x820") >= 0, PROCESS_S, "the resize")
        out_dir = Path(os.environ.get("ASSISTANT_SCREENSHOT_DIR", tmp_path))
        out_dir.mkdir(parents=True, exist_ok=True)
        shot = out_dir / f"main-window-{language}.png"
        subprocess.run(["import", "-window", wid, str(shot)], env=env, check=True,
                       timeout=PROCESS_S)
        image = QImage(str(shot))
        assert image.width() >= 1200 and image.height() >= 700
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}
        assert len(colours) > 20, "the screenshot should show a drawn window, not a blank"
        assert app.poll() is None, "the app must still be running"
    finally:
        app.terminate()
        output = app.communicate(timeout=PROCESS_S)[0].decode("utf-8", "replace")
    assert "Traceback" not in output, output
