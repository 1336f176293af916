"""Context budget: drop examples last-first, refuse an input that cannot fit."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.backend.fake import FakeBackend
from assistant.budget import plan_prompt, sections
from assistant.errors import InputError
from assistant.prompt import build_messages
from assistant.templating import RenderContext, parse_template

DAY = RenderContext(dt.date(2026, 11, 24))
TEMPLATE = parse_template('''+++
[[examples]]
text = "aaaaaaaaaa"
output = "AAAAAAAAAA"
[[examples]]
text = "bbbbbbbbbb"
output = "BBBBBBBBBB"
+++
{% block system %}sys{% endblock %}
{% block prompt %}{{ text }}{% endblock %}''', "t", "t.md")


def full_size(backend: FakeBackend, keep: int) -> int:
    return backend.count_tokens(build_messages(TEMPLATE, {"text": "x" * 20}, context=DAY,
                                               max_examples=keep))


@pytest.mark.parametrize("keep", [2, 1, 0])
def test_examples_dropped_last_first(keep: int) -> None:
    probe = FakeBackend()
    n_ctx = full_size(probe, keep) + 50
    plan = plan_prompt(FakeBackend(n_ctx=n_ctx), TEMPLATE, {"text": "x" * 20}, max_tokens=50,
                       context=DAY)
    assert plan.examples_used == keep
    assert plan.examples_dropped == 2 - keep
    kept = [m.content for m in plan.messages if m.role == "assistant"]
    assert kept == ["AAAAAAAAAA", "BBBBBBBBBB"][:keep]
    if keep < 2:
        assert plan.notice is not None and f"Left out {2 - keep} of 2 examples" in str(plan.notice)
    else:
        assert plan.notice is None


def test_input_alone_too_long_is_refused_with_numbers() -> None:
    with pytest.raises(InputError) as caught:
        plan_prompt(FakeBackend(n_ctx=300), TEMPLATE, {"text": "x" * 400}, max_tokens=100,
                    context=DAY)
    message = str(caught.value)
    assert "it is 400 tokens" in message and "the context holds 300" in message
    assert "answer (100 tokens)" in message


def test_sections_add_up() -> None:
    backend = FakeBackend(n_ctx=1000)
    messages = build_messages(TEMPLATE, {"text": "hello"}, context=DAY)
    parts = sections(backend, messages, max_tokens=100)
    labels = [p.label for p in parts]
    assert labels == ["system", "example 1 of 2", "example 2 of 2", "input",
                      "answer (max tokens)", "free"]
    assert sum(p.tokens for p in parts) == 1000


@pytest.mark.model
def test_real_tokenizer_refuses_input_that_cannot_fit(llama: object) -> None:
    """The embedded model's tokenizer decides; 2048 tokens of context."""
    big = "会议记录：" + "讨论了项目进度和风险。" * 300
    with pytest.raises(InputError) as caught:
        plan_prompt(llama, TEMPLATE, {"text": big}, max_tokens=400,  # type: ignore[arg-type]
                    context=DAY)
    tokens = llama.count_text(big)  # type: ignore[attr-defined]
    assert f"it is {tokens} tokens" in str(caught.value)
    assert "the context holds 2048" in str(caught.value)
