"""Tests for assistant.gui.i18n: language choice, runtime switching, and the
translation files themselves.

The file checks at the bottom are what keep the Chinese interface complete:
they fail, listing the strings and where they come from, when someone adds a
``self.tr()`` string without running ``python3 -m assistant.gui.i18n update``,
leaves a string untranslated, or forgets ``release`` after translating.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from assistant.gui import i18n
from assistant.gui.i18n_sources import write_lupdate_source

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "assistant_zh_CN.ts"
QM = TS.with_suffix(".qm")


class ProbeLabel(QLabel):
    """A widget written the way every widget of the app is: retranslate on LanguageChange."""

    def __init__(self) -> None:
        super().__init__()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        # self.tr() would look in this class's own context, which lupdate never
        # sees (it only reads assistant/gui), so borrow a string of the
        # settings dialog from its context.
        self.setText(QCoreApplication.translate("SettingsDialog", "Global hotkey"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[i18n.Translations]:
    """Translations on the test app, back to English afterwards for the next test."""
    installed = i18n.Translations(qapp)
    yield installed
    installed.apply("en")


@pytest.mark.parametrize(("setting", "locale", "expected"), [
    ("system", "zh_CN", "zh_CN"),
    ("system", "zh", "zh_CN"),
    ("system", "zh_TW", "zh_CN"),  # Traditional Chinese readers still get Chinese
    ("system", "zh_HK", "zh_CN"),
    ("system", "zh_SG", "zh_CN"),
    ("system", "en_US", "en"),
    ("system", "de_DE", "en"),
    ("system", "C", "en"),
    ("zh_CN", "en_US", "zh_CN"),  # an explicit choice wins over the system
    ("en", "zh_CN", "en"),
])
def test_resolve_language(setting: str, locale: str, expected: str) -> None:
    assert i18n.resolve_language(setting, QLocale(locale)) == expected


def test_resolve_language_refuses_unknown_setting() -> None:
    with pytest.raises(ValueError, match="fr"):
        i18n.resolve_language("fr")


def test_apply_switches_widgets_both_ways(qtbot: QtBot,
                                          translations: i18n.Translations) -> None:
    label = ProbeLabel()
    qtbot.addWidget(label)
    assert label.text() == "Global hotkey"
    translations.apply("zh_CN")
    qtbot.waitUntil(lambda: label.text() == "全局快捷键")
    assert translations.language == "zh_CN"
    translations.apply("en")
    qtbot.waitUntil(lambda: label.text() == "Global hotkey")


def test_apply_installs_qt_base_translation(translations: i18n.Translations) -> None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not (folder / "qtbase_zh_CN.qm").is_file():
        pytest.skip("this Qt has no qtbase_zh_CN.qm; Qt's own buttons stay English")
    translations.apply("zh_CN")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


@pytest.mark.parametrize("content", [None, b"not a qm file"])
def test_missing_or_broken_qm_is_a_clear_error(
        qtbot: QtBot, translations: i18n.Translations, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, content: bytes | None) -> None:
    fake = tmp_path / "assistant_zh_CN.qm"
    if content is not None:
        fake.write_bytes(content)
    monkeypatch.setattr(i18n, "translation_file", lambda language: fake)
    label = ProbeLabel()
    qtbot.addWidget(label)
    with pytest.raises(i18n.TranslationError, match="assistant_zh_CN.qm"):
        translations.apply("zh_CN")
    assert translations.language == "en"
    assert label.text() == "Global hotkey"


def test_missing_tool_is_named(capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(i18n.TranslationError, match="pyside6-nosuchtool"):
        i18n.find_tool("pyside6-nosuchtool")
    real = i18n.find_tool
    monkeypatch.setattr(i18n, "find_tool", lambda name: real(name + "-missing"))
    assert i18n.main(["release"]) == 1
    assert "pyside6-lrelease-missing" in capsys.readouterr().err


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, message element) for every message of a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found.append((name, message.findtext("source", ""), message))
    return found


def _where(message: ET.Element, ts: Path) -> str:
    """file:line of a message, relative to the repository, as lupdate recorded it."""
    location = message.find("location")
    if location is None:
        return "?"
    path = (ts.parent / location.get("filename", "?")).resolve()
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return f"{shown}:{location.get('line', '?')}"


def test_every_message_is_translated() -> None:
    untranslated = []
    for context, source, message in _messages(TS):
        translation = message.find("translation")
        texts = [] if translation is None else (
            [form.text or "" for form in translation.iter("numerusform")]
            or [translation.text or ""])
        finished = translation is not None and translation.get("type") is None
        if not finished or not all(text.strip() for text in texts):
            untranslated.append(f"  {_where(message, TS)} [{context}] {source!r}")
    assert not untranslated, (
        f"{len(untranslated)} string(s) in {TS.relative_to(ROOT)} have no finished Chinese "
        "translation. Translate them (Qt Linguist, or edit the <translation> elements and "
        "drop type=\"unfinished\"), then run: python3 -m assistant.gui.i18n release\n"
        + "\n".join(untranslated))


def test_ts_lists_every_string_of_the_sources(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "assistant" / "gui").rglob("*.py"))
    core = tmp_path / "core_messages.py"
    write_lupdate_source(ROOT, core)  # the core's message patterns, context "Core"
    sources.append(str(core))
    subprocess.run([str(i18n.find_tool("pyside6-lupdate")), *sources, "-no-obsolete",
                    "-silent", "-ts", str(copy)], check=True)
    committed = {(context, source) for context, source, _ in _messages(TS)}
    fresh = _messages(copy)
    added = [f"  {_where(m, copy)} [{c}] {s!r}" for c, s, m in fresh if (c, s) not in committed]
    gone = committed - {(c, s) for c, s, _ in fresh}
    assert not added and not gone, (
        f"{TS.relative_to(ROOT)} is out of date with assistant/gui and the core's messages. Run "
        "'python3 -m assistant.gui.i18n update', translate, then "
        "'python3 -m assistant.gui.i18n release'.\nNew strings:\n" + "\n".join(added)
        + "\nStrings no longer used:\n" + "\n".join(f"  [{c}] {s!r}" for c, s in sorted(gone)))


def test_committed_qm_is_compiled_from_committed_ts(tmp_path: Path) -> None:
    # lrelease output is deterministic (same input, same bytes; checked with
    # Qt 6.11), so a byte comparison is exact.
    fresh = tmp_path / QM.name
    subprocess.run([str(i18n.find_tool("pyside6-lrelease")), str(TS), "-qm", str(fresh),
                    "-silent"], check=True)
    assert fresh.read_bytes() == QM.read_bytes(), (
        f"{QM.relative_to(ROOT)} is stale; run: python3 -m assistant.gui.i18n release")


def test_shipped_qm_loads_through_the_package() -> None:
    data = i18n.translation_file("zh_CN").read_bytes()
    translator = QTranslator()
    assert translator.load(data)
    assert translator.translate("SettingsDialog", "Settings") == "设置"
