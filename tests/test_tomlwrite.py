"""Tests for assistant.tomlwrite: whatever we write, tomllib reads back identically.

Settings and saved examples hold user text (pasted reports, Windows paths,
Chinese, emoji), so the writer is checked against a table of tricky strings
and a seeded random sample of a few hundred more.
"""

from __future__ import annotations

import math
import random
import tomllib

import pytest

from assistant.tomlwrite import Scalar, table, value


def read_back(item: Scalar) -> object:
    """Write ``item`` as the value of one key and parse it with tomllib."""
    return tomllib.loads(f"key = {value(item)}\n")["key"]


TRICKY_STRINGS = [
    "",
    "plain",
    'say "hi"',
    "it's",
    "'''",
    "''",
    '"""',
    'a """ b',
    "C:\\Users\\张三\\模型.gguf",
    "\\",
    "ends with backslash\\",
    "\\n is not a newline",
    "\\u00e9 stays escaped text",
    "line one\nline two",
    "\n",
    "\n\nleading newlines",
    "trailing newline\n",
    "tab\there",
    "multi\nline\twith tab",
    "multi\nline with ''' inside",
    "multi\nline ending in a quote'",
    "multi\nline ending in two quotes''",
    "multi\nline with \"\"\" inside",
    "multi\nline with \\ backslash",
    "windows\r\nline ends",
    "lone\rcarriage return",
    "bell\x07 and escape\x1b[0m",
    "nul\x00inside",
    "multi\nline\x01with a control",
    "form\x0cfeed and \x0bvertical tab",
    "周报：本周完成订单导出，已提测。",
    "会议纪要\n一、议题\n二、结论",
    "emoji 😀👍🏽 and ZWJ 👩‍💻",
    "line separator\u2028paragraph\u2029",
    "next line \x85 and nbsp \xa0",
    "bom \ufeff inside",
    "{{ 7*7 }} {% raw %}",
    "key = 'value'\n[table]\n[[examples]]",
    "# not a comment",
]


@pytest.mark.parametrize("text", TRICKY_STRINGS)
def test_string_round_trip(text: str) -> None:
    assert read_back(text) == text


@pytest.mark.parametrize("text", ["a\x7fb", "multi\nline\x7f"])
def test_delete_character_round_trip(text: str) -> None:
    assert read_back(text) == text


@pytest.mark.parametrize(
    ("text", "literal_block"),
    [
        ("one\ntwo", True),
        ("周报\n本周", True),
        ("path C:\\x\nnext", True),
        ("no newline", False),
        ("has '''\nand newline", False),
        ("control\x01\nand newline", False),
        ("carriage\r\nreturn", False),
    ],
)
def test_multiline_text_is_written_readably(text: str, literal_block: bool) -> None:
    written = value(text)
    assert written.startswith("'''\n") is literal_block
    if literal_block:
        assert text in written  # verbatim: no escapes to read around


@pytest.mark.parametrize(
    "number",
    [0, 1, -1, 42, 2**63 - 1, -(2**63), 0.0, 0.1, -2.5, 1 / 3, 1e-300, 1.5e300,
     5e-324, 1e16, 123456789.125],
)
def test_number_round_trip(number: float) -> None:
    back = read_back(number)
    assert back == number
    assert type(back) is type(number)


def test_negative_zero_keeps_its_sign() -> None:
    back = read_back(-0.0)
    assert isinstance(back, float) and math.copysign(1.0, back) == -1.0


@pytest.mark.parametrize(("flag", "written"), [(True, "true"), (False, "false")])
def test_bool_round_trip(flag: bool, written: str) -> None:
    assert value(flag) == written
    assert read_back(flag) is flag


@pytest.mark.parametrize("number", [math.inf, -math.inf, math.nan])
def test_non_finite_float_is_refused(number: float) -> None:
    with pytest.raises(ValueError) as info:
        value(number)
    assert repr(number) in str(info.value)


def test_table_round_trip() -> None:
    values: dict[str, Scalar] = {
        "model": "D:\\模型\\a.gguf",
        "n_ctx": 4096,
        "temperature": 0.7,
        "stream": False,
        "output": "## 完成\n1. 导出\n2. 提测\n",
        "with space": "x",
        "名字": "张三",
        "a.b": "dotted key stays one key",
        "": "empty key",
        'quote"key': 1,
    }
    written = table(values)
    assert written.count("\n") >= len(values)
    assert tomllib.loads(written) == values


def test_bare_keys_stay_bare() -> None:
    assert table({"max_tokens": 1, "ui-language": "en"}) == "max_tokens = 1\nui-language = \"en\"\n"


def test_table_under_array_of_tables_header() -> None:
    first: dict[str, Scalar] = {"text": "Its late.", "output": "It's late.\nChanges: 1"}
    second: dict[str, Scalar] = {"text": "'''\n", "output": "ok"}
    document = "\n[[examples]]\n" + table(first) + "\n[[examples]]\n" + table(second)
    assert tomllib.loads(document) == {"examples": [first, second]}


def _random_string(rng: random.Random) -> str:
    """Text built from pieces that stress quoting, plus random code points."""
    pieces = ["'", "''", "'''", '"', '"""', "\\", "\\n", "\n", "\r\n", "\r", "\t", " ",
              "#", "=", "[", "]", "{{", "}}", "周报", "😀", "\u2028", "\x85", "\ufeff",
              "\x00", "\x01", "\x1b", "\x1f", "\x7f", "a", "Z", "0"]
    parts = []
    for _ in range(rng.randrange(0, 12)):
        roll = rng.random()
        if roll < 0.6:
            parts.append(rng.choice(pieces))
        elif roll < 0.8:
            parts.append(chr(rng.randrange(0x20, 0x7F)))
        else:
            code = rng.randrange(0x80, 0x110000)
            if 0xD800 <= code <= 0xDFFF:  # lone surrogates cannot be stored in any TOML
                code = 0xE000
            parts.append(chr(code))
    return "".join(parts)


def test_random_strings_round_trip() -> None:
    rng = random.Random(20240601)
    samples = [_random_string(rng) for _ in range(500)]
    assert sum("\n" in s for s in samples) > 50  # the sample reaches both writers
    for text in samples:
        assert read_back(text) == text, repr(text)


def test_random_tables_round_trip() -> None:
    rng = random.Random(7)
    for _ in range(200):
        values: dict[str, Scalar] = {
            _random_string(rng) or "k": _random_string(rng) for _ in range(rng.randrange(1, 4))
        }
        written = table(values)
        assert tomllib.loads(written) == values, written
