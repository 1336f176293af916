"""Huge inputs: a 20 MB paste does not freeze the form; too much for the model is refused first."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QToolButton
from pytestqt.qtbot import QtBot

from assistant.backend.fake import FakeBackend
from assistant.gui.form import MAX_FIELD_CHARS, TemplateForm
from assistant.gui.main_window import MainWindow
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.worker import ModelController
from assistant.state import UiState
from assistant.templating.library import load_library
from assistant.wiring import build_core

PROOFREAD_EN = load_library(None).get("proofread-en")
HUGE = "The quick brown fox jumps over the lazy dog. " * (20_000_000 // 45)  # 20 MB, one line
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$")


@pytest.fixture
def form(qtbot: QtBot) -> TemplateForm:
    widget = TemplateForm(lambda: QApplication.clipboard().text())
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    widget.set_template(PROOFREAD_EN, {"text": "kept"})
    return widget


def editor(form: TemplateForm) -> QPlainTextEdit:
    field = form._editors["text"]
    assert isinstance(field, QPlainTextEdit)
    return field


@OFFSCREEN_NOISE
def test_a_20_mb_value_is_refused_at_once_naming_the_field_and_limit(
        qtbot: QtBot, form: TemplateForm) -> None:
    notices: list[str] = []
    form.notice.connect(notices.append)
    start = time.perf_counter()
    assert form.set_value("text", HUGE) is False
    QApplication.processEvents()
    assert time.perf_counter() - start < 1.0  # accepting it took 6.5 s (layout and paint)
    assert form.values()["text"] == "kept"
    label = PROOFREAD_EN.field("text")
    assert label is not None and len(notices) == 1
    assert label.label in notices[0] and f"{MAX_FIELD_CHARS:,}" in notices[0]
    assert f"{len(HUGE):,}" in notices[0]


@OFFSCREEN_NOISE
@pytest.mark.parametrize("how", ["ctrl+v", "paste button"])
def test_a_20_mb_paste_is_refused_at_once(qtbot: QtBot, form: TemplateForm, how: str) -> None:
    notices: list[str] = []
    form.notice.connect(notices.append)
    QApplication.clipboard().setText(HUGE)
    start = time.perf_counter()
    if how == "ctrl+v":
        editor(form).paste()
    else:
        button = next(b for b, name in form._paste_buttons.items() if name == "text")
        assert isinstance(button, QToolButton)
        button.click()
    QApplication.processEvents()
    assert time.perf_counter() - start < 2.0
    assert form.values()["text"] == "kept" and len(notices) == 1
    QApplication.clipboard().clear()


def test_a_long_paste_under_the_limit_is_taken_quickly(qtbot: QtBot, form: TemplateForm) -> None:
    text = "The meeting covered the budget and the hiring plan.\n" * (MAX_FIELD_CHARS // 52)
    start = time.perf_counter()
    assert form.set_value("text", text)
    QApplication.processEvents()
    assert time.perf_counter() - start < 2.0
    assert form.values()["text"] == text


@pytest.fixture
def window(qtbot: QtBot, home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    core = build_core()
    fake = FakeBackend(n_ctx=2048)
    controller = ModelController(lambda _config: fake)
    flow = SettingsFlow(core, controller, lambda _setting: None)
    main = MainWindow(core, UiState(core.paths.state_file), controller, flow, "en")
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(controller.model_loaded, timeout=5000):
        main.load_model()
    yield main
    assert controller.shutdown()


def test_an_input_beyond_the_context_is_refused_with_the_numbers_before_any_work(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda *args: shown.append(str(args[2]))))
    fake = window.controller._worker.backend
    assert isinstance(fake, FakeBackend)
    assert window.select_template("proofread-en")
    assert window.form.set_value("text", "x" * 5000)
    with qtbot.waitSignal(window.controller.run_failed, timeout=5000):
        window.run_button.click()
    assert len(shown) == 1
    assert re.search(r"it is 50\d\d tokens", shown[0]) and "the context holds 2048" in shown[0]
    assert fake.calls == [], "the model never saw the prompt"
    assert window.run_button.isEnabled() and not window.controller.busy


@OFFSCREEN_NOISE
def test_a_20_mb_selection_does_not_freeze_the_quick_prompt(qtbot: QtBot, home: Path) -> None:
    from assistant.gui.quick_prompt import QuickPrompt

    core = build_core()
    controller = ModelController(lambda _config: FakeBackend())
    popup = QuickPrompt(core, UiState(core.paths.state_file), controller)
    qtbot.addWidget(popup)
    start = time.perf_counter()
    popup.open_with(HUGE)
    QApplication.processEvents()
    assert time.perf_counter() - start < 1.0
    assert popup.text.toPlainText() == ""
    assert f"{MAX_FIELD_CHARS:,}" in popup.notice.text() and popup.notice.isVisibleTo(popup)
    popup.open_with("short text")
    assert popup.text.toPlainText() == "short text" and not popup.notice.isVisibleTo(popup)
    assert controller.shutdown()
