"""Remember what each template file parsed to, keyed by the file's exact bytes.

Parsing a template (TOML front matter, a Jinja parse and compile, the checks)
takes about 2 ms; a user with a thousand templates would wait two seconds at
every start and every folder change. Reading a file and hashing it takes a few
microseconds, so the library asks this cache first: same path, same SHA-256 of
the bytes, same parser and Jinja version gives the same template, or the same
error. The body is then compiled on its first render.

The cache is one JSON file in the profile's cache folder, written atomically.
JSON, not pickle: a cache file is data, and a damaged or foreign one is
discarded (with a log line) and rebuilt, never executed or trusted.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
from pathlib import Path
from typing import Any

from assistant import __version__
from assistant.atomic import write_atomic
from assistant.messages import Message
from assistant.sampling import LIMITS, overrides
from assistant.templating.body import CompiledBody
from assistant.templating.model import Example, Field, FieldKind, Source, Template

log = logging.getLogger(__name__)

FORMAT = 3
_PARSER_FILES = ("body.py", "cache.py", "environment.py", "errors.py", "limits.py", "model.py",
                 "parse.py", "render.py", "sandbox.py", "treecheck.py", "vetting.py",
                 "../errors.py", "../messages.py", "../sampling.py", "../textfile.py")
"""The modules a cached result depends on, beside this file: the parser and its
checks, the body's compiler, the errors and messages, the checker's child
process that makes a user file's verdict, and the decoding of the bytes."""


def digest(data: bytes) -> str:
    """The key of a file's content."""
    return hashlib.sha256(data).hexdigest()


def fingerprint() -> str:
    """What the cached results depend on besides the files: our parser and Jinja.

    A changed parser module (an upgrade, or a developer's edit) or another
    Jinja version makes every entry stale.
    """
    parts = [str(FORMAT), __version__]
    here = Path(__file__).parent
    for name in _PARSER_FILES:
        parts.append(_stamp(here / name))
    spec = importlib.util.find_spec("jinja2")
    if spec is not None and spec.origin:
        parts.append(_stamp(Path(spec.origin)))
    return "|".join(parts)


def _stamp(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        return f"{path.name}:missing"
    return f"{path.name}:{info.st_size}:{info.st_mtime_ns}"


class ParsedCache:
    """Parsed templates and load errors by (where, content digest).

    ``where`` is the file's name in messages (a path, or "built-in x.md"),
    part of the key because messages and example origins quote it. Entries
    not looked up during a load are dropped when it is saved, so the file
    never grows past the templates that exist.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp = fingerprint()
        self._old: dict[str, Any] = self._read()
        self._new: dict[str, Any] = {}
        self._changed = False

    def _read(self) -> dict[str, Any]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            log.warning("%s: cannot read the parsed-template cache (%s); parsing every "
                        "template", self.path, exc.strerror)
            return {}
        try:
            data = json.loads(raw)
        except ValueError as exc:
            log.warning("%s: the parsed-template cache is damaged (%s); it is rebuilt",
                        self.path, exc)
            return {}
        if not isinstance(data, dict) or data.get("fingerprint") != self._stamp \
                or not isinstance(data.get("entries"), dict):
            return {}
        entries: dict[str, Any] = data["entries"]
        return entries

    def lookup(self, where: str, key: str) -> Template | Message | None:
        """The template or error message cached for this content, or None."""
        entry = self._old.get(where)
        if not isinstance(entry, dict) or entry.get("digest") != key:
            return None
        try:
            found: Template | Message = (Message.from_json(entry["error"]) if "error" in entry
                                         else template_from_json(entry["template"]))
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("%s: a damaged entry for %s is discarded (%s)", self.path, where, exc)
            return None
        self._new[where] = entry
        return found

    def store(self, where: str, key: str, result: Template | Message) -> None:
        """Remember what this content parsed to (a template or an error message)."""
        entry: dict[str, Any] = {"digest": key}
        if isinstance(result, Message):
            entry["error"] = result.to_json()
        else:
            entry["template"] = template_to_json(result)
        self._new[where] = entry
        self._changed = True

    def save(self) -> None:
        """Write the entries of this load, if anything changed; a failure is logged.

        The cache only saves time: a read-only cache folder must not stop the
        templates from loading, so the reason is logged and the load goes on.
        """
        if not self._changed and self._new.keys() == self._old.keys():
            return
        data = {"fingerprint": self._stamp, "entries": self._new}
        try:
            write_atomic(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        except OSError as exc:
            log.warning("%s: cannot write the parsed-template cache (%s); templates are "
                        "parsed again next time", self.path, exc.strerror or exc)


def template_to_json(template: Template) -> dict[str, Any]:
    """A template as JSON data: for this cache, and from the checker's child process."""
    body = template.body
    return {
        "id": template.id, "title": template.title, "description": template.description,
        "category": template.category, "language": template.language,
        "input_field": template.input_field, "result": template.result,
        "rewrites": template.rewrites, "source": template.source.value,
        "path": template.path,
        "body": {"source": body.source, "filename": body.filename, "offset": body.line_offset,
                 "variables": sorted(body.variables), "blocks": sorted(body.blocks)},
        "fields": [{"name": f.name, "label": f.label, "kind": f.kind.value,
                    "required": f.required, "default": f.default, "options": list(f.options),
                    "placeholder": f.placeholder, "declared": f.declared}
                   for f in template.fields],
        "generation": dict(template.generation),
        "examples": [{"values": dict(e.values), "output": e.output, "origin": e.origin}
                     for e in template.examples],
    }


def template_from_json(data: dict[str, Any]) -> Template:
    """The template :func:`template_to_json` made; its body compiles on first render.

    Raises KeyError, TypeError or ValueError for data of another shape.
    """
    body = data["body"]
    return Template(
        id=str(data["id"]),
        title=str(data["title"]),
        body=CompiledBody(str(body["source"]), str(body["filename"]), int(body["offset"]),
                          variables=frozenset(map(str, body["variables"])),
                          blocks=frozenset(map(str, body["blocks"]))),
        description=str(data["description"]),
        category=str(data["category"]),
        language=str(data["language"]),
        input_field=None if data["input_field"] is None else str(data["input_field"]),
        result=None if data["result"] is None else str(data["result"]),
        rewrites=None if data["rewrites"] is None else str(data["rewrites"]),
        fields=tuple(Field(name=str(f["name"]), label=str(f["label"]),
                           kind=FieldKind(f["kind"]), required=bool(f["required"]),
                           default=str(f["default"]),
                           options=tuple(map(str, f["options"])),
                           placeholder=str(f["placeholder"]), declared=bool(f["declared"]))
                     for f in data["fields"]),
        generation=overrides({str(key): LIMITS[str(key)].kind(value)
                              for key, value in data["generation"].items()}),
        examples=tuple(Example(values={str(k): str(v) for k, v in e["values"].items()},
                               output=str(e["output"]), origin=str(e["origin"]))
                       for e in data["examples"]),
        source=Source(data["source"]),
        path=str(data["path"]),
    )
