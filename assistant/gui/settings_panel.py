"""What happens around the settings dialog: save, reload the model, switch language.

Kept out of the main window so the window stays a layout of widgets, and so
start-up (which loads the model the same way) shares this code.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from assistant.errors import ModelError
from assistant.gui.settings_dialog import SettingsDialog
from assistant.gui.worker import ModelController
from assistant.modelfiles import discover, resolve_model
from assistant.wiring import Core

MODEL_KEYS = ("model", "n_ctx", "n_threads")


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

    def load_model(self, controller: ModelController | None = None) -> None:
        """Load the configured model, or report why there is none."""
        ctl = controller or self.controller
        settings = self.core.settings
        try:
            path = resolve_model(settings.model)
        except ModelError as exc:
            ctl.report_load_error(str(exc))
            return
        ctl.load(path, settings.n_ctx, settings.n_threads)

    def edit(self, parent: QWidget) -> bool:
        """Show the dialog; on OK save and apply. True if settings changed."""
        models = discover(self.core.paths.models_dir, self.core.settings.model)
        dialog = SettingsDialog(self.core.settings, models,
                                self.core.paths.models_dir, self.hotkey_status(), parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        old, new = self.core.settings, dialog.result_settings()
        if new == old:
            return False
        self.core.save_settings(new)
        if any(getattr(old, key) != getattr(new, key) for key in MODEL_KEYS) \
                or self.controller.state == "failed":
            self.load_model()
        if old.ui_language != new.ui_language:
            self.set_language(new.ui_language)
        if old.hotkey != new.hotkey and self.on_hotkey_changed is not None:
            self.on_hotkey_changed(new.hotkey)
        return True
