"""Huge inputs: a 20 MB paste does not freeze the form; too much for the model is refused first.

A paste a field cannot take is refused whole with both sizes, in every field:
the form's text and line fields and the quick prompt's text box.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from assistant.backend.fake import FakeBackend
from assistant.gui.form import MAX_FIELD_CHARS, TemplateForm
from assistant.gui.main_window import MainWindow
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.text_limits import MAX_LINE_CHARS, refused_size
from assistant.gui.worker import ModelController
from assistant.state import UiState
from assistant.templating.library import load_library
from assistant.wiring import build_core

PROOFREAD_EN = load_library(None).get("proofread-en")
MINUTES_EN = load_library(None).get("meeting-minutes-en")
HUGE = "The quick brown fox jumps over the lazy dog. " * (20_000_000 // 45)  # 20 MB, one line
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$")
MENU_NOISE = pytest.mark.qt_log_ignore(  # a context menu on the offscreen platform
    r"^This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)$")


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
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
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


# -- one rule for every field: refused whole, with both sizes ---------------------------------

@pytest.mark.parametrize(("current", "replaced", "text", "limit", "expected"), [
    (0, 0, "abc", 3, None),  # exactly the limit fits
    (0, 0, "abcd", 3, 4),
    (10, 10, "abc", 3, None),  # the selection gives way to the paste
    (10, 2, "abc", 3, 11),
    (0, 0, "😀😀", 3, 4),  # Qt counts an emoji as two: it would cut the second one
    (0, 0, "😀", 2, None),
    (0, 0, "x" * 5000, 10, 5000),
])
def test_refused_size(current: int, replaced: int, text: str, limit: int,
                      expected: int | None) -> None:
    assert refused_size(current, replaced, text, limit) == expected


@pytest.fixture
def minutes(qtbot: QtBot) -> TemplateForm:
    widget = TemplateForm(lambda: QApplication.clipboard().text())
    qtbot.addWidget(widget)
    widget.show()
    widget.set_template(MINUTES_EN, {"transcript": "notes", "topic": "kept"})
    return widget


def topic(form: TemplateForm) -> QLineEdit:
    field = form._editors["topic"]
    assert isinstance(field, QLineEdit)
    return field


def paste_into_line(qtbot: QtBot, form: TemplateForm, text: str, how: str) -> None:
    """Put ``text`` into the topic field the way a user would: ``how``.

    Each way but the paste button (which replaces the value) adds to "kept".
    """
    field = topic(form)
    field.setCursorPosition(len(field.text()))
    QApplication.clipboard().setText(text)
    if how == "ctrl+v":
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    elif how == "context menu":
        QApplication.sendEvent(field, QContextMenuEvent(QContextMenuEvent.Reason.Mouse,
                                                        QPoint(5, 5), field.mapToGlobal(
                                                            QPoint(5, 5))))
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.objectName() == "edit-paste")
        action.trigger()
        menu.close()
    elif how == "drop":
        data = QMimeData()
        data.setText(text)
        field.dropEvent(QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data,
                                   Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    else:
        button = next(b for b, name in form._paste_buttons.items() if name == "topic")
        button.click()


@MENU_NOISE
@pytest.mark.parametrize("how", ["ctrl+v", "context menu", "drop", "paste button"])
def test_a_line_field_refuses_a_paste_it_cannot_take_and_says_both_sizes(
        qtbot: QtBot, minutes: TemplateForm, how: str) -> None:
    """Qt used to cut it at 32,767 characters without a word."""
    notices: list[str] = []
    minutes.notice.connect(notices.append)
    paste_into_line(qtbot, minutes, "x" * 40_000, how)
    assert minutes.values()["topic"] == "kept"
    assert len(notices) == 1
    size = "40,000" if how == "paste button" else "40,004"  # what the field would hold
    assert "Meeting topic" in notices[0] and size in notices[0] and "32,767" in notices[0]
    QApplication.clipboard().clear()


@OFFSCREEN_NOISE
@pytest.mark.parametrize(("text", "size"), [
    (HUGE, f"{len(HUGE) + len('kept'):,}"),  # 20 MB: refused at once, not inserted and undone
    ("😀" * 20_000, "40,004"),  # 20,000 characters that Qt counts as 40,000
], ids=["20 MB", "emoji"])
def test_a_huge_or_wide_line_paste_is_refused_at_once(
        qtbot: QtBot, minutes: TemplateForm, text: str, size: str) -> None:
    notices: list[str] = []
    minutes.notice.connect(notices.append)
    start = time.perf_counter()
    paste_into_line(qtbot, minutes, text, "ctrl+v")
    QApplication.processEvents()
    assert time.perf_counter() - start < 1.0  # inserting 20 MB into a line edit takes 2 s
    assert minutes.values()["topic"] == "kept" and len(notices) == 1 and size in notices[0]
    QApplication.clipboard().clear()


@MENU_NOISE
@pytest.mark.parametrize("how", ["ctrl+v", "context menu", "drop", "paste button"])
def test_a_line_paste_that_fits_is_taken_whole(qtbot: QtBot, minutes: TemplateForm,
                                               how: str) -> None:
    notices: list[str] = []
    minutes.notice.connect(notices.append)
    text = "y" * (MAX_LINE_CHARS - (0 if how == "paste button" else len("kept")))
    paste_into_line(qtbot, minutes, text, how)
    value = minutes.values()["topic"]
    assert len(value) == MAX_LINE_CHARS and value.count("y") == len(text)  # to the last one
    assert notices == []
    QApplication.clipboard().clear()


@OFFSCREEN_NOISE
def test_a_20_mb_paste_into_the_quick_prompt_is_refused_with_both_sizes(
        qtbot: QtBot, home: Path) -> None:
    from assistant.gui.quick_prompt import QuickPrompt

    core = build_core()
    controller = ModelController(lambda _config: FakeBackend())
    popup = QuickPrompt(core, UiState(core.paths.state_file), controller)
    qtbot.addWidget(popup)
    popup.open_with("kept")
    assert not popup.notice.isVisibleTo(popup)
    QApplication.clipboard().setText(HUGE)
    start = time.perf_counter()
    qtbot.keyClick(popup.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert time.perf_counter() - start < 2.0
    assert popup.text.toPlainText() == "kept", "refused whole, not cut"
    assert popup.notice.isVisibleTo(popup)
    said = popup.notice.text()
    assert f"{len(HUGE) + len('kept'):,}" in said and f"{MAX_FIELD_CHARS:,}" in said
    QApplication.clipboard().setText("a shorter part")
    popup.text.selectAll()
    qtbot.keyClick(popup.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert popup.text.toPlainText() == "a shorter part"
    QApplication.clipboard().clear()
    assert controller.shutdown()
