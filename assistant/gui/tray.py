"""The tray icon: the app's home while its window is closed.

With a tray, closing the main window keeps the app (and its hotkey) running;
the first time, a balloon says so. Without a tray (some Linux desktops),
closing the window quits, since the user would have no way back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon


class Tray(QObject):
    """Tray icon with Open, Quick prompt, Pause hotkey, Settings and Quit.

    Signals:
        open_requested(): show the main window.
        quick_requested(): open the quick prompt.
        pause_toggled(bool): the hotkey was paused (True) or resumed.
        settings_requested(): open the settings dialog.
        quit_requested(): quit the app.
    """

    open_requested = Signal()
    quick_requested = Signal()
    pause_toggled = Signal(bool)
    settings_requested = Signal()
    quit_requested = Signal()
    log_folder_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self._told_about_tray = False
        self._status = ""
        self.menu = QMenu()
        self.open_action = QAction(self)
        self.quick_action = QAction(self)
        self.pause_action = QAction(self, checkable=True)
        self.settings_action = QAction(self)
        self.log_action = QAction(self)
        self.quit_action = QAction(self)
        self.open_action.triggered.connect(self.open_requested)
        self.quick_action.triggered.connect(self.quick_requested)
        self.pause_action.toggled.connect(self.pause_toggled)
        self.settings_action.triggered.connect(self.settings_requested)
        self.log_action.triggered.connect(self.log_folder_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        for action in (self.open_action, self.quick_action, self.pause_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.settings_action)
        self.menu.addAction(self.log_action)
        self.menu.addAction(self.quit_action)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.menu.installEventFilter(self)
        self.retranslate_ui()
        if self.available:
            self.icon.show()

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.open_action.setText(self.tr("Open"))
        self.quick_action.setText(self.tr("Quick prompt"))
        self.pause_action.setText(self.tr("Pause hotkey"))
        self.settings_action.setText(self.tr("Settings…"))
        self.log_action.setText(self.tr("Open log folder"))
        self.quit_action.setText(self.tr("Quit"))
        self._update_tooltip()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """The tray has no widget of its own: follow language changes via its menu."""
        if watched is self.menu and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return super().eventFilter(watched, event)

    def set_status(self, text: str, problem: bool = False) -> None:
        """Show the hotkey's state in the tooltip; a problem also as a balloon."""
        self._status = text
        self._update_tooltip()
        if problem and self.available:
            self.icon.showMessage(self.tr("Daily-work assistant"), text,
                                  QSystemTrayIcon.MessageIcon.Warning, 15000)

    def tell_still_running(self) -> None:
        """Say once that closing the window left the app in the tray."""
        if self.available and not self._told_about_tray:
            self._told_about_tray = True
            self.icon.showMessage(
                self.tr("Daily-work assistant"),
                self.tr("Still running in the tray, so the hotkey keeps working. "
                        "Use Quit in the tray menu to exit."),
                QSystemTrayIcon.MessageIcon.Information, 8000)

    def _update_tooltip(self) -> None:
        title = self.tr("Daily-work assistant")
        self.icon.setToolTip(f"{title}\n{self._status}" if self._status else title)

    @Slot(QSystemTrayIcon.ActivationReason)
    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_requested.emit()
