"""The core's messages reach the Chinese UI in Chinese, every one of them.

The core writes :class:`~assistant.messages.Message` patterns, never finished
English; these tests walk every pattern in the source and fail while one is
built at run time (so it could not be translated) or has no Chinese
translation with the same slots, then check real errors end to end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from assistant.errors import AssistantError
from assistant.gui import i18n
from assistant.gui.core_text import CONTEXT, shown
from assistant.gui.i18n_sources import patterns, sites
from assistant.messages import Message, slots
from assistant.settings import load_settings
from assistant.templating.library import load_library
from assistant.textfile import read_text

ROOT = Path(__file__).resolve().parents[2]
_HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The Chinese UI for one test, English again afterwards."""
    translations = i18n.Translations(qapp)
    translations.apply("zh_CN")
    yield
    translations.apply("en")


def _needs_words(pattern: str) -> bool:
    """False for patterns that are only slots and punctuation, e.g. "{where}, {key}"."""
    return bool(re.search(r"[A-Za-z]{2,}", re.sub(r"\{[^{}]*\}", "", pattern)))


def test_every_user_message_is_built_from_a_constant_pattern() -> None:
    built = [f"  {site.path.relative_to(ROOT)}:{site.line}" for site in sites(ROOT)
             if site.pattern is None]
    assert not built, ("These messages are made at run time (an f-string, a concatenation "
                       "or str()), so the Chinese UI cannot translate them. Give the error a "
                       "constant pattern and the values as keywords, e.g. "
                       "InputError(\"{path}: file not found.\", path=path):\n" + "\n".join(built))


def test_every_core_message_kind_has_a_chinese_translation_with_the_same_slots() -> None:
    translator = QTranslator()
    data = i18n.translation_file("zh_CN").read_bytes()  # Qt reads it in place: keep it
    assert translator.load(data)
    found = patterns(ROOT)
    assert len(found) > 150  # the scan really reads the source
    untranslated, mismatched = [], []
    for pattern in found:
        text = translator.translate(CONTEXT, pattern)
        if not text or (text == pattern and _needs_words(pattern)):
            untranslated.append(f"  {pattern!r}")
        elif slots(text) != slots(pattern):
            mismatched.append(f"  {pattern!r} -> {text!r}")
    assert not untranslated and not mismatched, (
        "Run 'python3 -m assistant.gui.i18n update', translate the [Core] entries, then "
        "'... release'.\nUntranslated:\n" + "\n".join(untranslated)
        + "\nTranslated with other slots:\n" + "\n".join(mismatched))


def _only_detail_is_english(text: str, *details: str) -> bool:
    for detail in details:
        text = text.replace(detail, "")
    return not re.search(r"[A-Za-z]{4,} [A-Za-z]{3,}", text)


@pytest.mark.usefixtures("chinese")
def test_a_broken_template_reads_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "weekly.md").write_text('+++\ntitle = "周报\n+++\n{{ x }}', encoding="utf-8")
    error = load_library(tmp_path).errors[0].message
    text = shown(error)
    assert _HAN.search(text) and "line" not in text
    assert str(tmp_path / "weekly.md") in text
    assert _only_detail_is_english(text, str(tmp_path), str(error.params["reason"])), text


@pytest.mark.usefixtures("chinese")
def test_settings_problems_read_in_chinese(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('n_ctx = "big"\ntemprature = 0.5\nui_language = "fr"\n', encoding="utf-8")
    _, problems = load_settings(config)
    assert len(problems) == 3
    for problem in problems:
        text = shown(problem)
        assert _HAN.search(text), text
        assert "Using the default" not in text and "Ignored" not in text
        assert _only_detail_is_english(text, str(config)), text


@pytest.mark.usefixtures("chinese")
def test_a_missing_model_reads_in_chinese_once(tmp_path: Path) -> None:
    from assistant.gguf import GGUFError, read_gguf

    with pytest.raises(GGUFError) as caught:
        read_gguf(tmp_path / "none.gguf")
    text = shown(caught.value)
    assert _HAN.search(text) and "not found" not in text
    assert _only_detail_is_english(text, str(tmp_path)), text


@pytest.mark.usefixtures("chinese")
def test_an_unreadable_input_reads_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(AssistantError) as caught:
        read_text(tmp_path)
    assert shown(caught.value).startswith(str(tmp_path))
    assert _HAN.search(shown(caught.value))


def test_english_ui_shows_the_english_text(qapp: QApplication) -> None:
    message = Message.of("{path}: file not found.", path="x.md")
    assert QCoreApplication.translate(CONTEXT, message.pattern) == message.pattern
    assert shown(message) == "x.md: file not found."
