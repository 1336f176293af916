"""build_messages: the one place a prompt is assembled."""

from __future__ import annotations

import datetime as dt

from assistant.prompt import Part, build_messages, example_count
from assistant.templating import RenderContext, parse_template

DAY = RenderContext(dt.date(2026, 11, 24))

TEMPLATE = parse_template('''+++
[fields.text]
required = true
[fields.goal]
default = "shorter"
[[examples]]
text = "A long sentence."
output = "Short."
[[examples]]
text = "Another."
goal = "formal"
output = "Formal."
+++
{% block system %}You revise text.{% endblock %}
{% block prompt %}Make it {{ goal }}: {{ text }}{% endblock %}''', "revise", "revise.md")


def test_messages_are_system_examples_then_input() -> None:
    messages = build_messages(TEMPLATE, {"text": "Mine."}, context=DAY)
    assert [(m.role, m.content) for m in messages] == [
        ("system", "You revise text."),
        ("user", "Make it shorter: A long sentence."),
        ("assistant", "Short."),
        ("user", "Make it formal: Another."),
        ("assistant", "Formal."),
        ("user", "Make it shorter: Mine."),
    ]
    assert example_count(messages) == 2


def test_each_message_says_which_part_it_is() -> None:
    messages = build_messages(TEMPLATE, {"text": "Mine."}, context=DAY)
    assert [(m.part, m.example) for m in messages] == [
        (Part.SYSTEM, 0), (Part.EXAMPLE, 1), (Part.EXAMPLE, 1), (Part.EXAMPLE, 2),
        (Part.EXAMPLE, 2), (Part.INPUT, 0)]
    assert example_count(build_messages(TEMPLATE, {"text": "x"}, max_examples=1)) == 1


def test_without_examples() -> None:
    messages = build_messages(TEMPLATE, {"text": "Mine."}, use_examples=False, context=DAY)
    assert [m.role for m in messages] == ["system", "user"]


def test_max_examples_keeps_the_first() -> None:
    messages = build_messages(TEMPLATE, {"text": "Mine."}, context=DAY, max_examples=1)
    assert [m.content for m in messages if m.role == "assistant"] == ["Short."]


def test_fixed_prefix_does_not_depend_on_input() -> None:
    a = build_messages(TEMPLATE, {"text": "One."}, context=DAY)
    b = build_messages(TEMPLATE, {"text": "Two, quite different."}, context=DAY)
    assert a[:-1] == b[:-1] and a[-1] != b[-1]
