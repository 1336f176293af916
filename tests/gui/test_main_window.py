"""The main window, driven as a user would: search, fill, run, stop, switch language."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from waits import SLOW_MS, UI_MS, ask_for_few_tokens

from assistant.backend import Backend
from assistant.backend.config import BackendConfig, open_backend
from assistant.backend.fake import FakeBackend
from assistant.errors import ModelError
from assistant.gui.i18n import Translations
from assistant.gui.main_window import MainWindow
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.worker import Job, ModelController
from assistant.state import UiState
from assistant.wiring import build_core

Factory = Callable[[BackendConfig], Backend]


@pytest.fixture
def make_window(qtbot: QtBot, home: Path) -> Iterator[Callable[[Factory], MainWindow]]:
    windows: list[MainWindow] = []
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]

    def make(factory: Factory) -> MainWindow:
        core = build_core()
        controller = ModelController(factory)

        def set_language(setting: str) -> None:
            translations.apply(setting)

        flow = SettingsFlow(core, controller, set_language)
        window = MainWindow(core, UiState(core.paths.state_file), controller, flow, "en")
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    translations.apply("en")
    for window in windows:
        assert window.controller.shutdown()


def loaded(qtbot: QtBot, window: MainWindow) -> MainWindow:
    with qtbot.waitSignal(window.controller.model_loaded, timeout=SLOW_MS):
        window.load_model()
    return window


def pick(qtbot: QtBot, window: MainWindow, text: str) -> None:
    search = window.picker.findChild(QLineEdit, "search")
    assert search is not None
    qtbot.keyClicks(search, text)
    qtbot.keyClick(search, Qt.Key.Key_Return)


def ready(qtbot: QtBot, make_window: Callable[[Factory], MainWindow], template_id: str,
          field: str, value: str) -> tuple[MainWindow, FakeBackend]:
    """A window on a fake model, with ``template_id`` shown and one field filled."""
    fake = FakeBackend()
    window = loaded(qtbot, make_window(lambda *_: fake))
    window.select_template(template_id)
    window.form.set_value(field, value)
    return window, fake


@pytest.mark.model
def test_full_run_on_the_embedded_model(qtbot: QtBot, make_window: Callable[[Factory], MainWindow],
                                        model_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = loaded(qtbot, make_window(open_backend))
    ask_for_few_tokens(monkeypatch, window.core)
    pick(qtbot, window, "proofr")
    assert window._template is not None and window._template.id.startswith("proofread-")
    window.form.set_value("text", "Their going to the meeting tomorow, its important.")
    chunks: list[str] = []
    window.controller.run_started.connect(lambda run: run.chunk.connect(chunks.append))
    with qtbot.waitSignal(window.controller.run_ended, timeout=SLOW_MS):
        qtbot.mouseClick(window.run_button, Qt.MouseButton.LeftButton)
    assert chunks, "the answer should stream in chunks"
    assert window.output.markdown() == "".join(chunks)
    qtbot.waitUntil(lambda: chunks[-1].strip()[-5:] in window.output.toPlainText(), timeout=5000)
    assert "prompt tokens" in window.stats_label.text()
    assert window.copy_button.isEnabled() and window.regenerate_button.isEnabled()


@pytest.mark.model
def test_stop_during_prompt_processing_on_the_real_model(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow], model_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = loaded(qtbot, make_window(open_backend))
    ask_for_few_tokens(monkeypatch, window.core, 16)  # stopped before any is made
    pick(qtbot, window, "revise a")
    window.form.set_value("text", "The project review covered budgets and hiring. " * 150)
    window.controller.run_started.connect(
        lambda run: run.planned.connect(lambda _plan: window.stop_button.click()))
    with qtbot.waitSignal(window.controller.run_ended, timeout=SLOW_MS) as finished:
        window.run_button.click()
    assert finished.args[0].stats.finish_reason == "cancelled"
    assert "stopped" in window.stats_label.text()
    assert not window.stop_button.isEnabled() and window.run_button.isEnabled()


def test_run_streams_into_the_pane_and_stop_works(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    window, fake = ready(qtbot, make_window, "weekly-report-en", "notes", "Fixed the login bug.")
    fake.enqueue("## Done\n", "- Fixed the ", "login bug\n")
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
        window.run_button.click()
    assert window.output.markdown() == "## Done\n- Fixed the login bug\n"
    assert "Fixed the login bug." in fake.calls[0][0][-1].content
    fake.hold()
    window.run_button.click()
    qtbot.waitUntil(fake.started.is_set, timeout=5000)
    assert window.stop_button.isEnabled() and not window.run_button.isEnabled()
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000) as finished:
        window.stop_button.click()
    assert finished.args[0].stats.finish_reason == "cancelled"


def test_missing_required_field_is_named_and_nothing_runs(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    window, fake = ready(qtbot, make_window, "weekly-report-en", "notes", "")
    window.run_button.click()
    assert fake.calls == []
    notes = window._template.field("notes") if window._template else None
    assert notes is not None and notes.label in window.statusBar().currentMessage()


def test_values_are_remembered_across_restarts(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    window, _fake = ready(qtbot, make_window, "proofread-zh", "text", "我们在次讨论了这个问题。")
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
        window.run_button.click()
    window.close()
    again = make_window(lambda *_: FakeBackend())
    assert again._template is not None and again._template.id == "proofread-zh"
    assert again.form.values()["text"] == "我们在次讨论了这个问题。"


def test_language_switch_translates_the_window(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    window = make_window(lambda *_: FakeBackend())
    assert window.run_button.text() == "Run"
    window.settings_flow.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.run_button.text() == "运行", timeout=5000)
    assert window.windowTitle() == "日常办公助手"
    window.settings_flow.set_language("en")
    qtbot.waitUntil(lambda: window.run_button.text() == "Run", timeout=5000)


def test_template_folder_is_watched(qtbot: QtBot,
                                    make_window: Callable[[Factory], MainWindow]) -> None:
    window = make_window(lambda *_: FakeBackend())
    folder = window.core.paths.templates_dir
    (folder / "standup.md").write_text('+++\ntitle = "Stand-up"\n+++\nSummarise: {{ text }}',
                                       encoding="utf-8")
    qtbot.waitUntil(lambda: "standup" in window.core.library.templates, timeout=10000)
    assert window.select_template("standup")
    (folder / "standup.md").write_text('+++\ntitle = "Daily stand-up"\n+++\n{{ text }}',
                                       encoding="utf-8")
    qtbot.waitUntil(lambda: window.title.text() == "Daily stand-up", timeout=10000)
    (folder / "broken.md").write_text('+++\ntitle = 1\n+++\n', encoding="utf-8")
    qtbot.waitUntil(lambda: any(e.template_id == "broken" for e in window.core.library.errors),
                    timeout=10000)
    assert window.select_template("standup")  # the others keep working


def test_model_failure_keeps_the_window_usable(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    def broken(config: BackendConfig) -> Backend:
        raise ModelError(f"{config.describe()}: not a GGUF file")

    window = make_window(broken)
    with qtbot.waitSignal(window.controller.model_failed, timeout=5000):
        window.load_model()
    assert window.banner.isVisible()
    assert "not a GGUF file" in window.banner.text() and "Settings" in window.banner.text()
    assert not window.run_button.isEnabled()
    assert window.select_template("proofread-en")  # templates still work


def test_model_error_reads_in_chinese_and_once(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow], qapp: QApplication,
        tmp_path: Path) -> None:
    from assistant.gguf import read_gguf
    from assistant.gui.i18n import Translations

    def missing(config: BackendConfig) -> Backend:
        read_gguf(tmp_path / "qwen.gguf")
        raise AssertionError("the file does not exist")

    translations = Translations(qapp)
    translations.apply("zh_CN")
    try:
        window = make_window(missing)
        with qtbot.waitSignal(window.controller.model_failed, timeout=5000):
            window.load_model()
        text = window.banner.text()
        assert "找不到模型文件" in text and str(tmp_path / "qwen.gguf") in text
        assert text.count("选择其他模型") == 1, text  # the reason says it; the link does it
        assert "Model file" not in text and "Settings" not in text
    finally:
        translations.apply("en")


def test_closing_while_generating_stops_cleanly(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    window, fake = ready(qtbot, make_window, "proofread-en", "text", "teh")
    fake.hold()
    window.run_button.click()
    qtbot.waitUntil(fake.started.is_set, timeout=5000)
    window.close()
    assert fake.closed
    assert not window.controller._thread.isRunning()


class UrlCatcher(QObject):
    """Stands in for the desktop: records what the app asked it to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened() -> Iterator[UrlCatcher]:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "handle")
    yield catcher
    QDesktopServices.unsetUrlHandler("file")


def test_customize_copies_the_builtin_and_opens_it(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow], opened: UrlCatcher) -> None:
    window = make_window(lambda *_: FakeBackend())
    window.select_template("proofread-en")
    with qtbot.waitSignal(window.templates.created, timeout=UI_MS):
        window.menus.customize_action.trigger()
    target = window.core.paths.templates_dir / "proofread-en.md"
    assert target.is_file()
    assert [url.toLocalFile() for url in opened.urls] == [str(target)]
    assert window._template is not None and window._template.source.value == "user"


def test_open_template_folder(qtbot: QtBot, make_window: Callable[[Factory], MainWindow],
                              opened: UrlCatcher) -> None:
    window = make_window(lambda *_: FakeBackend())
    window.menus.folder_action.trigger()
    assert [url.toLocalFile() for url in opened.urls] == [str(window.core.paths.templates_dir)]


def test_prompt_inspector_shows_sections(qtbot: QtBot,
                                         make_window: Callable[[Factory], MainWindow]) -> None:
    fake = FakeBackend(n_ctx=4096)
    window = loaded(qtbot, make_window(lambda *_: fake))
    window.select_template("weekly-report-en")
    window.form.set_value("notes", "Fixed the login bug.")
    window.inspect_button.click()  # planned on the model thread; it opens when ready
    qtbot.waitUntil(lambda: window.inspector.isVisible(), timeout=5000)
    assert "Fixed the login bug." in window.inspector.prompt_view.toPlainText()
    rows = window.inspector.tokens_table.rowCount()
    assert rows >= 5  # system, examples, input, answer, free (+ total)


def test_close_to_tray_keeps_the_model_and_quit_is_explicit(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    fake = FakeBackend()
    window = loaded(qtbot, make_window(lambda *_: fake))
    window.hide_on_close = True
    with qtbot.waitSignal(window.closed_to_tray, timeout=UI_MS):
        window.close()
    assert not window.isVisible() and not fake.closed
    window.bring_forward()
    assert window.isVisible()
    with qtbot.waitSignal(window.quit_requested, timeout=UI_MS):
        window.menus.quit_action.trigger()


def test_hand_over_from_the_quick_prompt(qtbot: QtBot,
                                         make_window: Callable[[Factory], MainWindow]) -> None:
    window = make_window(lambda *_: FakeBackend())
    window.open_with_values("revise-en", {"text": "Make this shorter please.", "bogus": "x"})
    assert window._template is not None and window._template.id == "revise-en"
    assert window.form.values()["text"] == "Make this shorter please."


def test_a_quick_run_moves_to_the_main_window_and_streams_on(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    from assistant.gui.quick_prompt import QuickPrompt

    window, fake = ready(qtbot, make_window, "revise-en", "text", "x")  # another template shown
    popup = QuickPrompt(window.core, window.state, window.controller)
    qtbot.addWidget(popup)
    popup.open_in_main.connect(window.open_with_values)
    popup.open_with("teh report is late")
    qtbot.keyClicks(popup.search, "proofread-en")
    fake.hold()
    fake.enqueue("The report ", "is late.")
    qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    qtbot.waitUntil(fake.started.is_set, timeout=5000)
    popup.main_button.click()
    assert not popup.isVisible() and window.controller.busy  # closed, the run goes on
    assert window._template is not None and window._template.id == "proofread-en"
    assert window.stop_button.isEnabled()
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000) as finished:
        fake.release()
    assert finished.args[0].stats.finish_reason != "cancelled"
    qtbot.waitUntil(window.copy_button.isEnabled, timeout=5000)
    assert window.output.markdown() == "The report is late."
    assert popup.output.markdown() == ""  # nothing streamed into the closed popup


def test_a_quick_run_does_not_stream_into_the_main_window(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    # Same template on both: nothing but the Run object decides where chunks go.
    from assistant.gui.quick_prompt import QuickPrompt

    window, fake = ready(qtbot, make_window, "proofread-en", "text", "Teh report.")
    fake.enqueue("## Corrected text\nThe report.")
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
        window.run_button.click()
    popup = QuickPrompt(window.core, window.state, window.controller)
    qtbot.addWidget(popup)
    popup.open_with("Its late.")
    qtbot.keyClicks(popup.search, "proofread-en")
    fake.enqueue("## Corrected text\nIt's late.")
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
        qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    assert popup.output.markdown() == "## Corrected text\nIt's late."
    assert window.output.markdown() == "## Corrected text\nThe report."
    assert window.result.text() == "The report."


def test_a_handed_over_run_keeps_the_answer_so_far(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    window, fake = ready(qtbot, make_window, "revise-en", "text", "x")
    template = window.core.library.get("proofread-en")
    fake.hold(after=1)
    fake.enqueue("The report ", "is late.")
    job = Job(template, {"text": "teh report"}, True, window.core.params_for(template),
              window._context())
    run = window.controller.run(job)  # as the quick prompt starts one
    assert run is not None
    qtbot.waitUntil(lambda: run.text == "The report ", timeout=5000)
    window.open_with_values("proofread-en", {"text": "teh report"}, run)
    assert run.handed_over and window.output.markdown() == "The report "
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
        fake.release()
    qtbot.waitUntil(window.copy_button.isEnabled, timeout=5000)
    assert window.output.markdown() == "The report is late."


def test_save_a_good_answer_as_an_example(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    fake = FakeBackend()
    window = loaded(qtbot, make_window(lambda *_: fake))
    window.select_template("proofread-en")
    before = len(window.core.library.get("proofread-en").examples)
    window.form.set_value("text", "Teh report is late.")
    fake.enqueue("## Corrected text\n", "The report is late.")
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
        window.run_button.click()
    assert window.example_button.isEnabled()
    with qtbot.waitSignal(window.templates.reloaded, timeout=UI_MS):
        window.example_button.click()
    saved = window.core.paths.templates_dir / "proofread-en.examples.toml"
    assert "The report is late." in saved.read_text(encoding="utf-8")
    template = window.core.library.get("proofread-en")
    assert len(template.examples) == before + 1
    assert template.examples[-1].values["text"] == "Teh report is late."
    assert not window.example_button.isEnabled()
    # The next run sends it: the last example before the input is the saved one.
    fake.enqueue("ok")
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
        window.run_button.click()
    sent = fake.calls[-1][0]
    assert sent[-2].content == "## Corrected text\nThe report is late."


def test_a_stopped_answer_cannot_become_an_example(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    window, fake = ready(qtbot, make_window, "proofread-en", "text", "teh")
    fake.enqueue("partial", " answer")
    fake.hold()
    window.run_button.click()
    qtbot.waitUntil(fake.started.is_set, timeout=5000)
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
        window.stop_button.click()
    assert not window.example_button.isEnabled()


@pytest.mark.parametrize("where", ["text field", "line field", "run button"])
def test_escape_stops_a_run_wherever_the_cursor_is(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow], where: str) -> None:
    window, fake = ready(qtbot, make_window, "meeting-minutes-en", "transcript", "Kickoff.")
    window.activateWindow()
    fake.hold()
    window.run_button.click()
    qtbot.waitUntil(fake.started.is_set, timeout=5000)
    if where == "run button":
        target: QWidget = window.run_button
    else:
        kind = {"text field": QPlainTextEdit, "line field": QLineEdit}[where]
        # A layout shows the widgets added to a visible form on the next event-loop turn.
        qtbot.waitUntil(lambda: any(w.isVisible() for w in window.form.findChildren(kind)),
                        timeout=UI_MS)
        target = next(w for w in window.form.findChildren(kind) if w.isVisible())
    target.setFocus()
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000) as finished:
        qtbot.keyClick(QApplication.focusWidget() or target, Qt.Key.Key_Escape)
    assert finished.args[0].stats.finish_reason == "cancelled"


def test_ctrl_comma_opens_the_settings(qtbot: QtBot, make_window: Callable[[Factory], MainWindow],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[bool] = []
    monkeypatch.setattr(MainWindow, "open_settings", lambda self: opened.append(True))
    window = make_window(lambda *_: FakeBackend())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window.picker, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert opened == [True]


@pytest.mark.parametrize(("typed", "chosen", "saved"), [
    ("week 12", "Markdown (*.md)", "week 12.md"),
    ("week 12", "Text (*.txt)", "week 12.txt"),
    ("week 12.markdown", "Markdown (*.md)", "week 12.markdown"),
])
def test_save_as_adds_the_suffix_and_starts_in_a_real_folder(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, typed: str, chosen: str,
        saved: str) -> None:
    from PySide6.QtWidgets import QFileDialog

    window, fake = ready(qtbot, make_window, "weekly-report-en", "notes", "Fixed the login bug.")
    fake.enqueue("## Done\n", "- Fixed the login bug\n")
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
        window.run_button.click()
    offered: list[str] = []

    def dialog(_parent: object, _title: str, start: str, _filters: str) -> tuple[str, str]:
        offered.append(start)
        return str(tmp_path / typed), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    window.save_answer()
    assert (tmp_path / saved).read_text(encoding="utf-8") == "## Done\n- Fixed the login bug\n"
    start = Path(offered[0])
    assert start.parent.is_dir() and start.parent != Path.cwd()
    assert start.name.startswith("Weekly report ") and start.suffix == ".md"


def test_each_answer_stays_with_the_template_that_made_it(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    window, fake = ready(qtbot, make_window, "weekly-report-en", "notes", "Fixed the login bug.")
    fake.enqueue("## Done\n", "- Fixed the login bug\n")
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
        window.run_button.click()
    window.select_template("proofread-en")  # never run: no answer, nothing to copy or file
    assert window.output.markdown() == ""
    for button in (window.copy_button, window.save_button, window.example_button):
        assert not button.isEnabled()
    window.example_button.click()
    assert not (window.core.paths.templates_dir / "proofread-en.examples.toml").exists()
    window.select_template("weekly-report-en")  # back: its own answer, usable again
    assert window.output.markdown() == "## Done\n- Fixed the login bug\n"
    assert window.copy_button.isEnabled() and window.example_button.isEnabled()
    window.example_button.click()
    saved = window.core.paths.templates_dir / "weekly-report-en.examples.toml"
    assert "Fixed the login bug." in saved.read_text(encoding="utf-8")


def test_an_answer_streaming_while_another_template_is_shown_comes_back_whole(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    window, fake = ready(qtbot, make_window, "weekly-report-en", "notes", "Fixed the login bug.")
    fake.enqueue("## Done\n", "- Fixed the ", "login bug\n")
    fake.hold()
    window.run_button.click()
    qtbot.waitUntil(fake.started.is_set, timeout=5000)
    window.select_template("proofread-en")
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
        fake.release()
    assert window.output.markdown() == ""  # the proofreading pane stays its own
    window.select_template("weekly-report-en")
    assert window.output.markdown() == "## Done\n- Fixed the login bug\n"


def test_the_same_example_is_not_saved_twice(
        qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    window, fake = ready(qtbot, make_window, "proofread-en", "text", "Teh report is late.")
    for _ in range(2):  # the same answer twice, e.g. regenerated with the same seed
        fake.enqueue("The report is late.")
        with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
            window.run_button.click()
        window.example_button.click()
        qtbot.waitUntil(lambda: not window.templates.reading, timeout=UI_MS)
    saved = window.core.paths.templates_dir / "proofread-en.examples.toml"
    assert saved.read_text(encoding="utf-8").count("The report is late.") == 1
    assert "already an example" in window.statusBar().currentMessage()


def test_copy_says_it_copied(qtbot: QtBot, make_window: Callable[[Factory], MainWindow]) -> None:
    window, fake = ready(qtbot, make_window, "proofread-en", "text", "Teh report is late.")
    fake.enqueue("The report is late.")
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
        window.run_button.click()
    window.copy_button.click()
    assert QApplication.clipboard().text() == "The report is late."
    assert window.statusBar().currentMessage() == "Copied the answer (19 characters)."
