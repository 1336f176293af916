"""The main window shares its space (issue 12): a long status message stays clear of
the figures, and a banner above the form never hides the form's fields.

Shown windows, as geometry and pixels are the point.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from waits import UI_MS

from assistant.backend.fake import FakeBackend
from assistant.gui.i18n import Translations
from assistant.gui.main_window import MainWindow
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.status import StatusBar
from assistant.gui.worker import ModelController
from assistant.state import UiState
from assistant.wiring import build_core

LONG = ("Saved as an example in /home/someone/.local/share/daily-assistant/templates/"
        "weekly-report-en.examples.toml; it will be sent with future runs.")
FIGURES = "2434 prompt tokens (0 cached) · 310 tokens generated · first token 0.42 s"
FAILED = ("The model could not be loaded: /home/someone/models/notes.gguf is not a GGUF model "
          "file: it starts with 7f 45 4c 46 02 01 01 00 \".ELF....\". The model must be a .gguf "
          "file converted for llama.cpp. <a href='settings'>Open Settings</a>")


@pytest.fixture
def window(qtbot: QtBot, home: Path) -> Iterator[MainWindow]:
    """The window at its default size, on a fake model; the first-run banner is up."""
    Translations(QApplication.instance())  # type: ignore[arg-type]
    core = build_core()
    controller = ModelController(lambda *_: FakeBackend())
    made = MainWindow(core, UiState(core.paths.state_file), controller,
                      SettingsFlow(core, controller, lambda _language: None), "en")
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    made.select_template("weekly-report-en")
    yield made
    assert controller.shutdown()


def test_a_long_message_is_elided_clear_of_the_figures(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.statusBar()
    assert isinstance(bar, StatusBar)
    window.stats_label.setText(FIGURES)
    qtbot.waitUntil(lambda: window.stats_label.width() >= window.stats_label.sizeHint().width())
    blank = bar.grab().toImage()
    bar.showMessage(LONG, 60000)
    qtbot.waitUntil(lambda: bar.currentMessage() == LONG)
    shown = bar.shown_message()
    assert shown != LONG and "…" in shown and shown.endswith("future runs.")
    assert bar.toolTip() == LONG  # the whole text
    figures = window.stats_label.x()
    assert bar.message_rect().right() < figures - 8
    # Pixels: nothing but the bar's background just left of the figures.
    image = bar.grab().toImage()
    scale = image.width() / bar.width()
    band = range(int((figures - 8) * scale), int((figures - 3) * scale))
    changed = [(x, y) for x in band for y in range(image.height())
               if QColor(image.pixel(x, y)) != QColor(blank.pixel(x, y))]
    assert not changed, "the message runs into the figures"
    bar.clearMessage()
    assert bar.toolTip() == ""


def test_a_short_message_is_drawn_whole(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.statusBar()
    assert isinstance(bar, StatusBar)
    bar.showMessage("Copied the answer (19 characters).", 4000)
    assert bar.shown_message() == "Copied the answer (19 characters)."


def fields_in_sight(window: MainWindow) -> bool:
    scroll = window.form._scroll
    viewport = scroll.viewport()
    editors = list(window.form._editors.values())
    assert editors
    return not scroll.verticalScrollBar().isVisible() and all(
        viewport.rect().contains(editor.mapTo(viewport, editor.rect().bottomRight()))
        for editor in editors)


def test_a_banner_takes_its_room_from_the_answer_not_the_fields(qtbot: QtBot,
                                                                window: MainWindow) -> None:
    assert window.models.banner.isVisible()  # the first-run offer, as a new user sees it
    qtbot.waitUntil(lambda: fields_in_sight(window))
    answer = window.output.height()
    window._on_model_failed(FAILED)
    assert window.banner.isVisible()
    qtbot.waitUntil(lambda: window.output.height() < answer, timeout=UI_MS)
    qtbot.waitUntil(lambda: fields_in_sight(window), timeout=UI_MS)
    assert window.output.height() >= 8 * window.output.fontMetrics().lineSpacing()
    window.banner.hide()  # the model loaded after all: the answer gets its room back
    qtbot.waitUntil(lambda: window.output.height() == answer, timeout=UI_MS)
    qtbot.waitUntil(lambda: fields_in_sight(window), timeout=UI_MS)
