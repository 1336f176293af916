"""What happens around the settings dialog: save, reload the model, switch language.

Kept out of the main window so the window stays a layout of widgets, and so
start-up (which loads the model the same way) shares this code.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from assistant.errors import AssistantError
from assistant.gui.core_text import shown
from assistant.gui.worker import ModelController
from assistant.modelfiles import discover
from assistant.settings import Settings
from assistant.wiring import Core


class SettingsFlow:
    """Edit settings and apply them: model reload, UI language, hotkey."""

    def __init__(self, core: Core, controller: ModelController,
                 set_language: Callable[[str], None],
                 hotkey_status: Callable[[], str] = lambda: "") -> None:
        self.core = core
        self.controller = controller
        self.set_language = set_language
        self.hotkey_status = hotkey_status
        self.on_hotkey_changed: Callable[[str], object] | None = None
        self.unsaved = False
        """True while the settings in use could not be written (see :meth:`_save`)."""

    def load_model(self, controller: ModelController | None = None) -> None:
        """Load the configured model (or connect to the server), or report why not."""
        ctl = controller or self.controller
        try:
            config = self.core.backend_config()
        except AssistantError as exc:
            ctl.report_load_error(shown(exc))
            return
        ctl.load(config)

    def edit(self, parent: QWidget, source: str | None = None) -> bool:
        """Show the dialog; on OK save and apply. True if settings changed.

        ``source`` ("local" or "server") preselects the model source, for
        "Use a model server" on the first-run banner.
        """
        from assistant.backend.llama import gpu_offload_supported

        models = discover(self.core.paths.models_dir, self.core.settings.model)
        secrets = self.core.secrets
        from assistant.gui.settings_dialog import SettingsDialog  # made on first use

        dialog = SettingsDialog(self.core.settings, models,
                                self.core.paths.models_dir, self.hotkey_status(), parent,
                                gpu_supported=gpu_offload_supported(),
                                key_place=(secrets.keyring_name, str(secrets.fallback_file)),
                                stored_key=secrets.get, saved_prompts=self._saved_prompts())
        if source is not None:
            dialog.source_box.setCurrentIndex(max(0, dialog.source_box.findData(source)))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        old, new = self.core.settings, dialog.result_settings()
        key_changed = dialog.api_key_changed()
        if new == old and not key_changed and not self.unsaved:
            return False
        if new != old or self.unsaved:
            self._save(parent, dialog.windowTitle(), new)
        if key_changed:
            try:
                self.core.secrets.set(new.server_url.strip(), dialog.api_key())
            except AssistantError as exc:
                QMessageBox.warning(parent, dialog.windowTitle(), shown(exc))
        self.reload_if_changed()
        if old.ui_language != new.ui_language:
            self.set_language(new.ui_language)
        if old.hotkey != new.hotkey and self.on_hotkey_changed is not None:
            self.on_hotkey_changed(new.hotkey)
        return True

    def _save(self, parent: QWidget, title: str, new: Settings) -> None:
        """Save ``new``; if the file cannot be written, use ``new`` anyway and say so.

        Not the other choice, reopening the dialog with the edits: the fault is
        the disk's (a read-only folder, a folder named settings.toml), not the
        input's, so nothing in the dialog can fix it, and the user would be
        caught between an OK that fails again and a Cancel that throws the
        edits away. Using the settings gives the user what they asked for; the
        message says the file is unchanged, that the settings last until they
        quit, and how to keep them: fix the cause and press OK in Settings,
        which saves even when nothing else changed (``unsaved``).
        """
        try:
            self.core.save_settings(new)
        except AssistantError as exc:
            self.core.settings = new
            self.unsaved = True
            QMessageBox.warning(parent, title, QCoreApplication.translate(
                "SettingsFlow", "The new settings are in use, but they could not be saved and "
                "will be lost when you quit:\n\n{error}\n\nFix this, then open Settings and "
                "press OK to save them.").format(error=shown(exc)))
        else:
            self.unsaved = False

    def reload_if_changed(self) -> None:
        """Load again when the model settings (or the server's key) changed, or the last load failed."""
        try:
            wanted = self.core.backend_config()
        except AssistantError as exc:
            self.controller.report_load_error(shown(exc))
            return
        if wanted != self.controller.config or self.controller.state == "failed":
            self.controller.load(wanted)

    def _saved_prompts(self) -> tuple[Callable[[], int], Callable[[], int]]:
        """(bytes on disk, clear) of the prepared-prompt states, for the dialog's button."""
        from assistant.backend.prefix_store import PrefixStore

        store = PrefixStore(self.core.paths.prefix_states_dir, 0, 1)
        return store.disk_usage, store.clear
