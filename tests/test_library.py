"""The template library: built-ins, user overrides, broken files, saved examples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.templating.library import load_library, save_example
from assistant.templating.model import Source

STARTERS = ("weekly-report-zh", "weekly-report-en", "proofread-zh", "proofread-en")


def test_builtins_load_without_errors() -> None:
    library = load_library(None)
    assert library.errors == ()
    for template_id in STARTERS:
        template = library.get(template_id)
        assert template.source is Source.BUILTIN
        assert template.examples, f"{template_id} should carry few-shot examples"
        assert template.input_field is not None


def test_user_template_overrides_builtin(tmp_path: Path) -> None:
    (tmp_path / "proofread-en.md").write_text('+++\ntitle = "My proofreading"\n+++\n{{ text }}',
                                              encoding="utf-8")
    library = load_library(tmp_path)
    assert library.get("proofread-en").title == "My proofreading"
    assert library.get("proofread-en").source is Source.USER
    assert library.get("proofread-zh").source is Source.BUILTIN


def test_broken_user_file_is_listed_and_others_work(tmp_path: Path) -> None:
    (tmp_path / "broken.md").write_text('+++\ntitle = "x"\n[fields.a]\nkind = "big"\n+++\n{{ a }}',
                                        encoding="utf-8")
    (tmp_path / "fine.md").write_text("Say hi to {{ name }}", encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02PNG")
    library = load_library(tmp_path)
    assert library.get("fine").title == "fine"
    messages = {error.template_id: str(error.message) for error in library.errors}
    assert "broken.md, line 3: field 'a': kind 'big'" in messages["broken"]
    assert "binary file" in messages["binary"]
    with pytest.raises(InputError, match="Template 'broken' cannot be used: .*broken.md"):
        library.get("broken")
    assert len(library.templates) >= len(STARTERS) + 1


def test_broken_override_keeps_builtin_and_reports(tmp_path: Path) -> None:
    (tmp_path / "weekly-report-en.md").write_text("+++\ntitle = \n+++\n", encoding="utf-8")
    library = load_library(tmp_path)
    assert library.get("weekly-report-en").source is Source.BUILTIN
    assert [e.template_id for e in library.errors] == ["weekly-report-en"]


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("gb18030"),
    lambda t: t.encode("gbk").replace(b"\n", b"\r\n"),
    lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    lambda t: t.encode("utf-16"),
])
def test_user_files_from_windows_editors(tmp_path: Path, encode: object) -> None:
    text = '+++\ntitle = "会议纪要"\n[fields.notes]\nlabel = "记录"\n+++\n整理：{{ notes }}'
    (tmp_path / "minutes.md").write_bytes(encode(text))  # type: ignore[operator]
    template = load_library(tmp_path).get("minutes")
    assert template.title == "会议纪要"
    assert template.field("notes") is not None and template.field("notes").label == "记录"  # type: ignore[union-attr]


def test_oversized_user_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "huge.md").write_text("x" * 300_000, encoding="utf-8")
    library = load_library(tmp_path)
    assert "file is too large" in str(library.errors[0].message)
    assert "huge.md" in str(library.errors[0].message)


def test_unknown_id_suggests_close_ones() -> None:
    with pytest.raises(InputError, match="No template 'weekly-report'.*weekly-report-"):
        load_library(None).get("weekly-report")


def test_saved_examples_are_appended_after_the_files_own(tmp_path: Path) -> None:
    library = load_library(tmp_path)
    template = library.get("proofread-en")
    before = len(template.examples)
    text = 'He said "it\'s fine" \\ twice\n\nand left.'
    path = save_example(tmp_path, template, {"text": text}, "Corrected:\n'''quoted'''")
    assert path == tmp_path / "proofread-en.examples.toml"
    reloaded = load_library(tmp_path).get("proofread-en")
    assert len(reloaded.examples) == before + 1
    assert reloaded.examples[-1].values["text"] == text
    assert reloaded.examples[-1].output == "Corrected:\n'''quoted'''"
    # The built-in file itself is untouched: only the user folder changed.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["proofread-en.examples.toml"]


def test_broken_saved_examples_are_reported(tmp_path: Path) -> None:
    (tmp_path / "proofread-en.examples.toml").write_text(
        '[[examples]]\ntxt = "a"\noutput = "b"\n', encoding="utf-8")
    library = load_library(tmp_path)
    assert library.get("proofread-en").examples  # the file's own examples still work
    message = str(library.errors[0].message)
    assert "proofread-en.examples.toml, line 1: example 1 sets 'txt'" in message


def test_an_unreadable_folder_still_gives_the_built_ins(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads any folder, so the refusal is the operating system's, injected."""
    user = tmp_path / "templates"
    user.mkdir()
    real_iterdir = Path.iterdir

    def refuse(self: Path) -> object:
        if self == user:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    library = load_library(user)
    assert len(library.templates) >= 16
    [error] = library.errors
    assert error.path == str(user)
    assert str(error.message) == (f"{user}: the template folder cannot be read (Permission "
                                  "denied); only the built-in templates are available. Check the "
                                  "folder's permissions.")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs a folder the user cannot read")
def test_a_folder_without_read_permission(tmp_path: Path) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    user.chmod(0)
    try:
        library = load_library(user)
    finally:
        user.chmod(0o700)
    assert [e.path for e in library.errors] == [str(user)]
    assert len(library.templates) >= 16


def test_a_failed_example_save_leaves_the_file_as_it_was(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    template = load_library(None).get("proofread-en")
    path = save_example(tmp_path, template, {"text": "one"}, "One.")
    before = path.read_bytes()

    def power_cut(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("assistant.atomic.os.replace", power_cut)
    with pytest.raises(InputError, match=r"proofread-en.examples.toml: cannot save the example "
                                         r"\(No space left on device\)"):
        save_example(tmp_path, template, {"text": "two"}, "Two.")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["proofread-en.examples.toml"]


def test_examples_from_a_windows_editor_are_kept_when_one_is_added(tmp_path: Path) -> None:
    template = load_library(None).get("proofread-zh")
    path = tmp_path / "proofread-zh.examples.toml"
    path.write_bytes('[[examples]]\r\ntext = "今天天气很好，我们去公园散步吧"\r\noutput = "改好了"'
                     .encode("gb18030"))
    save_example(tmp_path, template, {"text": "新的"}, "好")
    examples = load_library(tmp_path).get("proofread-zh").examples
    assert [e.output for e in examples[-2:]] == ["改好了", "好"]
    assert examples[-2].values["text"] == "今天天气很好，我们去公园散步吧"
