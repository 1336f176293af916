"""The tray icon's menu and messages."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from waits import UI_MS

from assistant.gui.app import app_icon
from assistant.gui.tray import Tray


def test_menu_actions_emit_their_signals(qtbot: QtBot) -> None:
    tray = Tray(app_icon())
    for action, signal in ((tray.open_action, tray.open_requested),
                           (tray.quick_action, tray.quick_requested),
                           (tray.settings_action, tray.settings_requested),
                           (tray.log_action, tray.log_folder_requested),
                           (tray.quit_action, tray.quit_requested)):
        with qtbot.waitSignal(signal, timeout=UI_MS):
            action.trigger()
    with qtbot.waitSignal(tray.pause_toggled, timeout=UI_MS) as paused:
        tray.pause_action.trigger()
    assert paused.args == [True]
    assert [a.text() for a in tray.menu.actions() if a.text()] == [
        "Open", "Quick prompt", "Pause hotkey", "Settings…", "Open log folder", "Quit"]


def test_status_goes_into_the_tooltip(qtbot: QtBot) -> None:
    tray = Tray(app_icon())
    tray.set_status("Hotkey Ctrl+Alt+J (X11 key grab)")
    assert "Ctrl+Alt+J" in tray.icon.toolTip()


def test_app_icon_is_shipped() -> None:
    assert not app_icon().isNull()
