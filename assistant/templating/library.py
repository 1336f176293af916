"""Find templates: the built-ins shipped in the package and the user's folder.

A user file with the same id as a built-in overrides it; that is how a user
customises a built-in without losing the change on upgrade. A broken file is
listed with its error while every other template keeps working. Examples the
user saves from a good answer go to ``<id>.examples.toml`` in the user folder,
never into a built-in file.
"""

from __future__ import annotations

import importlib.resources
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from importlib.resources.abc import Traversable
from pathlib import Path

from assistant import textfile, tomlwrite
from assistant.errors import InputError
from assistant.messages import Message
from assistant.templating.cache import ParsedCache, digest
from assistant.templating.model import Example, Source, Template
from assistant.templating.parse import Lines, parse_examples, parse_template, toml_error

SUFFIX = ".md"
EXAMPLES_SUFFIX = ".examples.toml"
MAX_TEMPLATE_BYTES = 256 * 1024
"""A template above this is almost surely the wrong file (a pasted log, a binary)."""


@dataclass(frozen=True)
class LoadError:
    """A template file that could not be loaded, and why."""

    path: str
    template_id: str
    source: Source
    message: Message


@dataclass(frozen=True)
class Library:
    """Every loadable template by id, and the files that failed."""

    templates: Mapping[str, Template] = field(default_factory=dict)
    errors: tuple[LoadError, ...] = ()

    def get(self, template_id: str) -> Template:
        """The template ``template_id``; the error names close ids and broken files."""
        found = self.templates.get(template_id)
        if found is not None:
            return found
        for error in self.errors:
            if error.template_id == template_id:
                raise InputError("Template {template_id!r} cannot be used: {message}",
                                 template_id=template_id, message=error.message)
        import difflib

        close = difflib.get_close_matches(template_id, list(self.templates), n=3)
        if close:
            raise InputError("No template {template_id!r}. Did you mean: {close}? Run 'assistant "
                             "templates' to list them.", template_id=template_id,
                             close=", ".join(close))
        raise InputError("No template {template_id!r}. Run 'assistant templates' to list them.",
                         template_id=template_id)

    def notice(self, template_id: str) -> Message | None:
        """Why ``template_id`` is the built-in when the user has a file of that id.

        A broken user file leaves the built-in in place, so a run still
        works; but it is not what the user wrote, and they must be told.
        """
        found = self.templates.get(template_id)
        if found is None or found.source is not Source.BUILTIN:
            return None
        for error in self.errors:
            if error.template_id == template_id and error.source is Source.USER \
                    and not error.path.endswith(EXAMPLES_SUFFIX):
                return error.message
        return None

    def sorted(self) -> list[Template]:
        """Templates ordered by category, then title."""
        return sorted(self.templates.values(), key=lambda t: (t.category, t.title, t.id))


def builtin_dir() -> Traversable:
    """The built-in templates inside the installed package."""
    return importlib.resources.files("assistant.builtin_templates")


def load_library(user_dir: Path | None, builtin: Traversable | None = None,
                 cache: Path | None = None) -> Library:
    """Load built-ins, then user templates over them, each file on its own.

    With ``cache`` (a file in the profile's cache folder), a file whose bytes
    were parsed before is taken from :class:`ParsedCache` instead of parsed.
    """
    templates: dict[str, Template] = {}
    errors: list[LoadError] = []
    parsed = ParsedCache(cache) if cache is not None else None
    base = builtin_dir() if builtin is None else builtin
    for entry in sorted(base.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(SUFFIX) and entry.is_file():
            _load_one(entry.name, entry.read_bytes, Source.BUILTIN,
                      f"built-in {entry.name}", templates, errors, parsed)
    if user_dir is not None and user_dir.is_dir():
        for path in sorted(user_dir.glob(f"*{SUFFIX}")):
            if not path.is_file():
                continue
            _load_one(path.name, partial(textfile.read_bytes, path, MAX_TEMPLATE_BYTES),
                      Source.USER, str(path), templates, errors, parsed)
        for template_id, template in list(templates.items()):
            extra = user_dir / f"{template_id}{EXAMPLES_SUFFIX}"
            if extra.is_file():
                try:
                    templates[template_id] = template.with_examples(
                        _read_saved_examples(extra, template))
                except InputError as exc:
                    errors.append(LoadError(str(extra), template_id, Source.USER, exc.message))
    if parsed is not None:
        parsed.save()
    return Library(templates, tuple(errors))


def _load_one(name: str, read: Callable[[], bytes], source: Source, where: str,
              templates: dict[str, Template], errors: list[LoadError],
              parsed: ParsedCache | None) -> None:
    template_id = name[: -len(SUFFIX)]
    try:
        data = read()
    except InputError as exc:
        errors.append(LoadError(where, template_id, source, exc.message))
        return
    key = digest(data) if parsed is not None else ""
    found = parsed.lookup(where, key) if parsed is not None else None
    if found is None:
        try:
            text = textfile.decode_text(data, where).text
            found = parse_template(text, template_id, where, source)
        except InputError as exc:
            found = exc.message
        if parsed is not None:
            parsed.store(where, key, found)
    if isinstance(found, Message):
        if source is Source.USER and template_id in templates:
            found = Message.of("{problem} Until this file is fixed, the built-in template "
                               "{template_id!r} is used instead.", problem=found,
                               template_id=template_id)
        errors.append(LoadError(where, template_id, source, found))
    else:
        templates[template_id] = found


def _read_saved_examples(path: Path, template: Template) -> tuple[Example, ...]:
    text = textfile.read_text(path).text
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise toml_error(exc, str(path), text, 1) from None
    return parse_examples(data.get("examples", []), template, Lines(str(path), text, 1))


def save_example(user_dir: Path, template: Template, values: Mapping[str, str],
                 output: str) -> Path:
    """Append an example to the user's ``<id>.examples.toml`` and return its path."""
    user_dir.mkdir(parents=True, exist_ok=True)
    path = user_dir / f"{template.id}{EXAMPLES_SUFFIX}"
    known = {name: values[name] for name in template.variables if name in values}
    entry = "\n[[examples]]\n" + tomlwrite.table({**known, "output": output})
    if not path.exists():
        entry = (f"# Examples saved from good answers of template {template.id!r}.\n"
                 "# Edit or delete them freely; they are sent after the template's own.\n"
                 + entry)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(entry)
    return path
