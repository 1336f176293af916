"""Help → About: versions and the user's folders; Open log folder in Help and the tray."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assistant import __version__
from assistant.gui.about import AboutDialog, versions
from assistant.gui.tray import Tray
from assistant.wiring import build_core


def test_versions_name_the_app_llama_cpp_qt_python_and_the_model() -> None:
    shown = dict(versions("qwen2.5-3b-instruct-q4_k_m"))
    assert shown["Daily-work assistant"] == __version__
    assert shown["llama-cpp-python"] == "0.3.36"  # the pinned build
    assert shown["Qt"].startswith("6.") and shown["Python"].startswith("3.")
    assert shown["Model"] == "qwen2.5-3b-instruct-q4_k_m"


def test_each_folder_opens_and_copy_takes_everything(qtbot: QtBot, home: Path) -> None:
    paths = build_core().paths
    opened: list[Path] = []
    dialog = AboutDialog(paths, "fake", opener=lambda path: opened.append(path) or True)
    qtbot.addWidget(dialog)
    dialog.open_buttons["Logs"].click()
    dialog.open_buttons["Templates"].click()
    assert opened == [paths.log_dir, paths.templates_dir]
    dialog.copy_button.click()
    text = QApplication.clipboard().text()
    assert f"Daily-work assistant: {__version__}" in text and f"Logs: {paths.log_dir}" in text
    assert f"History: {paths.history_db.parent}" in text and "Model: fake" in text


def test_the_tray_menu_opens_the_log_folder(qtbot: QtBot) -> None:
    tray = Tray(QIcon())
    assert tray.log_action in tray.menu.actions()
    with qtbot.waitSignal(tray.log_folder_requested, timeout=1000):
        tray.log_action.trigger()
    assert tray.log_action.text() == "Open log folder"


def test_help_menu_opens_about_with_the_loaded_model(qtbot: QtBot, home: Path) -> None:
    from test_no_tray import make_window

    window, controller = make_window(qtbot)
    assert window.menus.log_action in window.menus.help_menu.actions()
    window.menus.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Model: fake" in dialog.text()
    dialog.reject()
    assert controller.shutdown()
