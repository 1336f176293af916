"""History in the app: every run kept when it ends, found as you type, opened, run again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from waits import UI_MS

from assistant.backend.config import LocalModel
from assistant.backend.fake import FakeBackend
from assistant.gui.history_log import HistoryLog
from assistant.gui.main_window import MainWindow
from assistant.gui.quick_prompt import QuickPrompt
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.worker import ModelController
from assistant.history import EntryKind, HistoryStore, Outcome
from assistant.state import UiState
from assistant.wiring import Core, build_core

PROOFREAD = "## Corrected text\nThe weekly report is late.\n\n## Changes\n- Teh → The"


@pytest.fixture
def fake() -> FakeBackend:
    return FakeBackend()


@pytest.fixture
def core(home: Path) -> Core:
    return build_core()


@pytest.fixture
def controller(qtbot: QtBot, fake: FakeBackend) -> Iterator[ModelController]:
    controller = ModelController(lambda *_: fake)
    with qtbot.waitSignal(controller.model_loaded, timeout=UI_MS):
        controller.load(LocalModel(Path("fake.gguf")))
    yield controller
    fake.release()
    assert controller.shutdown()


@pytest.fixture
def history(core: Core, controller: ModelController) -> Iterator[HistoryLog]:
    log = HistoryLog(core.paths.history_db, lambda: core.settings.history,
                     lambda: controller.config)
    controller.run_ended.connect(log.record)
    yield log
    log.close()


@pytest.fixture
def window(qtbot: QtBot, core: Core, controller: ModelController,
           history: HistoryLog) -> MainWindow:
    flow = SettingsFlow(core, controller, lambda _setting: None)
    window = MainWindow(core, UiState(core.paths.state_file), controller, flow, "en", history)
    qtbot.addWidget(window)
    window.show()
    return window


def run(qtbot: QtBot, window: MainWindow, fake: FakeBackend, template_id: str,
        values: dict[str, str], *answer: str) -> None:
    """Run ``template_id`` from the form and wait until its entry is written."""
    assert window.select_template(template_id)
    for name, value in values.items():
        window.form.set_value(name, value)
    fake.enqueue(*answer)
    assert window.history is not None
    with qtbot.waitSignal(window.history.panel.history.saved, timeout=UI_MS):
        window.run_button.click()


def listed(qtbot: QtBot, window: MainWindow, search: str = "") -> list[str]:
    """The history tab's rows after searching for ``search``."""
    assert window.history is not None
    panel = window.history.panel
    window.history.tabs.setCurrentWidget(panel)
    with qtbot.waitSignal(panel.updated, timeout=UI_MS):
        panel.search.setText(search)
        panel.refresh()
    return [panel.list.item(row).text() for row in range(panel.list.count())]


def test_a_run_is_kept_with_everything_needed_to_find_it_again(
        qtbot: QtBot, window: MainWindow, fake: FakeBackend, core: Core) -> None:
    run(qtbot, window, fake, "proofread-en", {"text": "Teh weekly report is late."},
        "## Corrected text\n", "The weekly report is late.\n\n## Changes\n- Teh → The")
    store, _ = HistoryStore.open(core.paths.history_db)
    with store:
        [summary] = store.search()
        entry = store.get(summary.id)
    assert entry is not None and entry.kind is EntryKind.RUN
    record = entry.runs[0]
    assert record.template_id == "proofread-en" and record.outcome is Outcome.FINISHED
    assert record.values["text"] == "Teh weekly report is late."
    assert record.output == PROOFREAD and record.model == "fake"
    assert record.model_source == "file:fake.gguf"
    assert [m.part for m in record.messages][-1] == "input"
    assert record.examples_used == sum(1 for m in record.messages if m.role == "assistant")
    assert record.settings["max_tokens"] == core.params_for(window.core.library.get(
        "proofread-en")).max_tokens


def test_search_as_you_type_in_english_and_chinese(
        qtbot: QtBot, window: MainWindow, fake: FakeBackend) -> None:
    run(qtbot, window, fake, "proofread-en", {"text": "Teh weekly report is late."}, PROOFREAD)
    run(qtbot, window, fake, "weekly-report-zh", {"notes": "本周完成了周报模板的整理"},
        "## 本周完成\n- 整理周报模板")
    assert len(listed(qtbot, window)) == 2
    [english] = listed(qtbot, window, "WEEKLY report")
    assert "Proofread" in english and "Teh weekly report is late." in english
    [chinese] = listed(qtbot, window, "周报")  # two characters, inside a sentence
    assert "本周完成了周报模板的整理" in chinese
    assert listed(qtbot, window, "nothing like this") == []
    assert window.history is not None
    assert window.history.panel.empty.text() == "Nothing matches."


def test_open_puts_the_values_and_answer_back_and_run_again_repeats_them(
        qtbot: QtBot, window: MainWindow, fake: FakeBackend) -> None:
    run(qtbot, window, fake, "proofread-en", {"text": "Teh weekly report is late."}, PROOFREAD)
    assert window.select_template("weekly-report-en")
    window.form.set_value("notes", "something else")
    listed(qtbot, window)
    assert window.history is not None
    panel = window.history.panel
    panel.list.setCurrentRow(0)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)  # Enter opens
    qtbot.waitUntil(lambda: window._template is not None
                    and window._template.id == "proofread-en", timeout=UI_MS)
    assert window.form.values()["text"] == "Teh weekly report is late."
    assert window.output.markdown() == PROOFREAD
    window.copy_button.click()
    assert QApplication.clipboard().text() == "The weekly report is late."  # the result
    fake.enqueue("## Corrected text\nThe weekly report is late.")
    with qtbot.waitSignal(panel.history.saved, timeout=UI_MS):
        panel.rerun_button.click()
    assert len(fake.calls) == 2 and fake.calls[1][0][-1].content == fake.calls[0][0][-1].content
    assert len(listed(qtbot, window)) == 2


def test_copy_delete_and_clear(qtbot: QtBot, window: MainWindow, fake: FakeBackend,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    run(qtbot, window, fake, "proofread-en", {"text": "One."}, "first answer")
    run(qtbot, window, fake, "proofread-en", {"text": "Two."}, "second answer")
    rows = listed(qtbot, window)
    assert "second answer" in rows[0] and "first answer" in rows[1]  # newest first
    assert window.history is not None
    panel = window.history.panel
    panel.list.setCurrentRow(1)
    with qtbot.waitSignal(panel.notice, timeout=UI_MS):
        panel.copy_button.click()
    assert QApplication.clipboard().text() == "first answer"
    with qtbot.waitSignal(panel.history.changed, timeout=UI_MS):
        panel.delete_button.click()
    assert len(listed(qtbot, window)) == 1
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(panel.history.changed, timeout=UI_MS):
        panel.clear_button.click()
    assert listed(qtbot, window) == [] and panel.empty.text().startswith("No runs yet.")


def test_a_stopped_run_is_kept_with_its_partial_answer_marked(
        qtbot: QtBot, window: MainWindow, fake: FakeBackend, core: Core) -> None:
    assert window.select_template("revise-en")
    window.form.set_value("text", "A long text.")
    fake.hold(after=1)
    fake.enqueue("Half of ", "the answer")
    window.run_button.click()
    qtbot.waitUntil(lambda: window.output.markdown() == "Half of ", timeout=UI_MS)
    assert window.history is not None
    with qtbot.waitSignal(window.history.panel.history.saved, timeout=UI_MS):
        window.stop_button.click()
    [row] = listed(qtbot, window)
    assert "stopped" in row and "Half of" in row
    store, _ = HistoryStore.open(core.paths.history_db)
    with store:
        entry = store.get(store.search()[0].id)
    assert entry is not None and entry.runs[0].outcome is Outcome.STOPPED
    assert entry.runs[0].output == "Half of "


def test_a_quick_prompt_run_is_kept_too(qtbot: QtBot, window: MainWindow, fake: FakeBackend,
                                        core: Core, controller: ModelController) -> None:
    popup = QuickPrompt(core, window.state, controller)
    qtbot.addWidget(popup)
    popup.open_with("Teh weekly report is late.")
    qtbot.keyClicks(popup.search, "proofread-en")
    fake.enqueue(PROOFREAD)
    assert window.history is not None
    with qtbot.waitSignal(window.history.panel.history.saved, timeout=UI_MS):
        qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    assert len(listed(qtbot, window, "weekly")) == 1


def test_history_off_keeps_nothing(qtbot: QtBot, window: MainWindow, fake: FakeBackend,
                                   core: Core) -> None:
    core.save_settings(core.settings.replace(history=False))
    assert window.select_template("proofread-en")
    window.form.set_value("text", "Not kept.")
    fake.enqueue("answer")
    with qtbot.waitSignal(window.controller.run_ended, timeout=UI_MS):
        window.run_button.click()
    assert window.history is not None
    window.history.panel.history.wait()
    assert listed(qtbot, window) == []
    assert window.output.markdown() == "answer"


def test_a_history_that_cannot_be_written_is_reported_and_the_answer_stays(
        qtbot: QtBot, home: Path, fake: FakeBackend, controller: ModelController) -> None:
    core = build_core()
    core.paths.history_db.mkdir(parents=True)  # a folder where the file should be
    log = HistoryLog(core.paths.history_db, lambda: True, lambda: controller.config)
    try:
        controller.run_ended.connect(log.record)
        flow = SettingsFlow(core, controller, lambda _setting: None)
        window = MainWindow(core, UiState(core.paths.state_file), controller, flow, "en", log)
        qtbot.addWidget(window)
        problems: list[str] = []
        log.problem.connect(problems.append)
        assert window.select_template("proofread-en")
        window.form.set_value("text", "Kept on screen.")
        fake.enqueue("the answer")
        with qtbot.waitSignal(controller.run_ended, timeout=UI_MS):
            window.run_button.click()
        log.wait()
        qtbot.waitUntil(lambda: bool(problems), timeout=UI_MS)
        assert str(core.paths.history_db) in problems[0]
        assert window.output.markdown() == "the answer" and window.copy_button.isEnabled()
    finally:
        log.close()
