"""The prompt inspector opens at the top of its messages (issue 12).

It opened scrolled down, past the system message: the text view's own cursor
moved along with the text inserted at it, and the view kept it in sight.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from assistant.backend.fake import FakeBackend
from assistant.budget import sections
from assistant.gui.inspector import PromptInspector
from assistant.prompt import Message, Part

LONG = [
    Message("system", "You are a careful writing assistant.", Part.SYSTEM),
    *[Message(role, "\n".join(f"line {n} of {role} {i}" for n in range(12)), Part.EXAMPLE, i + 1)
      for i in range(4) for role in ("user", "assistant")],
    Message("user", "Notes: this week's input"),
]


def at_top(view: QTextEdit) -> bool:
    return view.verticalScrollBar().value() == 0 and view.textCursor().position() == 0


def test_messages_open_at_the_top_every_time(qtbot: QtBot) -> None:
    backend = FakeBackend(n_ctx=8192)
    dialog = PromptInspector()
    qtbot.addWidget(dialog)
    for _ in range(2):  # the second prompt replaces the first one
        dialog.show_prompt(LONG, backend.format_prompt(LONG), sections(backend, LONG, 200),
                           backend.n_ctx, None)
        dialog.show()
        qtbot.waitExposed(dialog)
        view = dialog.messages_view
        assert view.verticalScrollBar().maximum() > 0, "the messages should need scrolling"
        qtbot.wait(50)  # let a late scroll happen, if any
        assert at_top(view)
        top = view.cursorForPosition(view.viewport().rect().topLeft()).block().text()
        assert top == "System"
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        dialog.hide()
