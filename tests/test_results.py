"""The result part of an answer: what Copy and Replace put back into the document."""

from __future__ import annotations

import pytest

from assistant.results import EVERY_SECTION, extract
from assistant.templating.library import load_library

LIBRARY = load_library(None)
WITH_RESULT = sorted(t.id for t in LIBRARY.templates.values() if t.result)


def test_the_rewriting_and_phrasing_built_ins_name_their_result() -> None:
    assert WITH_RESULT == ["phrasing-en", "phrasing-zh", "proofread-en", "proofread-zh",
                           "revise-en", "revise-zh"]
    assert {t: LIBRARY.get(t).rewrites for t in WITH_RESULT if LIBRARY.get(t).rewrites} == {
        "proofread-en": "text", "proofread-zh": "text", "revise-en": "text", "revise-zh": "text"}


@pytest.mark.parametrize("template_id", WITH_RESULT)
def test_each_example_answer_of_a_built_in_gives_its_result(template_id: str) -> None:
    template = LIBRARY.get(template_id)
    assert template.examples
    for example in template.examples:
        result = extract(example.output, template.result)
        assert result.notice is None, example.origin
        assert not result.whole
        assert "##" not in result.text, f"{example.origin}: a heading went into the result"
        if template.result == EVERY_SECTION:
            assert len(result.parts) >= 2
        else:
            assert result.parts[0].title == template.result
            # The explanation stays out: the next section's heading and bullets are not in it.
            assert result.text in example.output and len(result.text) < len(example.output)


@pytest.mark.parametrize("template_id", WITH_RESULT)
def test_an_answer_that_ignores_the_format_is_used_whole_and_said(template_id: str) -> None:
    template = LIBRARY.get(template_id)
    answer = "Here you go: the text is fine as it is.\n\nNothing to change."
    result = extract(answer, template.result)
    assert result.text == answer and result.whole
    assert result.notice is not None and "whole answer is used" in str(result.notice)


def test_the_english_proofread_answer_as_small_models_write_it() -> None:
    answer = ("Sure! Here is the corrected version.\n\n**Corrected Text:**\n```\nDear team,\n"
              "The report is late.\n```\n\n**Changes:**\n- Teh → The")
    result = extract(answer, "Corrected text")
    assert result.text == "Dear team,\nThe report is late."
    assert result.notice is None


def test_chinese_headings_with_numbers_and_colons() -> None:
    answer = "## 1. 修改后全文：\n我们明天开会。\n\n## 2. 修改说明\n- 门 → 们"
    assert extract(answer, "修改后全文").text == "我们明天开会。"


def test_a_heading_inside_a_code_block_is_not_a_section() -> None:
    answer = "## Corrected text\n```\n## Not a heading\nBody\n```\n## Changes\n- none"
    assert extract(answer, "Corrected text").text == "## Not a heading\nBody"


def test_an_empty_section_falls_back_to_the_whole_answer() -> None:
    answer = "## Corrected text\n\n## Changes\n- I found nothing"
    result = extract(answer, "Corrected text")
    assert result.whole and "section is empty" in str(result.notice)


def test_alternatives_keep_their_titles_and_order() -> None:
    answer = "Options:\n\n### 1. Formal\nWe apologise.\n\n### 2. Candid\nSorry, we slipped.\n"
    result = extract(answer, EVERY_SECTION)
    assert [(p.title, p.text) for p in result.parts] == [("1. Formal", "We apologise."),
                                                         ("2. Candid", "Sorry, we slipped.")]
    assert result.text == "We apologise."


def test_no_result_named_means_the_whole_answer_without_a_notice() -> None:
    result = extract("  A weekly report.\n", None)
    assert result.text == "A weekly report." and result.notice is None
