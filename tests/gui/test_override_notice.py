"""A broken user file of a built-in's id: the window and the quick prompt say the built-in is used.

The user's ``proofread-en.md`` overrides the built-in; broken, the library
keeps the built-in (``Library.notice``). The picker lists the file under
"Needs fixing", but picked by its title the template used to look like the
user's own. Now an amber notice above the form says so, opens the file, and
follows the file as it is fixed or broken again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assistant.backend.fake import FakeBackend
from assistant.gui.core_text import shown
from assistant.gui.main_window import MainWindow
from assistant.gui.override_notice import OverrideNotice, broken_override
from assistant.gui.quick_prompt import QuickPrompt
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.worker import ModelController
from assistant.paths import user_paths
from assistant.state import UiState
from assistant.wiring import build_core

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$")

BROKEN = "+++\ntitle = \n+++\nProofread: {{ text }}\n"  # a TOML value is missing
FIXED = '+++\ntitle = "My proofreading"\ninput = "text"\n+++\nProofread: {{ text }}\n'
RELOAD_MS = 10_000  # the folder may be read on a thread, each new file checked in a child


class FakeOpener:
    """Records what the app asked the desktop to open."""

    def __init__(self) -> None:
        self.opened: list[Path] = []

    def __call__(self, path: Path) -> bool:
        self.opened.append(path)
        return True


@pytest.fixture
def user_file(home: Path) -> Path:
    """The user's broken ``proofread-en.md``, written before the app starts."""
    folder = user_paths().templates_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "proofread-en.md"
    path.write_text(BROKEN, encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot: QtBot, user_file: Path) -> Iterator[MainWindow]:
    core = build_core()
    controller = ModelController(lambda _config: FakeBackend())
    flow = SettingsFlow(core, controller, lambda _setting: None)
    main = MainWindow(core, UiState(core.paths.state_file), controller, flow, "en")
    qtbot.addWidget(main)
    main.show()
    yield main
    assert controller.shutdown()


def notice_of(window: MainWindow) -> OverrideNotice:
    return window.override_notice


def reload(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.templates.reloaded, timeout=RELOAD_MS):
        window.templates.reload()


def test_the_library_notice_is_shown_above_the_form_with_its_file(
        qtbot: QtBot, window: MainWindow, user_file: Path) -> None:
    library = window.core.library
    message = library.notice("proofread-en")
    assert message is not None and library.templates["proofread-en"].source.value == "built-in"
    assert window.select_template("proofread-en")
    notice = notice_of(window)
    assert notice.isVisible()
    assert notice.text.text() == shown(message)
    assert "proofread-en.md" in notice.text.text() and "built-in" in notice.text.text()
    error = broken_override(library, "proofread-en")
    assert error is not None and error.path == str(user_file) and notice.error == error
    assert window.select_template("weekly-report-en")
    assert not notice.isVisible(), "only the template whose file is broken says so"


def test_the_button_opens_the_broken_file(qtbot: QtBot, window: MainWindow,
                                          user_file: Path) -> None:
    window.templates.opener = opener = FakeOpener()
    assert window.select_template("proofread-en")
    notice = notice_of(window)
    assert notice.open_button.isVisible() and notice.open_button.text() == \
        "Open the file to fix it"
    notice.open_button.click()
    assert opener.opened == [user_file]


def test_the_notice_follows_the_file_as_it_is_fixed_and_broken_again(
        qtbot: QtBot, window: MainWindow, user_file: Path) -> None:
    assert window.select_template("proofread-en")
    notice = notice_of(window)
    assert notice.isVisible()
    user_file.write_text(FIXED, encoding="utf-8")
    reload(qtbot, window)
    assert window._template is not None and window._template.title == "My proofreading"
    assert not notice.isVisible() and notice.error is None
    user_file.write_text(BROKEN, encoding="utf-8")
    reload(qtbot, window)
    assert window._template is not None and window._template.source.value == "built-in"
    assert notice.isVisible() and "proofread-en.md" in notice.text.text()


def test_the_quick_prompt_says_so_for_the_chosen_template(
        qtbot: QtBot, user_file: Path) -> None:
    core = build_core()
    controller = ModelController(lambda _config: FakeBackend())
    popup = QuickPrompt(core, UiState(core.paths.state_file), controller)
    qtbot.addWidget(popup)
    popup.open_with("Their going tomorow.")
    qtbot.keyClicks(popup.search, "proofread-en")
    item = popup.matches.currentItem()
    assert item is not None and item.data(Qt.ItemDataRole.UserRole) == "proofread-en"
    notice = popup.override_notice
    assert notice.isVisibleTo(popup) and "proofread-en.md" in notice.text.text()
    with qtbot.waitSignal(popup.open_file_requested, timeout=1000) as asked:
        notice.open_button.click()
    assert asked.args == [str(user_file)]
    assert not popup.isVisible(), "out of the way of the editor"
    popup.open_with("Some text.")
    qtbot.keyClicks(popup.search, "weekly-report-en")
    assert not notice.isVisibleTo(popup)
    assert controller.shutdown()
    QApplication.processEvents()
