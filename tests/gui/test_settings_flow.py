"""SettingsFlow: OK in the settings dialog saves, stores the key and reloads the model.

The dialog's ``exec`` is replaced by a function that edits it as a user would
and presses OK; everything after that (saving the file, the key store, the
model thread) is real.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from assistant.backend.config import BackendConfig, LocalModel, ServerModel
from assistant.backend.fake import FakeBackend
from assistant.gui.settings_dialog import SettingsDialog
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.worker import ModelController
from assistant.secrets import SecretStore
from assistant.settings import load_settings
from assistant.wiring import Core, build_core

Edit = Callable[[SettingsDialog], None]


@pytest.fixture
def setup(qtbot: QtBot, home: Path) -> Iterator[tuple[Core, ModelController, list[BackendConfig]]]:
    core = build_core()
    core._secrets = SecretStore(core.paths.config_dir / "credentials.toml")  # no keyring here
    loads: list[BackendConfig] = []

    def factory(config: BackendConfig) -> FakeBackend:
        loads.append(config)
        return FakeBackend(name=config.describe())

    controller = ModelController(factory)
    yield core, controller, loads
    assert controller.shutdown()


def edit_with(monkeypatch: pytest.MonkeyPatch, change: Edit) -> None:
    def exec_(dialog: SettingsDialog) -> int:
        change(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", exec_)


def loaded_flow(qtbot: QtBot, core: Core, controller: ModelController) -> SettingsFlow:
    """A flow whose configured model is loaded, as after start-up."""
    flow = SettingsFlow(core, controller, lambda _language: None)
    with qtbot.waitSignal(controller.model_loaded, timeout=5000):
        flow.load_model()
    return flow


def test_switching_to_a_server_saves_stores_the_key_and_reconnects(
        qtbot: QtBot, setup: tuple[Core, ModelController, list[BackendConfig]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    core, controller, loads = setup
    flow = loaded_flow(qtbot, core, controller)
    assert isinstance(loads[-1], LocalModel)

    def to_server(dialog: SettingsDialog) -> None:
        dialog.source_box.setCurrentIndex(dialog.source_box.findData("server"))
        dialog.server.url_edit.setText("http://127.0.0.1:1234/v1")
        dialog.server.model_box.setEditText("qwen2.5-7b-instruct")
        dialog.server.key_edit.setText("sk-lm-studio")

    edit_with(monkeypatch, to_server)
    with qtbot.waitSignal(controller.model_loaded, timeout=5000) as loaded:
        assert flow.edit(QWidget())
    config = loads[-1]
    assert isinstance(config, ServerModel)
    assert (config.base_url, config.model, config.api_key) == (
        "http://127.0.0.1:1234/v1", "qwen2.5-7b-instruct", "sk-lm-studio")
    assert "qwen2.5-7b-instruct" in loaded.args[0]
    saved, problems = load_settings(core.paths.config_file)
    assert problems == [] and saved.model_source == "server"
    assert "sk-lm-studio" not in core.paths.config_file.read_text(encoding="utf-8")
    credentials = core.paths.config_dir / "credentials.toml"
    assert credentials.stat().st_mode & 0o777 == 0o600
    assert core.secrets.get("http://127.0.0.1:1234/v1") == "sk-lm-studio"

    # Back to the local file: the model is loaded again, the key stays stored.
    edit_with(monkeypatch, lambda d: d.source_box.setCurrentIndex(
        d.source_box.findData("local")))
    with qtbot.waitSignal(controller.model_loaded, timeout=5000):
        assert flow.edit(QWidget())
    assert isinstance(loads[-1], LocalModel) and len(loads) == 3
    assert core.secrets.get("http://127.0.0.1:1234/v1") == "sk-lm-studio"


def test_a_changed_key_alone_reconnects(
        qtbot: QtBot, setup: tuple[Core, ModelController, list[BackendConfig]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    core, controller, loads = setup
    core.save_settings(core.settings.replace(model_source="server",
                                             server_url="http://127.0.0.1:8080/v1"))
    flow = loaded_flow(qtbot, core, controller)
    edit_with(monkeypatch, lambda d: d.server.key_edit.setText("sk-new"))
    with qtbot.waitSignal(controller.model_loaded, timeout=5000):
        assert flow.edit(QWidget())
    assert isinstance(loads[-1], ServerModel) and loads[-1].api_key == "sk-new"


def test_nothing_changed_nothing_reloaded(
        qtbot: QtBot, setup: tuple[Core, ModelController, list[BackendConfig]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    core, controller, loads = setup
    flow = loaded_flow(qtbot, core, controller)
    edit_with(monkeypatch, lambda _dialog: None)
    assert not flow.edit(QWidget())
    assert len(loads) == 1


def test_server_source_without_address_is_reported(
        qtbot: QtBot, setup: tuple[Core, ModelController, list[BackendConfig]]) -> None:
    core, controller, loads = setup
    core.settings = core.settings.replace(model_source="server")
    flow = SettingsFlow(core, controller, lambda _language: None)
    with qtbot.waitSignal(controller.model_failed, timeout=5000) as failed:
        flow.load_model()
    assert "no server address is set" in failed.args[0] and loads == []


def to_a_server(dialog: SettingsDialog) -> None:
    """The edit of the tests below: use a model server."""
    dialog.source_box.setCurrentIndex(dialog.source_box.findData("server"))
    dialog.server.url_edit.setText("http://127.0.0.1:9/v1")


def test_a_settings_file_that_cannot_be_written_keeps_the_edits_in_use_and_says_so(
        qtbot: QtBot, setup: tuple[Core, ModelController, list[BackendConfig]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """OK with an unwritable file: the new settings apply, a dialog says they are not saved,
    and OK once the cause is fixed saves them even though nothing else changed."""
    core, controller, loads = setup
    flow = loaded_flow(qtbot, core, controller)
    warnings: list[str] = []
    monkeypatch.setattr("assistant.gui.settings_panel.QMessageBox.warning",
                        lambda _parent, _title, text: warnings.append(text))
    core.paths.config_file.mkdir()  # a folder in the way: fails for root too
    edit_with(monkeypatch, to_a_server)
    with qtbot.waitSignal(controller.model_loaded, timeout=5000):
        assert flow.edit(QWidget())
    assert core.settings.model_source == "server"
    assert isinstance(loads[-1], ServerModel)  # in use at once
    assert len(warnings) == 1
    assert warnings[0].startswith("The new settings are in use, but they could not be saved "
                                  "and will be lost when you quit:\n\n")
    assert f"{core.paths.config_file}: cannot save the settings: this is a folder" in warnings[0]
    assert warnings[0].endswith("Fix this, then open Settings and press OK to save them.")
    assert list(core.paths.config_dir.iterdir()) == [core.paths.config_file]  # no temporary

    core.paths.config_file.rmdir()  # the user fixes it and presses OK, changing nothing
    edit_with(monkeypatch, lambda _dialog: None)
    assert flow.edit(QWidget())
    assert load_settings(core.paths.config_file)[0].model_source == "server"
    assert len(warnings) == 1 and not flow.unsaved
    assert not flow.edit(QWidget())  # saved: nothing left to do


def test_a_read_only_config_folder_is_reported(
        qtbot: QtBot, setup: tuple[Core, ModelController, list[BackendConfig]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    core, controller, _loads = setup
    flow = SettingsFlow(core, controller, lambda _language: None)
    warnings: list[str] = []
    monkeypatch.setattr("assistant.gui.settings_panel.QMessageBox.warning",
                        lambda _parent, _title, text: warnings.append(text))

    def read_only(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied", str(core.paths.config_dir))

    monkeypatch.setattr("tempfile.mkstemp", read_only)
    edit_with(monkeypatch, to_a_server)
    with qtbot.waitSignal(controller.model_loaded, timeout=5000):
        assert flow.edit(QWidget())
    assert core.settings.model_source == "server"
    assert f"{core.paths.config_file}: cannot save the settings (Permission denied)" \
        in warnings[0]
    assert not core.paths.config_file.exists()
