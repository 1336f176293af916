"""TemplateForm and ExamplesDialog with the real built-in templates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, QTranslator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot
from waits import UI_MS

from assistant.gui.form import TemplateForm
from assistant.templating import parse_template
from assistant.templating.library import load_library
from assistant.templating.model import Field, FieldKind

LIB = load_library(None)
WEEKLY_ZH = LIB.get("weekly-report-zh")
MINUTES_EN = LIB.get("meeting-minutes-en")
PROOFREAD_EN = LIB.get("proofread-en")

# Showing a top-level window (a tooltip, the examples dialog) on the offscreen
# platform logs these; they say nothing about the widget.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$")

# No examples, a required line, a choice without default and an undeclared variable.
BARE = parse_template('''+++
title = "Bare"
input = "body"

[fields.body]
label = "Body"
kind = "text"

[fields.subject]
label = "Subject"
kind = "line"
required = true

[fields.mood]
label = "Mood"
kind = "choice"
options = ["calm", "urgent"]
+++
{{ subject }} {{ mood }} {{ body }} {{ signature }}
''', "bare", "bare.md")


class Clipboard:
    """A stub for the window's ``lambda: QGuiApplication.clipboard().text()``."""

    def __init__(self) -> None:
        self.text = ""

    def __call__(self) -> str:
        return self.text


@pytest.fixture
def clipboard() -> Clipboard:
    return Clipboard()


@pytest.fixture
def form(qtbot: QtBot, clipboard: Clipboard) -> TemplateForm:
    widget = TemplateForm(clipboard)
    qtbot.addWidget(widget)
    return widget


def layout_of(form: TemplateForm) -> QFormLayout:
    layout = form.findChild(QFormLayout)
    assert isinstance(layout, QFormLayout)
    return layout


def cell(form: TemplateForm, row: int, role: QFormLayout.ItemRole) -> QWidget:
    item = layout_of(form).itemAt(row, role)
    assert item is not None
    widget = item.widget()
    assert widget is not None
    return widget


def label(form: TemplateForm, row: int) -> QLabel:
    widget = cell(form, row, QFormLayout.ItemRole.LabelRole)
    assert isinstance(widget, QLabel)
    return widget


def editor(form: TemplateForm, row: int) -> QWidget:
    """The input widget of ``row`` (inside its box when it has a paste button)."""
    field = cell(form, row, QFormLayout.ItemRole.FieldRole)
    buddy = label(form, row).buddy()
    assert buddy is not None and (buddy is field or buddy.parent() is field)
    return buddy


def paste_button(form: TemplateForm, row: int) -> QToolButton:
    button = cell(form, row, QFormLayout.ItemRole.FieldRole).findChild(QToolButton)
    assert isinstance(button, QToolButton)
    return button


# pytest-qt's key and mouse helpers are untyped; these keep mypy --strict quiet.
def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    qtbot.keyClicks(widget, text)  # type: ignore[no-untyped-call]


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)  # type: ignore[no-untyped-call]


def count_text(form: TemplateForm) -> str:
    for child in form.findChildren(QLabel):
        if "example" in child.text().lower():
            return child.text()
    raise AssertionError("no example count label")


def checkbox(form: TemplateForm) -> QCheckBox:
    box = form.findChild(QCheckBox)
    assert isinstance(box, QCheckBox)
    return box


def view_button(form: TemplateForm) -> QPushButton:
    button = form.findChild(QPushButton)
    assert isinstance(button, QPushButton)
    return button


# -- values, defaults, kinds -----------------------------------------------------------


def test_values_round_trip_with_choice(form: TemplateForm) -> None:
    values = {"notes": "周一 修复登录\n周三 导出", "plan": "定稿", "tone": "简洁"}
    form.set_template(WEEKLY_ZH, values)
    assert form.template() is WEEKLY_ZH
    assert form.values() == values


def test_defaults_and_today_for_empty_date(form: TemplateForm) -> None:
    form.set_template(WEEKLY_ZH, {})
    assert form.values() == {"notes": "", "plan": "", "tone": "正式"}
    form.set_template(MINUTES_EN, {"date": ""})
    assert form.values()["date"] == QDate.currentDate().toString("yyyy-MM-dd")


def test_date_round_trip_and_display(form: TemplateForm) -> None:
    values = {"transcript": "t", "topic": "Launch", "attendees": "Sarah, Tom",
              "date": "2024-05-20"}
    form.set_template(MINUTES_EN, values)
    assert form.values() == values
    date = editor(form, 3)
    assert isinstance(date, QDateEdit)
    assert date.calendarPopup() and date.displayFormat() == "yyyy-MM-dd"
    form.set_value("date", "2023-01-02")
    assert form.values()["date"] == "2023-01-02"


def test_stale_choice_and_unknown_names_fall_back(form: TemplateForm) -> None:
    form.set_template(WEEKLY_ZH, {"tone": "No such tone", "gone": "x"})
    assert form.values() == {"notes": "", "plan": "", "tone": "正式"}
    with pytest.raises(KeyError, match="gone"):
        form.set_value("gone", "x")


def test_editor_kinds_placeholders_and_options(form: TemplateForm) -> None:
    form.set_template(MINUTES_EN, {})
    kinds = [type(editor(form, row)) for row in range(4)]
    assert [issubclass(k, QPlainTextEdit) for k in kinds] == [True, False, False, False]
    assert [issubclass(k, b) for k, b in zip(kinds[1:], [QLineEdit, QLineEdit, QDateEdit],
                                             strict=True)] == [True, True, True]
    transcript = editor(form, 0)
    assert isinstance(transcript, QPlainTextEdit)
    assert transcript.placeholderText().startswith("Paste the meeting notes")
    form.set_template(WEEKLY_ZH, {})
    combo = editor(form, 2)
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["正式", "简洁"]
    notes, plan = editor(form, 0), editor(form, 1)
    assert notes.minimumHeight() > plan.minimumHeight() > QLineEdit().sizeHint().height()


def test_choice_defaults(form: TemplateForm) -> None:
    form.set_template(BARE, {})
    assert form.values()["mood"] == "calm"  # the parser makes the first option the default
    # A Field built in code may have no default: then "not chosen" stays possible.
    fields = tuple(Field("mood", "Mood", FieldKind.CHOICE, options=("calm", "urgent"))
                   if f.name == "mood" else f for f in BARE.fields)
    form.set_template(replace(BARE, fields=fields), {})
    assert form.values()["mood"] == ""
    form.set_template(replace(BARE, fields=fields), {"mood": "urgent"})
    assert form.values()["mood"] == "urgent"


def test_undeclared_field_is_shown_with_its_name(form: TemplateForm) -> None:
    form.set_template(BARE, {"signature": "Ann"})
    assert layout_of(form).rowCount() == len(BARE.fields) == 4
    assert label(form, 3).text() == "signature"
    assert label(form, 3).toolTip()
    assert form.values()["signature"] == "Ann"


def test_switching_templates_leaves_no_widgets_behind(form: TemplateForm) -> None:
    for template in (WEEKLY_ZH, MINUTES_EN, PROOFREAD_EN, WEEKLY_ZH):
        form.set_template(template, {})
        assert layout_of(form).rowCount() == len(template.fields)
        assert len(form.findChildren(QPlainTextEdit)) == sum(
            1 for f in template.fields if f.kind.value == "text")
        assert set(form.values()) == set(template.variables)
    form.clear()
    assert layout_of(form).rowCount() == 0
    assert form.template() is None and form.values() == {}
    assert not view_button(form).isEnabled()


def test_required_fields_are_marked(form: TemplateForm) -> None:
    form.set_template(MINUTES_EN, {})
    for row, item in enumerate(MINUTES_EN.fields):
        text, tip = label(form, row).text(), label(form, row).toolTip()
        assert item.label in text
        assert ("*" in text) is item.required
        assert (tip == "Required") is item.required


def test_missing_required_and_focus_first(qtbot: QtBot, form: TemplateForm) -> None:
    form.set_template(BARE, {"body": "hello"})
    assert [f.name for f in form.missing_required()] == ["subject"]
    form.focus_first()
    assert form.focusWidget() is editor(form, 1)
    form.set_value("subject", "Hi")
    assert form.missing_required() == []
    form.focus_first()
    assert form.focusWidget() is editor(form, 0)  # the template's input field


# -- clipboard ---------------------------------------------------------------------------


def test_paste_button_fills_field(qtbot: QtBot, form: TemplateForm,
                                  clipboard: Clipboard) -> None:
    form.set_template(MINUTES_EN, {"transcript": "old"})
    clipboard.text = "Sarah: hello\nTom: hi"
    with qtbot.waitSignal(form.changed, timeout=UI_MS):
        click(qtbot, paste_button(form, 0))
    assert form.values()["transcript"] == "Sarah: hello\nTom: hi"
    clipboard.text = "Launch\nplanning  "
    click(qtbot, paste_button(form, 1))
    assert form.values()["topic"] == "Launch planning"  # one line for a line field
    transcript = editor(form, 0)
    assert isinstance(transcript, QPlainTextEdit)
    transcript.undo()
    assert form.values()["transcript"] == "old"  # pasting can be undone


@OFFSCREEN_NOISE
def test_empty_clipboard_changes_nothing(qtbot: QtBot, form: TemplateForm,
                                         clipboard: Clipboard) -> None:
    form.set_template(MINUTES_EN, {"transcript": "keep me"})
    clipboard.text = "  \n"
    with qtbot.assertNotEmitted(form.changed):
        click(qtbot, paste_button(form, 0))
    assert form.values()["transcript"] == "keep me"
    assert QToolTip.text() == "The clipboard is empty"
    QToolTip.hideText()


def test_choice_and_date_have_no_paste_button(form: TemplateForm) -> None:
    form.set_template(MINUTES_EN, {})
    assert len(form.findChildren(QToolButton)) == 3  # transcript, topic, attendees
    assert paste_button(form, 0).toolTip() == "Fill from clipboard"


# -- signals -----------------------------------------------------------------------------


def test_changed_fires_on_edits_but_not_on_set_template(qtbot: QtBot,
                                                        form: TemplateForm) -> None:
    with qtbot.assertNotEmitted(form.changed):
        form.set_template(MINUTES_EN, {"topic": "x"})
    topic = editor(form, 1)
    with qtbot.waitSignal(form.changed, timeout=UI_MS):
        type_text(qtbot, topic, "y")
    with qtbot.waitSignal(form.changed, timeout=UI_MS):
        type_text(qtbot, editor(form, 0), "notes")
    date = editor(form, 3)
    assert isinstance(date, QDateEdit)
    with qtbot.waitSignal(form.changed, timeout=UI_MS):
        date.setDate(QDate(2020, 2, 2))
    form.set_template(WEEKLY_ZH, {})
    combo = editor(form, 2)
    assert isinstance(combo, QComboBox)
    with qtbot.waitSignal(form.changed, timeout=UI_MS):
        combo.setCurrentIndex(1)
    assert form.values()["tone"] == "简洁"


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
@pytest.mark.parametrize("row", [0, 1, 3])  # text, line, date
def test_ctrl_enter_submits_from_any_field(qtbot: QtBot, form: TemplateForm,
                                           key: Qt.Key, row: int) -> None:
    form.set_template(MINUTES_EN, {"transcript": "abc"})
    with qtbot.waitSignal(form.submit, timeout=UI_MS):
        press(qtbot, editor(form, row), key, Qt.KeyboardModifier.ControlModifier)
    assert form.values()["transcript"] == "abc"  # no newline was inserted


def test_ctrl_enter_in_choice_submits(qtbot: QtBot, form: TemplateForm) -> None:
    form.set_template(WEEKLY_ZH, {})
    with qtbot.waitSignal(form.submit, timeout=UI_MS):
        press(qtbot, editor(form, 2), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.values()["tone"] == "正式"


def test_plain_enter_inserts_a_newline(qtbot: QtBot, form: TemplateForm) -> None:
    form.set_template(WEEKLY_ZH, {})
    notes = editor(form, 0)
    with qtbot.assertNotEmitted(form.submit):
        type_text(qtbot, notes, "a")
        press(qtbot, notes, Qt.Key.Key_Return)
        type_text(qtbot, notes, "b")
    assert form.values()["notes"] == "a\nb"


# -- few-shot controls ---------------------------------------------------------------------


def test_use_examples_toggles_label_and_signal(qtbot: QtBot, form: TemplateForm) -> None:
    form.set_template(WEEKLY_ZH, {})
    assert form.use_examples() and checkbox(form).isChecked()
    assert count_text(form) == "2 examples will be sent"
    with qtbot.waitSignal(form.use_examples_changed, timeout=UI_MS) as blocker:
        checkbox(form).click()
    assert blocker.args == [False]
    assert not form.use_examples()
    assert count_text(form) == "No examples"
    with qtbot.waitSignal(form.use_examples_changed, timeout=UI_MS) as blocker:
        form.set_use_examples(True)
    assert blocker.args == [True]
    assert count_text(form) == "2 examples will be sent"


def test_context_budget_count(form: TemplateForm) -> None:
    form.set_template(PROOFREAD_EN, {})
    assert count_text(form) == "3 examples will be sent"
    form.set_use_examples_count(1)
    assert count_text(form) == (
        "1 of 3 examples will be sent (the rest do not fit the context)")
    form.set_use_examples_count(0)
    assert count_text(form).startswith("No examples will be sent")
    form.set_use_examples_count(3)
    assert count_text(form) == "3 examples will be sent"
    form.set_use_examples_count(2)
    form.set_template(WEEKLY_ZH, {})  # a new template starts without a budget limit
    assert count_text(form) == "2 examples will be sent"


def test_template_without_examples(form: TemplateForm) -> None:
    form.set_template(BARE, {})
    assert count_text(form) == "No examples"
    assert not view_button(form).isEnabled()
    assert form.show_examples() is None


@OFFSCREEN_NOISE
def test_examples_dialog_lists_inputs_and_outputs(qtbot: QtBot, form: TemplateForm) -> None:
    form.set_template(MINUTES_EN, {})
    assert view_button(form).isEnabled()
    click(qtbot, view_button(form))
    dialog = form.show_examples()
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.windowTitle() == "Examples — Meeting minutes"
    text = dialog.text()
    for example in MINUTES_EN.examples:
        assert example.output.splitlines()[-1] in text
        assert example.values["transcript"].splitlines()[0] in text
    assert "Meeting topic" in text and "Summer sale kickoff" in text
    assert text.count("Expected output") == 2
    form.set_template(WEEKLY_ZH, {})  # the open window follows the form
    assert dialog.windowTitle() == "Examples — 周报"
    assert WEEKLY_ZH.examples[1].output.splitlines()[-1] in dialog.text()
    form.set_template(BARE, {})
    assert not dialog.isVisible()


# -- translation ---------------------------------------------------------------------------


class Shouting(QTranslator):
    """Translates every string of the form to upper case, to see retranslation happen."""

    def isEmpty(self) -> bool:
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if context not in ("TemplateForm", "ExamplesBar", "ExamplesDialog"):
            return ""
        # Placeholders such as {count} must survive, as in a real translation.
        parts = re.split(r"(\{\w+\})", source)
        return "".join(p if p.startswith("{") else p.upper() for p in parts)


@pytest.fixture
def shouting() -> Iterator[Shouting]:
    translator = Shouting()
    yield translator
    QCoreApplication.removeTranslator(translator)


@OFFSCREEN_NOISE
def test_language_change_retranslates(qtbot: QtBot, form: TemplateForm,
                                      shouting: Shouting) -> None:
    form.set_template(WEEKLY_ZH, {})
    dialog = form.show_examples()
    assert dialog is not None
    QCoreApplication.installTranslator(shouting)
    qtbot.waitUntil(lambda: checkbox(form).text() == "USE EXAMPLES", timeout=UI_MS)
    assert count_text(form) == "2 EXAMPLES WILL BE SENT"
    assert paste_button(form, 0).toolTip() == "FILL FROM CLIPBOARD"
    assert label(form, 0).toolTip() == "REQUIRED"
    assert label(form, 1).text() == "下周计划（可选）"  # template labels are not translated
    qtbot.waitUntil(lambda: dialog.windowTitle() == "EXAMPLES — 周报", timeout=UI_MS)
    QCoreApplication.removeTranslator(shouting)
    qtbot.waitUntil(lambda: checkbox(form).text() == "Use examples", timeout=UI_MS)


def test_language_change_event_directly(form: TemplateForm) -> None:
    form.set_template(MINUTES_EN, {})
    QCoreApplication.sendEvent(form, QEvent(QEvent.Type.LanguageChange))
    assert checkbox(form).text() == "Use examples"
    assert form.values()["transcript"] == ""
