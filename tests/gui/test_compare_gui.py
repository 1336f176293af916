"""The compare window: with and without examples (or another template), side by side."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

# The profile, the fake model and the history, set up as the history's own tests do.
from test_history_gui import controller, core, fake, history  # noqa: F401
from waits import UI_MS

from assistant.backend.config import LocalModel
from assistant.backend.fake import FakeBackend
from assistant.gui.compare_window import CompareWindow, differences_html
from assistant.gui.history_log import HistoryLog
from assistant.gui.worker import ModelController
from assistant.history import EntryKind, HistoryStore
from assistant.prompt import Part
from assistant.wiring import Core

TEXT = {"text": "Teh report is late."}


@pytest.fixture
def window(qtbot: QtBot, core: Core, controller: ModelController,
           history: HistoryLog) -> CompareWindow:
    window = CompareWindow(core, controller, history, "en")
    qtbot.addWidget(window)
    window.set_input(core.library.get("proofread-en"), TEXT)
    window.show()
    return window


def compare(qtbot: QtBot, window: CompareWindow, fake: FakeBackend, *answers: str) -> None:
    for answer in answers:
        fake.enqueue(answer)
    with qtbot.waitSignal(window.finished, timeout=UI_MS):
        window.run_button.click()


def entries(core: Core) -> list[object]:
    store, _ = HistoryStore.open(core.paths.history_db)
    with store:
        return [store.get(summary.id) for summary in store.search()]


def test_with_and_without_examples_side_by_side(qtbot: QtBot, window: CompareWindow,
                                                fake: FakeBackend, core: Core,
                                                history: HistoryLog) -> None:
    assert window.against.currentIndex() == 0  # the default: the product's claim
    compare(qtbot, window, fake, "## Corrected text\nThe report is late.", "The report is late")
    with_examples, without = (messages for messages, _ in fake.calls)
    assert any(m.part is Part.EXAMPLE for m in with_examples)
    assert not any(m.part is Part.EXAMPLE for m in without)
    assert with_examples[-1] == without[-1]  # the same input
    assert fake.calls[0][1].seed == fake.calls[1][1].seed is not None  # the same sampling
    left, right = window.columns
    assert (left.title.text(), right.title.text()) == ("With examples", "Without examples")
    assert left.output.markdown() == "## Corrected text\nThe report is late."
    assert right.output.markdown() == "The report is late"
    assert "prompt tokens" in left.figures.text() and "prompt tokens" in right.figures.text()
    history.wait()
    (entry,) = entries(core)
    assert entry.kind is EntryKind.COMPARE  # type: ignore[attr-defined]
    assert [run.variant for run in entry.runs] == ["With examples", "Without examples"]  # type: ignore[attr-defined]


def test_differences_are_marked_word_by_word(qtbot: QtBot, window: CompareWindow,
                                             fake: FakeBackend) -> None:
    compare(qtbot, window, fake, "The report is late.", "The report is very late!")
    window.highlight.setChecked(True)
    left, right = window.columns
    assert left.views.currentWidget() is left.marked
    assert left.marked.toPlainText() == "The report is late."
    assert right.marked.toPlainText() == "The report is very late!"
    old, new = differences_html("The report is late.", "The report is very late!")
    assert '">very </span>' in new and '">.</span>' in old and '">!</span>' in new
    old, new = differences_html("a b c", "a x c")
    assert '">b</span>' in old and '">x</span>' in new and '">b<' not in new
    window.highlight.setChecked(False)
    assert left.views.currentWidget() is left.output


def test_against_another_template_gives_it_the_same_input(
        qtbot: QtBot, window: CompareWindow, fake: FakeBackend, core: Core) -> None:
    window.against.setCurrentIndex(1)
    assert window.other.isVisibleTo(window)
    window.other.setCurrentIndex(window.other.findData("revise-en"))
    compare(qtbot, window, fake, "one", "two")
    revise = core.library.get("revise-en")
    first, second = (messages for messages, _ in fake.calls)
    assert second[0].content != first[0].content  # revise-en's own system message
    assert "Teh report is late." in second[-1].content  # in its input field, "text" or not
    assert window.columns[1].title.text() == revise.title


def test_stop_during_the_first_side_runs_no_second_and_keeps_nothing(
        qtbot: QtBot, window: CompareWindow, fake: FakeBackend, core: Core,
        history: HistoryLog) -> None:
    fake.hold(after=1)
    fake.enqueue("Half ", "of it")
    window.run_button.click()
    qtbot.waitUntil(lambda: window.columns[0].output.markdown() == "Half ", timeout=UI_MS)
    assert window.stop_button.isEnabled()
    with qtbot.waitSignal(window.finished, timeout=UI_MS):
        window.stop_button.click()
    assert len(fake.calls) == 1 and window.status.text() == "Stopped."
    history.wait()
    assert entries(core) == []


def test_saved_as_markdown(qtbot: QtBot, window: CompareWindow, fake: FakeBackend,
                           tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compare(qtbot, window, fake, "answer one", "answer two")
    target = tmp_path / "compare.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "Markdown (*.md)"))
    window.export_button.click()
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Proofread: With examples / Without examples")
    assert text.index("answer one") < text.index("answer two")
    assert "> Teh report is late." in text


def test_the_tools_menu_opens_it_on_the_form(qtbot: QtBot, core: Core,
                                             controller: ModelController,
                                             history: HistoryLog, fake: FakeBackend) -> None:
    from assistant.gui.main_window import MainWindow
    from assistant.gui.settings_panel import SettingsFlow
    from assistant.state import UiState

    flow = SettingsFlow(core, controller, lambda _setting: None)
    main = MainWindow(core, UiState(core.paths.state_file), controller, flow, "en", history)
    qtbot.addWidget(main)
    assert main.select_template("revise-en")
    main.form.set_value("text", "Shorten this sentence, which is long.")
    main.menus.compare_action.trigger()
    window = main.findChild(CompareWindow)
    assert window is not None and window.isVisible()
    assert window.windowTitle() == "Compare: Revise a document"
    compare(qtbot, window, fake, "Shorter.", "Short")
    assert all("Shorten this sentence, which is long." in messages[-1].content
               for messages, _ in fake.calls)


def test_against_another_model_loads_it_for_its_run_only(
        qtbot: QtBot, core: Core, tmp_path: Path, model_path: Path) -> None:
    loaded, other = FakeBackend(name="loaded"), FakeBackend(name="other")
    made: list[object] = []

    def factory(config: object) -> FakeBackend:
        made.append(config)
        return loaded if len(made) == 1 else other

    controller = ModelController(factory)
    with qtbot.waitSignal(controller.model_loaded, timeout=UI_MS):
        controller.load(LocalModel(Path("loaded.gguf")))
    log = HistoryLog(core.paths.history_db, lambda: True, lambda: controller.config)
    try:
        core.paths.models_dir.mkdir(parents=True, exist_ok=True)
        second = core.paths.models_dir / "second-model.gguf"
        second.symlink_to(model_path)  # a real GGUF header, read without loading it
        window = CompareWindow(core, controller, log, "en")
        qtbot.addWidget(window)
        window.set_input(core.library.get("proofread-en"), TEXT)
        window.against.setCurrentIndex(2)
        assert not window.models.isHidden() and window.other.isHidden()
        window.models.setCurrentIndex(window.models.findData(str(second)))
        assert [c.title.text() for c in window.columns] == ["loaded.gguf", "second-model.gguf"]
        loaded.enqueue("from the loaded model")
        other.enqueue("from the second model")
        with qtbot.waitSignal(window.finished, timeout=UI_MS):
            window.run_button.click()
        assert [c.output.markdown() for c in window.columns] == [
            "from the loaded model", "from the second model"]
        assert len(made) == 2 and made[1].path == second  # type: ignore[attr-defined]
        assert other.closed and not loaded.closed  # the loaded model stays loaded
        assert controller.config == LocalModel(Path("loaded.gguf"))
        log.wait()
        store, _ = HistoryStore.open(core.paths.history_db)
        with store:
            (entry,) = [store.get(s.id) for s in store.search()]
        assert entry is not None
        assert [run.model_source for run in entry.runs] == [
            "file:loaded.gguf", f"file:{second}"]
    finally:
        log.close()
        assert controller.shutdown()


def test_another_model_that_cannot_load_ends_the_compare_with_its_reason(
        qtbot: QtBot, core: Core, model_path: Path) -> None:
    from assistant.errors import ModelError

    def factory(config: object) -> FakeBackend:
        if getattr(config, "path", None) == Path("loaded.gguf"):
            return FakeBackend(name="loaded")
        raise ModelError("second-model.gguf: not enough memory for a second model.")

    controller = ModelController(factory)
    with qtbot.waitSignal(controller.model_loaded, timeout=UI_MS):
        controller.load(LocalModel(Path("loaded.gguf")))
    try:
        core.paths.models_dir.mkdir(parents=True, exist_ok=True)
        (core.paths.models_dir / "second-model.gguf").symlink_to(model_path)
        window = CompareWindow(core, controller, None, "en")
        qtbot.addWidget(window)
        window.set_input(core.library.get("proofread-en"), TEXT)
        window.against.setCurrentIndex(2)
        window.models.setCurrentIndex(window.models.findText("second-model"))
        with qtbot.waitSignal(window.finished, timeout=UI_MS):
            window.run_button.click()
        assert "not enough memory" in window.columns[1].figures.text()
        assert controller.state == "ready"  # the loaded model is still there
    finally:
        assert controller.shutdown()
