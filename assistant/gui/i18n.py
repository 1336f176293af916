"""The interface language, through Qt's own translation system.

English is the source language: every visible string is written in English
inside ``self.tr()`` and needs no file. Simplified Chinese comes from
``resources/translations/assistant_zh_CN.qm``, compiled from the ``.ts`` file
beside it, which translators edit (Qt Linguist or any text editor).

Switching languages at runtime only swaps the translators installed on the
application; Qt then sends ``QEvent.LanguageChange`` to every widget, whose
``changeEvent`` calls its ``retranslate_ui()``. Nothing restarts.

Maintenance, from a source checkout::

    python3 -m assistant.gui.i18n update    # pyside6-lupdate: refresh the .ts
    python3 -m assistant.gui.i18n release   # pyside6-lrelease: build the .qm
"""

from __future__ import annotations

import argparse
import importlib.resources
import logging
import shutil
import subprocess
import sys
import sysconfig
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from assistant.errors import AssistantError

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
TRANSLATED = ("zh_CN",)
"""Languages with a translation file; English needs none."""
LANGUAGES = (*TRANSLATED, SOURCE_LANGUAGE)
CATALOG = "assistant"
"""Stem of our translation files: ``assistant_<language>.ts`` / ``.qm``."""


class TranslationError(AssistantError):
    """A translation file or tool is missing: a packaging or setup problem."""


def resolve_language(setting: str, system_locale: QLocale | None = None) -> str:
    """The language to show for the ``ui_language`` setting: "zh_CN" or "en".

    "system" follows the system locale. Every Chinese locale (zh, zh_CN,
    zh_TW, zh_HK, zh_SG, ...) maps to zh_CN: Simplified Chinese is the only
    Chinese translation we have, and it serves a Traditional Chinese reader
    better than English does. Other locales get English.
    """
    if setting == "system":
        locale = QLocale.system() if system_locale is None else system_locale
        chinese = locale.language() == QLocale.Language.Chinese
        return "zh_CN" if chinese else SOURCE_LANGUAGE
    if setting in LANGUAGES:
        return setting
    raise ValueError(f"unknown interface language {setting!r}; use system or one of "
                     f"{', '.join(LANGUAGES)}")


def translation_file(language: str, suffix: str = ".qm") -> Traversable:
    """Our shipped translation file for ``language`` (it may not exist)."""
    folder = importlib.resources.files("assistant.resources") / "translations"
    return folder / f"{CATALOG}_{language}{suffix}"


class Translations:
    """Installs and swaps the translators of one application.

    Keeps the translators (and the bytes our own one was loaded from, which
    Qt does not copy) alive for as long as they are installed. Not a QObject:
    no signals; Qt's LanguageChange events are the notification.
    """

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self._data: bytes = b""
        self.language = SOURCE_LANGUAGE
        """The language applied last: "zh_CN" or "en"."""

    def apply(self, language: str) -> None:
        """Show ``language`` ("zh_CN" or "en") in every widget, now.

        Raises TranslationError, keeping the current language, if our own
        ``.qm`` file is missing or unreadable.
        """
        if language not in LANGUAGES:
            raise ValueError(f"unknown interface language {language!r}")
        if language == self.language:
            return
        # Load first, so a broken file leaves the current language in place.
        translators, data = self._load(language)
        for translator in self._installed:
            self._app.removeTranslator(translator)
        for translator in translators:
            self._app.installTranslator(translator)
        self._installed, self._data, self.language = translators, data, language

    def _load(self, language: str) -> tuple[list[QTranslator], bytes]:
        if language == SOURCE_LANGUAGE:
            return [], b""
        translators: list[QTranslator] = []
        qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        qt_file = qt_folder / f"qtbase_{language}.qm"
        qt_translator = QTranslator()
        if qt_file.is_file() and qt_translator.load(str(qt_file)):
            translators.append(qt_translator)
        else:  # Qt's own buttons stay English; ours are still translated.
            log.debug("no usable Qt base translation at %s", qt_file)
        ours = translation_file(language)
        try:
            data = ours.read_bytes()
        except OSError as exc:
            raise TranslationError("The translation file {path} cannot be read ({error}). "
                                   "The installation is incomplete; reinstall the app.",
                                   path=ours, error=exc) from None
        translator = QTranslator()
        if not translator.load(data):
            raise TranslationError("The translation file {path} is not a valid Qt .qm "
                                   "file. The installation is damaged; reinstall the app.",
                                   path=ours)
        translators.append(translator)
        return translators, data


def find_tool(name: str) -> Path:
    """A Qt tool such as "pyside6-lupdate", from this Python's environment first.

    The scripts folder next to the running Python wins over PATH, so the tool
    always matches the installed PySide6 (and its Python parser).
    """
    executable = name + (".exe" if sys.platform == "win32" else "")
    beside = Path(sysconfig.get_path("scripts")) / executable
    if beside.is_file():
        return beside
    found = shutil.which(name)
    if found:
        return Path(found)
    raise TranslationError("{name} was found neither in {folder} nor on PATH. It comes "
                           "with PySide6-Essentials: pip install 'PySide6-Essentials>=6.11,<6.12'.",
                           name=name, folder=beside.parent)


def source_root() -> Path:
    """The source checkout this module runs from; update and release write there."""
    root = Path(__file__).resolve().parents[2]
    if not (root / "pyproject.toml").is_file() or not (root / "resources").is_dir():
        raise TranslationError("{root} is not a source checkout (no pyproject.toml and "
                               "resources/ there); run this from a clone of the repository.",
                               root=root)
    return root


CORE_SOURCE = Path("build") / "i18n" / "core_messages.py"
"""Where ``update`` writes the core's message patterns for lupdate (not shipped)."""


def update(root: Path) -> None:
    """Refresh each ``.ts`` from ``assistant/gui`` and the core's message patterns.

    The patterns (see :mod:`assistant.gui.i18n_sources`) are written as
    ``translate("Core", ...)`` calls into a build file that lupdate reads
    like any source; existing translations are kept.
    """
    from assistant.gui.i18n_sources import write_lupdate_source

    lupdate = find_tool("pyside6-lupdate")
    write_lupdate_source(root, root / CORE_SOURCE)
    sources = sorted(p.relative_to(root).as_posix()
                     for p in (root / "assistant" / "gui").rglob("*.py"))
    sources.append(CORE_SOURCE.as_posix())
    for language in TRANSLATED:
        ts = root / "resources" / "translations" / f"{CATALOG}_{language}.ts"
        _run([str(lupdate), *sources, "-no-obsolete", "-locations", "absolute",
              "-source-language", SOURCE_LANGUAGE, "-target-language", language,
              "-ts", str(ts)], root)


def release(root: Path) -> None:
    """Compile each ``.ts`` into the ``.qm`` that ships beside it."""
    lrelease = find_tool("pyside6-lrelease")
    for language in TRANSLATED:
        ts = root / "resources" / "translations" / f"{CATALOG}_{language}.ts"
        _run([str(lrelease), str(ts), "-qm", str(ts.with_suffix(".qm"))], root)


def _run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, check=False)
    if result.returncode:
        raise TranslationError("{tool} failed (exit code {code}); see its messages above.",
                               tool=Path(command[0]).name, code=result.returncode)


def main(argv: list[str] | None = None) -> int:
    """``python3 -m assistant.gui.i18n update|release``; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog="python3 -m assistant.gui.i18n",
        description="Maintain the translations in resources/translations/.")
    parser.add_argument("command", choices=("update", "release"),
                        help="update: refresh the .ts files from assistant/gui; "
                             "release: compile them into .qm files")
    args = parser.parse_args(argv)
    try:
        root = source_root()
        if args.command == "update":
            update(root)
        else:
            release(root)
    except TranslationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
