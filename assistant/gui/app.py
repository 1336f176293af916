"""Build and run the desktop app: the one place the GUI's objects are made.

The window appears first and the model loads on its worker thread, so the
app is usable (templates, forms, settings) before the model is ready.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from assistant import __version__
from assistant.backend.config import open_backend
from assistant.gui.core_text import shown
from assistant.gui.crash import CrashReporter
from assistant.gui.first_frame import after_first_paint
from assistant.gui.history_log import HistoryLog
from assistant.gui.i18n import Translations, resolve_language
from assistant.gui.main_window import MainWindow
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.single_instance import SingleInstanceError, claim_profile
from assistant.gui.worker import ModelController
from assistant.messages import Message
from assistant.paths import os_error_message, user_paths
from assistant.state import UiState
from assistant.wiring import LOG_FILE, build_core, setup_logging

if TYPE_CHECKING:
    from assistant.gui.quick_prompt import QuickPrompt

log = logging.getLogger(__name__)


def app_icon() -> QIcon:
    """The app icon shipped in ``resources/icons``."""
    import importlib.resources

    from assistant.desktop_entry import ICON_SIZES

    icon = QIcon()
    folder = importlib.resources.files("assistant.resources") / "icons"
    for name in ("assistant.svg", *(f"assistant-{size}.png" for size in ICON_SIZES)):
        entry = folder / name
        if entry.is_file():
            with importlib.resources.as_file(entry) as path:
                icon.addFile(str(path))
    return icon


def launch(command: str = "show", argv: Sequence[str] | None = None) -> int:
    """Start the GUI and return its exit code.

    ``command`` is what this launch wants: "show" the window or open the
    "quick" prompt. If the app is already running in this profile, the request
    is handed to it and this process exits at once.

    The window is shown first; the quick prompt, tray, hotkey and model come
    once it has drawn its first frame, so the user sees and can use the window
    without waiting for them (see tests/benchmarks/bench_launch.py).
    """
    app = QApplication.instance() or QApplication(list(argv or sys.argv))
    assert isinstance(app, QApplication)
    QCoreApplication.setApplicationName("daily-assistant")
    QCoreApplication.setApplicationVersion(__version__)
    translations = Translations(app)

    def title() -> str:  # after translations.apply, so it reads in the UI language
        return QCoreApplication.translate("MainWindow", "Daily-work assistant")

    try:
        core = build_core()
    except OSError as exc:  # e.g. an unreadable templates folder (templating/library.py)
        translations.apply(resolve_language("system"))
        QMessageBox.critical(None, title(), shown(os_error_message(user_paths(), exc)))
        return 1
    logging_problem = setup_logging(core.paths.log_dir)
    crashes = CrashReporter(core.paths.log_dir / LOG_FILE, app)
    crashes.install()  # an error in a slot is shown and logged; the app goes on
    startup: list[Message] = [*core.profile_problems, *filter(None, [logging_problem])]
    language = resolve_language(core.settings.ui_language)
    translations.apply(language)
    try:
        server = claim_profile(core.paths, command)
    except SingleInstanceError as exc:
        QMessageBox.critical(None, title(), shown(exc))
        return 1
    except OSError as exc:  # no lock file without a data folder: nothing can run safely
        QMessageBox.critical(None, title(), shown(
            startup[0] if startup else os_error_message(core.paths, exc)))
        return 1
    if server is None:
        log.info("handed %r to the running instance", command)
        return 0
    server.setParent(app)
    icon = app_icon()
    app.setWindowIcon(icon)
    state = UiState(core.paths.state_file)
    controller = ModelController(open_backend)
    parts: dict[str, QuickPrompt] = {}

    def set_language(setting: str) -> None:
        window.language = resolve_language(setting)
        if "popup" in parts:
            parts["popup"].language = window.language
        window.picker.set_preferred_language(window.language[:2])
        translations.apply(window.language)

    flow = SettingsFlow(core, controller, set_language)
    history = HistoryLog(core.paths.history_db, lambda: core.settings.history,
                         lambda: controller.config)
    controller.run_ended.connect(history.record)  # every run, whoever started it
    window = MainWindow(core, state, controller, flow, language, history)
    history.problem.connect(lambda text: window.statusBar().showMessage(text, 20000))
    app.aboutToQuit.connect(window.drafts.flush)  # a quit from the tray or the menu too

    def finish_start() -> None:
        from assistant.gui.desktop import Desktop
        from assistant.gui.hotkey import create_hotkey_backend
        from assistant.gui.paste import paster_for
        from assistant.gui.quick_prompt import QuickPrompt
        from assistant.gui.tray import Tray

        popup = parts["popup"] = QuickPrompt(core, state, controller, window.language)
        tray = Tray(icon, app)
        hotkey = create_hotkey_backend(parent=app)
        desktop = Desktop(app, window, popup, tray, hotkey, server, flow, paster_for())
        if command == "quick":
            desktop.open_quick()
        problems = startup + core.settings_problems + ([state.problem] if state.problem
                                                       else [])
        if problems:
            QMessageBox.warning(window, QCoreApplication.translate("MainWindow", "Settings"),
                                "\n\n".join(map(shown, problems)))
        window.load_model()
        desktop.register_hotkey(core.settings.hotkey)
        log.info("start-up complete")

    if command == "quick":
        finish_start()  # the popup is what this launch is for: no window first
    else:
        window.show()
        after_first_paint(window, finish_start)  # not before: the window would stay black
    code = app.exec()
    controller.shutdown()
    history.close()  # after the last run ended: its entry is written before the app exits
    return code
