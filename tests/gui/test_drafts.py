"""What the user types in the main window survives switching templates, closing, a crash."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot
from waits import PROCESS_S

import assistant.state
from assistant.backend.fake import FakeBackend
from assistant.gui.main_window import MainWindow
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.worker import ModelController
from assistant.state import UiState
from assistant.wiring import build_core

TEXT = "Their going to the meeting tomorow, its importent."


@pytest.fixture
def make_window(qtbot: QtBot, home: Path) -> Iterator[Callable[[], MainWindow]]:
    """A new main window on the profile in ``home`` each call (as after a restart)."""
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        core = build_core()
        controller = ModelController(lambda _config: FakeBackend())
        flow = SettingsFlow(core, controller, lambda _setting: None)
        window = MainWindow(core, UiState(core.paths.state_file), controller, flow, "en")
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        assert window.controller.shutdown()


def saved_text(window: MainWindow, template_id: str, field: str) -> str | None:
    """The field's value in the state file on disk, or None."""
    try:
        data = json.loads(window.state.path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    value = data.get("values", {}).get(template_id, {}).get(field)
    return value if isinstance(value, str) else None


def type_into(qtbot: QtBot, window: MainWindow, field: str, text: str) -> None:
    editor = window.form._editors[field]
    assert isinstance(editor, QPlainTextEdit)
    qtbot.keyClicks(editor, text)


def test_a_draft_is_back_in_the_next_window(qtbot: QtBot,
                                            make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    assert window.select_template("proofread-en")
    type_into(qtbot, window, "text", TEXT)
    qtbot.waitUntil(lambda: saved_text(window, "proofread-en", "text") == TEXT, timeout=5000)
    again = make_window()
    assert again.select_template("proofread-en")
    assert again.form.values()["text"] == TEXT


def test_switching_template_at_once_keeps_the_draft_of_the_one_left(
        qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    assert window.select_template("proofread-en")
    type_into(qtbot, window, "text", TEXT)
    assert window.select_template("weekly-report-en")  # before the draft's second is over
    type_into(qtbot, window, "notes", "Fixed the login bug.")
    assert window.select_template("proofread-en")
    assert window.form.values()["text"] == TEXT
    assert window.select_template("weekly-report-en")
    assert window.form.values()["notes"] == "Fixed the login bug."


def test_closing_right_after_typing_keeps_the_draft(
        qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    assert window.select_template("proofread-en")
    type_into(qtbot, window, "text", TEXT)
    window.close()  # at once: no time for the timer
    assert saved_text(window, "proofread-en", "text") == TEXT
    again = make_window()
    assert again.select_template("proofread-en")
    assert again.form.values()["text"] == TEXT


def test_hiding_to_the_tray_saves_the_draft_too(
        qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    window.hide_on_close = True
    assert window.select_template("proofread-en")
    type_into(qtbot, window, "text", TEXT)
    window.close()
    assert saved_text(window, "proofread-en", "text") == TEXT


def test_the_draft_is_written_off_the_gui_thread(
        qtbot: QtBot, make_window: Callable[[], MainWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    writers: list[threading.Thread] = []
    write = assistant.state.write_atomic

    def noting(path: Path, data: bytes | str, mode: int | None = None) -> None:
        writers.append(threading.current_thread())
        write(path, data, mode)

    monkeypatch.setattr(assistant.state, "write_atomic", noting)
    window = make_window()
    assert window.select_template("proofread-en")
    window.form.set_value("text", TEXT * 20_000)  # a long paste: about 1 MB to write
    start = time.perf_counter()
    qtbot.waitUntil(lambda: saved_text(window, "proofread-en", "text") == TEXT * 20_000,
                    timeout=10000)
    assert writers and threading.main_thread() not in writers
    assert time.perf_counter() - start < 5


CHILD = textwrap.dedent('''
    import sys
    from PySide6.QtWidgets import QApplication
    from PySide6.QtTest import QTest
    from assistant.backend.fake import FakeBackend
    from assistant.gui.main_window import MainWindow
    from assistant.gui.settings_panel import SettingsFlow
    from assistant.gui.worker import ModelController
    from assistant.state import UiState
    from assistant.wiring import build_core

    app = QApplication([])
    core = build_core()
    controller = ModelController(lambda _config: FakeBackend())
    window = MainWindow(core, UiState(core.paths.state_file), controller,
                        SettingsFlow(core, controller, lambda _s: None), "en")
    window.show()
    if sys.argv[1] == "type":
        window.select_template("proofread-en")
        QTest.keyClicks(window.form._editors["text"], sys.argv[2])
        print("typed", flush=True)
        app.exec()  # until killed
    else:
        window.select_template("proofread-en")
        print(window.form.values()["text"], flush=True)
        controller.shutdown()
''')


def test_a_draft_survives_a_kill(home: Path) -> None:
    env = dict(os.environ, ASSISTANT_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    state = home / "data" / "state.json"
    child = subprocess.Popen([sys.executable, "-c", CHILD, "type", TEXT], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "typed"
        deadline = time.monotonic() + PROCESS_S
        while TEXT not in (state.read_text(encoding="utf-8") if state.exists() else ""):
            assert time.monotonic() < deadline, "the draft was never written"
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            try:
                child.wait(0.05)  # a pause that ends at once if the child dies
            except subprocess.TimeoutExpired:
                pass
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=20)
    assert child.returncode == -signal.SIGKILL
    reader = subprocess.run([sys.executable, "-c", CHILD, "read"], env=env, capture_output=True,
                            check=False, text=True, timeout=PROCESS_S)
    assert reader.returncode == 0, reader.stderr
    assert reader.stdout.strip() == TEXT
