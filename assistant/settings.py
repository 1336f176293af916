"""The user's settings: declared once, typed, validated, saved as TOML.

Each :class:`Spec` carries the default, the allowed range and a description,
so the settings dialog, the CLI and the docs all read the same declaration.
A bad value in the file is reported (naming the file, line and key) and the
default is used for that key only; nothing else in the file is lost.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant import tomlwrite
from assistant.atomic import write_atomic
from assistant.errors import InputError
from assistant.messages import Message

UI_LANGUAGES = ("system", "zh_CN", "en")
MODEL_SOURCES = ("local", "server")
DEFAULT_HOTKEY = "Ctrl+Alt+J"
"""Not Ctrl+Space: that switches the Chinese input method on many systems."""


@dataclass(frozen=True)
class Spec:
    """How one setting is typed, bounded and explained."""

    kind: type
    description: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()


KV_CACHE_TYPES = ("f16", "q8_0")
"""How llama.cpp stores keys and values: 16-bit floats, or 8-bit blocks (half the
memory; llama.cpp then needs flash attention, which it turns on by itself)."""


@dataclass(frozen=True)
class Settings:
    """All settings with their defaults. Immutable: use :meth:`replace`."""

    model_source: str = "local"
    model: str = ""
    n_ctx: int = 4096
    n_threads: int = 0
    n_gpu_layers: int = 0
    kv_cache: str = "f16"
    prefix_cache_mb: int = 512
    prefix_disk_mb: int = 2048
    server_url: str = ""
    server_model: str = ""
    server_timeout: int = 120
    server_n_ctx: int = 0
    temperature: float = 0.7
    max_tokens: int = 800
    hotkey: str = DEFAULT_HOTKEY
    ui_language: str = "system"

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` validated like values read from the file."""
        validated = {key: check(key, value) for key, value in changes.items()}
        return dataclasses.replace(self, **validated)


SPECS: dict[str, Spec] = {
    "model_source": Spec(str, "Where the model runs: a local GGUF file, or a model server.",
                         choices=MODEL_SOURCES),
    "model": Spec(str, "Path of the GGUF model file; empty means the embedded model."),
    "n_ctx": Spec(int, "Context size in tokens: prompt, examples and answer together.",
                  256, 131072),
    "n_threads": Spec(int, "CPU threads for the model; 0 means one per physical core.", 0, 256),
    "n_gpu_layers": Spec(int, "Model layers put on the GPU: 0 = CPU only, -1 = all.", -1, 999),
    "kv_cache": Spec(str, "How the model keeps the context in memory: f16 (exact) or q8_0 "
                          "(half the memory, nearly the same answers).", choices=KV_CACHE_TYPES),
    "prefix_cache_mb": Spec(int, "Memory in MB for the prepared prompts of recently used "
                                 "templates; 0 keeps none.", 0, 65536),
    "prefix_disk_mb": Spec(int, "Disk space in MB for prepared prompts kept across restarts; "
                                "0 keeps none.", 0, 1048576),
    "server_url": Spec(str, "Address of an OpenAI-compatible server, e.g. "
                            "http://127.0.0.1:11434/v1 for Ollama."),
    "server_model": Spec(str, "The server's model to use; empty means its only model."),
    "server_timeout": Spec(int, "Seconds to wait for the server to answer, and between two "
                                "parts of an answer.", 5, 3600),
    "server_n_ctx": Spec(int, "The server model's context size in tokens; 0 means as the "
                              "server says (if it says).", 0, 10_000_000),
    "temperature": Spec(float, "Default randomness of answers (templates may set their own).",
                        0.0, 2.0),
    "max_tokens": Spec(int, "Default longest answer, in tokens (templates may set their own).",
                       1, 32768),
    "hotkey": Spec(str, "Global shortcut that opens the quick prompt, e.g. Ctrl+Alt+J."),
    "ui_language": Spec(str, "Language of the interface.", choices=UI_LANGUAGES),
}


def check(key: str, value: Any) -> Any:
    """Return ``value`` if valid for ``key``; else raise InputError saying why."""
    spec = SPECS.get(key)
    if spec is None:
        close = difflib.get_close_matches(key, list(SPECS), n=1)
        if close:
            raise InputError("unknown setting {key!r}. Did you mean {close!r}?",
                             key=key, close=close[0])
        raise InputError("unknown setting {key!r}.", key=key)
    if spec.kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, spec.kind) or isinstance(value, bool):
        kinds = {int: Message.of("a whole number"), float: Message.of("a number"),
                 str: Message.of("text in quotes")}
        raise InputError("{key} must be {kind}, not {value!r}.",
                         key=key, kind=kinds[spec.kind], value=value)
    number: Any = value
    if spec.minimum is not None and number < spec.minimum or \
            spec.maximum is not None and number > spec.maximum:
        raise InputError("{key} = {value!r} is out of range: use {minimum:g} to {maximum:g}.",
                         key=key, value=value, minimum=spec.minimum, maximum=spec.maximum)
    if spec.choices and value not in spec.choices:
        raise InputError("{key} = {value!r}: choose one of {choices}.",
                         key=key, value=value, choices=", ".join(spec.choices))
    return value


def load_settings(path: Path) -> tuple[Settings, list[Message]]:
    """Read ``path``; return the settings and a message per value not used.

    A missing file is normal (first run) and gives the defaults silently.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Settings(), []
    except (OSError, UnicodeDecodeError) as exc:
        return Settings(), [Message.of("{path}: cannot read settings ({error}); using defaults.",
                                       path=path, error=exc)]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Settings(), [Message.of("{path}: not valid TOML ({error}); using defaults. Fix "
                                       "or delete the file.", path=path, error=exc)]
    values: dict[str, Any] = {}
    problems: list[Message] = []
    for key, value in data.items():
        try:
            values[key] = check(key, value)
        except InputError as exc:
            line = _line_of(text, key)
            if key not in SPECS:
                problems.append(Message.of("{path}, line {line}: {problem} Ignored.", path=path,
                                           line=line, problem=exc) if line else
                                Message.of("{path}: {problem} Ignored.", path=path, problem=exc))
                continue
            default = getattr(Settings(), key)
            problems.append(
                Message.of("{path}, line {line}: {problem} Using the default ({default!r}).",
                           path=path, line=line, problem=exc, default=default) if line else
                Message.of("{path}: {problem} Using the default ({default!r}).",
                           path=path, problem=exc, default=default))
    return Settings(**values), problems


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` atomically, with each key's description as a comment."""
    lines = ["# Settings of the daily-work assistant. Edit freely; bad values are\n",
             "# reported at start-up and replaced by the default.\n"]
    for key, spec in SPECS.items():
        lines.append(f"\n# {spec.description}\n")
        lines.append(tomlwrite.table({key: getattr(settings, key)}))
    write_atomic(path, "".join(lines))


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.split("\n"), start=1):
        if re.match(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[=.]", line):
            return number
    return None
