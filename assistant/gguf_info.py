"""What a GGUF file says about itself: the facts :func:`assistant.gguf.read_gguf` returns.

Kept apart from the parser so the model list, the CLI and the backend read
one small value object; its properties interpret the metadata keys the app
shows (architecture, context length, quantisation, parameter count).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

# general.file_type (llama.cpp's LLAMA_FTYPE_MOSTLY_*) -> the name users see
# in model file names.
_FILE_TYPES: Final[Mapping[int, str]] = {
    0: "F32", 1: "F16", 32: "BF16",
    2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K",
    11: "Q3_K_S", 12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M",
    16: "Q5_K_S", 17: "Q5_K_M", 18: "Q6_K",
}


@dataclass(frozen=True)
class GGUFInfo:
    """What a GGUF file says about itself, read without loading the model.

    ``metadata`` maps keys to ints, floats, bools, strings, tuples of up to
    64 scalars, or GGUFArray markers for everything longer.
    """

    path: Path
    file_size: int
    version: int
    tensor_count: int
    metadata: Mapping[str, object]
    parameter_count: int = 0
    """Weights in this file's tensors (of one shard, for a model split in parts)."""

    @property
    def architecture(self) -> str | None:
        """Model architecture, e.g. "llama"; it prefixes the model's own keys."""
        return self._str("general.architecture")

    @property
    def name(self) -> str | None:
        """Human-readable model name chosen by whoever converted the model."""
        return self._str("general.name")

    @property
    def context_length(self) -> int | None:
        """Context length the model was trained for, in tokens."""
        arch = self.architecture
        return None if arch is None else self._int(f"{arch}.context_length")

    @property
    def size_label(self) -> str | None:
        """Parameter count in words, e.g. "1.5B": the file's own label, else counted."""
        label = self._str("general.size_label")
        if label:
            return label
        count = self.parameter_count
        if count <= 0:
            return None
        if count >= 1e9:
            return f"{count / 1e9:.1f}B"
        return f"{count / 1e6:.0f}M"

    @property
    def split_count(self) -> int:
        """How many files the model is split into (1 for a single file)."""
        return self._int("split.count") or 1

    @property
    def chat_template(self) -> str | None:
        """Jinja chat template embedded in the file, if any."""
        return self._str("tokenizer.chat_template")

    @property
    def file_type(self) -> str | None:
        """Quantisation name such as "Q4_K_M", or None when unknown."""
        ftype = self._int("general.file_type")
        return None if ftype is None else _FILE_TYPES.get(ftype)

    def _str(self, key: str) -> str | None:
        value = self.metadata.get(key)
        return value if isinstance(value, str) else None

    def _int(self, key: str) -> int | None:
        value = self.metadata.get(key)
        # bool is an int subclass, but a BOOL value is never a count.
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return None
