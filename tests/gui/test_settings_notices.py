"""The settings dialog's messages as a new user meets them (issue 12).

Errors are shown whole and take no room once fixed; values that are valid but
will not do what the user expects (a context larger than the model's, more
threads than cores, a tiny answer limit) get a notice that does not block OK.
Shown dialogs, because geometry is the point of half of these tests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot
from waits import UI_MS

from assistant.gguf import read_gguf
from assistant.gui.settings_dialog import SettingsDialog
from assistant.gui.settings_notices import setting_notices
from assistant.messages import Message
from assistant.modelfiles import ModelFile, Origin
from assistant.settings import Settings

Make = Callable[..., SettingsDialog]


@pytest.fixture
def make(qtbot: QtBot, tmp_path: Path) -> Make:
    def build(settings: Settings | None = None, models: list[ModelFile] | None = None,
              *, show: bool = False) -> SettingsDialog:
        dialog = SettingsDialog(settings or Settings(), models or [], tmp_path / "models")
        qtbot.addWidget(dialog)
        if show:
            dialog.show()
            qtbot.waitExposed(dialog)
            dialog.fit_height()
        return dialog
    return build


@pytest.fixture
def folder_model(model_path: Path, tmp_path: Path) -> ModelFile:
    """A model in the models folder with the embedded model's header (trained for 8,192)."""
    return ModelFile(tmp_path / "models" / "smol.gguf", Origin.FOLDER, read_gguf(model_path))


def message(dialog: SettingsDialog, key: str) -> QLabel:
    return dialog._rows[key][2]


def shown_text(dialog: SettingsDialog, key: str) -> str:
    label = message(dialog, key)
    return label.text() if label.isVisibleTo(dialog) else ""


def ok_enabled(dialog: SettingsDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def assert_whole(dialog: SettingsDialog, label: QLabel) -> None:
    """Every line of ``label`` is inside the dialog and above the next widget down."""
    top = label.mapTo(dialog, label.rect().topLeft()).y()
    bottom = label.mapTo(dialog, label.rect().bottomLeft()).y()
    assert label.height() >= label.heightForWidth(label.width()), "the text is cut"
    below = [widget.mapTo(dialog, widget.rect().topLeft()).y()
             for widget in (*(row[0] for row in dialog._rows.values()), dialog.buttons)
             if widget.isVisible() and widget.mapTo(dialog, widget.rect().topLeft()).y() > top]
    assert bottom < min(below, default=dialog.height()), "the next row covers the text"
    assert bottom <= dialog.height()


def hotkey(text: str) -> Callable[[SettingsDialog, Path], None]:
    return lambda dialog, _folder: dialog.hotkey_edit.setKeySequence(QKeySequence(text))


def browse_program(dialog: SettingsDialog, folder: Path) -> None:
    program = folder / "notes.gguf"
    program.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(200))
    assert not dialog.choose_model_file(program)


@pytest.mark.parametrize(("key", "break_it", "fix_it", "fragment"), [
    ("hotkey", hotkey("Ctrl+Space"), hotkey("Ctrl+Alt+J"), "Chinese input method"),
    ("hotkey", hotkey("J"), hotkey("Ctrl+Alt+J"), "needs Ctrl, Alt or Meta"),
    # Picking the model that is still selected answers the message too.
    ("model", browse_program, lambda dialog, _folder: dialog.model_box.activated.emit(0),
     "is not a GGUF model file"),
], ids=["ctrl-space", "bare-j", "not-gguf"])
def test_an_error_is_shown_whole_and_its_room_goes_with_it(
        qtbot: QtBot, make: Make, tmp_path: Path, key: str,
        break_it: Callable[[SettingsDialog, Path], None],
        fix_it: Callable[[SettingsDialog, Path], None], fragment: str) -> None:
    dialog = make(show=True)
    before = dialog.height()
    break_it(dialog, tmp_path)
    label = message(dialog, key)
    qtbot.waitUntil(lambda: dialog.height() > before, timeout=UI_MS)
    assert fragment in shown_text(dialog, key)
    assert_whole(dialog, label)
    fix_it(dialog, tmp_path)
    assert shown_text(dialog, key) == ""
    qtbot.waitUntil(lambda: dialog.height() == before, timeout=UI_MS)


def test_a_foreign_file_is_described_in_hex_not_raw_bytes(make: Make, tmp_path: Path) -> None:
    dialog = make()
    browse_program(dialog, tmp_path)
    text = shown_text(dialog, "model")
    assert '7f 45 4c 46 02 01 01 00 ".ELF...."' in text
    assert "\\x" not in text and "\x7f" not in text


def test_a_context_beyond_the_models_training_is_said_not_refused(
        make: Make, folder_model: ModelFile) -> None:
    dialog = make(Settings(model=str(folder_model.path)), [folder_model])
    dialog.context_spin.setValue(99999)
    assert shown_text(dialog, "n_ctx") == ("This model was trained for 8,192 tokens; it will "
                                          "use 8,192.")
    assert "#8a5300" in message(dialog, "n_ctx").styleSheet()  # amber: a notice, not red
    assert ok_enabled(dialog)
    assert dialog.result_settings().n_ctx == 99999  # the model caps it when it loads
    dialog.context_spin.setValue(8192)
    assert shown_text(dialog, "n_ctx") == ""


def test_the_context_notice_follows_the_chosen_model(make: Make,
                                                    folder_model: ModelFile) -> None:
    unreadable = ModelFile(Path("/nowhere/broken.gguf"), Origin.EXPLICIT, None,
                           Message.of("broken"))
    dialog = make(Settings(n_ctx=16384, model=str(folder_model.path)), [folder_model])
    assert "8,192" in shown_text(dialog, "n_ctx")
    dialog.source_box.setCurrentIndex(dialog.source_box.findData("server"))
    assert shown_text(dialog, "n_ctx") == ""  # a server says its own context size
    assert setting_notices({"n_ctx": 16384}, unreadable.info) == {}  # nothing known, nothing said


def test_more_threads_than_cores_and_tiny_answers_are_warned_of(
        make: Make, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("assistant.gui.settings_notices.os.cpu_count", lambda: 2)
    dialog = make()
    dialog.threads_spin.setValue(99)
    dialog.max_tokens_spin.setValue(1)
    assert shown_text(dialog, "n_threads") == ("This computer has 2 cores; more threads than "
                                              "cores slow generation down.")
    assert shown_text(dialog, "max_tokens") == "Answers will be cut after 1 tokens."
    assert ok_enabled(dialog)
    result = dialog.result_settings()
    assert (result.n_threads, result.max_tokens) == (99, 1)
    dialog.threads_spin.setValue(2)
    dialog.max_tokens_spin.setValue(16)
    assert shown_text(dialog, "n_threads") == shown_text(dialog, "max_tokens") == ""


def test_a_problem_outranks_a_notice(make: Make, folder_model: ModelFile) -> None:
    dialog = make(Settings(model=str(folder_model.path)), [folder_model])
    editor = dialog.context_spin.lineEdit()
    editor.setText("200000")  # above the maximum: a problem, whatever the model says
    assert shown_text(dialog, "n_ctx").startswith("Enter a number from")
    assert "#c62828" in message(dialog, "n_ctx").styleSheet()
    assert not ok_enabled(dialog)


def test_a_configured_model_that_cannot_load_says_why(make: Make, tmp_path: Path) -> None:
    broken = tmp_path / "not-a-model.gguf"
    broken.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(200))
    dialog = make(Settings(model=str(broken)))
    text = shown_text(dialog, "model")
    assert text.startswith("This model cannot be used: ") and "not-a-model.gguf" in text
    assert ok_enabled(dialog)  # the other settings can still be changed
    dialog.model_box.setCurrentIndex(0)  # the embedded model
    assert shown_text(dialog, "model") == ""
