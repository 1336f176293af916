"""The picker in a new user's first hour (issue 12): broken files are seen, rows stay put.

Broken templates come first, under "Needs fixing", with the core's whole
message and a button that opens the file; a run does not push the rows down
under the pointer (Recent catches up when the list is next filtered or shown).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from assistant.backend.fake import FakeBackend
from assistant.gui.main_window import MainWindow
from assistant.gui.picker import ID_ROLE, TemplatePicker
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.worker import ModelController
from assistant.messages import Message
from assistant.state import UiState
from assistant.templating.library import Library, LoadError, load_library
from assistant.templating.model import Source
from assistant.wiring import build_core

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$")

UNCLOSED = '+++\ntitle = "Standup\ncategory = "Mine"\n+++\n{{ notes }}'
SMALL = ('+++\ntitle = "{title}"\ncategory = "Mine"\nlanguage = "en"\n+++\n{{{{ notes }}}}')


def view(picker: TemplatePicker) -> QTreeWidget:
    found = picker.findChild(QTreeWidget, "templates")
    assert found is not None
    return found


def groups(picker: TemplatePicker) -> list[str]:
    tree = view(picker)
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [top.text(0) for top in tops if top is not None and not top.isHidden()
            and top.childCount()]


def row(picker: TemplatePicker, group: str, template_id: str) -> QTreeWidgetItem:
    tree = view(picker)
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        if top is not None and top.text(0) == group:
            for c in range(top.childCount()):
                child = top.child(c)
                if child is not None and child.data(0, ID_ROLE) == template_id:
                    return child
    raise AssertionError(f"no row {template_id!r} in group {group!r}")


def click(qtbot: QtBot, picker: TemplatePicker, item: QTreeWidgetItem) -> int:
    """Click ``item`` as a user does; return its top edge on screen."""
    tree = view(picker)
    tree.scrollToItem(item)
    where = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where.center())
    assert tree.currentItem() is item
    return where.top()


def on_screen(picker: TemplatePicker) -> int:
    """Where the current row is on screen (its top edge in the list's viewport)."""
    tree = view(picker)
    current = tree.currentItem()
    assert current is not None
    return tree.visualItemRect(current).top()


def make_picker(qtbot: QtBot, library: Library, state: UiState,
                height: int = 600) -> TemplatePicker:
    picker = TemplatePicker(library, state)
    qtbot.addWidget(picker)
    picker.resize(320, height)
    picker.show()
    qtbot.waitExposed(picker)
    return picker


@pytest.fixture
def state(tmp_path: Path) -> UiState:
    return UiState(tmp_path / "state.json")


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "standup.md").write_text(UNCLOSED, encoding="utf-8")
    return folder


# -- broken templates --------------------------------------------------------------


def test_broken_files_come_first_with_a_warning(qtbot: QtBot, user_dir: Path,
                                                state: UiState) -> None:
    picker = make_picker(qtbot, load_library(user_dir), state)
    assert groups(picker)[0] == "Needs fixing"
    header = view(picker).topLevelItem(0)
    assert header is not None and not header.icon(0).isNull()
    item = row(picker, "Needs fixing", "standup")
    assert item.text(0) == "standup.md" and not item.icon(0).isNull()
    assert view(picker).visualItemRect(item).top() < view(picker).viewport().height()


def test_a_broken_file_shows_its_whole_message_and_opens(qtbot: QtBot, user_dir: Path,
                                                         state: UiState) -> None:
    library = load_library(user_dir)
    picker = make_picker(qtbot, library, state)
    opener = picker.findChild(QPushButton, "openBroken")
    assert opener is not None and opener.isHidden()  # nothing broken is current yet
    click(qtbot, picker, row(picker, "Needs fixing", "standup"))
    label = picker.findChild(QLabel, "description")
    assert label is not None
    assert label.text() == str(library.errors[0].message)  # whole, as the core wrote it
    assert label.wordWrap()
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert opener.isVisible() and opener.text() == "Open the file to fix it"
    with qtbot.waitSignal(picker.open_file_requested) as blocker:
        opener.click()
    assert blocker.args == [str(user_dir / "standup.md")]
    click(qtbot, picker, row(picker, "Writing", "proofread-en"))
    assert opener.isHidden()


def test_a_broken_builtin_offers_no_file_to_open(qtbot: QtBot, state: UiState) -> None:
    error = LoadError("built-in oops.md", "oops", Source.BUILTIN,
                      Message.of("built-in oops.md, line 1: something is wrong."))
    picker = make_picker(qtbot, Library({}, (error,)), state)
    click(qtbot, picker, row(picker, "Needs fixing", "oops"))
    opener = picker.findChild(QPushButton, "openBroken")
    assert opener is not None and opener.isHidden()


# -- rows stay under the pointer ------------------------------------------------------


@pytest.fixture
def few(tmp_path: Path) -> Library:
    """A library that fits in the list: no scrolling can hide a jump."""
    builtin = tmp_path / "none"
    builtin.mkdir()
    folder = tmp_path / "few"
    folder.mkdir()
    for name in ("alpha", "beta", "gamma"):
        (folder / f"{name}.md").write_text(SMALL.format(title=name.title()), encoding="utf-8")
    return load_library(folder, builtin)


def test_a_run_does_not_move_the_clicked_row(qtbot: QtBot, few: Library,
                                             state: UiState) -> None:
    picker = make_picker(qtbot, few, state)
    tree = view(picker)
    assert tree.verticalScrollBar().maximum() == 0  # everything fits
    before = click(qtbot, picker, row(picker, "Mine", "beta"))
    state.remember("beta", {})  # what the window does when the run starts
    picker.refresh()
    assert on_screen(picker) == before
    assert "Recent" not in groups(picker)
    # The next filtering (or showing the picker again) brings Recent in.
    search = picker.findChild(QLineEdit, "search")
    assert search is not None
    qtbot.keyClicks(search, "a")
    assert groups(picker)[0] == "Recent"
    assert picker.current_id() == "beta"


def test_a_new_favourite_keeps_the_current_row_in_place(qtbot: QtBot, state: UiState,
                                                        tmp_path: Path) -> None:
    picker = make_picker(qtbot, load_library(None), state, height=300)
    tree = view(picker)
    assert tree.verticalScrollBar().maximum() > 0  # the built-ins need scrolling here
    item = row(picker, "Writing", "proofread-en")
    before = click(qtbot, picker, item)
    state.set_favourite("proofread-en", True)
    picker.refresh()
    assert groups(picker)[0] == "Favourites"
    assert on_screen(picker) == before


@pytest.fixture
def window(qtbot: QtBot, home: Path) -> Iterator[MainWindow]:
    core = build_core()
    controller = ModelController(lambda *_: FakeBackend())
    flow = SettingsFlow(core, controller, lambda _language: None)
    made = MainWindow(core, UiState(core.paths.state_file), controller, flow, "en")
    qtbot.addWidget(made)
    made.show()
    with qtbot.waitSignal(controller.model_loaded, timeout=60000):
        made.load_model()
    yield made
    assert controller.shutdown()


def test_a_finished_run_leaves_the_list_where_it_was(qtbot: QtBot, window: MainWindow) -> None:
    picker = window.picker
    before = click(qtbot, picker, row(picker, "Reports", "weekly-report-en"))
    window.form.set_value("notes", "Fixed the login bug.")
    with qtbot.waitSignal(window.controller.run_ended, timeout=5000):
        window.run_button.click()
    assert on_screen(picker) == before
    assert picker.current_id() == "weekly-report-en"


def test_a_broken_file_opens_from_the_window(qtbot: QtBot, window: MainWindow) -> None:
    opened: list[Path] = []
    window.templates.opener = lambda path: opened.append(path) or True
    broken = window.core.paths.templates_dir / "standup.md"
    broken.write_text(UNCLOSED, encoding="utf-8")
    with qtbot.waitSignal(window.templates.reloaded, timeout=30_000):
        window.templates.reload()
    click(qtbot, window.picker, row(window.picker, "Needs fixing", "standup"))
    opener = window.picker.findChild(QPushButton, "openBroken")
    assert opener is not None
    opener.click()
    assert opened == [broken]
