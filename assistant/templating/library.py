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
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from assistant import textfile, tomlwrite
from assistant.atomic import write_atomic
from assistant.errors import InputError
from assistant.messages import Message
from assistant.templating import vetting
from assistant.templating.cache import ParsedCache, digest, template_from_json
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
    A user file it has not seen is checked in a limited child process first
    (:mod:`.vetting`): the app itself never parses a shared file that might
    hang or crash it.
    """
    templates: dict[str, Template] = {}
    errors: list[LoadError] = []
    parsed = ParsedCache(cache) if cache is not None else None
    base = builtin_dir() if builtin is None else builtin
    for entry in sorted(base.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(SUFFIX) and entry.is_file():
            _load_builtin(entry, templates, errors, parsed)
    if user_dir is not None:
        _load_user(user_dir, templates, errors, parsed)
    if parsed is not None:
        parsed.save()
    return Library(templates, tuple(errors))


def _load_builtin(entry: Traversable, templates: dict[str, Template],
                  errors: list[LoadError], parsed: ParsedCache | None) -> None:
    """Parse a file shipped with the app, in this process: it is ours and tested."""
    template_id, where = entry.name[: -len(SUFFIX)], f"built-in {entry.name}"
    data = entry.read_bytes()
    key = digest(data) if parsed is not None else ""
    found = parsed.lookup(where, key) if parsed is not None else None
    if found is None:
        try:
            found = parse_template(textfile.decode_text(data, where).text, template_id, where,
                                   Source.BUILTIN)
        except InputError as exc:
            found = exc.message
        if parsed is not None:
            parsed.store(where, key, found)
    _keep(found, template_id, where, Source.BUILTIN, templates, errors)


def _load_user(user_dir: Path, templates: dict[str, Template], errors: list[LoadError],
               parsed: ParsedCache | None) -> None:
    """Load the user's folder: cached results as they are, the rest checked first."""
    try:
        if not user_dir.is_dir():
            return
        listed = {path.name: path for path in user_dir.iterdir()}
        paths = sorted(path for name, path in listed.items()
                       if name.endswith(SUFFIX) and path.is_file())
    except OSError as exc:
        errors.append(LoadError(str(user_dir), "", Source.USER, Message.of(
            "{folder}: the template folder cannot be read ({reason}); only the built-in "
            "templates are available. Check the folder's permissions.",
            folder=user_dir, reason=exc.strerror or exc)))
        return
    results: dict[str, Template | Message] = {}
    waiting: list[tuple[vetting.Entry, str]] = []
    for path in paths:
        where, template_id = str(path), path.name[: -len(SUFFIX)]
        try:
            data = textfile.read_bytes(path, MAX_TEMPLATE_BYTES)
            key = digest(data)
            found = parsed.lookup(where, key) if parsed is not None else None
            if found is None:
                entry = vetting.Entry(where, template_id, textfile.decode_text(data, where).text)
                waiting.append((entry, key))
                continue
        except InputError as exc:
            found = exc.message
        results[where] = found
    for (entry, key), verdict in zip(waiting, vetting.vet([e for e, _ in waiting]), strict=True):
        found = verdict.error if verdict.error is not None \
            else template_from_json(verdict.template or {})
        if parsed is not None and verdict.lasting:
            parsed.store(entry.where, key, found)
        results[entry.where] = found
    for path in paths:
        _keep(results[str(path)], path.name[: -len(SUFFIX)], str(path), Source.USER,
              templates, errors)
    for template_id, template in list(templates.items()):
        extra = listed.get(f"{template_id}{EXAMPLES_SUFFIX}")
        if extra is None:
            continue
        try:
            if extra.is_file():
                templates[template_id] = template.with_examples(
                    _read_saved_examples(extra, template))
        except InputError as exc:
            errors.append(LoadError(str(extra), template_id, Source.USER, exc.message))
        except OSError as exc:
            errors.append(LoadError(str(extra), template_id, Source.USER, Message.of(
                "{path}: the saved examples cannot be read ({reason}).", path=extra,
                reason=exc.strerror or exc)))


def _keep(found: Template | Message, template_id: str, where: str, source: Source,
          templates: dict[str, Template], errors: list[LoadError]) -> None:
    """Add a loaded template, or its error; a broken user file keeps the built-in."""
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
    """Append an example to the user's ``<id>.examples.toml`` and return its path.

    The whole file is written again atomically: a crash while saving leaves
    the examples as they were, never half an entry. InputError names the
    file when it cannot be read or written.
    """
    path = user_dir / f"{template.id}{EXAMPLES_SUFFIX}"
    known = {name: values[name] for name in template.variables if name in values}
    entry = "\n[[examples]]\n" + tomlwrite.table({**known, "output": output})
    if path.exists():
        # Through textfile: a file an editor saved in GB18030 is read, and written back
        # as UTF-8, rather than refused or garbled.
        before = textfile.read_text(path).text
        if not before.endswith("\n"):
            before += "\n"
    else:
        before = (f"# Examples saved from good answers of template {template.id!r}.\n"
                  "# Edit or delete them freely; they are sent after the template's own.\n")
    try:
        write_atomic(path, before + entry)
    except OSError as exc:
        raise InputError("{path}: cannot save the example ({reason}).", path=path,
                         reason=exc.strerror or exc) from None
    return path
