"""The main window's ways to a better model: the models page, the first-run banner, a file.

Kept out of :mod:`assistant.gui.main_window` so the window stays a layout of
widgets. The models page is built the first time it is opened and then kept
(hidden when closed), so a download goes on while the user works. It is
imported then too: nothing of the network is loaded before the window shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog, QWidget

from assistant.gui.first_run import NOTICE, FirstRunBanner
from assistant.gui.settings_panel import SettingsFlow
from assistant.state import UiState
from assistant.wiring import Core

if TYPE_CHECKING:  # the page (and httpx behind it) is imported when first opened
    from assistant.gui.models_page import ModelsPage


class ModelChooser(QObject):
    """Owns the models page and the first-run banner of one window."""

    def __init__(self, core: Core, state: UiState, settings_flow: SettingsFlow, language: str,
                 window: QWidget) -> None:
        super().__init__(window)
        self.core, self.state, self.flow = core, state, settings_flow
        self.language = language
        self.window = window
        self.page: ModelsPage | None = None
        self.banner = FirstRunBanner()
        self.banner.download_requested.connect(self.open_page)
        self.banner.server_requested.connect(self.use_server)
        self.banner.file_requested.connect(self.choose_file)
        self.banner.dismissed.connect(lambda: self.state.dismiss(NOTICE))
        self.update_banner()

    def update_banner(self) -> None:
        """Show the banner while only the demo model is there (and it was not closed)."""
        self.banner.setVisible(self.core.only_demo_model()
                               and not self.state.is_dismissed(NOTICE))

    def models_page(self) -> ModelsPage:
        """The models page, built on first use."""
        if self.page is None:
            from assistant.catalog import load_catalog, this_machine
            from assistant.gui.models_page import ModelsPage

            self.page = ModelsPage(self.core, load_catalog(), this_machine(), self.language,
                                   parent=self.window)
            self.page.active_changed.connect(self._active_changed)
            self.page.added.connect(lambda _paths: self.update_banner())
        return self.page

    @Slot()
    def open_page(self) -> None:
        """Show the models page."""
        page = self.models_page()
        page.refresh()
        page.show()
        page.raise_()
        page.activateWindow()

    @Slot()
    def use_server(self) -> None:
        """Open Settings with "Model server" chosen."""
        self.flow.edit(self.window, source="server")
        self.update_banner()

    @Slot()
    def choose_file(self) -> None:
        """Pick a .gguf file and make it the active model."""
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Choose a GGUF model"), str(Path.home()),
            self.tr("GGUF models (*.gguf);;All files (*)"))
        if name:
            self.models_page().add_files([Path(name)], activate=True)
            self.update_banner()

    @Slot()
    def _active_changed(self) -> None:
        self.flow.reload_if_changed()
        self.update_banner()

    def shutdown(self) -> None:
        """Stop a running download; its partial file is kept for next time."""
        if self.page is not None:
            self.page.shutdown()
