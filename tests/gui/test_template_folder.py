"""Customize, New template and the template folder where no program can open them (issue 12).

The desktop's opener is faked: ``fail`` stands for a machine with no launcher
(``QDesktopServices.openUrl`` returns False), ``succeed`` for one with an editor.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from assistant.backend.fake import FakeBackend
from assistant.gui.file_notice import FileNotice
from assistant.gui.main_window import MainWindow
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.template_folder import TemplateFolder
from assistant.gui.worker import ModelController
from assistant.state import UiState
from assistant.wiring import build_core

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$")


class FakeOpener:
    """Records what the app asked the desktop to open, and answers ``works``."""

    def __init__(self, works: bool) -> None:
        self.works = works
        self.opened: list[Path] = []

    def __call__(self, path: Path) -> bool:
        self.opened.append(path)
        return self.works


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def folder(home: Path, parent: QWidget) -> TemplateFolder:
    return TemplateFolder(build_core(), parent)


def notice_of(parent: QWidget) -> FileNotice:
    found = parent.findChild(FileNotice)
    assert found is not None, "no notice was shown"
    assert found.isVisible()
    return found


def button(notice: FileNotice, text: str) -> QPushButton:
    return next(b for b in notice.findChildren(QPushButton) if b.text() == text)


def feedback(notice: FileNotice) -> str:
    label = notice.findChild(QLabel, "feedback")
    assert label is not None
    return label.text() if label.isVisible() else ""


def test_customize_without_an_editor_says_where_the_file_is(
        qtbot: QtBot, folder: TemplateFolder, parent: QWidget) -> None:
    folder.opener = opener = FakeOpener(works=False)
    with qtbot.waitSignal(folder.created) as created:
        folder.customize(parent, "proofread-en")
    target = folder.folder / "proofread-en.md"
    assert target.is_file() and opener.opened == [target]
    assert created.args[0] == str(target)
    assert str(target) in created.args[1] and "no editor could be opened" in created.args[1]
    notice = notice_of(parent)
    path_box = notice.findChild(QLineEdit, "path")
    assert path_box is not None and path_box.text() == str(target)
    assert "No editor could be opened" in notice.findChildren(QLabel)[0].text()

    button(notice, "Copy path").click()
    clipboard = QApplication.clipboard()
    assert clipboard.text() == str(target)
    assert feedback(notice) == "Copied the path to the clipboard."

    button(notice, "Open folder").click()  # no file manager either: the notice stays
    assert opener.opened[-1] == folder.folder
    assert "No file manager could be opened either" in feedback(notice)
    assert notice.isVisible()
    opener.works = True
    button(notice, "Open folder").click()
    assert not notice.isVisible()


def test_customize_with_an_editor_opens_it_and_names_the_file(
        qtbot: QtBot, folder: TemplateFolder, parent: QWidget) -> None:
    folder.opener = opener = FakeOpener(works=True)
    with qtbot.waitSignal(folder.created) as created:
        folder.customize(parent, "proofread-en")
    target = folder.folder / "proofread-en.md"
    assert opener.opened == [target]
    assert created.args[1] == (f"Opened {target} in your editor; changes are picked up when "
                               "you save.")
    assert parent.findChild(FileNotice) is None


def test_new_template_without_an_editor_says_where_it_is(
        qtbot: QtBot, folder: TemplateFolder, parent: QWidget,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kw: ("Standup notes", True))
    folder.opener = FakeOpener(works=False)
    with qtbot.waitSignal(folder.created) as created:
        folder.new_template(parent, "en")
    path = Path(created.args[0])
    assert path.is_file() and path.parent == folder.folder
    path_box = notice_of(parent).findChild(QLineEdit, "path")
    assert path_box is not None and path_box.text() == str(path)


def test_open_folder_without_a_file_manager_says_where_it_is(
        qtbot: QtBot, folder: TemplateFolder, parent: QWidget) -> None:
    folder.opener = FakeOpener(works=False)
    folder.open_folder()
    notice = notice_of(parent)
    path_box = notice.findChild(QLineEdit, "path")
    assert path_box is not None and path_box.text() == str(folder.folder)
    texts = [b.text() for b in notice.findChildren(QPushButton) if not b.isHidden()]
    assert "Copy path" in texts and "Open folder" not in texts  # it just failed


def test_open_folder_with_a_file_manager_shows_no_notice(
        qtbot: QtBot, folder: TemplateFolder, parent: QWidget) -> None:
    folder.opener = opener = FakeOpener(works=True)
    folder.open_folder()
    assert opener.opened == [folder.folder]
    assert parent.findChild(FileNotice) is None


@pytest.fixture
def window(qtbot: QtBot, home: Path) -> Iterator[MainWindow]:
    core = build_core()
    controller = ModelController(lambda *_: FakeBackend())
    flow = SettingsFlow(core, controller, lambda _language: None)
    made = MainWindow(core, UiState(core.paths.state_file), controller, flow, "en")
    qtbot.addWidget(made)
    made.show()
    yield made
    assert controller.shutdown()


@pytest.mark.parametrize("works", [True, False])
def test_the_menu_entry_tells_where_the_customized_file_is(
        qtbot: QtBot, window: MainWindow, works: bool) -> None:
    window.templates.opener = FakeOpener(works)
    window.select_template("proofread-en")
    with qtbot.waitSignal(window.templates.created, timeout=30_000):
        window.menus.customize_action.trigger()
    target = window.core.paths.templates_dir / "proofread-en.md"
    assert str(target) in window.statusBar().currentMessage()
    assert (window.findChild(FileNotice) is None) is works
    assert window._template is not None and window._template.source.value == "user"


def test_a_file_that_hangs_the_checker_does_not_hold_the_window(
        qtbot: QtBot, folder: TemplateFolder) -> None:
    """The folder is read on its own thread; the event loop goes on meanwhile."""
    from tests.test_vetting import SLOW

    (folder.folder / "slow.md").write_text(SLOW, encoding="utf-8")
    (folder.folder / "fine.md").write_text("Say hi to {{ name }}", encoding="utf-8")
    ticks: list[int] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(folder.reloaded, timeout=60_000):
        folder.reload()
        assert folder.reading
    timer.stop()
    assert len(ticks) >= 5, "the window went on while the folder was read"
    library = folder.core.library
    assert library.get("fine").title == "fine"
    [error] = [e for e in library.errors if e.template_id == "slow"]
    assert "checking this template" in str(error.message)
    assert len(library.templates) >= 17


def test_changes_during_a_read_are_read_too(qtbot: QtBot, folder: TemplateFolder) -> None:
    (folder.folder / "first.md").write_text("One {{ a }}", encoding="utf-8")
    done: list[str] = []
    folder.reload(then=lambda: done.append("first"))
    (folder.folder / "second.md").write_text("Two {{ b }}", encoding="utf-8")
    folder.reload(then=lambda: done.append("second"))
    qtbot.waitUntil(lambda: len(done) == 2 and not folder.reading, timeout=60_000)
    assert {"first", "second"} <= set(folder.core.library.templates)
