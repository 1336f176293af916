"""Tests for assistant.textfile: decoding user-edited text whatever wrote it.

Covers the encodings Chinese and Western editors write (UTF-8, UTF-8 with
BOM, UTF-16 with BOM, GBK/GB18030), line-end normalisation, and the refusals
(binaries, huge files, missing files, folders, undecodable bytes), whose
messages must name the file.
"""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.textfile import DEFAULT_LIMIT, TextFile, decode_text, read_text

NAME = "周报 notes.txt"
"""A file name with a space and Chinese, so 'names the file' is a real check."""


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"hello\n", "hello\n", "utf-8"),
        (b"", "", "utf-8"),
        ("naïve café ✓".encode(), "naïve café ✓", "utf-8"),
        ("周报：本周完成".encode(), "周报：本周完成", "utf-8"),
        (codecs.BOM_UTF8 + "周报\n".encode(), "周报\n", "utf-8-sig"),
        (b"a\r\nb\r\n", "a\nb\n", "utf-8"),
        (b"a\rb\rc", "a\nb\nc", "utf-8"),
        (b"a\r\nb\rc\nd", "a\nb\nc\nd", "utf-8"),
        (b"a\r\r\nb", "a\n\nb", "utf-8"),
        ("周报：本周完成".encode("gbk"), "周报：本周完成", "gb18030"),
        ("会议纪要\r\n一、议题\r\n".encode("gbk"), "会议纪要\n一、议题\n", "gb18030"),
        ("𠀀 outside GBK".encode("gb18030"), "𠀀 outside GBK", "gb18030"),
        ("第一行\r\n第二行".encode("utf-16"), "第一行\n第二行", "utf-16"),
        (codecs.BOM_UTF16_LE + "hi\r\n".encode("utf-16-le"), "hi\n", "utf-16"),
        (codecs.BOM_UTF16_BE + "周报\r".encode("utf-16-be"), "周报\n", "utf-16"),
        (codecs.BOM_UTF8 + b"x\r\ny", "x\ny", "utf-8-sig"),
        (b"tab\tform\x0cfeed\x0bvt \x1b[0m", "tab\tform\x0cfeed\x0bvt \x1b[0m", "utf-8"),
        (b"one bell \x07 is fine", "one bell \x07 is fine", "utf-8"),
    ],
)
def test_decode_text(data: bytes, text: str, encoding: str) -> None:
    assert decode_text(data, NAME) == TextFile(text, encoding)


def test_bom_is_not_part_of_the_text() -> None:
    decoded = decode_text(codecs.BOM_UTF8 + b"+++\n", NAME)
    assert decoded.text.startswith("+++")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"PK\x03\x04\x00\x00binary zip", "NUL"),
        (b"text then \x00 a NUL", "NUL"),
        (b"\x80\x80\xff\xff" * 16, "it is not UTF-8, and it reads neither as Chinese"),
        (b"\xff" * 10, "it is not UTF-8, and it reads neither as Chinese"),
        (codecs.BOM_UTF8 + b"ok \xff\xfe\xfd", "byte-order mark"),
        (codecs.BOM_UTF16_LE + b"a", "byte-order mark"),
    ],
)
def test_decode_text_refuses_non_text(data: bytes, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        decode_text(data, NAME)
    message = str(info.value)
    assert message.startswith(f"{NAME}: ")
    assert fragment in message


def test_invalid_sample_really_fails_both_encodings() -> None:
    """Guard the fixture above: the bytes must be neither UTF-8 nor GB18030."""
    data = b"\x80\x80\xff\xff" * 16
    for encoding in ("utf-8", "gb18030"):
        with pytest.raises(UnicodeDecodeError):
            data.decode(encoding)


def test_control_character_soup_is_refused() -> None:
    # Valid UTF-8 (all bytes < 0x20) but no editor writes this: a binary.
    rng = random.Random(1)
    controls = [b for b in range(1, 32) if chr(b) not in "\t\n\r\f\v\x1b"]
    data = bytes(rng.choice(controls) for _ in range(500))
    with pytest.raises(InputError, match="looks like a binary file") as info:
        decode_text(data, NAME)
    assert NAME in str(info.value)


def test_control_characters_mixed_into_text_are_refused() -> None:
    rng = random.Random(2)
    chunks = [b"report line " + bytes([rng.randrange(1, 9)]) * 3 for _ in range(50)]
    with pytest.raises(InputError) as info:
        decode_text(b"".join(chunks), NAME)
    assert NAME in str(info.value)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder whose name has a space and Chinese, like real user folders."""
    path = tmp_path / "我的 文件"
    path.mkdir()
    return path


def test_read_text_reads_and_normalises(folder: Path) -> None:
    path = folder / "纪要.txt"
    path.write_bytes("会议纪要\r\n结论".encode("gbk"))
    assert read_text(path) == TextFile("会议纪要\n结论", "gb18030")


def test_read_text_at_the_limit_is_accepted(folder: Path) -> None:
    path = folder / "exact.txt"
    path.write_bytes(b"x" * 10)
    assert read_text(path, limit=10).text == "x" * 10


def test_read_text_over_the_limit_names_the_file(folder: Path) -> None:
    path = folder / "big.log"
    path.write_bytes(b"x" * 11)
    with pytest.raises(InputError) as info:
        read_text(path, limit=10)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert "too large" in message
    assert "11 bytes" in message and "limit is 10" in message


def test_default_limit_is_one_mebibyte(folder: Path) -> None:
    path = folder / "huge.txt"
    path.write_bytes(b"a" * (DEFAULT_LIMIT + 1))
    with pytest.raises(InputError, match="too large"):
        read_text(path)


def test_read_text_missing_file(folder: Path) -> None:
    path = folder / "missing.md"
    with pytest.raises(InputError) as info:
        read_text(path)
    assert str(info.value) == f"{path}: file not found."


def test_read_text_folder(folder: Path) -> None:
    with pytest.raises(InputError) as info:
        read_text(folder)
    assert str(info.value).startswith(f"{folder}: ")
    assert "folder" in str(info.value)


def test_read_text_binary_names_the_path(folder: Path) -> None:
    path = folder / "picture.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError) as info:
        read_text(path)
    assert str(info.value).startswith(f"{path}: ")
    assert "binary" in str(info.value)


def test_read_text_undecodable_names_the_path(folder: Path) -> None:
    path = folder / "weird.txt"
    path.write_bytes(b"\x80\x80\xff\xff" * 4)
    with pytest.raises(InputError) as info:
        read_text(path)
    assert str(info.value).startswith(f"{path}: ")
    assert "Re-save it as UTF-8" in str(info.value)


GERMAN = "Grüße an Müller, schöne Größe.\r\nÖl für Äpfel"
FRENCH = "Ça a été créée à Noël, où l'on mange des bûches."
CHINESE_LONG = ("会议纪要\r\n一、议题：讨论第三季度的销售计划，以及新产品的发布时间。\r\n"
                "二、结论：由张三负责，下周五之前提交方案。\r\n") * 20
ELF_HEADER = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00\x01\x00\x00\x00"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param("Grüße ✓".encode(), "Grüße ✓", "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + "Grüße".encode(), "Grüße", "utf-8-sig", id="utf-8 BOM"),
        pytest.param("周报".encode("gb18030"), "周报", "gb18030", id="gb18030 short"),
        pytest.param("第1章".encode("gb18030"), "第1章", "gb18030", id="gb18030 with a digit"),
        pytest.param("A股".encode("gb18030"), "A股", "gb18030", id="gb18030 after a letter"),
        pytest.param(CHINESE_LONG.encode("gb18030"), CHINESE_LONG.replace("\r\n", "\n"),
                     "gb18030", id="gb18030 long"),
        pytest.param("“你好”，《红楼梦》￥100".encode("gbk"), "“你好”，《红楼梦》￥100", "gb18030",
                     id="gbk punctuation"),
        pytest.param(GERMAN.encode("latin-1"), GERMAN.replace("\r\n", "\n"), "cp1252",
                     id="latin-1 german"),
        pytest.param("Grüße an Müller".encode("latin-1"), "Grüße an Müller", "cp1252",
                     id="latin-1 Müller, not M黮ler"),
        pytest.param(FRENCH.encode("latin-1"), FRENCH, "cp1252", id="latin-1 french"),
        pytest.param("ça va".encode("latin-1"), "ça va", "cp1252", id="latin-1 ça, not 鏰"),
        pytest.param("créée".encode("latin-1"), "créée", "cp1252", id="latin-1 créée, not cr殚e"),
        pytest.param("Émile".encode("latin-1"), "Émile", "cp1252", id="latin-1 Émile"),
        pytest.param("“Quoted” – ‘single’ … 5 €".encode("cp1252"),
                     "“Quoted” – ‘single’ … 5 €", "cp1252", id="cp1252 curly quotes"),
        pytest.param("Hello, world!\r\nSecond line".encode("utf-16-le"),
                     "Hello, world!\nSecond line", "utf-16-le", id="utf-16-le no BOM"),
        pytest.param("Hello, 世界!\nSecond".encode("utf-16-be"), "Hello, 世界!\nSecond",
                     "utf-16-be", id="utf-16-be no BOM"),
        pytest.param("周报：本周完成 3 项\r\n".encode("utf-16-le"), "周报：本周完成 3 项\n",
                     "utf-16-le", id="utf-16-le chinese with spaces"),
    ],
)
def test_the_encoding_is_recognised(data: bytes, text: str, encoding: str) -> None:
    assert decode_text(data, NAME) == TextFile(text, encoding)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary",
                     id="png"),
        pytest.param(ELF_HEADER, "binary", id="elf"),
        pytest.param("Hello".encode("utf-16-le")[:-1], "binary", id="utf-16 cut in half"),
        pytest.param(b"A\x00\x01\x00\x02\x00\x03\x00\x04\x00\x05\x00", "binary",
                     id="utf-16 pattern of control codes"),
        pytest.param("こんにちは、世界".encode("shift_jis"), "it is not UTF-8", id="shift-jis"),
        pytest.param("今日はいい天気ですね。会議は午後三時からです。".encode("shift_jis"),
                     "it is not UTF-8", id="shift-jis long"),
        pytest.param("ÀÉÎÕÜ".encode("latin-1"), "Re-save it as UTF-8", id="no plausible reading"),
    ],
)
def test_unsure_or_binary_is_refused(data: bytes, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        decode_text(data, NAME)
    assert str(info.value).startswith(f"{NAME}: ")
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    ("data", "noted"),
    [
        ("Grüße".encode("latin-1"), True),
        ("Hi there".encode("utf-16-le"), True),
        ("周报".encode("gbk"), False),  # what Chinese Windows editors write: expected
        ("周报".encode(), False),
        ("周报".encode("utf-16"), False),  # the BOM says so
    ],
)
def test_a_surprising_guess_comes_with_a_note(data: bytes, noted: bool) -> None:
    decoded = decode_text(data, NAME)
    note = decoded.note(NAME)
    assert (note is not None) == noted
    if note is not None:
        assert str(note) == (f"{NAME}: not UTF-8; read as {decoded.encoding}. If the text "
                             "looks wrong, re-save the file as UTF-8.")


def test_a_latin1_file_is_read_as_western_text(folder: Path) -> None:
    path = folder / "brief.txt"
    path.write_bytes("Sehr geehrter Herr Müller,\r\nvielen Dank für Ihre Grüße.".encode("latin-1"))
    assert read_text(path) == TextFile(
        "Sehr geehrter Herr Müller,\nvielen Dank für Ihre Grüße.", "cp1252")
