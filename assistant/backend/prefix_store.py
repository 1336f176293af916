"""Saved model states of prompt prefixes: in RAM (LRU, bounded) and on disk (bounded).

A template's fixed prefix (system message and examples) costs seconds to
read on a small model and minutes on a 7B one; its KV state costs
milliseconds to restore. The llama backend asks this store for the state of
a prefix before evaluating it, and gives it the state after.

A state is only valid for the exact same tokens, the same model file and the
same settings that shape the KV cache, and the same llama.cpp build. All of
that is the key, and all of it is written into each file and checked again
on reading: a stale, truncated, foreign or corrupt file is deleted (with a
log line) and the prefix is evaluated anew. Nothing here imports llama_cpp;
states are opaque bytes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import struct
from array import array
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

MAGIC = b"ASSTPFX1"
FORMAT = 1
_HEADER = struct.Struct("<8sI")


@dataclass(frozen=True)
class ModelIdentity:
    """What a saved state depends on besides the tokens."""

    path: str
    size: int
    mtime_ns: int
    n_ctx: int
    n_gpu_layers: int
    kv_cache: str
    """How keys and values are stored ("f16", "q8_0"): a state of one cannot load in the other."""
    runtime: str
    """The llama.cpp build (llama-cpp-python's version): the state format changes with it."""

    @classmethod
    def of(cls, path: Path, n_ctx: int, n_gpu_layers: int, runtime: str,
           kv_cache: str = "f16") -> ModelIdentity:
        """The identity of the model file at ``path`` as it is now."""
        stat = path.stat()
        return cls(str(path.resolve()), stat.st_size, stat.st_mtime_ns, n_ctx, n_gpu_layers,
                   kv_cache, runtime)

    def digest(self) -> str:
        """A short stable name for this identity (a folder name)."""
        text = json.dumps(asdict(self), sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:24]


def tokens_digest(tokens: Sequence[int]) -> str:
    """A name for an exact token sequence."""
    return hashlib.sha256(array("i", tokens).tobytes()).hexdigest()


class PrefixStore:
    """States by (model, prefix tokens); RAM first, then disk.

    ``ram_bytes`` / ``disk_bytes`` bound each tier (0 turns it off); the least
    recently used states go first. ``folder`` holds one subfolder per model.
    """

    def __init__(self, folder: Path | None, ram_bytes: int, disk_bytes: int) -> None:
        self.folder = folder
        self.ram_bytes = max(0, ram_bytes)
        self.disk_bytes = max(0, disk_bytes) if folder is not None else 0
        self._ram: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._ram_used = 0

    # -- reading -----------------------------------------------------------------

    def get(self, model: ModelIdentity, tokens: Sequence[int]) -> bytes | None:
        """The saved state of exactly ``tokens`` on ``model``, or None."""
        key = (model.digest(), tokens_digest(tokens))
        state = self._ram.get(key)
        if state is not None:
            self._ram.move_to_end(key)
            return state
        state = self._read(model, tokens, key)
        if state is not None:
            self._remember(key, state)
        return state

    def _read(self, model: ModelIdentity, tokens: Sequence[int],
              key: tuple[str, str]) -> bytes | None:
        if not self.disk_bytes:
            return None
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("cannot read the saved prompt state %s: %s", path, exc)
            return None
        problem, state = _parse(raw, model, tokens)
        if problem is not None:
            log.warning("discarding the saved prompt state %s: %s", path, problem)
            path.unlink(missing_ok=True)
            return None
        os.utime(path)  # recently used: evicted last
        return state

    # -- writing -----------------------------------------------------------------

    def put(self, model: ModelIdentity, tokens: Sequence[int], state: bytes) -> None:
        """Keep ``state`` for ``tokens`` on ``model`` (RAM and disk, within their bounds)."""
        key = (model.digest(), tokens_digest(tokens))
        self._remember(key, state)
        if self.disk_bytes and len(state) < self.disk_bytes:
            try:
                self._write(model, tokens, key, state)
                self._trim_disk()
            except OSError as exc:  # a full or read-only disk: the RAM copy still serves
                log.warning("cannot save the prompt state on disk: %s", exc)

    def discard(self, model: ModelIdentity, tokens: Sequence[int]) -> None:
        """Forget a state that did not load (RAM and disk)."""
        key = (model.digest(), tokens_digest(tokens))
        state = self._ram.pop(key, None)
        if state is not None:
            self._ram_used -= len(state)
        if self.folder is not None:
            self._path(key).unlink(missing_ok=True)

    def _remember(self, key: tuple[str, str], state: bytes) -> None:
        if not self.ram_bytes or len(state) > self.ram_bytes:
            return
        old = self._ram.pop(key, None)
        if old is not None:
            self._ram_used -= len(old)
        self._ram[key] = state
        self._ram_used += len(state)
        while self._ram_used > self.ram_bytes:
            _, dropped = self._ram.popitem(last=False)
            self._ram_used -= len(dropped)

    def _write(self, model: ModelIdentity, tokens: Sequence[int], key: tuple[str, str],
               state: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        header = json.dumps({"format": FORMAT, "model": asdict(model), "n_tokens": len(tokens),
                             "tokens_sha256": key[1], "state_bytes": len(state),
                             "state_sha256": hashlib.sha256(state).hexdigest()}).encode()
        temporary = path.with_name(path.name + ".tmp")
        with open(temporary, "wb") as out:
            out.write(_HEADER.pack(MAGIC, len(header)))
            out.write(header)
            out.write(array("i", tokens).tobytes())
            out.write(state)
        os.replace(temporary, path)

    def _trim_disk(self) -> None:
        files = self.files()
        total = sum(size for _, size, _ in files)
        for path, size, _ in sorted(files, key=lambda item: item[2]):
            if total <= self.disk_bytes:
                break
            path.unlink(missing_ok=True)
            total -= size

    # -- housekeeping -----------------------------------------------------------------

    def files(self) -> list[tuple[Path, int, float]]:
        """Saved state files: (path, size, last used)."""
        if self.folder is None or not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.glob("*/*.state"):
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append((path, stat.st_size, stat.st_mtime))
        return found

    def disk_usage(self) -> int:
        """Bytes of saved states on disk."""
        return sum(size for _, size, _ in self.files())

    def clear(self) -> int:
        """Delete every saved state (RAM and disk); the bytes freed on disk."""
        freed = self.disk_usage()
        for path, _, _ in self.files():
            path.unlink(missing_ok=True)
        self._ram.clear()
        self._ram_used = 0
        return freed

    def _path(self, key: tuple[str, str]) -> Path:
        assert self.folder is not None
        return self.folder / key[0] / f"{key[1][:32]}.state"


def _parse(raw: bytes, model: ModelIdentity, tokens: Sequence[int]) -> tuple[str | None, bytes]:
    """(why the file cannot be used, or None; the state)."""
    if len(raw) < _HEADER.size or raw[:8] != MAGIC:
        return "not a saved prompt state", b""
    _, header_length = _HEADER.unpack_from(raw)
    start = _HEADER.size + header_length
    try:
        header = json.loads(raw[_HEADER.size:start])
    except ValueError:
        return "its header is damaged", b""
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        return "written by another version", b""
    if header.get("model") != asdict(model):
        return "made for another model file or other settings", b""
    count = header.get("n_tokens")
    if count != len(tokens):
        return "made for another prompt", b""
    token_end = start + 4 * len(tokens)
    if raw[start:token_end] != array("i", tokens).tobytes():
        return "made for another prompt", b""
    state = raw[token_end:]
    if len(state) != header.get("state_bytes"):
        return "truncated", b""
    if hashlib.sha256(state).hexdigest() != header.get("state_sha256"):
        return "its contents are damaged", b""
    return None, state
