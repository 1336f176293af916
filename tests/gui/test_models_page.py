"""The models page and the first-run banner, against a real hub stub on 127.0.0.1.

Downloads are real HTTP transfers of the embedded model's bytes from
``tests/hub_stub.py``; files are real files in a throw-away profile. File
dialogs and "are you sure?" boxes are answered by replacing the Qt call.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hub_stub import FILE, REPO, HubStub
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from assistant.backend.fake import FakeBackend
from assistant.catalog import Catalog, load_catalog
from assistant.download import has_partial
from assistant.gui.first_run import NOTICE
from assistant.gui.main_window import MainWindow
from assistant.gui.models_page import ModelsPage
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.worker import ModelController
from assistant.state import UiState
from assistant.wiring import Core, build_core

GB = 1024 ** 3
CATALOG = f'''
[[model]]
id = "stub-small"
name = "Stub Small"
parameters = "135M"
quantization = "Q4_1"
size_mb = 94
ram_gb = 4
languages = ["en"]
license = "Apache-2.0"
expect_en = "Tiny and fast."
expect_zh = "又小又快。"
sources.huggingface = {{ repo = "{REPO}", files = ["{FILE}"] }}
sources.modelscope = {{ repo = "{REPO}", files = ["{FILE}"] }}

[[model]]
id = "stub-big"
name = "Stub Big"
parameters = "70B"
quantization = "Q4_K_M"
size_mb = 40000
ram_gb = 64
min_cores = 16
languages = ["zh", "en"]
license = "Apache-2.0"
expect_en = "Huge."
sources.huggingface = {{ repo = "{REPO}", files = ["big.gguf"] }}
'''


@pytest.fixture
def core(home: Path) -> Core:
    return build_core()


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog(CATALOG, "test catalogue")


@pytest.fixture
def page(qtbot: QtBot, core: Core, catalog: Catalog, hub: HubStub) -> Iterator[ModelsPage]:
    widget = ModelsPage(core, catalog, (8 * GB, 2), "en", environ=hub.environ())
    qtbot.addWidget(widget)
    yield widget
    widget.shutdown()


def rows(tree: Any) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_lists_the_embedded_model_as_active_and_recommends_by_machine(page: ModelsPage) -> None:
    installed = rows(page.installed)
    assert len(installed) == 1 and installed[0].startswith("✓ SmolLM2-135M")
    assert page.installed.topLevelItem(0).text(1) == "built in (demo)"
    assert page.installed.topLevelItem(0).text(4) == "135M"
    states = [page.recommended.topLevelItem(i).text(5)
              for i in range(page.recommended.topLevelItemCount())]
    assert states == ["recommended", "needs more RAM"]
    assert "Tiny and fast." in page.expect_label.text()
    assert "2-core laptop" in page.expect_label.text()


def test_default_source_follows_the_language(qtbot: QtBot, core: Core, catalog: Catalog) -> None:
    chinese = ModelsPage(core, catalog, (8 * GB, 2), "zh_CN", environ={})
    qtbot.addWidget(chinese)
    assert chinese.source().value == "modelscope"
    assert "又小又快" in chinese.expect_label.text()


def test_add_a_file_by_dialog_copies_it_into_the_models_folder(
        qtbot: QtBot, page: ModelsPage, core: Core, model_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "Downloads" / "my-model.gguf"
    elsewhere.parent.mkdir()
    shutil.copyfile(model_path, elsewhere)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *_a, **_k: ([str(elsewhere)], ""))
    monkeypatch.setattr(ModelsPage, "_ask_copy", lambda self, path: True)
    with qtbot.waitSignal(page.added, timeout=30000) as added:
        page.add_button.click()
    target = core.paths.models_dir / "my-model.gguf"
    assert added.args[0] == [target]
    assert target.read_bytes() == model_path.read_bytes()
    assert not target.with_name("my-model.gguf.part").exists()
    assert any(row.startswith("my-model.gguf") for row in rows(page.installed))


def test_a_file_that_is_no_model_is_refused(page: ModelsPage, core: Core, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    notes = tmp_path / "notes.gguf"
    notes.write_text("meeting notes, not a model", encoding="utf-8")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    assert page.add_files([notes], copy=True) == []
    assert said and "notes.gguf" in said[0]
    assert not (core.paths.models_dir / "notes.gguf").exists()


def test_use_in_place_makes_it_active_without_copying(qtbot: QtBot, page: ModelsPage, core: Core,
                                                       model_path: Path) -> None:
    with qtbot.waitSignal(page.active_changed, timeout=5000):
        assert page.add_files([model_path.parent / model_path.name], copy=False)
    # The embedded file is "used where it is": it is the chosen file now.
    assert core.settings.model == str(model_path)


def test_download_with_progress_cancel_resume_and_activate(
        qtbot: QtBot, page: ModelsPage, core: Core, hub: HubStub,
        served_model: tuple[bytes, str]) -> None:
    data = served_model[0]
    slow = hub.behave(FILE, rate_bps=24 * 1024 * 1024)
    page.source_box.setCurrentIndex(page.source_box.findData("huggingface"))
    page.recommended.topLevelItem(0).setSelected(True)
    page.download_button.click()
    qtbot.waitUntil(lambda: 0 < page.progress.value() < 1000, timeout=20000)
    assert " of " in page.progress_label.text() and "/s" in page.progress_label.text()
    assert page.cancel_button.isEnabled() and not page.download_button.isEnabled()
    with qtbot.waitSignal(page.job.cancelled, timeout=10000):
        page.cancel_button.click()
    target = core.paths.models_dir / FILE
    assert has_partial(target) and not target.exists()
    assert page.download_button.text().startswith("Resume (")
    slow.rate_bps = None
    with qtbot.waitSignal(page.active_changed, timeout=60000):
        page.download_button.click()
    assert target.read_bytes() == data
    assert hub.requests_for("/cdn/")[-1].range is not None, "the second attempt resumed"
    assert core.settings.model == str(target) and core.settings.model_source == "local"
    assert "Downloaded and verified" in page.progress_label.text()
    assert rows(page.installed)[1].startswith("✓ " + FILE)
    assert page.recommended.topLevelItem(0).text(5) == "downloaded"
    assert page.download_button.text() == "Downloaded" and not page.download_button.isEnabled()


def test_a_failed_download_says_why(qtbot: QtBot, page: ModelsPage, hub: HubStub) -> None:
    hub.behave(FILE, status=404)
    page.recommended.topLevelItem(0).setSelected(True)
    with qtbot.waitSignal(page.job.failed, timeout=20000):
        page.download_button.click()
    assert "(404)" in page.progress_label.text() and hub.url in page.progress_label.text()


def test_remove_asks_then_deletes_and_falls_back_to_the_embedded_model(
        qtbot: QtBot, page: ModelsPage, core: Core, model_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = core.paths.models_dir / "old.gguf"
    shutil.copyfile(model_path, target)
    core.use_model(target)
    page.refresh()
    page.installed.topLevelItem(1).setSelected(True)
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    with qtbot.waitSignal(page.active_changed, timeout=5000):
        page.remove_button.click()
    assert asked and "old.gguf" in asked[0] and "cannot be undone" in asked[0]
    assert not target.exists() and core.settings.model == ""
    page.installed.topLevelItem(0).setSelected(True)
    assert not page.remove_button.isEnabled(), "the embedded model cannot be removed"


# -- the first-run banner in the main window -------------------------------------------

def window_for(qtbot: QtBot, core: Core) -> MainWindow:
    controller = ModelController(lambda _config: FakeBackend())
    flow = SettingsFlow(core, controller, lambda _language: None)
    window = MainWindow(core, UiState(core.paths.state_file), controller, flow, "en")
    qtbot.addWidget(window)
    window.show()
    return window


def test_first_run_banner_shows_while_only_the_demo_model_is_there(
        qtbot: QtBot, core: Core, model_path: Path) -> None:
    window = window_for(qtbot, core)
    banner = window.models.banner
    assert banner.isVisible() and "cannot write Chinese" in banner.text.text()
    shutil.copyfile(model_path, core.paths.models_dir / "qwen.gguf")
    window.models.update_banner()
    assert not banner.isVisible()
    assert window.controller.shutdown()


def test_first_run_banner_can_be_dismissed_for_good(qtbot: QtBot, core: Core) -> None:
    window = window_for(qtbot, core)
    window.models.banner.close_button.click()
    assert not window.models.banner.isVisible()
    again = window_for(qtbot, core)
    assert not again.models.banner.isVisible()
    assert UiState(core.paths.state_file).is_dismissed(NOTICE)
    for each in (window, again):
        assert each.controller.shutdown()


def test_first_run_banner_opens_the_models_page(qtbot: QtBot, core: Core) -> None:
    window = window_for(qtbot, core)
    window.models.banner.download_button.click()
    assert window.models.page is not None and window.models.page.isVisible()
    window.models.shutdown()
    assert window.controller.shutdown()


def test_banner_server_button_opens_settings_on_the_server_source(
        qtbot: QtBot, core: Core, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.gui.settings_dialog import SettingsDialog

    seen: list[str] = []

    def exec_(dialog: SettingsDialog) -> int:
        seen.append(dialog.source())
        return 0

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    window = window_for(qtbot, core)
    window.models.banner.server_button.click()
    assert seen == ["server"]
    assert window.controller.shutdown()
