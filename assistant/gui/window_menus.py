"""The main window's menu bar: File and Tools, their shortcuts and their texts.

Strings use the ``MainWindow`` translation context: the menus are part of the
main window and share its translations.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Slot = Callable[[], object]


@dataclass(frozen=True)
class MenuSlots:
    """What each menu entry does."""

    new_template: Slot
    open_folder: Slot
    customize: Slot
    save_answer: Slot
    quit: Slot
    inspect: Slot
    compare: Slot
    models: Slot
    settings: Slot
    about: Slot
    log_folder: Slot


class WindowMenus:
    """Builds the menus on ``window`` and keeps their actions."""

    def __init__(self, window: QMainWindow, slots: MenuSlots) -> None:
        self._window = window
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        keys = QKeySequence.StandardKey
        self.new_action = self._add(self.file_menu, slots.new_template, keys.New)
        self.folder_action = self._add(self.file_menu, slots.open_folder)
        self.customize_action = self._add(self.file_menu, slots.customize)
        self.file_menu.addSeparator()
        self.save_action = self._add(self.file_menu, slots.save_answer, keys.Save)
        self.file_menu.addSeparator()
        self.quit_action = self._add(self.file_menu, slots.quit, keys.Quit)
        self.tools_menu = bar.addMenu("")
        self.inspect_action = self._add(self.tools_menu, slots.inspect)
        self.compare_action = self._add(self.tools_menu, slots.compare)
        self.compare_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.models_action = self._add(self.tools_menu, slots.models)
        self.settings_action = self._add(self.tools_menu, slots.settings)
        self.help_menu = bar.addMenu("")
        self.log_action = self._add(self.help_menu, slots.log_folder)
        self.about_action = self._add(self.help_menu, slots.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        # The platform's Preferences key is Cmd+, on macOS and nothing elsewhere;
        # Ctrl+, is what Windows and Linux apps (browsers, editors) use.
        self.settings_action.setShortcuts(
            QKeySequence.keyBindings(keys.Preferences) if sys.platform == "darwin"
            else [QKeySequence("Ctrl+,")])

    def _add(self, menu: QMenu, slot: Slot,
             shortcut: QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(self._window)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
        menu.addAction(action)
        return action

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.new_action.setText(QCoreApplication.translate("MainWindow", "&New template…"))
        self.folder_action.setText(QCoreApplication.translate("MainWindow",
                                                              "Open template &folder"))
        self.customize_action.setText(QCoreApplication.translate("MainWindow",
                                                                 "&Customize this template"))
        self.save_action.setText(QCoreApplication.translate("MainWindow", "&Save answer as…"))
        self.quit_action.setText(QCoreApplication.translate("MainWindow", "&Quit"))
        self.tools_menu.setTitle(QCoreApplication.translate("MainWindow", "&Tools"))
        self.inspect_action.setText(QCoreApplication.translate("MainWindow",
                                                               "&Prompt inspector"))
        self.compare_action.setText(QCoreApplication.translate(
            "MainWindow", "&Compare with and without examples…"))
        self.models_action.setText(QCoreApplication.translate("MainWindow", "&Models…"))
        self.settings_action.setText(QCoreApplication.translate("MainWindow", "&Settings…"))
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        self.log_action.setText(QCoreApplication.translate("MainWindow", "Open &log folder"))
        self.about_action.setText(QCoreApplication.translate("MainWindow", "&About…"))
