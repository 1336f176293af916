"""Copy and Replace take the result; rewrites are shown as tracked changes to accept or reject."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from waits import UI_MS

from assistant.backend.config import LocalModel
from assistant.backend.fake import FakeBackend
from assistant.gui.changes_view import ChangesView
from assistant.gui.main_window import MainWindow
from assistant.gui.quick_prompt import QuickPrompt
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.worker import ModelController
from assistant.state import UiState
from assistant.wiring import build_core

PROOFREAD = "## Corrected text\nThe report is late.\n\n## Changes\n- Teh → The"


@pytest.fixture
def fake() -> FakeBackend:
    return FakeBackend()


@pytest.fixture
def controller(qtbot: QtBot, home: Path, fake: FakeBackend) -> Iterator[ModelController]:
    controller = ModelController(lambda *_: fake)
    with qtbot.waitSignal(controller.model_loaded, timeout=UI_MS):
        controller.load(LocalModel(Path("fake")))
    yield controller
    fake.release()
    assert controller.shutdown()


@pytest.fixture
def window(qtbot: QtBot, controller: ModelController) -> MainWindow:
    core = build_core()
    flow = SettingsFlow(core, controller, lambda _setting: None)
    window = MainWindow(core, UiState(core.paths.state_file), controller, flow, "en")
    qtbot.addWidget(window)
    window.show()
    return window


def run(qtbot: QtBot, window: MainWindow, fake: FakeBackend, template_id: str,
        values: dict[str, str], answer: str) -> None:
    assert window.select_template(template_id)
    for name, value in values.items():
        window.form.set_value(name, value)
    fake.enqueue(answer)
    with qtbot.waitSignal(window.controller.run_ended, timeout=UI_MS):
        window.run_button.click()
    qtbot.waitUntil(window.copy_button.isEnabled, timeout=UI_MS)


def clipboard() -> str:
    return QApplication.clipboard().text()


def test_copy_takes_the_corrected_text_and_copy_all_the_answer(
        qtbot: QtBot, window: MainWindow, fake: FakeBackend) -> None:
    run(qtbot, window, fake, "proofread-en", {"text": "Teh report is late."}, PROOFREAD)
    panel = window.result
    assert panel.stack.currentWidget() is panel.changes  # tracked changes when finished
    assert [(c.old, c.new) for c in panel.changes.changes] == [("Teh", "The")]
    assert panel.changes.count.text() == "1 of 1 changes accepted"
    window.copy_button.click()
    assert clipboard() == "The report is late."
    assert window.statusBar().currentMessage() == "Copied the result (19 characters)."
    window.copy_all_button.click()
    assert clipboard() == PROOFREAD
    panel.show_changes(False)  # back to the answer as written
    assert panel.stack.currentWidget() is window.output
    window.copy_button.click()
    assert clipboard() == "The report is late."  # Copy still takes the result


def test_a_rejected_change_is_left_out(qtbot: QtBot, window: MainWindow,
                                       fake: FakeBackend) -> None:
    answer = "## Corrected text\nThe report is very late.\n\n## Changes\n- Teh → The\n- very"
    run(qtbot, window, fake, "proofread-en", {"text": "Teh report is late."}, answer)
    view = window.result.changes
    assert [(c.old, c.new) for c in view.changes] == [("Teh", "The"), ("", "very ")]
    view.toggle(0)
    assert view.count.text() == "1 of 2 changes accepted" and view.rejected == {0}
    window.copy_button.click()
    assert clipboard() == "Teh report is very late."
    view.reject_all_button.click()
    window.copy_button.click()
    assert clipboard() == "Teh report is late."
    view.accept_all_button.click()
    window.copy_button.click()
    assert clipboard() == "The report is very late."


def test_a_malformed_answer_is_copied_whole_with_a_notice(
        qtbot: QtBot, window: MainWindow, fake: FakeBackend) -> None:
    answer = "Here you go: The report is late."
    run(qtbot, window, fake, "proofread-en", {"text": "Teh report is late."}, answer)
    assert "no 'Corrected text' section" in window.statusBar().currentMessage()
    assert window.result.stack.currentWidget() is window.output  # no changes for a whole answer
    window.copy_button.click()
    assert clipboard() == answer
    assert window.statusBar().currentMessage() == "Copied the answer (32 characters)."


def test_chinese_proofreading(qtbot: QtBot, window: MainWindow, fake: FakeBackend) -> None:
    answer = "## 修改后全文\n我们明天再开会，请准时参加吧。\n\n## 修改说明\n1. “门”→“们”\n2. “把”→“吧”"
    run(qtbot, window, fake, "proofread-zh", {"text": "我门明天再开会，请准时参加把。"}, answer)
    view = window.result.changes
    assert [(c.old, c.new) for c in view.changes] == [("门", "们"), ("把", "吧")]
    view.toggle(1)
    window.copy_button.click()
    assert clipboard() == "我们明天再开会，请准时参加把。"


def test_phrasing_copies_the_chosen_version(qtbot: QtBot, window: MainWindow,
                                            fake: FakeBackend) -> None:
    answer = ("### 1. Formal\n> Delivery will be a week late.\n\n"
              "### 2. Friendly\n> Heads up: we need one more week.\n\n"
              "### 3. Short\n> A week late, sorry.")
    run(qtbot, window, fake, "phrasing-en", {"draft": "delivery is late"}, answer)
    panel = window.result
    assert panel.versions.isVisibleTo(window) and panel.versions.count() == 3
    assert not panel.changes_button.isVisibleTo(window)  # nothing to compare against
    window.copy_button.click()
    assert clipboard().startswith("> Delivery will be a week late.")
    panel.versions.setCurrentIndex(1)
    window.copy_button.click()
    assert "one more week" in clipboard() and "Formal" not in clipboard()
    window.copy_all_button.click()
    assert clipboard() == answer


def test_choices_are_kept_when_going_to_another_template_and_back(
        qtbot: QtBot, window: MainWindow, fake: FakeBackend) -> None:
    answer = "## Corrected text\nThe report is very late.\n\n## Changes\n- Teh → The\n- very"
    run(qtbot, window, fake, "proofread-en", {"text": "Teh report is late."}, answer)
    window.result.changes.toggle(1)
    run(qtbot, window, fake, "phrasing-en", {"draft": "late"},
        "### 1. A\n> one\n\n### 2. B\n> two")
    window.result.versions.setCurrentIndex(1)
    assert window.select_template("proofread-en")
    assert window.result.changes.rejected == {1}
    assert window.result.changes.count.text() == "1 of 2 changes accepted"
    window.copy_button.click()
    assert clipboard() == "The report is late."
    assert window.select_template("phrasing-en")
    assert window.result.versions.currentIndex() == 1
    window.copy_button.click()
    assert clipboard() == "> two"


def test_a_stopped_run_shows_no_changes(qtbot: QtBot, window: MainWindow,
                                        fake: FakeBackend) -> None:
    assert window.select_template("proofread-en")
    window.form.set_value("text", "Teh report is late.")
    fake.hold()
    fake.enqueue("## Corrected text\nThe")
    window.run_button.click()
    qtbot.waitUntil(fake.started.is_set, timeout=UI_MS)
    with qtbot.waitSignal(window.controller.run_ended, timeout=UI_MS):
        window.stop_button.click()
        fake.release()
    assert window.result.stack.currentWidget() is window.output


def test_changes_are_toggled_by_keyboard(qtbot: QtBot) -> None:
    from assistant.changes import compare

    view = ChangesView()
    qtbot.addWidget(view)
    view.set_pieces(compare("Their going tomorow.", "They're going tomorrow."))
    view.show()
    view.browser.setFocus()
    qtbot.keyClick(view.browser, Qt.Key.Key_Tab)  # to the first change
    qtbot.keyClick(view.browser, Qt.Key.Key_Return)
    assert view.rejected == {0}
    assert view.text() == "Their going tomorrow."
    assert "rejected" in view.describe(view.changes[0])


@pytest.fixture
def popup(qtbot: QtBot, controller: ModelController) -> QuickPrompt:
    core = build_core()
    widget = QuickPrompt(core, UiState(core.paths.state_file), controller)
    qtbot.addWidget(widget)
    return widget


def quick_run(qtbot: QtBot, popup: QuickPrompt, fake: FakeBackend, text: str, template: str,
              answer: str) -> None:
    popup.open_with(text)
    qtbot.keyClicks(popup.search, template)
    fake.enqueue(answer)
    with qtbot.waitSignal(popup.controller.run_ended, timeout=UI_MS):
        qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    qtbot.waitUntil(popup.replace_button.isEnabled, timeout=UI_MS)


def test_quick_replace_emits_the_accepted_text(qtbot: QtBot, popup: QuickPrompt,
                                               fake: FakeBackend) -> None:
    answer = "## Corrected text\nThe report is very late.\n\n## Changes\n- Teh → The"
    quick_run(qtbot, popup, fake, "Teh report is late.", "proofread-en", answer)
    assert popup.result.stack.currentWidget() is popup.result.changes
    popup.result.changes.toggle(1)  # leave "very" out
    with qtbot.waitSignal(popup.replace_requested, timeout=UI_MS) as replaced:
        popup.replace_button.click()
    assert replaced.args == ["The report is late."]


def test_quick_copy_of_a_malformed_answer_says_so(qtbot: QtBot, popup: QuickPrompt,
                                                  fake: FakeBackend) -> None:
    quick_run(qtbot, popup, fake, "Teh report is late.", "proofread-en", "The report is late!")
    assert popup.notice.isVisibleTo(popup) and "Corrected text" in popup.notice.text()
    with qtbot.waitSignal(popup.copied, timeout=UI_MS) as copied:
        popup.copy_button.click()
    assert copied.args == ["The report is late!"] and clipboard() == "The report is late!"


def test_quick_copy_all_takes_the_whole_answer(qtbot: QtBot, popup: QuickPrompt,
                                               fake: FakeBackend) -> None:
    answer = "## Corrected text\nThe report is late.\n\n## Changes\n- Teh → The"
    quick_run(qtbot, popup, fake, "Teh report is late.", "proofread-en", answer)
    assert popup.copy_all_button.isVisibleTo(popup)
    with qtbot.waitSignal(popup.copied, timeout=UI_MS) as copied:
        popup.copy_all_button.click()
    assert copied.args == [answer] and clipboard() == answer


def test_quick_copy_all_is_hidden_when_copy_takes_everything(
        qtbot: QtBot, popup: QuickPrompt, fake: FakeBackend) -> None:
    quick_run(qtbot, popup, fake, "We met on Monday.", "minutes-en", "# Minutes\n- met")
    assert popup.replace_button.isEnabled() and not popup.copy_all_button.isVisibleTo(popup)
