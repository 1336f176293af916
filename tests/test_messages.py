"""Messages: constant patterns with values, English by default, translatable."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.messages import Message, slots
from assistant.templating.library import load_library
from assistant.textfile import read_text


def test_english_rendering_fills_the_slots_with_their_formats() -> None:
    message = Message.of("{path}: {size:,} bytes, {name!r}", path=Path("/a/b"), size=12345,
                         name="x")
    assert str(message) == "/a/b: 12,345 bytes, 'x'"


@pytest.mark.parametrize("params", [{}, {"path": "a", "extra": 1}, {"other": "a"}])
def test_values_must_fill_exactly_the_slots(params: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="slots"):
        Message.of("{path}: file not found.", **params)


def test_translation_reaches_nested_messages_and_errors() -> None:
    inner = InputError("{path}: file not found.", path="x.md")
    outer = Message.of("Template {id!r} cannot be used: {problem}", id="t", problem=inner)
    table = {"{path}: file not found.": "{path}：找不到文件。",
             "Template {id!r} cannot be used: {problem}": "模板 {id!r} 无法使用：{problem}"}
    assert outer.render(lambda p: table.get(p, p)) == "模板 't' 无法使用：x.md：找不到文件。"
    assert str(outer) == "Template 't' cannot be used: x.md: file not found."


def test_a_translation_with_other_slots_is_not_used() -> None:
    message = Message.of("{path}: file not found.", path="x")
    assert message.render(lambda p: "{pth}：找不到文件。") == "x: file not found."


def test_literal_braces_are_doubled_in_patterns() -> None:
    message = Message.of("add {{% block prompt %}} to {file}", file="a.md")
    assert slots(message.pattern) == {"file"}
    assert str(message) == "add {% block prompt %} to a.md"


def test_json_round_trip_keeps_nested_messages() -> None:
    message = Message.of("{a} and {b:,}", a=Message.of("about {n}", n=3), b=1000)
    assert Message.from_json(message.to_json()) == message
    with pytest.raises(TypeError):
        Message.from_json({"pattern": "{a}", "params": {"a": [1]}})


def test_core_errors_carry_their_message(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_text(tmp_path / "missing.txt")
    assert caught.value.message.pattern == "{path}: file not found."
    assert str(caught.value) == f"{tmp_path / 'missing.txt'}: file not found."


def test_a_template_error_is_a_message_all_the_way_down(tmp_path: Path) -> None:
    (tmp_path / "broken.md").write_text('+++\ntitle = "Weekly\n+++\nHi', encoding="utf-8")
    error = load_library(tmp_path).errors[0].message
    assert "a text value is not closed: add the closing quote" in str(error)
    hint = error.params["hint"]
    assert isinstance(hint, Message) and hint.pattern.startswith("a text value is not closed")


@pytest.mark.parametrize(("front", "hint"), [
    ('title = "Weekly', "a text value is not closed"),
    ("title = Weekly", "put text in quotes"),
    ('title "Weekly"', "a setting has no '='"),
    ('title = "a"\ntitle = "b"', "written twice"),
    ('[fields.who\nlabel = "x"', "a table header is not closed"),
    ('[fields.who]\noptions = ["a", "b"', "a list is not closed"),
    ('title = "C:\\Users"', "a backslash in text must be doubled"),
])
def test_bad_front_matter_says_what_to_do(tmp_path: Path, front: str, hint: str) -> None:
    (tmp_path / "t.md").write_text(f"+++\n{front}\n+++\nHi", encoding="utf-8")
    message = str(load_library(tmp_path).errors[0].message)
    assert message.startswith(f"{tmp_path / 't.md'}, line ")
    assert hint in message


def test_errors_survive_pickling_with_their_message() -> None:
    import pickle

    from assistant.gguf import GGUFError

    for error in (InputError("add {{% block prompt %}} to {file}", file="a.md"),
                  GGUFError(Path("m.gguf"), "Model file not found: {path}.", path="m.gguf")):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and str(copy) == str(error)
        assert copy.message == error.message
    assert pickle.loads(pickle.dumps(GGUFError(Path("m"), "x"))).path == Path("m")
