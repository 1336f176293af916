"""Customize a built-in and create new templates in the user folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.templating.library import load_library
from assistant.templating.model import Source
from assistant.templating.userfiles import customize, new_template


def test_customize_copies_builtin_and_then_overrides(tmp_path: Path) -> None:
    path = customize("proofread-zh", tmp_path)
    assert path == tmp_path / "proofread-zh.md"
    library = load_library(tmp_path)
    assert library.get("proofread-zh").source is Source.USER
    assert library.errors == ()


def test_customize_never_overwrites_user_edits(tmp_path: Path) -> None:
    path = customize("proofread-en", tmp_path)
    path.write_text("my own version {{ text }}", encoding="utf-8")
    assert customize("proofread-en", tmp_path).read_text(encoding="utf-8").startswith("my own")


def test_customize_unknown_builtin(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no built-in template 'nope'"):
        customize("nope", tmp_path)


@pytest.mark.parametrize(("title", "language", "expected"), [
    ("Customer reply", "en", "customer-reply.md"),
    ("客户回复", "zh", "my-template.md"),
    ("Q3 plan!", "en", "q3-plan.md"),
])
def test_new_template_is_valid_and_loads(tmp_path: Path, title: str, language: str,
                                         expected: str) -> None:
    path = new_template(tmp_path, title, language)
    assert path.name == expected
    library = load_library(tmp_path)
    assert library.errors == ()
    template = library.get(path.stem)
    assert template.title == title and template.input_field == "text"


def test_new_template_never_overwrites(tmp_path: Path) -> None:
    first = new_template(tmp_path, "Report", "en")
    second = new_template(tmp_path, "Report", "en")
    assert first != second and second.name == "report-2.md"


@pytest.mark.parametrize("title", ["", "  ", 'say "hi"', "a\\b"])
def test_new_template_bad_names(tmp_path: Path, title: str) -> None:
    with pytest.raises(InputError):
        new_template(tmp_path, title)


def test_a_folder_that_cannot_be_written_gives_a_message(tmp_path: Path) -> None:
    blocked = tmp_path / "templates"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(InputError, match=r"templates/proofread-en.md: cannot write the template"):
        customize("proofread-en", blocked)
    with pytest.raises(InputError, match=r"templates/notes.md: cannot write the template"):
        new_template(blocked, "Notes")
    assert blocked.read_text(encoding="utf-8") == "a file where the folder should be"
