"""Fuzzy ranking for the quick prompt's template search."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest
from waits import PROCESS_S

from assistant.fuzzy import pinyin_score, rank, score, subsequence_score
from assistant.templating.library import load_library
from assistant.templating.model import Source, Template

TEMPLATES = list(load_library(None).templates.values())
BY_ID = {template.id: template for template in TEMPLATES}


def user_template(title: str, template_id: str = "mine") -> Template:
    """A user template with ``title``, made from a built-in one."""
    return dataclasses.replace(BY_ID["proofread-en"], id=template_id, title=title,
                               category="", source=Source.USER)


@pytest.mark.parametrize(("query", "best"), [
    ("周报", "weekly-report-zh"),
    ("周", "weekly-report-zh"),
    ("校对", "proofread-zh"),
    ("prf", "proofread-en"),
    ("wr", "weekly-report-en"),
    ("minutes", "meeting-minutes-en"),
    ("brain", "brainstorm-en"),
    ("灵感", "brainstorm-zh"),
])
def test_best_match(query: str, best: str) -> None:
    assert rank(query, TEMPLATES)[0].template.id == best


def test_no_match_is_empty() -> None:
    assert rank("xyzzy", TEMPLATES) == []


def test_recent_first_when_query_empty_or_tied() -> None:
    ranked = rank("", TEMPLATES, recent=["revise-zh", "proofread-en"])
    assert [m.template.id for m in ranked[:2]] == ["revise-zh", "proofread-en"]


@pytest.mark.parametrize(("query", "text", "matches"), [
    ("abc", "a-b-c", True), ("abc", "acb", False), ("", "x", True), ("AB", "ab", True),
])
def test_subsequence(query: str, text: str, matches: bool) -> None:
    assert (subsequence_score(query, text) is not None) is matches


def test_contiguous_beats_scattered() -> None:
    tight = subsequence_score("rep", "report")
    loose = subsequence_score("rep", "rxexp")
    assert tight is not None and loose is not None and tight > loose


@pytest.mark.parametrize(("query", "best"), [
    ("zb", "weekly-report-zh"),  # 周报: initials
    ("zhoubao", "weekly-report-zh"),  # full pinyin
    ("zhou bao", "weekly-report-zh"),
    ("zhb", "weekly-report-zh"),  # part of a syllable
    ("ZB", "weekly-report-zh"),
    ("hyjy", "meeting-minutes-zh"),  # 会议纪要
    ("jd", "proofread-zh"),  # 校对查错: 校 is jiào in 校对, not xiào
    ("jiaodui", "proofread-zh"),
    ("gzrz", "work-log-zh"),  # 工作日志
    ("chachong", "repetition-check-zh"),  # 查重: chóng here; zhòng elsewhere
    ("linggan", "brainstorm-zh"),  # 灵感
    ("hstj", "phrasing-zh"),  # 话术推荐
    ("xgcl", "revise-zh"),  # 修改材料
])
def test_pinyin_finds_chinese_titles(query: str, best: str) -> None:
    assert rank(query, TEMPLATES)[0].template.id == best


@pytest.mark.parametrize(("query", "title", "matches"), [
    ("zb", "周报", True),
    ("zb", "Weekly report", False),  # no pinyin for a title without Chinese
    ("zb", "", False),
    ("xd", "校对", False),  # the phrase's reading only
    ("jdcc", "校对查错", True),
    ("jdx", "校对查错", False),
    ("bz", "周报", False),  # in order
    ("zb", "我的周报", True),  # a syllable in the middle starts a match too
    ("zbv2", "周报 v2", True),  # other words of a mixed title count as syllables
    ("", "周报", False),  # nothing typed: the plain rule lists everything
    ("周", "周报", False),  # not ASCII: the plain rule handles it
    ("lv", "绿化", True), ("lu", "绿化", True),  # ü is typed as v or u
])
def test_pinyin_score(query: str, title: str, matches: bool) -> None:
    assert (pinyin_score(query, title) is not None) is matches


def test_initials_at_the_start_beat_ones_further_in() -> None:
    start, later = pinyin_score("zb", "周报"), pinyin_score("zb", "我的周报")
    assert start is not None and later is not None and start > later


@pytest.mark.parametrize(("title", "query"), [
    ("客户回复", "khhf"), ("客户回复", "kehuhuifu"), ("月度总结", "ydzj"),
])
def test_user_templates_with_chinese_titles(title: str, query: str) -> None:
    mine = user_template(title)
    assert rank(query, [*TEMPLATES, mine])[0].template is mine


def test_no_pinyin_for_titles_without_chinese() -> None:
    assert score("zb", user_template("Zoom call brief")) is not None  # the plain rule
    assert score("khhf", user_template("Customer reply")) is None


def test_pypinyin_is_imported_only_for_an_ascii_query_on_a_chinese_title() -> None:
    probe = (
        "import sys\n"
        "from assistant.fuzzy import rank\n"
        "from assistant.templating.library import load_library\n"
        "templates = list(load_library(None).templates.values())\n"
        "english = [t for t in templates if t.language == 'en']\n"
        "rank('', templates); rank('周', templates); rank('wr', english)\n"
        "print('pypinyin' in sys.modules)\n"
        "rank('zb', templates)\n"
        "print('pypinyin' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=PROCESS_S)
    assert result.stdout.split() == ["False", "True"]


def test_empty_query_lists_recent_then_the_ui_language_then_the_rest() -> None:
    ranked = [m.template for m in rank("", TEMPLATES, recent=["proofread-en"],
                                       language="zh_CN")]
    assert len(ranked) == len(TEMPLATES)  # every template, none left out
    assert ranked[0].id == "proofread-en"
    chinese = [t for t in TEMPLATES if t.language == "zh"]
    assert {t.id for t in ranked[1:1 + len(chinese)]} == {t.id for t in chinese}
    assert all(t.language == "en" for t in ranked[1 + len(chinese):])


@pytest.mark.parametrize("language", ["en", "en_US", "EN"])
def test_empty_query_in_english_lists_english_first(language: str) -> None:
    ranked = rank("", TEMPLATES, language=language)
    english = sum(t.language == "en" for t in TEMPLATES)
    assert all(m.template.language == "en" for m in ranked[:english])
