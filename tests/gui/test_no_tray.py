"""Without a tray, closing the main window quits: the first time, it asks."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from waits import UI_MS

from assistant.backend.config import LocalModel
from assistant.backend.fake import FakeBackend
from assistant.gui.main_window import MainWindow
from assistant.gui.no_tray import NOTICE, QuitWithoutTray
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.worker import ModelController
from assistant.state import UiState
from assistant.wiring import build_core


def make_window(qtbot: QtBot) -> tuple[MainWindow, ModelController]:
    core = build_core()
    fake = FakeBackend()
    controller = ModelController(lambda *_: fake)
    with qtbot.waitSignal(controller.model_loaded, timeout=UI_MS):
        controller.load(LocalModel(Path("fake.gguf")))
    window = MainWindow(core, UiState(core.paths.state_file), controller,
                        SettingsFlow(core, controller, lambda _s: None), "en")
    qtbot.addWidget(window)
    window.show()
    return window, controller


def test_the_first_close_asks_and_cancel_keeps_the_window(qtbot: QtBot, home: Path) -> None:
    window, controller = make_window(qtbot)
    asked: list[object] = []
    QuitWithoutTray(window, lambda parent: asked.append(parent) or False, False)
    window.close()
    assert asked == [window] and window.isVisible()  # kept open
    assert window.state.is_dismissed(NOTICE)
    window.close()  # said once: the second close quits without asking
    assert asked == [window] and not window.isVisible()
    assert controller.shutdown()


def test_quit_from_the_menu_never_asks(qtbot: QtBot, home: Path) -> None:
    window, controller = make_window(qtbot)
    asked: list[object] = []
    guard = QuitWithoutTray(window, lambda parent: asked.append(parent) or True, False)
    guard.quitting = True  # as Desktop.quit sets it
    window.close()
    assert asked == [] and not window.isVisible()
    assert controller.shutdown()


def test_with_a_tray_closing_only_hides_and_never_asks(qtbot: QtBot, home: Path) -> None:
    window, controller = make_window(qtbot)
    window.hide_on_close = True
    asked: list[object] = []
    QuitWithoutTray(window, lambda parent: asked.append(parent) or False, False)
    window.close()
    assert asked == [] and not window.isVisible() and not window.state.is_dismissed(NOTICE)
    assert controller.shutdown()


def test_a_close_made_from_code_such_as_quitting_never_asks(qtbot: QtBot, home: Path) -> None:
    window, controller = make_window(qtbot)
    asked: list[object] = []
    QuitWithoutTray(window, lambda parent: asked.append(parent) or False)
    window.close()  # as QApplication.quit() closes every window
    assert asked == [] and not window.isVisible()
    assert controller.shutdown()
