"""Every built-in template: loads, renders, fits its budget, runs on the model."""

from __future__ import annotations

import pytest

from assistant.backend import Sampling
from assistant.prompt import build_messages
from assistant.templating.library import load_library
from assistant.templating.model import FieldKind

LIBRARY = load_library(None)
IDS = sorted(LIBRARY.templates)
STEMS = ("weekly-report", "meeting-minutes", "proofread", "phrasing", "work-log",
         "brainstorm", "revise", "repetition-check")
SAMPLE = {"zh": "周一修复登录页 bug；周三和产品开会确定 3.2 版本范围，张伟负责接口文档，周五前完成。",
          "en": "Mon: fixed the login bug. Wed: met product to agree the 3.2 scope; "
                "Anna owns the API doc, due Friday."}
EXAMPLE_BUDGET = 1200


def test_all_sixteen_tasks_in_both_languages() -> None:
    assert LIBRARY.errors == ()
    for stem in STEMS:
        for language in ("zh", "en"):
            template = LIBRARY.get(f"{stem}-{language}")
            assert template.language == language


@pytest.mark.parametrize("template_id", IDS)
def test_template_is_complete(template_id: str) -> None:
    template = LIBRARY.get(template_id)
    assert template.title and template.description and template.category
    assert template.input_field is not None
    assert 2 <= len(template.examples) <= 3
    assert {"temperature", "max_tokens"} <= dict(template.generation).keys()
    for field in template.fields:
        assert field.declared, f"{field.name} is used in the body but not declared"
        if field.kind is FieldKind.CHOICE:
            assert field.default in field.options


@pytest.mark.parametrize("template_id", IDS)
def test_renders_with_only_the_input(template_id: str) -> None:
    """The quick prompt fills only the input field; the rest must have defaults."""
    template = LIBRARY.get(template_id)
    text = SAMPLE[template.language]
    assert template.input_field is not None
    with_examples = build_messages(template, {template.input_field: text})
    without = build_messages(template, {template.input_field: text}, use_examples=False)
    assert [m.role for m in without] == ["system", "user"]
    assert len(with_examples) == 2 + 2 * len(template.examples)
    assert with_examples[-1] == without[-1]
    assert text in without[-1].content
    assert "{{" not in without[-1].content and "{%" not in without[-1].content
    assert "\n\n\n" not in without[-1].content


@pytest.mark.model
@pytest.mark.parametrize("template_id", IDS)
def test_system_and_examples_fit_the_budget(llama: object, template_id: str) -> None:
    template = LIBRARY.get(template_id)
    assert template.input_field is not None
    messages = build_messages(template, {template.input_field: "x"})
    fixed = llama.count_tokens(messages[:-1])  # type: ignore[attr-defined]
    assert fixed < EXAMPLE_BUDGET, f"{template_id}: system + examples = {fixed} tokens"


@pytest.mark.model
@pytest.mark.parametrize("template_id", IDS)
def test_runs_on_the_embedded_model(llama: object, template_id: str) -> None:
    template = LIBRARY.get(template_id)
    assert template.input_field is not None
    messages = build_messages(template, {template.input_field: SAMPLE[template.language]})
    stream = llama.stream(messages, Sampling(  # type: ignore[attr-defined]
        max_tokens=24, temperature=dict(template.generation).get("temperature", 0.3), seed=1))
    chunks = list(stream)
    assert len(chunks) > 1 and "".join(chunks).strip()
    assert stream.stats.completion_tokens > 0
