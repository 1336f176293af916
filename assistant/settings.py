"""The user's settings: declared once, typed, validated, saved as TOML.

Each :class:`Spec` carries the default, the allowed range and a description,
so the settings dialog, the CLI and the docs all read the same declaration.
A bad value in the file is reported (naming the file, line and key) and the
default is used for that key only; nothing else in the file is lost. Saving
edits the user's file rather than rewriting it (see :func:`save_settings`).
"""

from __future__ import annotations

import dataclasses
import difflib
import logging
import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.atomic import write_atomic
from assistant.errors import InputError
from assistant.messages import Message
from assistant.sampling import LIMITS

if TYPE_CHECKING:
    from tomlkit import TOMLDocument

log = logging.getLogger(__name__)

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
    temperature: float = float(LIMITS["temperature"].default)
    max_tokens: int = int(LIMITS["max_tokens"].default)
    hotkey: str = DEFAULT_HOTKEY
    ui_language: str = "system"
    history: bool = True

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
                        LIMITS["temperature"].low, LIMITS["temperature"].high),
    "max_tokens": Spec(int, "Default longest answer, in tokens (templates may set their own).",
                       LIMITS["max_tokens"].low, LIMITS["max_tokens"].high),
    "hotkey": Spec(str, "Global shortcut that opens the quick prompt, e.g. Ctrl+Alt+J."),
    "ui_language": Spec(str, "Language of the interface.", choices=UI_LANGUAGES),
    "history": Spec(bool, "Keep a history of runs (inputs and answers) in the history file."),
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
    # bool is a subclass of int: true must not pass for a number, nor 1 for true.
    if not isinstance(value, spec.kind) or isinstance(value, bool) != (spec.kind is bool):
        kinds = {int: Message.of("a whole number"), float: Message.of("a number"),
                 str: Message.of("text in quotes"), bool: Message.of("true or false")}
        raise InputError("{key} must be {kind}, not {value!r}.",
                         key=key, kind=kinds[spec.kind], value=value)
    if isinstance(value, float) and not math.isfinite(value):
        # TOML allows nan and inf, and no range test catches nan (every
        # comparison with it is false): it would reach the sampler as is.
        raise InputError("{key} must be {kind}, not {value!r}.",
                         key=key, kind=Message.of("a finite number"), value=value)
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
    except (FileNotFoundError, NotADirectoryError):  # no config folder: the profile says why
        return Settings(), []
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        return Settings(), [Message.of("{path}: cannot read settings ({error}); using defaults.",
                                       path=path, error=reason)]
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


HEADER = ("Settings of the daily-work assistant. Edit freely; bad values are",
          "reported at start-up and replaced by the default.")


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` to ``path``, changing in the file only the values that differ.

    The file is the user's as much as ours, so it is edited, not rewritten
    (with tomlkit, which keeps a document's layout): comments, blank lines,
    key order, how an untouched value is spelled, and keys this version does
    not know (a newer version's, or a typo reported at start-up) all stay. A
    value that differs from the file's is replaced in place, keeping its
    line's comment; a setting the file lacks is added, with its description,
    only if it is not the default (a missing key means the default). A new
    file gets every setting with its description. Either way the file then
    loads as ``settings``; a value :func:`check` refuses (``nan``) is still
    written, as TOML can, and reported at the next start.

    A file that is not valid TOML cannot be edited: it is kept as
    ``settings.toml.bak`` and a new file written. Raises InputError naming
    the file when it cannot be read or written; the old file is then as it
    was, and no temporary file is left.
    """
    import tomlkit  # only saving needs it; start-up reads with tomllib

    document = _document(path)
    if document is None:
        document = tomlkit.document()
        for line in HEADER:
            document.add(tomlkit.comment(line))
        for key in SPECS:
            _add(document, key, getattr(settings, key), described=True)
    else:
        _update(document, settings)
    try:
        write_atomic(path, tomlkit.dumps(document))
    except IsADirectoryError:
        raise _is_a_folder(path) from None
    except OSError as exc:
        raise InputError("{path}: cannot save the settings ({error}). Check that you may "
                         "write to this file and its folder.",
                         path=path, error=exc.strerror or exc) from None


def _document(path: Path) -> TOMLDocument | None:
    """The settings file as an editable document; None when there is none to edit."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except IsADirectoryError:
        raise _is_a_folder(path) from None
    except OSError as exc:  # not writing over what we could not read
        raise InputError("{path}: cannot read the settings file to update it ({error}); "
                         "nothing was saved. Check the file's permissions.",
                         path=path, error=exc.strerror or exc) from None
    try:
        return tomlkit.parse(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, TOMLKitError, ValueError):
        backup = path.with_name(path.name + ".bak")
        try:
            write_atomic(backup, data)
        except OSError as exc:
            raise InputError("{path}: the settings file is not valid TOML and cannot be kept "
                             "as {backup} ({error}); nothing was saved.", path=path,
                             backup=backup, error=exc.strerror or exc) from None
        log.warning("%s is not valid TOML: kept as %s, writing a new one", path, backup)
        return None


def _update(document: TOMLDocument, settings: Settings) -> None:
    """Set in ``document`` the values of ``settings`` that it does not already hold."""
    from tomlkit.items import AoT, Table

    defaults = Settings()
    # A key added after a [table] would land inside it: tomlkit puts new keys
    # before the first table, but a comment would stay at the end, so keys
    # added to such a file go without their description.
    tables = any(isinstance(item, (Table, AoT)) for _, item in document.body)
    for key in SPECS:
        new = getattr(settings, key)
        if key in document:
            if not _same(key, document[key], new):
                document[key] = new  # tomlkit keeps the line's comment
        elif new != getattr(defaults, key):
            _add(document, key, new, described=not tables)


def _add(document: TOMLDocument, key: str, value: Any, described: bool) -> None:
    import tomlkit

    if described:
        document.add(tomlkit.nl())
        document.add(tomlkit.comment(SPECS[key].description))
    document.add(key, value)


def _same(key: str, item: Any, new: Any) -> bool:
    """True when the file's ``item`` already loads as ``new`` (``1`` for 1.0 does)."""
    current = item.unwrap() if hasattr(item, "unwrap") else item
    try:
        return bool(check(key, current) == new)
    except InputError:
        return False


def _is_a_folder(path: Path) -> InputError:
    return InputError("{path}: cannot save the settings: this is a folder, not a file. Move "
                      "the folder away or delete it, then save again.", path=path)


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.split("\n"), start=1):
        if re.match(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[=.]", line):
            return number
    return None
