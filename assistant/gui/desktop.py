"""The app's life on the desktop: tray, global hotkey, quick prompt, second launches.

Everything here is built by :mod:`assistant.gui.app` and passed in; this
object only connects the pieces and holds the few decisions between them:
what the hotkey opens, what a second launch asks for, how Replace pastes and
gives the user's clipboard back, and what Quit means when a tray exists.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from assistant.errors import AssistantError
from assistant.gui.answer_actions import open_log_folder
from assistant.gui.clipboard import capture_text, replace_selection
from assistant.gui.core_text import shown
from assistant.gui.hotkey import HotkeyBackend, HotkeyError
from assistant.gui.main_window import MainWindow
from assistant.gui.no_tray import QuitWithoutTray
from assistant.gui.paste import Paster
from assistant.gui.quick_prompt import QuickPrompt
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.single_instance import InstanceServer
from assistant.gui.tray import Tray

log = logging.getLogger(__name__)

FOCUS_RETURN_MS = 150
"""After the popup closes, the window manager gives the focus back to the
user's window asynchronously; the paste keystroke must go there, not to us."""


class Desktop(QObject):
    """Connects tray, hotkey, popup and instance server to the main window."""

    def __init__(self, app: QApplication, window: MainWindow, popup: QuickPrompt, tray: Tray,
                 hotkey: HotkeyBackend, server: InstanceServer,
                 settings_flow: SettingsFlow, paster: Paster) -> None:
        super().__init__(window)
        self.app, self.window, self.popup = app, window, popup
        self.tray, self.hotkey, self.server = tray, hotkey, server
        self.paster = paster
        window.hide_on_close = tray.available
        app.setQuitOnLastWindowClosed(not tray.available)
        self.no_tray = None if tray.available else QuitWithoutTray(window)
        window.closed_to_tray.connect(tray.tell_still_running)
        window.quit_requested.connect(self.quit)
        tray.open_requested.connect(window.bring_forward)
        tray.quick_requested.connect(self.open_quick)
        tray.settings_requested.connect(self._settings)
        tray.quit_requested.connect(self.quit)
        tray.log_folder_requested.connect(
            lambda: open_log_folder(None, window.core.paths.log_dir))
        tray.pause_toggled.connect(self.set_paused)
        hotkey.activated.connect(self.open_quick)
        hotkey.failed.connect(self._problem)
        server.request.connect(self.on_request)
        popup.open_in_main.connect(window.open_with_values)
        popup.open_file_requested.connect(window.templates.open_file)
        popup.replace_requested.connect(self.replace)
        settings_flow.hotkey_status = lambda: hotkey.method
        settings_flow.on_hotkey_changed = self.register_hotkey
        app.aboutToQuit.connect(hotkey.close)
        app.aboutToQuit.connect(server.close)

    def register_hotkey(self, sequence: str) -> bool:
        """Grab ``sequence``; on failure the app goes on and the tray says why."""
        try:
            self.hotkey.register(sequence)
        except HotkeyError as exc:
            log.warning("hotkey not registered: %s", exc)
            self._problem(shown(exc))
            return False
        log.info("hotkey active: %s via %s", self.hotkey.shortcut or "(none)", self.hotkey.method)
        self.tray.set_status(self.hotkey.status_text())
        return True

    @Slot(bool)
    def set_paused(self, paused: bool) -> None:
        """Pause or resume the hotkey (tray menu)."""
        try:
            self.hotkey.set_paused(paused)
        except HotkeyError as exc:
            self._problem(shown(exc))
            return
        self.tray.set_status(self.hotkey.status_text())

    @Slot()
    def open_quick(self) -> None:
        """Open the quick prompt on the selected (or copied) text."""
        text, source = capture_text(QGuiApplication.clipboard())
        self.popup.open_with(text)
        log.info("quick prompt opened (%d characters from %s)", len(text), source or "nowhere")

    @Slot(str)
    def _problem(self, message: str) -> None:
        """Tell the user in the tray, or in the window where no tray exists."""
        self.tray.set_status(message, problem=True)
        if not self.tray.available:
            self.window.statusBar().showMessage(message, 30000)

    @Slot(str, str)
    def on_request(self, command: str, text: str) -> None:
        """A second launch asked for something: "show" or "quick"."""
        log.info("request from another launch: %s", command)
        if command == "quick":
            self.open_quick()
        else:
            self.window.bring_forward()

    @Slot(str)
    def replace(self, answer: str) -> None:
        """Paste ``answer`` over the user's selection, then restore their clipboard."""
        QTimer.singleShot(FOCUS_RETURN_MS, lambda: self._paste(answer))

    def _paste(self, answer: str) -> None:
        try:
            pending = replace_selection(QGuiApplication.clipboard(), answer, self.paster.paste)
        except AssistantError as exc:
            # The answer stays on the clipboard: the user can paste it by hand.
            QGuiApplication.clipboard().setText(answer)
            self._problem(shown(exc))
            return
        self.app.aboutToQuit.connect(pending.restore_now)

    @Slot()
    def _settings(self) -> None:
        self.window.bring_forward()
        self.window.open_settings()

    @Slot()
    def quit(self) -> None:
        """Really quit (tray or File menu), stopping any run first."""
        self.window.hide_on_close = False
        if self.no_tray is not None:
            self.no_tray.quitting = True
        self.popup.close()
        self.window.close()
        self.app.quit()
