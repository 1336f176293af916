"""SettingsDialog: shows the settings, checks every value in place, returns new ones.

The dialog is never shown: everything it does works on hidden widgets, and
showing a window on the offscreen platform only adds log noise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QStandardItemModel
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot
from waits import UI_MS

from assistant.errors import InputError
from assistant.gguf import read_gguf
from assistant.gui.i18n import Translations
from assistant.gui.settings_dialog import SettingsDialog, hotkey_problem
from assistant.messages import Message
from assistant.modelfiles import ModelFile, Origin, discover
from assistant.settings import SPECS, Settings

Make = Callable[..., SettingsDialog]

CUSTOM = Settings(n_ctx=2048, n_threads=3, temperature=0.25, max_tokens=99,
                  hotkey="Ctrl+Alt+K", ui_language="en", kv_cache="q8_0")


@pytest.fixture
def make(qtbot: QtBot, tmp_path: Path) -> Make:
    """Build a dialog: ``make(settings, models, hotkey_status)``."""
    def build(settings: Settings | None = None, models: list[ModelFile] | None = None,
              hotkey_status: str = "") -> SettingsDialog:
        dialog = SettingsDialog(settings or Settings(), models or [],
                                tmp_path / "models", hotkey_status)
        qtbot.addWidget(dialog)
        return dialog
    return build


@pytest.fixture
def folder_model(model_path: Path, tmp_path: Path) -> ModelFile:
    """A model listed from the models folder (its header borrowed from the real one)."""
    return ModelFile(tmp_path / "models" / "qwen-7b.gguf", Origin.FOLDER, read_gguf(model_path))


def ok_enabled(dialog: SettingsDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def error_text(dialog: SettingsDialog, key: str) -> str:
    """The red text under a row, or "" when it is hidden."""
    error = dialog._rows[key][2]
    return error.text() if error.isVisibleTo(dialog) else ""


def test_shows_current_settings(make: Make, folder_model: ModelFile) -> None:
    dialog = make(CUSTOM.replace(model=str(folder_model.path)), [folder_model], "X11 grab")
    assert dialog.model_box.currentData() == str(folder_model.path)
    assert dialog.model_box.currentText() == "qwen-7b.gguf — 94 MB, llama, Q4_1"
    assert dialog.context_spin.value() == 2048
    assert dialog.threads_spin.value() == 3
    assert dialog.temperature_spin.value() == pytest.approx(0.25)
    assert dialog.max_tokens_spin.value() == 99
    assert dialog.language_box.currentData() == "en"
    assert dialog.kv_box.currentText() == "q8_0: half the memory"
    assert dialog.hotkey_edit.keySequence().toString() == "Ctrl+Alt+K"
    assert dialog.status_line.text() == "X11 grab"
    assert dialog.status_line.isVisibleTo(dialog)
    assert dialog.result_settings() == CUSTOM.replace(model=str(folder_model.path))


def test_defaults_show_embedded_model_and_automatic_threads(make: Make) -> None:
    dialog = make(models=discover(None))
    assert dialog.model_box.currentIndex() == 0
    assert dialog.model_box.currentText() == "Embedded model (SmolLM2-135M)"
    assert dialog.model_box.count() == 1  # the embedded file is not listed twice
    assert dialog.threads_spin.text() == "Automatic (one per physical core)"
    assert not dialog.status_line.isVisibleTo(dialog)
    assert dialog.result_settings() == Settings()


def test_history_can_be_turned_off_and_on(make: Make) -> None:
    dialog = make(settings=Settings(history=False))
    assert not dialog.history_box.isChecked()
    dialog.history_box.setChecked(True)
    assert dialog.result_settings().history is True
    dialog.history_box.setChecked(False)
    assert dialog.result_settings() == Settings(history=False)


def test_help_texts_are_the_settings_descriptions(make: Make) -> None:
    # The dialog repeats SPECS' descriptions so lupdate can see them; this
    # catches a description changed in assistant/settings.py only.
    dialog = make()
    for key, (label, help_label, _) in dialog._rows.items():
        assert help_label.text() == SPECS[key].description, key
        assert label.toolTip() == SPECS[key].description


def test_broken_model_is_listed_disabled_with_its_error(make: Make, tmp_path: Path) -> None:
    broken = ModelFile(tmp_path / "half.gguf", Origin.FOLDER, None,
                       Message.of("half.gguf is truncated."))
    dialog = make(models=[broken])
    assert dialog.model_box.itemText(1) == "half.gguf — cannot be used"
    assert dialog.model_box.itemData(1, Qt.ItemDataRole.ToolTipRole) == "half.gguf is truncated."
    model = dialog.model_box.model()
    assert isinstance(model, QStandardItemModel)
    assert not model.item(1).isEnabled()
    assert model.item(0).isEnabled()


def test_changed_values_come_back_on_ok(make: Make, folder_model: ModelFile) -> None:
    dialog = make(models=[folder_model])
    dialog.model_box.setCurrentIndex(1)
    dialog.context_spin.setValue(8192)
    dialog.threads_spin.setValue(2)
    dialog.temperature_spin.setValue(1.234)  # two decimals: kept as 1.23
    dialog.max_tokens_spin.setValue(1500)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("zh_CN"))
    dialog.hotkey_edit.setKeySequence(QKeySequence("Ctrl+Shift+F9"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_settings() == Settings(
        model=str(folder_model.path), n_ctx=8192, n_threads=2, temperature=1.23,
        max_tokens=1500, hotkey="Ctrl+Shift+F9", ui_language="zh_CN")


def test_language_names_are_in_their_own_language(make: Make) -> None:
    dialog = make()
    names = [dialog.language_box.itemText(i) for i in range(dialog.language_box.count())]
    assert names == ["Follow the system", "简体中文", "English"]


def test_out_of_range_number_is_explained_and_blocks_ok(make: Make) -> None:
    dialog = make()
    editor = dialog.context_spin.findChild(QLineEdit)
    assert editor is not None
    editor.setText("100")  # below the minimum of 256; the spin box cannot hold it
    assert error_text(dialog, "n_ctx") == "Enter a number from 256 to 131072."
    assert not ok_enabled(dialog)
    with pytest.raises(InputError, match="256 to 131072"):
        dialog.result_settings()
    editor.setText("1024")
    assert error_text(dialog, "n_ctx") == ""
    assert ok_enabled(dialog)


@pytest.mark.parametrize(("hotkey", "problem"), [
    ("Ctrl+Alt+J", None),
    ("Meta+J", None),
    ("Alt+F5", None),
    ("Ctrl+Shift+Space", None),
    ("", None),  # no global hotkey at all
    ("Ctrl+Space", "switches the Chinese input method"),
    ("J", "needs Ctrl, Alt or Meta"),
    ("Shift+F5", "needs Ctrl, Alt or Meta"),
    ("Ctrl+Shift", "not a complete key combination"),
    ("Ctrl+Frobnicate", "not a complete key combination"),
    ("Ctrl+J, Ctrl+K", "several key presses"),
])
def test_hotkey_rules(hotkey: str, problem: str | None) -> None:
    found = hotkey_problem(hotkey)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


def test_bad_hotkey_is_explained_and_blocks_ok(make: Make) -> None:
    dialog = make()
    dialog.hotkey_edit.setKeySequence(QKeySequence("Ctrl+Space"))
    assert "Chinese input method" in error_text(dialog, "hotkey")
    assert not ok_enabled(dialog)
    dialog.hotkey_edit.clear()
    assert error_text(dialog, "hotkey") == ""
    assert ok_enabled(dialog)
    assert dialog.result_settings().hotkey == ""


def test_browsed_non_gguf_is_refused_in_place(make: Make, folder_model: ModelFile,
                                              tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("meeting notes, not a model", encoding="utf-8")
    dialog = make(models=[folder_model])
    assert not dialog.choose_model_file(notes)
    message = error_text(dialog, "model")
    assert "notes.txt" in message and "not a GGUF model file" in message
    # Decision: the refused file never becomes the selection, so the previous
    # model is kept and OK stays usable for the other changes.
    assert dialog.model_box.count() == 2
    assert dialog.model_box.currentIndex() == 0
    assert ok_enabled(dialog)
    assert dialog.result_settings().model == ""
    dialog.model_box.setCurrentIndex(1)  # picking another model clears the message
    assert error_text(dialog, "model") == ""


def test_browsed_gguf_is_added_and_selected(make: Make, model_path: Path) -> None:
    dialog = make()
    assert dialog.choose_model_file(model_path)
    assert dialog.model_box.count() == 2
    assert dialog.model_box.currentIndex() == 1
    assert dialog.model_box.currentText().startswith(model_path.name + " — ")
    assert error_text(dialog, "model") == ""
    assert dialog.result_settings().model == str(model_path)
    assert dialog.choose_model_file(model_path)  # a second time: not listed twice
    assert dialog.model_box.count() == 2


def test_browsing_the_embedded_file_selects_the_embedded_entry(make: Make,
                                                               model_path: Path) -> None:
    dialog = make(CUSTOM.replace(model="/elsewhere/gone.gguf"), discover(None))
    assert dialog.model_box.currentText() == "gone.gguf — cannot be used"
    assert dialog.choose_model_file(model_path)
    assert dialog.model_box.currentIndex() == 0
    assert dialog.result_settings().model == ""


def test_restore_defaults(make: Make, folder_model: ModelFile) -> None:
    dialog = make(CUSTOM.replace(model=str(folder_model.path), hotkey="Ctrl+Alt+Q"),
                  [folder_model])
    dialog.hotkey_edit.setKeySequence(QKeySequence("Ctrl+Space"))
    assert not ok_enabled(dialog)
    dialog.restore_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted  # restoring does not close
    assert ok_enabled(dialog)
    assert dialog.result_settings() == Settings()


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    installed = Translations(qapp)
    yield installed
    installed.apply("en")


def test_retranslates_to_chinese_and_back(qtbot: QtBot, make: Make,
                                          translations: Translations,
                                          folder_model: ModelFile) -> None:
    dialog = make(CUSTOM.replace(model=str(folder_model.path)), [folder_model])
    dialog.hotkey_edit.setKeySequence(QKeySequence("Ctrl+Space"))
    translations.apply("zh_CN")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "设置")
    labels = {key: row[0].text() for key, row in dialog._rows.items()}
    assert labels["model"] == "模型"
    assert labels["n_ctx"] == "上下文长度"
    assert dialog.browse_button.text() == "浏览…"
    assert dialog.restore_button.text() == "恢复默认"
    assert dialog.language_box.itemText(0) == "跟随系统"
    assert dialog.language_box.itemText(1) == "简体中文"  # never translated
    assert "输入法" in error_text(dialog, "hotkey")  # messages are retranslated too
    assert "qwen-7b.gguf" in dialog.model_box.currentText()
    assert dialog.model_box.currentIndex() == 1  # retranslating keeps the choices
    assert dialog.context_spin.value() == 2048
    translations.apply("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Settings")
    assert dialog._rows["model"][0].text() == "Model"


# -- model source: local file or server ----------------------------------------------

def visible(dialog: SettingsDialog, key: str) -> bool:
    return dialog._rows[key][0].isVisibleTo(dialog)


def test_server_source_shows_only_the_server_rows(make: Make) -> None:
    dialog = make(Settings(model_source="server", server_url="http://127.0.0.1:11434/v1",
                           server_model="qwen2.5:3b", server_timeout=300, server_n_ctx=8192))
    assert dialog.source() == "server" and visible(dialog, "server_url")
    assert not any(visible(dialog, key) for key in ("model", "n_gpu_layers", "n_ctx",
                                                    "n_threads"))
    server = dialog.server
    assert server.preset_box.currentText() == "Ollama"
    assert server.model_box.currentText() == "qwen2.5:3b"
    assert (server.timeout_spin.value(), server.context_spin.value()) == (300, 8192)
    assert dialog.result_settings() == Settings(
        model_source="server", server_url="http://127.0.0.1:11434/v1",
        server_model="qwen2.5:3b", server_timeout=300, server_n_ctx=8192)
    dialog.source_box.setCurrentIndex(dialog.source_box.findData("local"))
    assert visible(dialog, "model") and not visible(dialog, "server_url")
    assert dialog.result_settings().model_source == "local"
    assert dialog.result_settings().server_url == "http://127.0.0.1:11434/v1"  # kept


def test_presets_fill_the_address(make: Make) -> None:
    dialog = make(Settings(model_source="server"))
    box = dialog.server.preset_box
    for name, url in (("LM Studio", "http://127.0.0.1:1234/v1"),
                      ("llama-server", "http://127.0.0.1:8080/v1"),
                      ("Jan", "http://127.0.0.1:1337/v1"),
                      ("Ollama", "http://127.0.0.1:11434/v1")):
        box.setCurrentIndex(box.findText(name))
        box.activated.emit(box.currentIndex())
        assert dialog.server.url_edit.text() == url
    dialog.server.url_edit.setText("http://gpu-box:8000/v1")
    assert box.currentText() == "Other address"


@pytest.mark.parametrize(("url", "fragment"), [
    ("", "Enter the server's address"), ("127.0.0.1:11434", "is not a server address")])
def test_bad_server_address_blocks_ok(make: Make, url: str, fragment: str) -> None:
    dialog = make(Settings(model_source="server"))
    dialog.server.url_edit.setText(url)
    assert not ok_enabled(dialog)
    assert fragment in error_text(dialog, "server_url")
    dialog.server.url_edit.setText("http://127.0.0.1:11434/v1")
    assert ok_enabled(dialog) and error_text(dialog, "server_url") == ""


def test_bad_address_does_not_matter_for_a_local_model(make: Make) -> None:
    dialog = make(Settings(model_source="local", server_url="not a url"))
    assert ok_enabled(dialog)


def test_api_key_follows_the_address_and_says_where_it_is_kept(qtbot: QtBot,
                                                               tmp_path: Path) -> None:
    keys = {"http://127.0.0.1:1/v1": "sk-one"}
    dialog = SettingsDialog(Settings(model_source="server", server_url="http://127.0.0.1:1/v1"),
                            [], tmp_path, key_place=("Test Keyring", "/x/credentials.toml"),
                            stored_key=lambda url: keys.get(url, ""))
    qtbot.addWidget(dialog)
    server = dialog.server
    assert server.key_edit.text() == "sk-one" and not dialog.api_key_changed()
    assert server.key_edit.echoMode() == QLineEdit.EchoMode.Password
    assert "the system keyring (Test Keyring)" in server.key_note.text()
    server.url_edit.setText("http://127.0.0.1:2/v1")
    assert server.key_edit.text() == "" and not dialog.api_key_changed()
    server.key_edit.setText("sk-two")
    assert dialog.api_key_changed() and dialog.api_key() == "sk-two"
    assert "sk-two" not in repr(dialog.result_settings())


def test_test_connection_lists_the_servers_models(qtbot: QtBot, make: Make, stub: Any) -> None:
    stub.state.models = [{"id": "qwen2.5:3b"}, {"id": "llama3.2:3b"}]
    dialog = make(Settings(model_source="server", server_url=stub.url))
    with qtbot.waitSignal(dialog.server._probe.done, timeout=10000):
        dialog.server.test_button.click()
    qtbot.waitUntil(dialog.server.test_button.isEnabled, timeout=5000)
    box = dialog.server.model_box
    assert [box.itemText(i) for i in range(box.count())] == ["qwen2.5:3b", "llama3.2:3b"]
    assert box.currentText() == "qwen2.5:3b"
    assert "Connected: 2 model(s)" in dialog.server.result_label.text()
    assert dialog.result_settings().server_model == "qwen2.5:3b"


def test_test_connection_reports_a_dead_server(qtbot: QtBot, make: Make) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/v1"
    dialog = make(Settings(model_source="server", server_url=url))
    with qtbot.waitSignal(dialog.server._probe.done, timeout=10000):
        dialog.server.test_button.click()
    label = dialog.server.result_label
    assert f"Nothing is listening at {url}" in label.text() and label.isVisibleTo(dialog)


def test_gpu_layers_explain_a_cpu_only_build(qtbot: QtBot, tmp_path: Path) -> None:
    cpu = SettingsDialog(Settings(), [], tmp_path, gpu_supported=False)
    gpu = SettingsDialog(Settings(n_gpu_layers=-1), [], tmp_path, gpu_supported=True)
    for dialog in (cpu, gpu):
        qtbot.addWidget(dialog)
    assert not cpu.gpu_spin.isEnabled()
    assert "CPU only" in error_text(cpu, "n_gpu_layers") and ok_enabled(cpu)
    assert gpu.gpu_spin.isEnabled() and error_text(gpu, "n_gpu_layers") == ""
    assert gpu.gpu_spin.text() == "All layers"
    gpu.gpu_spin.setValue(20)
    assert gpu.result_settings().n_gpu_layers == 20


def test_without_a_keyring_the_note_names_the_private_file(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(Settings(model_source="server"), [], tmp_path,
                            key_place=(None, "/home/u/.config/daily-assistant/credentials.toml"))
    qtbot.addWidget(dialog)
    note = dialog.server.key_note.text()
    assert "/home/u/.config/daily-assistant/credentials.toml" in note
    assert "only you can read" in note and "never in the settings file" in note


def test_height_follows_messages_no_text_cut_no_gap(qtbot: QtBot, make: Make) -> None:
    """Shown, because geometry is the point: a wrapped message needs height for its width."""
    dialog = make(Settings(model_source="server", server_url="http://127.0.0.1:11434/v1"))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.fit_height()
    before = dialog.height()
    dialog.server.url_edit.setText("gpu box on the third floor, ask Zhang for the address")
    label = dialog._rows["server_url"][2]
    qtbot.waitUntil(lambda: dialog.height() > before, timeout=UI_MS)
    bottom = label.mapTo(dialog, label.rect().bottomLeft()).y()
    assert label.height() >= label.heightForWidth(label.width()) and bottom <= dialog.height()
    dialog.server.url_edit.setText("http://127.0.0.1:11434/v1")
    qtbot.waitUntil(lambda: dialog.height() == before, timeout=UI_MS)


def test_saved_prompts_can_be_cleared_and_bounded(qtbot: QtBot, tmp_path: Path) -> None:
    from assistant.backend.prefix_store import ModelIdentity, PrefixStore

    store = PrefixStore(tmp_path / "states", 0, 100 * 1024 * 1024)
    store.put(ModelIdentity("/m.gguf", 1, 1, 4096, 0, "f16", "x"), [1, 2, 3], b"\0" * 3 * 1024 * 1024)
    dialog = SettingsDialog(Settings(), [], tmp_path, saved_prompts=(store.disk_usage,
                                                                     store.clear))
    qtbot.addWidget(dialog)
    assert dialog.clear_button.text() == "Clear (3 MB)"
    dialog.clear_button.click()
    assert store.files() == [] and dialog.clear_button.text() == "Cleared 3 MB"
    dialog.ram_cache_spin.setValue(0)
    dialog.disk_cache_spin.setValue(4096)
    assert dialog.ram_cache_spin.text() == "None"
    result = dialog.result_settings()
    assert (result.prefix_cache_mb, result.prefix_disk_mb) == (0, 4096)
