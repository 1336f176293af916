"""The quick prompt popup: pick by typing, run, copy; no double runs; Esc stops."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from assistant.backend.config import LocalModel
from assistant.backend.fake import FakeBackend
from assistant.gui.quick_prompt import QuickPrompt
from assistant.gui.worker import ModelController
from assistant.state import UiState
from assistant.wiring import build_core


@pytest.fixture
def fake() -> FakeBackend:
    return FakeBackend()


@pytest.fixture
def popup(qtbot: QtBot, home: Path, fake: FakeBackend) -> Iterator[QuickPrompt]:
    core = build_core()
    controller = ModelController(lambda *_: fake)
    with qtbot.waitSignal(controller.model_loaded, timeout=5000):
        controller.load(LocalModel(Path("fake")))
    widget = QuickPrompt(core, UiState(core.paths.state_file), controller)
    qtbot.addWidget(widget)
    yield widget
    fake.release()
    assert controller.shutdown()


def test_type_pick_run_copy(qtbot: QtBot, popup: QuickPrompt, fake: FakeBackend) -> None:
    popup.open_with("Their going tomorow.")
    assert popup.isVisible() and popup.text.toPlainText() == "Their going tomorow."
    qtbot.keyClicks(popup.search, "proofread-en")
    assert popup.matches.currentItem() is not None
    fake.enqueue("They're going ", "tomorrow.")
    with qtbot.waitSignal(popup.controller.run_ended, timeout=5000):
        qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    assert fake.calls[0][0][-1].content.endswith("Their going tomorow.")
    qtbot.waitUntil(lambda: popup.copy_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(popup.copied, timeout=5000):
        qtbot.keyClick(popup.search, Qt.Key.Key_Return)  # Enter again copies
    assert QGuiApplication.clipboard().text() == "They're going tomorrow."
    assert not popup.isVisible()


def test_no_text_captured_says_so(popup: QuickPrompt) -> None:
    popup.open_with("")
    assert popup.notice.isVisibleTo(popup) and "No text was captured" in popup.notice.text()


def test_hotkey_during_a_run_never_starts_a_second(qtbot: QtBot, popup: QuickPrompt,
                                                   fake: FakeBackend) -> None:
    popup.open_with("text one")
    qtbot.keyClicks(popup.search, "proofread-en")
    fake.hold()
    qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    qtbot.waitUntil(fake.started.is_set, timeout=5000)
    popup.open_with("text two")  # the hotkey again while running
    qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    assert popup.text.toPlainText() == "text one"
    assert len(fake.calls) == 1
    with qtbot.waitSignal(popup.controller.run_ended, timeout=5000) as finished:
        qtbot.keyClick(popup, Qt.Key.Key_Escape)  # Esc closes and stops
    assert finished.args[0].stats.finish_reason == "cancelled"
    assert not popup.isVisible()


def test_template_with_other_required_fields_shows_a_form(qtbot: QtBot, popup: QuickPrompt,
                                                          fake: FakeBackend, home: Path) -> None:
    folder = popup.core.paths.templates_dir
    (folder / "reply.md").write_text(
        '+++\ntitle = "Customer reply"\ninput = "text"\n[fields.text]\nrequired = true\n'
        '[fields.customer]\nlabel = "Customer"\nkind = "line"\nrequired = true\n+++\n'
        "Reply to {{ customer }}: {{ text }}", encoding="utf-8")
    popup.core.reload_templates()
    popup.open_with("Where is my order?")
    qtbot.keyClicks(popup.search, "customer reply")
    qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    assert popup.form.isVisibleTo(popup) and fake.calls == []
    popup.form.set_value("customer", "Ms Li")
    with qtbot.waitSignal(popup.controller.run_ended, timeout=5000):
        popup.form.submit.emit()
    assert fake.calls[0][0][-1].content == "Reply to Ms Li: Where is my order?"


def test_open_in_main_window_hands_over_values(qtbot: QtBot, popup: QuickPrompt,
                                               fake: FakeBackend) -> None:
    popup.open_with("draft text")
    qtbot.keyClicks(popup.search, "proofread-en")
    with qtbot.waitSignal(popup.controller.run_ended, timeout=5000):
        qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: popup.main_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(popup.open_in_main, timeout=5000) as opened:
        popup.main_button.click()
    assert opened.args[0] == "proofread-en" and opened.args[1]["text"] == "draft text"


def test_choosing_another_template_while_a_form_is_shown(qtbot: QtBot, popup: QuickPrompt,
                                                         fake: FakeBackend) -> None:
    folder = popup.core.paths.templates_dir
    (folder / "reply.md").write_text(
        '+++\ntitle = "Customer reply"\ninput = "text"\n[fields.text]\nrequired = true\n'
        '[fields.customer]\nkind = "line"\nrequired = true\n+++\n{{ customer }}: {{ text }}',
        encoding="utf-8")
    popup.core.reload_templates()
    popup.open_with("Teh text.")
    qtbot.keyClicks(popup.search, "customer reply")
    qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    assert popup.form.isVisibleTo(popup) and fake.calls == []
    popup.search.clear()
    qtbot.keyClicks(popup.search, "proofread-en")
    with qtbot.waitSignal(popup.controller.run_ended, timeout=5000):
        qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    assert fake.calls[0][0][-1].content == "Proofread this text:\nTeh text."


def listed(popup: QuickPrompt) -> list[str]:
    """The template ids in the popup's list, top to bottom."""
    return [str(item.data(Qt.ItemDataRole.UserRole)) for i in range(popup.matches.count())
            if (item := popup.matches.item(i)) is not None]


def test_empty_search_lists_every_template_chinese_ones_first(popup: QuickPrompt) -> None:
    popup.language = "zh_CN"
    popup.open_with("周一修复登录页 bug")
    ids = listed(popup)
    library = popup.core.library.templates
    assert sorted(ids) == sorted(library)  # all of them, the list scrolls
    chinese = {i for i, t in library.items() if t.language == "zh"}
    assert set(ids[:len(chinese)]) == chinese
    assert {"weekly-report-zh", "work-log-zh"} <= set(ids[:len(chinese)])
    assert popup.matches.currentRow() == 0


def test_recent_templates_come_first(popup: QuickPrompt) -> None:
    popup.state.remember("work-log-en", {})
    popup.state.remember("weekly-report-zh", {})
    popup.language = "zh_CN"
    popup.open_with("notes")
    assert listed(popup)[:3] == ["weekly-report-zh", "work-log-en", "meeting-minutes-zh"]


def test_pinyin_initials_pick_a_chinese_template(qtbot: QtBot, popup: QuickPrompt) -> None:
    popup.open_with("本周完成订单导出")
    qtbot.keyClicks(popup.search, "zb")
    assert listed(popup)[0] == "weekly-report-zh"


def test_nothing_matching_says_so(qtbot: QtBot, popup: QuickPrompt, fake: FakeBackend) -> None:
    popup.open_with("some text")
    qtbot.keyClicks(popup.search, "qqqzz")
    assert popup.matches.count() == 1
    line = popup.matches.item(0)
    assert line is not None and "No template matches “qqqzz”" in line.text()
    assert not line.flags() & Qt.ItemFlag.ItemIsSelectable
    qtbot.keyClick(popup.search, Qt.Key.Key_Down)
    qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    assert fake.calls == [] and not popup.main_button.isEnabled()
    popup.search.clear()
    qtbot.keyClicks(popup.search, "proofread-en")
    assert listed(popup) == ["proofread-en"] and popup.main_button.isEnabled()


def test_open_in_main_window_during_a_run_keeps_it_going(qtbot: QtBot, popup: QuickPrompt,
                                                         fake: FakeBackend) -> None:
    popup.open_with("draft text")
    qtbot.keyClicks(popup.search, "proofread-en")
    fake.hold()
    fake.enqueue("Draft ", "text.")
    qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    qtbot.waitUntil(fake.started.is_set, timeout=5000)
    assert popup.controller.busy and popup.main_button.isEnabled()
    with qtbot.waitSignal(popup.open_in_main, timeout=5000) as opened:
        popup.main_button.click()
    assert opened.args[0] == "proofread-en" and opened.args[1]["text"] == "draft text"
    # Closing the popup would stop the run: it stays, and the answer arrives in it.
    assert popup.isVisible() and popup.controller.busy
    assert "main window" in popup.status.text()
    with qtbot.waitSignal(popup.controller.run_ended, timeout=5000) as finished:
        fake.release()
    assert finished.args[0].stats.finish_reason != "cancelled"
    qtbot.waitUntil(lambda: popup.copy_button.isEnabled(), timeout=5000)
    assert popup.output.markdown() == "Draft text."
    with qtbot.waitSignal(popup.open_in_main, timeout=5000):
        popup.main_button.click()  # after the run it opens and closes, as before
    assert not popup.isVisible()


def test_open_in_main_window_before_a_run(qtbot: QtBot, popup: QuickPrompt) -> None:
    popup.open_with("minutes draft")
    qtbot.keyClicks(popup.search, "meeting-minutes-en")
    assert popup.main_button.isEnabled()
    with qtbot.waitSignal(popup.open_in_main, timeout=5000) as opened:
        popup.main_button.click()
    template = popup.core.library.templates["meeting-minutes-en"]
    assert opened.args[0] == template.id
    assert opened.args[1][template.input_field] == "minutes draft"
