"""Where there is no tray, closing the main window quits: say so first, once.

Many Wayland and minimal desktops show no tray icons. There the app cannot
keep running unseen, so closing the window ends it, and with it the global
hotkey, which surprises someone used to the tray. The first such close asks;
whatever the answer, it is not asked again (the UI state remembers).
An explicit File → Quit, or the app quitting, never asks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from assistant.gui.main_window import MainWindow

NOTICE = "no-tray-quit"
"""The UI state's name for "said once"."""


def ask(parent: QWidget) -> bool:
    """The question itself: True to quit."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("QuitWithoutTray", "Quit the assistant?"),
        QCoreApplication.translate(
            "QuitWithoutTray", "This desktop shows no tray icon, so closing the window quits "
            "the assistant, and the global hotkey stops working until you start it again. "
            "Quit now?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


class QuitWithoutTray(QObject):
    """Watches the main window's close; asks once when it would quit the app."""

    def __init__(self, window: MainWindow, question: Callable[[QWidget], bool] = ask,
                 only_by_the_user: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self._only_by_the_user = only_by_the_user
        """Ask only for a close the user made (the window's close button): quitting the
        application closes its windows too, and must never wait for an answer. Tests,
        which close from code, turn this off."""
        self.quitting = False
        """Set for an explicit Quit: no question then."""
        self._question = question
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.window and event.type() == QEvent.Type.Close \
                and not self.window.hide_on_close and not self.quitting \
                and (event.spontaneous() or not self._only_by_the_user) \
                and not self.window.state.is_dismissed(NOTICE):
            self.window.state.dismiss(NOTICE)  # asked once, whatever the answer
            if not self._question(self.window):
                event.ignore()
                return True
        return super().eventFilter(watched, event)
