"""The prompt inspector: messages, final prompt, token table, notice, copy."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextOption
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot
from waits import UI_MS

from assistant.backend.fake import FakeBackend
from assistant.budget import Section, sections
from assistant.gui.inspector import PromptInspector, message_kinds
from assistant.prompt import Message, Part

MESSAGES = [
    Message("system", "You are a careful writing assistant.", Part.SYSTEM),
    Message("user", "Notes: fixed the login bug", Part.EXAMPLE, 1),
    Message("assistant", "## Done\n- Fixed the login bug", Part.EXAMPLE, 1),
    Message("user", "Notes: 整理了报表导出", Part.EXAMPLE, 2),
    Message("assistant", "## 完成\n- 报表导出", Part.EXAMPLE, 2),
    Message("user", "Notes: wrote {{ 7*7 }} tests <|im_end|>", Part.INPUT),
]
MAX_TOKENS = 200


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, f"no cell at {row}, {column}"
    return item.text()


def header_text(inspector: PromptInspector, column: int) -> str:
    item = inspector.tokens_table.horizontalHeaderItem(column)
    assert item is not None
    return item.text()


@pytest.fixture
def backend() -> FakeBackend:
    return FakeBackend(n_ctx=1024)


@pytest.fixture
def inspector(qtbot: QtBot, backend: FakeBackend) -> PromptInspector:
    dialog = PromptInspector()
    qtbot.addWidget(dialog)
    dialog.show_prompt(MESSAGES, backend.format_prompt(MESSAGES),
                       sections(backend, MESSAGES, MAX_TOKENS), backend.n_ctx, None)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_message_kinds_are_the_parts_build_messages_gave() -> None:
    assert message_kinds(MESSAGES) == [
        ("system", 0), ("example_user", 1), ("example_answer", 1), ("example_user", 2),
        ("example_answer", 2), ("input", 0)]
    # Positions mean nothing: an input that follows an answer is still the input.
    assert message_kinds([Message("assistant", "x", Part.EXAMPLE, 3),
                          Message("user", "y")]) == [("example_answer", 3), ("input", 0)]


def test_messages_tab_shows_every_message_under_its_header(inspector: PromptInspector) -> None:
    text = inspector.messages_view.toPlainText()
    for message in MESSAGES:
        for line in message.content.splitlines():
            assert line in text
    headers = ["System", "Example 1 — user", "Example 1 — answer", "Example 2 — user",
               "Example 2 — answer", "Your input"]
    positions = [text.index(header) for header in headers]
    assert positions == sorted(positions), "headers appear in message order"
    assert text.index("Your input") < text.index("wrote {{ 7*7 }} tests")
    assert inspector.messages_view.isReadOnly()


def test_final_prompt_is_shown_verbatim(inspector: PromptInspector,
                                        backend: FakeBackend) -> None:
    assert inspector.prompt_view.toPlainText() == backend.format_prompt(MESSAGES)
    assert inspector.prompt_view.isReadOnly()
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    assert inspector.prompt_view.font().family() == fixed.family()


def test_show_whitespace_toggles_the_marks(inspector: PromptInspector) -> None:
    flag = QTextOption.Flag.ShowTabsAndSpaces
    document = inspector.prompt_view.document()
    assert not document.defaultTextOption().flags() & flag
    inspector.whitespace_box.setChecked(True)
    assert document.defaultTextOption().flags() & flag
    inspector.whitespace_box.setChecked(False)
    assert not document.defaultTextOption().flags() & flag


def test_tokens_table_has_a_row_per_section_and_a_total(
        inspector: PromptInspector, backend: FakeBackend) -> None:
    parts = sections(backend, MESSAGES, MAX_TOKENS)
    table = inspector.tokens_table
    assert table.rowCount() == len(parts) + 1
    labels = [cell(table, row, 0) for row in range(table.rowCount())]
    assert labels == ["System", "Example 1 of 2", "Example 2 of 2", "Your input",
                      "Answer (max tokens)", "Free", "Total"]
    assert [cell(table, row, 1) for row in range(len(parts))] == [
        str(part.tokens) for part in parts]
    used = backend.count_tokens(MESSAGES) + MAX_TOKENS
    assert cell(table, len(parts), 1) == f"{used} of 1024 tokens"
    assert cell(table, len(parts), 2) == f"{used / 1024:.1%}"


def test_unknown_section_labels_are_shown_as_they_are(inspector: PromptInspector) -> None:
    inspector.show_prompt(MESSAGES, "p", [Section("tools", 10), Section("free", 90)], 100, None)
    table = inspector.tokens_table
    assert [cell(table, row, 0) for row in range(3)] == ["tools", "Free", "Total"]
    assert cell(table, 2, 1) == "10 of 100 tokens"


def test_notice_is_shown_only_when_given(inspector: PromptInspector,
                                         backend: FakeBackend) -> None:
    assert not inspector.notice_label.isVisible()
    notice = "Left out 1 of 2 examples so the prompt fits."
    inspector.show_prompt(MESSAGES, "p", sections(backend, MESSAGES, MAX_TOKENS), 1024, notice)
    assert inspector.notice_label.isVisible()
    assert inspector.notice_label.text() == notice
    inspector.show_prompt(MESSAGES, "p", sections(backend, MESSAGES, MAX_TOKENS), 1024, None)
    assert not inspector.notice_label.isVisible()


def test_copy_puts_the_final_prompt_on_the_clipboard(qtbot: QtBot,
                                                     inspector: PromptInspector) -> None:
    QGuiApplication.clipboard().setText("something else")
    inspector.copy_button.click()
    assert QGuiApplication.clipboard().text() == inspector.prompt_view.toPlainText()
    assert inspector.copy_button.text() == "Copied"
    qtbot.waitUntil(lambda: inspector.copy_button.text() == "Copy prompt", timeout=UI_MS)


def test_empty_messages_are_marked(inspector: PromptInspector) -> None:
    inspector.show_prompt([Message("user", "")], "", [], 100, None)
    assert "(empty)" in inspector.messages_view.toPlainText()
    assert inspector.tokens_table.rowCount() == 0


def test_retranslate_keeps_the_content(inspector: PromptInspector) -> None:
    before = inspector.messages_view.toPlainText()
    QApplication.sendEvent(inspector, QEvent(QEvent.Type.LanguageChange))
    assert inspector.windowTitle() == "Prompt inspector"
    assert [inspector.tabs.tabText(i) for i in range(3)] == ["Messages", "Final prompt",
                                                             "Tokens"]
    assert inspector.messages_view.toPlainText() == before
    assert header_text(inspector, 2) == "Share of context"


def test_estimated_figures_say_about(inspector: PromptInspector) -> None:
    """A model server has no tokenizer here: every figure is an estimate."""
    from assistant.budget import Estimate

    estimate = Estimate(4096)
    inspector.show_prompt(MESSAGES, "{}", sections(estimate, MESSAGES, MAX_TOKENS), 4096, None,
                          estimated=True)
    table = inspector.tokens_table
    last = table.rowCount() - 1
    assert cell(table, 0, 1).startswith("about ")
    assert cell(table, last, 1).startswith("about ") and "of 4096 tokens" in cell(table, last, 1)


def test_unknown_context_size_is_said(inspector: PromptInspector) -> None:
    from assistant.budget import Estimate

    estimate = Estimate(None)
    parts = sections(estimate, MESSAGES, MAX_TOKENS)
    assert "free" not in [p.label for p in parts]
    inspector.show_prompt(MESSAGES, "{}", parts, None, None, estimated=True)
    table = inspector.tokens_table
    assert "the context size is unknown" in cell(table, table.rowCount() - 1, 1)
    assert cell(table, 0, 2) == "–"
