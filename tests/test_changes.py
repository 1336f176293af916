"""Tracked changes: word-level comparison, Chinese by character, accept or reject each."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.changes import WORD_BUDGET, Change, Same, apply, changes, compare, sentences, tokens
from assistant.results import extract
from assistant.templating.library import load_library


def test_english_is_compared_word_by_word() -> None:
    pieces = compare("Their going tomorow, dont worry.", "They're going tomorrow; don't worry.")
    assert [(c.old, c.new) for c in changes(pieces)] == [
        ("Their", "They're"), ("tomorow,", "tomorrow;"), ("dont", "don't")]
    assert apply(pieces, rejected=[1]) == "They're going tomorow, don't worry."


def test_chinese_is_compared_character_by_character() -> None:
    pieces = compare("我门明天再开会，请准时参加把。", "我们明天再开会，请准时参加吧。")
    assert [(c.old, c.new) for c in changes(pieces)] == [("门", "们"), ("把", "吧")]
    assert apply(pieces, rejected=[0]) == "我门明天再开会，请准时参加吧。"


def test_insertions_and_deletions_and_unchanged_lines() -> None:
    original = "Dear team,\nThe the report is late.\nRegards"
    revised = "Dear team,\nThe report is very late.\nRegards"
    pieces = compare(original, revised)
    assert pieces[0] == Same("Dear team,\nThe")
    assert [(c.old, c.new) for c in changes(pieces)] == [(" the", ""), ("", "very ")]
    assert pieces[-1] == Same("late.\nRegards")
    assert apply(pieces) == revised and apply(pieces, range(2)) == original


def test_no_changes_is_one_piece() -> None:
    assert compare("Same text.", "Same text.") == [Same("Same text.")]


def test_tokens_keep_words_whole_and_split_chinese() -> None:
    assert tokens("don't 周报 v2.0") == ["don't", " ", "周", "报", " ", "v2", ".", "0"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200), st.data())
def test_every_choice_of_changes_rebuilds_a_consistent_text(original: str, revised: str,
                                                           data: st.DataObject) -> None:
    pieces = compare(original, revised)
    assert apply(pieces) == revised
    numbers = [c.number for c in changes(pieces)]
    assert numbers == list(range(len(numbers)))
    assert apply(pieces, numbers) == original
    rejected = data.draw(st.sets(st.sampled_from(numbers)) if numbers else st.just(set()))
    kept = apply(pieces, rejected)
    assert all(isinstance(p, (Same, Change)) for p in pieces)
    assert len(kept) <= len(original) + len(revised)


def test_the_built_in_examples_compare_against_their_input() -> None:
    library = load_library(None)
    for template in library.templates.values():
        if not template.rewrites:
            continue
        for example in template.examples:
            original = example.values[template.rewrites]
            result = extract(example.output, template.result).text
            pieces = compare(original, result)
            assert apply(pieces) == result and apply(pieces, range(999)) == original


@given(st.text(max_size=300))
def test_sentences_keep_every_character(text: str) -> None:
    assert "".join(sentences(text)) == text


def test_sentences_end_after_their_mark_in_both_languages() -> None:
    assert sentences('He said "no." Then left? Yes… ok') == ['He said "no." ', "Then left? ",
                                                              "Yes… ", "ok"]
    assert sentences("今天开会。明天呢？好的！") == ["今天开会。", "明天呢？", "好的！"]
    assert sentences("v2.0 is out") == ["v2.0 is out"]


def _long_text(sentence_count: int) -> list[str]:
    """Sentences made of the same few words, the worst case for a word comparison."""
    words = ["the", "report", "is", "late", "and", "we", "will", "meet", "on", "it"]
    return [" ".join(words[(i + k) % len(words)] for k in range(12)) + ". "
            for i in range(sentence_count)]


def test_a_long_proofread_is_compared_sentence_by_sentence() -> None:
    # 12,000 words on one line; a typo fixed in every tenth sentence. Word by
    # word as one block this took most of a minute.
    original = _long_text(1000)
    revised = [s.replace("report", "reprot", 1) if i % 10 == 0 else s
               for i, s in enumerate(original)]
    pieces = compare("".join(original), "".join(revised))
    assert [(c.old, c.new) for c in changes(pieces)] == [("report", "reprot")] * 100
    assert apply(pieces, rejected=range(1, 100)) == "".join(
        [revised[0]] + original[1:])


def test_chinese_with_commas_only_is_compared_clause_by_clause() -> None:
    original = "今天的会议很好，" * 3000
    pieces = compare(original, original.replace("好", "棒"))
    assert [(c.old, c.new) for c in changes(pieces)] == [("好", "棒")] * 3000


def test_a_block_over_the_budget_is_one_change_between_the_common_ends() -> None:
    # No sentence or clause marks: nothing to cut the comparison into.
    side = int(WORD_BUDGET ** 0.5)
    original = "Start " + "word " * side + "end"
    revised = "Start " + "term " * side + "end"
    pieces = compare(original, revised)
    assert pieces == [Same("Start "), Change(0, " ".join(["word"] * side), " ".join(["term"] * side)),
                      Same(" end")]
