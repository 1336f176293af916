"""Read a GGUF model file's header and metadata without llama.cpp.

Why this exists: the model list wants to show a model's size, architecture,
context length and whether it carries a chat template without loading it, and
a broken model file should get a message the user can act on. When llama.cpp
itself meets a missing, foreign or half-downloaded file, its explanation goes
to a log and Python only sees a generic "Failed to load model"; checking the
file here first lets us say which file is wrong and what to do about it.

Only the header, the metadata and the tensor list are read (a few MB at most);
the tensor data is never touched, only its expected size is checked against
the file size to catch incomplete downloads.

Format reference: https://github.com/ggml-org/ggml/blob/master/docs/gguf.md
"""

from __future__ import annotations

import enum
import os
import struct
import types
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

from assistant.errors import ModelError
from assistant.gguf_info import GGUFInfo
from assistant.messages import Message

__all__ = ["GGUFArray", "GGUFError", "GGUFInfo", "ValueType", "read_gguf"]

_MAGIC: Final = b"GGUF"
_SUPPORTED_VERSIONS: Final = (2, 3)
_DEFAULT_ALIGNMENT: Final = 32
_MAX_DIMS: Final = 4  # GGML_MAX_DIMS; llama.cpp rejects tensors with more

# Arrays up to this many scalar elements are kept as tuples (they are small
# and sometimes interesting); longer ones, and all string arrays such as the
# 50k-150k entry tokenizer vocabulary, become a GGUFArray marker so reading
# metadata stays fast and small.
_MAX_KEPT_ARRAY: Final = 64

# Reading the tokenizer vocabulary string by string through Python calls is
# the slow part of a naive reader; scanning it in chunks of this size keeps a
# 150k-token vocabulary well under 100 ms.
_SCAN_CHUNK: Final = 1 << 20


class ValueType(enum.IntEnum):
    """Type tag of a GGUF metadata value, as stored in the file."""

    UINT8 = 0
    INT8 = 1
    UINT16 = 2
    INT16 = 3
    UINT32 = 4
    INT32 = 5
    FLOAT32 = 6
    BOOL = 7
    STRING = 8
    ARRAY = 9
    UINT64 = 10
    INT64 = 11
    FLOAT64 = 12


_SCALAR_FORMATS: Final[Mapping[int, str]] = {
    ValueType.UINT8: "B", ValueType.INT8: "b", ValueType.UINT16: "H",
    ValueType.INT16: "h", ValueType.UINT32: "I", ValueType.INT32: "i",
    ValueType.UINT64: "Q", ValueType.INT64: "q", ValueType.FLOAT32: "f",
    ValueType.FLOAT64: "d", ValueType.BOOL: "?",
}
_SCALAR_STRUCTS: Final[Mapping[int, struct.Struct]] = {
    tag: struct.Struct("<" + fmt) for tag, fmt in _SCALAR_FORMATS.items()
}

_U32: Final = struct.Struct("<I")
_U64: Final = struct.Struct("<Q")

# ggml tensor type id -> (elements per block, bytes per block), for the types
# whose size we can compute. Other types (newer quantisations such as IQ*)
# only get a weaker check; see _tensor_end().
_GGML_BLOCKS: Final[Mapping[int, tuple[int, int]]] = {
    0: (1, 4), 1: (1, 2), 30: (1, 2), 28: (1, 8),  # F32, F16, BF16, F64
    24: (1, 1), 25: (1, 2), 26: (1, 4), 27: (1, 8),  # I8, I16, I32, I64
    2: (32, 18), 3: (32, 20), 6: (32, 22), 7: (32, 24),  # Q4_0, Q4_1, Q5_0, Q5_1
    8: (32, 34), 9: (32, 36),  # Q8_0, Q8_1
    10: (256, 84), 11: (256, 110), 12: (256, 144),  # Q2_K, Q3_K, Q4_K
    13: (256, 176), 14: (256, 210), 15: (256, 292),  # Q5_K, Q6_K, Q8_K
}

# What a file that is not GGUF most likely is, judged by its first bytes;
# these are the usual ways people end up pointing at the wrong file.
_GGML: Final = Message.of("an old GGML model from before GGUF?")
_FOREIGN_STARTS: Final = (
    (b"version https://git-lfs", Message.of("a Git LFS pointer, not the model itself")),
    (b"PK\x03\x04", Message.of("a zip archive or PyTorch checkpoint?")),
    (b"<", Message.of("a web page? The download may have saved an error page")),
    (b"tjgg", _GGML),
    (b"lmgg", _GGML),
    (b"fmgg", _GGML),
)
_SAFETENSORS: Final = Message.of("a safetensors file?")

# The parts of the file, for "while reading the ..." and "... needs N bytes".
_HEADER: Final = Message.of("header")
_METADATA: Final = Message.of("metadata")
_TENSOR_LIST: Final = Message.of("tensor list")
_METADATA_KEY: Final = Message.of("a metadata key")
_TENSOR_NAME: Final = Message.of("a tensor name")


class GGUFError(ModelError):
    """A model file is missing, unreadable, not GGUF, or damaged.

    The message is meant to be shown to the user as is: it names the file,
    says what is wrong and what to do. ``path`` lets a model list mark the
    entry the error belongs to.
    """

    def __init__(self, path: Path, message: str | Message, /, **params: object) -> None:
        super().__init__(message, **params)
        self.path = path


@dataclass(frozen=True)
class GGUFArray:
    """Stands in for a metadata array that was skipped rather than loaded.

    Big arrays (the tokenizer vocabulary, merges, scores) are only useful to
    llama.cpp; keeping their type and length is enough to describe them.
    """

    element_type: ValueType
    count: int


def read_gguf(path: str | os.PathLike[str]) -> GGUFInfo:
    """Read and check the header, metadata and tensor list of a GGUF file.

    Raises GGUFError with a message for the user if the file is missing,
    unreadable, not a GGUF file, of an unsupported version, or shorter than
    its own tensor list says it must be.
    """
    path = Path(path)
    try:
        # A large buffer: the metadata is read in many small pieces.
        with open(path, "rb", buffering=1 << 16) as f:
            return _Parser(path, f).parse()
    except (FileNotFoundError, NotADirectoryError):  # NotADirectory: a parent is a file
        message = Message.of("Model file not found: {path}. Check the path in Settings or pick "
                             "another model.", path=path)
    except (IsADirectoryError, PermissionError):
        # Windows reports opening a folder as a permission error.
        if path.is_dir():
            message = Message.of("{path} is a folder, not a model file. Pick the .gguf file "
                                 "inside it instead.", path=path)
        else:
            message = Message.of("Cannot read model file {path}: permission denied. Check the "
                                 "file's permissions, or move it to a folder you own.",
                                 path=path)
    except OSError as e:  # e.g. an I/O error from a failing disk
        message = Message.of("Cannot read model file {path}: {error}.", path=path,
                             error=e.strerror or e)
    raise GGUFError(path, message) from None


class _Truncated(Exception):
    """Internal: a read ran past the end of the file."""


class _Parser:
    """Walks one open GGUF file front to back, tracking the position itself.

    The position is tracked rather than asked of the file so every length
    read from the file can be checked against the bytes left *before*
    anything is allocated: a corrupt length of 2**60 must become a
    "truncated or corrupt" message, not a MemoryError.
    """

    def __init__(self, path: Path, f: BinaryIO) -> None:
        self.path = path
        self.f = f
        self.size = os.fstat(f.fileno()).st_size
        self.pos = 0
        self.part = _HEADER

    def take(self, n: int) -> bytes:
        """Read exactly n bytes whose size is fixed by the format."""
        if n > self.size - self.pos:
            raise _Truncated
        data = self.f.read(n)
        if len(data) != n:  # the file shrank while we were reading it
            raise _Truncated
        self.pos += n
        return data

    def skip(self, n: int) -> None:
        if n > self.size - self.pos:
            raise _Truncated
        self.pos += n
        self.f.seek(self.pos)

    def u32(self) -> int:
        value: int = _U32.unpack(self.take(4))[0]
        return value

    def u64(self) -> int:
        value: int = _U64.unpack(self.take(8))[0]
        return value

    def check_length(self, n: int, what: Message) -> None:
        """Fail clearly if a length read from the file exceeds what is left."""
        left = self.size - self.pos
        if n > left:
            raise GGUFError(self.path, "Model file {path} is truncated or corrupt: {what} at "
                            "byte {pos} needs at least {n} bytes but only {left} remain. The "
                            "download is probably incomplete or damaged. Download the model "
                            "again.", path=self.path, what=what, pos=self.pos, n=n, left=left)

    def string(self, what: Message) -> str:
        n = self.u64()
        self.check_length(n, what)
        # Invalid UTF-8 in a name or description should not make the whole
        # model unusable; llama.cpp does not validate it either.
        return self.take(n).decode("utf-8", errors="replace")

    def parse(self) -> GGUFInfo:
        if self.size == 0:
            raise GGUFError(self.path, "Model file {path} is empty (0 bytes); the download "
                            "probably failed. Download the model again.", path=self.path)
        try:
            return self._parse()
        except _Truncated:
            raise GGUFError(self.path, "Model file {path} is truncated: it ends after {size} "
                            "bytes while reading the {part}; the download is probably "
                            "incomplete. Download the model again.", path=self.path,
                            size=self.size, part=self.part) from None

    def _parse(self) -> GGUFInfo:
        head = self.f.read(32)
        self.f.seek(0)
        if not head.startswith(_MAGIC):
            if _MAGIC.startswith(head):  # a GGUF cut off inside the magic
                raise _Truncated
            raise GGUFError(self.path, _not_gguf(self.path, head))
        self.skip(4)
        raw_version = self.take(4)
        version: int = _U32.unpack(raw_version)[0]
        self._check_version(version, raw_version)
        tensor_count = self.u64()
        kv_count = self.u64()

        self.part = _METADATA
        # Each key/value needs at least 13 bytes; checking up front turns a
        # garbage count into an immediate error instead of a long loop.
        self.check_length(kv_count * 13, Message.of("the metadata ({count} entries)",
                                                    count=kv_count))
        metadata: dict[str, object] = {}
        for _ in range(kv_count):
            key = self.string(_METADATA_KEY)
            tag = self.u32()
            metadata[key] = self.value(tag, key)

        self.part = _TENSOR_LIST
        self.check_length(tensor_count * 24, Message.of("the tensor list ({count} tensors)",
                                                        count=tensor_count))
        tensors = [self.tensor_info() for _ in range(tensor_count)]

        alignment = self._alignment(metadata)
        data_start = -(-self.pos // alignment) * alignment
        if tensors:
            needed = data_start + max(_tensor_end(*t) for t in tensors)
            if needed > self.size:
                raise GGUFError(self.path, "Model file {path} is truncated: it is {size} bytes "
                                "but its tensors need at least {needed} bytes; the download is "
                                "probably incomplete. Download the model again.",
                                path=self.path, size=self.size, needed=needed)
        return GGUFInfo(
            path=self.path,
            file_size=self.size,
            version=version,
            tensor_count=tensor_count,
            metadata=types.MappingProxyType(metadata),
            parameter_count=sum(elements for _, elements, _ in tensors),
        )

    def _check_version(self, version: int, raw: bytes) -> None:
        if version in _SUPPORTED_VERSIONS:
            return
        if version == 1:
            raise GGUFError(self.path, "Model file {path} uses GGUF version 1, an early format "
                            "that llama.cpp no longer loads. Download a newer conversion of the "
                            "model.", path=self.path)
        if int.from_bytes(raw, "big") in _SUPPORTED_VERSIONS:
            raise GGUFError(self.path, "Model file {path} is a big-endian GGUF file (made for IBM "
                            "mainframes). Download the ordinary little-endian version of the "
                            "model.", path=self.path)
        raise GGUFError(self.path, "Model file {path} uses GGUF version {version}, which this "
                        "app cannot read (it reads versions 2 and 3). Update the app or pick a "
                        "model converted with an older llama.cpp.", path=self.path,
                        version=version)

    def _alignment(self, metadata: Mapping[str, object]) -> int:
        alignment = metadata.get("general.alignment", _DEFAULT_ALIGNMENT)
        # llama.cpp rejects anything but a positive power of two.
        if (
            not isinstance(alignment, int)
            or isinstance(alignment, bool)
            or alignment <= 0
            or alignment & (alignment - 1)
        ):
            raise GGUFError(self.path, "Model file {path} is corrupt: general.alignment is "
                            "{alignment!r}, not a power of two. Download the model again.",
                            path=self.path, alignment=alignment)
        return alignment

    def value(self, tag: int, key: str) -> object:
        if tag == ValueType.STRING:
            return self.string(Message.of("the value of {key!r}", key=key))
        if tag == ValueType.ARRAY:
            return self.array(key)
        scalar = _SCALAR_STRUCTS.get(tag)
        if scalar is None:
            raise self._unknown_type(tag, key)
        result: object = scalar.unpack(self.take(scalar.size))[0]
        return result

    def array(self, key: str) -> object:
        tag = self.u32()
        count = self.u64()
        if tag == ValueType.ARRAY:  # llama.cpp rejects these too
            raise self._corrupt(Message.of("metadata key {key!r} is an array of arrays", key=key))
        try:
            element_type = ValueType(tag)
        except ValueError:
            raise self._unknown_type(tag, key) from None
        scalar = _SCALAR_STRUCTS.get(tag)
        if scalar is not None:
            nbytes = count * scalar.size
            self.check_length(nbytes, Message.of("the array {key!r}", key=key))
            if count <= _MAX_KEPT_ARRAY:
                fmt = f"<{count}{_SCALAR_FORMATS[tag]}"
                return struct.unpack(fmt, self.take(nbytes))
            self.skip(nbytes)
        else:
            self.check_length(count * 8, Message.of("the array {key!r}", key=key))
            self.skip_strings(count, key)
        return GGUFArray(element_type, count)

    def skip_strings(self, count: int, key: str) -> None:
        """Skip count strings without a Python call per string.

        Scans a chunk in memory, following the length prefixes, and only
        goes back to the file when a length or a string crosses the chunk.
        """
        while count:
            chunk = self.f.read(_SCAN_CHUNK)
            if len(chunk) < 8:
                raise _Truncated
            i = 0
            end = len(chunk) - 8
            while count and i <= end:
                n: int = _U64.unpack_from(chunk, i)[0]
                i += 8
                if n > self.size - self.pos - i:
                    self.pos += i - 8
                    self.check_length(8 + n, Message.of("a string in the array {key!r}",
                                                        key=key))
                i += n
                count -= 1
            self.pos += i
            self.f.seek(self.pos)

    def tensor_info(self) -> tuple[int, int, int]:
        """Return (offset, element count, ggml type) of the next tensor."""
        self.string(_TENSOR_NAME)
        n_dims = self.u32()
        if n_dims > _MAX_DIMS:  # also keeps a garbage count from allocating
            raise self._corrupt(Message.of("a tensor has {n} dimensions (at most 4)", n=n_dims))
        elements = 1
        for dim in struct.unpack(f"<{n_dims}Q", self.take(n_dims * 8)):
            elements *= dim
        ggml_type = self.u32()
        offset = self.u64()
        return offset, elements, ggml_type

    def _unknown_type(self, tag: int, key: str) -> GGUFError:
        return self._corrupt(Message.of("metadata key {key!r} has unknown value type {tag}",
                                        key=key, tag=tag))

    def _corrupt(self, problem: Message) -> GGUFError:
        return GGUFError(self.path, "Model file {path} is corrupt or uses a newer GGUF format: "
                         "{problem}. Download the model again.", path=self.path,
                         problem=problem)


def _tensor_end(offset: int, elements: int, ggml_type: int) -> int:
    """Bytes from the start of the data section to the end of one tensor.

    For ggml types missing from _GGML_BLOCKS (newer quantisations) the size is
    unknown, so only the tensor's first byte is required to be in the file;
    a download cut off inside the last such tensor is then not detected.
    """
    block = _GGML_BLOCKS.get(ggml_type)
    if block is None:
        return offset + 1
    block_elements, block_bytes = block
    return offset + elements * block_bytes // block_elements


def _not_gguf(path: Path, head: bytes) -> Message:
    # Hex and the printable characters, as hexdump -C shows them: a Python
    # repr such as '\x7fELF\x02' reads as garbage to anyone but a programmer.
    first = head[:8]
    printable = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in first)
    shown = f'{first.hex(" ")} "{printable}"'
    hint = next((h for start, h in _FOREIGN_STARTS if head.startswith(start)), None)
    if hint is None and head[8:9] == b"{":  # 8-byte length, then JSON
        hint = _SAFETENSORS
    if hint is None:
        return Message.of("{path} is not a GGUF model file: it starts with {start}. The model "
                          "must be a .gguf file converted for llama.cpp.", path=path, start=shown)
    return Message.of("{path} is not a GGUF model file: it starts with {start} ({hint}). The "
                      "model must be a .gguf file converted for llama.cpp.", path=path,
                      start=shown, hint=hint)
