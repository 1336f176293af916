"""The template picker: search, language filter, groups, broken files, keyboard, menu."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QAction, QInputMethodEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from assistant.gui.picker import ID_ROLE, TemplatePicker
from assistant.state import UiState
from assistant.templating.library import Library, load_library

# Harmless notes from the offscreen platform when a window is shown or raised.
pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$")

BROKEN = '+++\ntitle = "x"\n[fields.a]\nkind = "big"\n+++\n{{ a }}'
OVERRIDE = ('+++\ntitle = "Revise (mine)"\ndescription = "My own way to revise."\n'
            'category = "Writing"\nlanguage = "en"\n+++\n{{ text }}')


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "broken.md").write_text(BROKEN, encoding="utf-8")
    (folder / "revise-en.md").write_text(OVERRIDE, encoding="utf-8")
    return folder


@pytest.fixture
def state(tmp_path: Path) -> UiState:
    return UiState(tmp_path / "state.json")


@pytest.fixture
def picker(qtbot: QtBot, user_dir: Path, state: UiState) -> TemplatePicker:
    widget = TemplatePicker(load_library(user_dir), state)
    qtbot.addWidget(widget)
    widget.resize(320, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tree(picker: TemplatePicker) -> QTreeWidget:
    found = picker.findChild(QTreeWidget, "templates")
    assert found is not None
    return found


def search(picker: TemplatePicker) -> QLineEdit:
    found = picker.findChild(QLineEdit, "search")
    assert found is not None
    return found


def description(picker: TemplatePicker) -> str:
    found = picker.findChild(QLabel, "description")
    assert found is not None
    return found.text()


def type_into(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    """Type ``text``; Chinese arrives as an input method's commit, as it does for real."""
    if text.isascii():
        qtbot.keyClicks(widget, text)  # QTest aborts on characters beyond ASCII
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QCoreApplication.sendEvent(widget, event)


def visible_groups(picker: TemplatePicker) -> dict[str, list[str]]:
    """Visible group titles and the ids of their visible rows, in display order."""
    groups: dict[str, list[str]] = {}
    view = tree(picker)
    for g in range(view.topLevelItemCount()):
        top = view.topLevelItem(g)
        assert top is not None
        if top.isHidden() or top.childCount() == 0:
            continue
        rows = [top.child(c) for c in range(top.childCount())]
        groups[top.text(0)] = [str(row.data(0, ID_ROLE)) for row in rows
                               if row is not None and not row.isHidden()]
    return groups


def visible_ids(picker: TemplatePicker) -> set[str]:
    return {i for ids in visible_groups(picker).values() for i in ids}


def double_click(qtbot: QtBot, view: QTreeWidget, item: QTreeWidgetItem) -> None:
    """Press, release, then double-click, as a real mouse does (QTest sends only the last)."""
    view.scrollToItem(item)
    where = view.visualItemRect(item).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)


def row(picker: TemplatePicker, group: str, template_id: str) -> QTreeWidgetItem:
    view = tree(picker)
    for g in range(view.topLevelItemCount()):
        top = view.topLevelItem(g)
        if top is not None and top.text(0) == group:
            for c in range(top.childCount()):
                child = top.child(c)
                if child is not None and child.data(0, ID_ROLE) == template_id:
                    return child
    raise AssertionError(f"no row {template_id!r} in group {group!r}")


def no_match_row_visible(picker: TemplatePicker) -> bool:
    view = tree(picker)
    last = view.topLevelItem(view.topLevelItemCount() - 1)
    assert last is not None and last.text(0) == "No template matches"
    return not last.isHidden()


def test_groups_categories_by_title_and_broken_first(picker: TemplatePicker) -> None:
    groups = visible_groups(picker)
    assert groups["Reports"] == ["weekly-report-en", "work-log-en"]
    assert groups["报告"] == ["weekly-report-zh", "work-log-zh"]
    assert "Favourites" not in groups and "Recent" not in groups
    assert next(iter(groups)) == "Needs fixing"
    assert groups["Needs fixing"] == ["broken"]
    assert not no_match_row_visible(picker)


def test_user_override_is_marked(picker: TemplatePicker) -> None:
    override = row(picker, "Writing", "revise-en")
    assert override.text(0) == "Revise (mine)"
    assert override.text(1) == "en · user"
    assert override.toolTip(0) == "My own way to revise."
    assert row(picker, "Writing", "proofread-en").text(1) == "en"


@pytest.mark.parametrize(("typed", "expected"), [
    ("周报", {"weekly-report-zh"}),
    ("proof", {"proofread-en", "proofread-zh"}),
    ("PROOF", {"proofread-en", "proofread-zh"}),
    ("reports", {"weekly-report-en", "work-log-en"}),      # category
    ("transcript", {"meeting-minutes-en"}),               # description
    ("prf", {"proofread-en", "proofread-zh"}),            # the quick prompt's rule too
    ("wkr", {"weekly-report-en", "weekly-report-zh"}),
])
def test_typing_filters(qtbot: QtBot, picker: TemplatePicker, typed: str,
                        expected: set[str]) -> None:
    type_into(qtbot, search(picker), typed)
    assert visible_ids(picker) == expected


def test_language_filter_hides_other_language(picker: TemplatePicker) -> None:
    language = picker.findChild(QComboBox, "language")
    assert language is not None and language.itemText(2) == "English"
    language.setCurrentIndex(2)
    library = load_library(None)
    ids = visible_ids(picker) - {"broken"}
    assert ids and all(library.get(i).language == "en" for i in ids)
    assert "weekly-report-zh" not in ids
    search(picker).setText("proof")
    assert visible_ids(picker) == {"proofread-en"}


def test_no_match_shows_placeholder_and_enter_does_nothing(
        qtbot: QtBot, picker: TemplatePicker) -> None:
    qtbot.keyClicks(search(picker), "no such thing anywhere")
    assert visible_groups(picker) == {}
    assert no_match_row_visible(picker)
    with qtbot.assertNotEmitted(picker.template_activated):
        qtbot.keyClick(search(picker), Qt.Key.Key_Return)
    search(picker).clear()
    assert not no_match_row_visible(picker)


def test_favourites_and_recent_groups(picker: TemplatePicker, state: UiState) -> None:
    state.set_favourite("proofread-zh", True)
    state.set_favourite("weekly-report-en", True)
    state.set_favourite("gone", True)  # a deleted template is skipped, not shown
    state.remember("brainstorm-zh", {})
    state.remember("work-log-en", {})
    picker.refresh()
    picker.hide()  # recent templates join when the list is next shown
    picker.show()
    groups = visible_groups(picker)
    assert list(groups)[:3] == ["Needs fixing", "Favourites", "Recent"]
    assert groups["Favourites"] == ["proofread-zh", "weekly-report-en"]
    assert groups["Recent"] == ["work-log-en", "brainstorm-zh"]
    assert "proofread-zh" in groups["写作"]  # still in its category


def test_context_menu_toggles_favourite(qtbot: QtBot, picker: TemplatePicker,
                                        state: UiState) -> None:
    def action(text: str) -> QAction:
        menu = picker.context_menu("weekly-report-zh")
        return next(a for a in menu.actions() if a.text() == text)

    action("Add to favourites").trigger()
    assert state.is_favourite("weekly-report-zh")
    assert visible_groups(picker)["Favourites"] == ["weekly-report-zh"]
    assert UiState(state.path).favourites == ["weekly-report-zh"]  # saved
    action("Remove from favourites").trigger()
    assert not state.is_favourite("weekly-report-zh")
    assert "Favourites" not in visible_groups(picker)


def test_customize_only_for_builtins(qtbot: QtBot, picker: TemplatePicker) -> None:
    texts = [a.text() for a in picker.context_menu("revise-en").actions()]
    assert "Customize…" not in texts
    customize = next(a for a in picker.context_menu("proofread-zh").actions()
                     if a.text() == "Customize…")
    with qtbot.waitSignal(picker.customize_requested) as blocker:
        customize.trigger()
    assert blocker.args == ["proofread-zh"]


def test_click_selects_and_shows_description(qtbot: QtBot, picker: TemplatePicker) -> None:
    view = tree(picker)
    item = row(picker, "Reports", "weekly-report-en")
    view.scrollToItem(item)
    with qtbot.waitSignal(picker.template_selected) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualItemRect(item).center())
    assert blocker.args == ["weekly-report-en"]
    assert picker.current_id() == "weekly-report-en"
    assert description(picker).startswith("Turn this week's scattered notes")


def test_broken_template_shows_error_and_is_not_selected(
        qtbot: QtBot, picker: TemplatePicker) -> None:
    view = tree(picker)
    item = row(picker, "Needs fixing", "broken")
    assert item.text(0) == "broken.md"
    assert not item.icon(0).isNull()
    with qtbot.assertNotEmitted(picker.template_selected), \
            qtbot.assertNotEmitted(picker.template_activated):
        double_click(qtbot, view, item)
    assert view.currentItem() is item
    assert picker.current_id() is None
    assert "line 3: field 'a': kind 'big' is not one of" in description(picker)


def test_group_headers_cannot_be_clicked(qtbot: QtBot, picker: TemplatePicker) -> None:
    picker.select("brainstorm-en")
    view = tree(picker)
    header = [top for i in range(view.topLevelItemCount())
              if (top := view.topLevelItem(i)) is not None and not top.isHidden()][1]
    assert header.text(0) == "Communication"
    with qtbot.assertNotEmitted(picker.template_selected):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualItemRect(header).center())
    assert picker.current_id() == "brainstorm-en"
    assert view.currentItem() is row(picker, "Ideas", "brainstorm-en")


def test_double_click_activates(qtbot: QtBot, picker: TemplatePicker) -> None:
    view = tree(picker)
    item = row(picker, "Meetings", "meeting-minutes-en")
    with qtbot.waitSignal(picker.template_activated) as blocker:
        double_click(qtbot, view, item)
    assert blocker.args == ["meeting-minutes-en"]
    assert picker.current_id() == "meeting-minutes-en"


def test_filtering_keeps_the_current_template(qtbot: QtBot, picker: TemplatePicker) -> None:
    picker.select("brainstorm-zh")
    with qtbot.assertNotEmitted(picker.template_selected):
        type_into(qtbot, search(picker), "proof")
        assert picker.current_id() == "brainstorm-zh"
        search(picker).clear()
    assert tree(picker).currentItem() is row(picker, "创意", "brainstorm-zh")
    assert row(picker, "创意", "brainstorm-zh").isSelected()


def test_enter_in_search_activates_first_match(qtbot: QtBot, picker: TemplatePicker) -> None:
    qtbot.keyClicks(search(picker), "proof")
    with qtbot.waitSignal(picker.template_activated) as blocker:
        qtbot.keyClick(search(picker), Qt.Key.Key_Return)
    assert blocker.args == ["proofread-en"]
    assert picker.current_id() == "proofread-en"


def test_keyboard_flow_from_search_through_list(qtbot: QtBot, picker: TemplatePicker) -> None:
    picker.activateWindow()
    picker.focus_search()
    qtbot.waitUntil(search(picker).hasFocus)
    qtbot.keyClicks(search(picker), "report")
    with qtbot.waitSignal(picker.template_selected) as blocker:
        qtbot.keyClick(search(picker), Qt.Key.Key_Down)
    assert blocker.args == ["weekly-report-en"]
    view = tree(picker)
    assert view.hasFocus()
    with qtbot.waitSignal(picker.template_selected) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert blocker.args == ["work-log-en"]
    # The "报告" header sits between work-log-en and weekly-report-zh: it is skipped.
    with qtbot.waitSignal(picker.template_selected) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert blocker.args == ["weekly-report-zh"]
    with qtbot.waitSignal(picker.template_activated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == ["weekly-report-zh"]
    # Typing in the list goes on searching; Up from the first row returns to the box.
    qtbot.keyClicks(view, "s")
    assert search(picker).text() == "reports"
    assert search(picker).hasFocus()
    assert visible_ids(picker) == {"weekly-report-en", "work-log-en"}


def test_up_from_first_row_returns_to_search(qtbot: QtBot, picker: TemplatePicker) -> None:
    picker.activateWindow()
    view = tree(picker)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentItem(row(picker, "Needs fixing", "broken"))  # the first row of all
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert search(picker).hasFocus()


def test_moving_between_copies_of_one_template_does_not_reselect(
        qtbot: QtBot, picker: TemplatePicker, state: UiState) -> None:
    state.set_favourite("proofread-en", True)
    picker.refresh()
    view = tree(picker)
    with qtbot.waitSignal(picker.template_selected):
        view.setCurrentItem(row(picker, "Favourites", "proofread-en"))
    with qtbot.assertNotEmitted(picker.template_selected):
        view.setCurrentItem(row(picker, "Writing", "proofread-en"))
    with qtbot.waitSignal(picker.template_selected) as blocker:
        view.setCurrentItem(row(picker, "Writing", "revise-en"))
    assert blocker.args == ["revise-en"]


def test_select(qtbot: QtBot, picker: TemplatePicker) -> None:
    with qtbot.assertNotEmitted(picker.template_selected):
        assert picker.select("meeting-minutes-zh")
    assert picker.current_id() == "meeting-minutes-zh"
    assert tree(picker).currentItem() is row(picker, "会议", "meeting-minutes-zh")
    assert "会议记录" in description(picker)
    assert not picker.select("no-such-template")
    assert not picker.select("broken")
    assert picker.current_id() == "meeting-minutes-zh"


def test_set_library_keeps_selection_and_search(qtbot: QtBot, picker: TemplatePicker,
                                                user_dir: Path) -> None:
    picker.select("weekly-report-zh")
    type_into(qtbot, search(picker), "周")
    (user_dir / "weekly-plan.md").write_text(
        '+++\ntitle = "下周计划"\ncategory = "报告"\nlanguage = "zh"\n+++\n{{ notes }}',
        encoding="utf-8")
    with qtbot.assertNotEmitted(picker.template_selected):
        picker.set_library(load_library(user_dir))
    assert search(picker).text() == "周"
    assert picker.current_id() == "weekly-report-zh"
    assert tree(picker).currentItem() is row(picker, "报告", "weekly-report-zh")
    assert visible_ids(picker) == {"weekly-report-zh", "weekly-plan"}


def test_set_library_shows_the_error_when_the_current_template_breaks(
        qtbot: QtBot, picker: TemplatePicker, user_dir: Path) -> None:
    (user_dir / "mine.md").write_text("Hello {{ name }}", encoding="utf-8")
    picker.set_library(load_library(user_dir))
    assert picker.select("mine")
    (user_dir / "mine.md").write_text("Hello {% if %}", encoding="utf-8")
    picker.set_library(load_library(user_dir))
    assert picker.current_id() is None
    assert tree(picker).currentItem() is row(picker, "Needs fixing", "mine")
    assert "mine.md, line 1: template syntax error" in description(picker)


def test_empty_library(qtbot: QtBot, state: UiState) -> None:
    widget = TemplatePicker(Library(), state)
    qtbot.addWidget(widget)
    assert visible_groups(widget) == {}
    assert no_match_row_visible(widget)
    assert widget.current_id() is None
    assert description(widget) == "Pick a template to see what it does."


class Shouting(QTranslator):
    """A stand-in translation: every picker text in capitals, {placeholders} kept."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if context != "TemplatePicker":
            return ""
        return re.sub(r"[^{}]+(?![^{]*})", lambda match: match[0].upper(), source)

    def isEmpty(self) -> bool:
        return False  # else installTranslator skips the LanguageChange event


def test_retranslates_on_language_change(qtbot: QtBot, picker: TemplatePicker,
                                         state: UiState) -> None:
    state.set_favourite("proofread-zh", True)
    picker.refresh()
    picker.select("proofread-zh")
    translator = Shouting()
    app = QCoreApplication.instance()
    assert app is not None
    assert app.installTranslator(translator)  # Qt sends LanguageChange to every widget
    try:
        # QApplication posts LanguageChange to every top-level widget.
        qtbot.waitUntil(lambda: search(picker).placeholderText() == "SEARCH TEMPLATES…")
        assert "FAVOURITES" in visible_groups(picker)
        assert row(picker, "Writing", "revise-en").text(1) == "en · USER"
        assert picker.current_id() == "proofread-zh"
    finally:
        app.removeTranslator(translator)
    QCoreApplication.sendEvent(picker, QEvent(QEvent.Type.LanguageChange))
    assert search(picker).placeholderText() == "Search templates…"
    assert "Favourites" in visible_groups(picker)


def test_ui_language_categories_come_first(qtbot: QtBot, tmp_path: Path) -> None:
    picker = TemplatePicker(load_library(None), UiState(tmp_path / "state.json"))
    qtbot.addWidget(picker)

    def first_group() -> str:
        tree = picker.findChild(QTreeWidget, "templates")
        assert tree is not None
        visible = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                   if not tree.topLevelItem(i).isHidden()]
        return visible[0].text(0)

    picker.set_preferred_language("zh")
    assert first_group() in {"会议", "写作", "创意", "报告", "沟通"}
    picker.set_preferred_language("en")
    assert first_group() in {"Communication", "Ideas", "Meetings", "Reports", "Writing"}
