"""The main window and the quick prompt on a real model server, and back, without restarting.

The server is llama-cpp-python's own, started on 127.0.0.1 with the embedded
model (``llama_server`` fixture); the local runs use the same file in-process.
Runs are stopped after a few chunks: what is tested is the wiring, not prose.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from waits import SLOW_MS, ask_for_few_tokens

from assistant.backend.config import open_backend
from assistant.gui.main_window import MainWindow
from assistant.gui.quick_prompt import QuickPrompt
from assistant.gui.run import Run
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.worker import ModelController
from assistant.state import UiState
from assistant.wiring import Core, build_core

pytestmark = pytest.mark.model


@pytest.fixture
def app_parts(qtbot: QtBot, home: Path, monkeypatch: pytest.MonkeyPatch
              ) -> Iterator[tuple[Core, MainWindow, QuickPrompt]]:
    core = build_core()
    state = UiState(core.paths.state_file)
    controller = ModelController(open_backend)
    flow = SettingsFlow(core, controller, lambda _language: None)
    window = MainWindow(core, state, controller, flow, "en")
    popup = QuickPrompt(core, state, controller, "en")
    for widget in (window, popup):
        qtbot.addWidget(widget)
    window.show()
    ask_for_few_tokens(monkeypatch, core, 32)  # runs are stopped after 3 chunks, or end there
    yield core, window, popup
    assert controller.shutdown()


def run_a_little(qtbot: QtBot, window: MainWindow, chunks: int = 3) -> list[str]:
    """Run the current template from the Run button; Stop after ``chunks`` chunks."""
    got: list[str] = []

    def on_chunk(text: str) -> None:
        got.append(text)
        if len(got) == chunks:
            window.stop_button.click()

    def follow(run: Run) -> None:
        run.chunk.connect(on_chunk)

    window.controller.run_started.connect(follow)
    try:
        with qtbot.waitSignal(window.controller.run_ended, timeout=SLOW_MS):
            qtbot.mouseClick(window.run_button, Qt.MouseButton.LeftButton)
    finally:
        window.controller.run_started.disconnect(follow)
    return got


def switch(qtbot: QtBot, core: Core, window: MainWindow, **changes: object) -> str:
    """Change the settings as the dialog's OK does, and wait for the new model."""
    core.save_settings(core.settings.replace(**changes))
    with qtbot.waitSignal(window.controller.model_loaded, timeout=SLOW_MS) as loaded:
        window.settings_flow.reload_if_changed()
    return str(loaded.args[0])


def test_local_then_server_then_local(qtbot: QtBot, llama_server: str,
                                      app_parts: tuple[Core, MainWindow, QuickPrompt]) -> None:
    core, window, _popup = app_parts
    with qtbot.waitSignal(window.controller.model_loaded, timeout=SLOW_MS) as loaded:
        window.load_model()
    assert "SmolLM2" in loaded.args[0]
    window.select_template("proofread-en")
    window.form.set_value("text", "Their going to the meeting tomorow.")
    assert run_a_little(qtbot, window)

    name = switch(qtbot, core, window, model_source="server", server_url=llama_server)
    host = urlsplit(llama_server).netloc
    assert name == f"smollm2 @ {host}"
    assert f"smollm2 @ {host}" in window.model_label.text()
    got = run_a_little(qtbot, window)
    assert got and window.output.markdown() == "".join(got)
    assert "stopped" in window.stats_label.text()
    assert window.run_button.isEnabled() and not window.stop_button.isEnabled()

    name = switch(qtbot, core, window, model_source="local")
    assert "SmolLM2" in name and "@" not in window.model_label.text()
    assert run_a_little(qtbot, window)


def test_quick_prompt_runs_on_the_server(qtbot: QtBot, llama_server: str,
                                         app_parts: tuple[Core, MainWindow, QuickPrompt]) -> None:
    core, window, popup = app_parts
    core.save_settings(core.settings.replace(model_source="server", server_url=llama_server))
    with qtbot.waitSignal(window.controller.model_loaded, timeout=SLOW_MS):
        window.load_model()
    popup.open_with("Their going to the meeting tomorow.")
    qtbot.keyClicks(popup.search, "proofread-en")
    got: list[str] = []
    window.controller.run_started.connect(lambda run: run.chunk.connect(got.append))
    with qtbot.waitSignal(window.controller.run_ended, timeout=SLOW_MS) as finished:
        qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    assert got and finished.args[0].stats.finish_reason in ("stop", "length")
    qtbot.waitUntil(lambda: popup.output.markdown() == "".join(got), timeout=5000)
    assert window.output.markdown() == ""  # the answer is the popup's
