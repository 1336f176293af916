"""Parse a template file: ``+++`` TOML front matter, then a Jinja2 body.

Validation is strict because a template is a small program that users edit
by hand: an unknown key is far more often a typo than an intention, so it is
reported with a "did you mean" instead of being ignored. Every message names
the file and, where it can be found, the line.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from typing import Any

from assistant.templating.model import Example, Field, FieldKind, Generation, Source, Template
from assistant.templating.render import BUILTIN_VARIABLES, CompiledBody, TemplateError

FENCE = "+++"
ID_PATTERN = re.compile(r"^[\w][\w.\-]*$")

_TOP_KEYS = ("title", "description", "category", "language", "input", "fields",
             "generation", "examples")
_FIELD_KEYS = ("label", "kind", "required", "default", "options", "placeholder")
_GENERATION_LIMITS: dict[str, tuple[type, float, float]] = {
    "temperature": (float, 0.0, 2.0),
    "max_tokens": (int, 1, 32768),
    "top_p": (float, 0.0, 1.0),
    "top_k": (int, 0, 1000),
    "repeat_penalty": (float, 0.5, 2.0),
}


class Lines:
    """Finds the file line of a key, for messages tomllib cannot locate."""

    def __init__(self, filename: str, text: str, first_line: int = 2) -> None:
        self.filename = filename
        self.lines = text.split("\n")
        self.first_line = first_line
        """File line of ``text``'s first line: 2 in a template, after the fence."""

    def find(self, pattern: str, nth: int = 0, after: int | None = None) -> int | None:
        """File line of the ``nth`` line matching ``pattern``.

        With ``after`` (a file line, e.g. a ``[fields.x]`` header), only lines
        from there up to the next table header are searched, so a key is found
        in its own table rather than in the first table that has it.
        """
        regex = re.compile(pattern)
        seen = 0
        start = 0 if after is None else max(0, after - self.first_line)
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            if after is not None and index > start and re.match(r"^\s*\[", line):
                return None
            if regex.search(line):
                if seen == nth:
                    return index + self.first_line
                seen += 1
        return None

    def error(self, message: str, line: int | None = None) -> TemplateError:
        where = f"{self.filename}, line {line}" if line else self.filename
        return TemplateError(f"{where}: {message}")


def split_front_matter(text: str, filename: str) -> tuple[str | None, str, int]:
    """Return (front matter or None, body, number of file lines before the body)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return None, text, 0
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 1
    raise TemplateError(
        f"{filename}, line 1: the front matter opened with '+++' is never closed; "
        "add a line with only '+++' after the settings."
    )


def parse_template(text: str, template_id: str, filename: str,
                   source: Source = Source.BUILTIN) -> Template:
    """Parse the text of ``<template_id>.md``; raise :class:`TemplateError`."""
    if not ID_PATTERN.match(template_id):
        raise TemplateError(
            f"{filename}: {template_id!r} is not a usable template id; name the file with "
            "letters, digits, '-', '_' or '.' only."
        )
    front, body_text, offset = split_front_matter(text, filename)
    data: dict[str, Any] = {}
    lines = Lines(filename, front or "")
    if front is not None:
        try:
            data = tomllib.loads(front)
        except tomllib.TOMLDecodeError as exc:
            raise toml_error(exc, filename, front) from None
    _check_keys(data, _TOP_KEYS, "setting", lines, None)
    body = CompiledBody(body_text, filename, offset)

    language = _string(data, "language", lines)
    fields = _fields(data.get("fields", {}), lines)
    declared = {item.name for item in fields}
    for name in sorted(body.variables - declared - set(BUILTIN_VARIABLES)):
        fields.append(Field(name=name, label=name, declared=False))
    names = [item.name for item in fields]

    input_field = _string(data, "input", lines) or None
    if input_field is not None and input_field not in names:
        raise lines.error(
            f"input = {input_field!r} names no field.{_did_you_mean(input_field, names)}",
            lines.find(r"^\s*input\s*="),
        )
    template = Template(
        id=template_id,
        title=_string(data, "title", lines) or template_id,
        body=body,
        description=_string(data, "description", lines),
        category=_string(data, "category", lines),
        language=language,
        input_field=input_field,
        fields=tuple(fields),
        generation=_generation(data.get("generation", {}), lines),
        source=source,
        path=filename,
    )
    examples = parse_examples(data.get("examples", []), template, lines)
    return template.with_examples(examples)


def parse_examples(raw: Any, template: Template, lines: Lines) -> tuple[Example, ...]:
    """Validate ``[[examples]]`` tables against the template's fields."""
    if not isinstance(raw, list):
        raise lines.error("'examples' must be written as [[examples]] tables.",
                          lines.find(r"^\s*examples\s*="))
    examples: list[Example] = []
    for index, item in enumerate(raw):
        line = lines.find(r"^\s*\[\[\s*examples\s*\]\]", index)
        where = f"example {index + 1}"
        if not isinstance(item, dict):
            raise lines.error(f"{where} must be a table.", line)
        values: dict[str, str] = {}
        for key, value in item.items():
            if key == "output":
                continue
            if key not in template.variables:
                raise lines.error(
                    f"{where} sets {key!r}, which is not a field."
                    f"{_did_you_mean(key, template.variables)}", line)
            values[key] = _scalar_text(value, f"{where}, {key}", lines, line)
        output = item.get("output")
        if not isinstance(output, str) or not output.strip():
            raise lines.error(f"{where} has no 'output': add output = \"\"\"...\"\"\" "
                              "with the answer the model should give.", line)
        for field in template.required_fields:
            if not values.get(field.name, field.default).strip():
                raise lines.error(f"{where} leaves the required field {field.name!r} empty.",
                                  line)
        examples.append(Example(values=values, output=output.strip(),
                                origin=f"{lines.filename}, line {line}"))
    return tuple(examples)


def _fields(raw: Any, lines: Lines) -> list[Field]:
    if not isinstance(raw, dict):
        raise lines.error("'fields' must be written as [fields.NAME] tables.",
                          lines.find(r"^\s*fields\s*="))
    result: list[Field] = []
    for name, spec in raw.items():
        line = lines.find(rf"^\s*\[\s*fields\.{re.escape(name)}\s*\]")
        if not re.match(r"^[A-Za-z_]\w*$", name):
            raise lines.error(f"field name {name!r} must be letters, digits and '_' "
                              "(it is used as a variable in the body).", line)
        if not isinstance(spec, dict):
            raise lines.error(f"field {name!r} must be a table [fields.{name}].", line)
        _check_keys(spec, _FIELD_KEYS, f"key of field {name!r}", lines, line)
        kind_text = spec.get("kind", "text")
        kinds = [kind.value for kind in FieldKind]
        if kind_text not in kinds:
            raise lines.error(
                f"field {name!r}: kind {kind_text!r} is not one of {', '.join(kinds)}."
                f"{_did_you_mean(str(kind_text), kinds)}", line)
        kind = FieldKind(kind_text)
        options = spec.get("options", [])
        if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
            raise lines.error(f"field {name!r}: options must be a list of strings.", line)
        if kind is FieldKind.CHOICE and not options:
            raise lines.error(f"field {name!r} is a choice but has no options; add "
                              'options = ["...", "..."].', line)
        default = _scalar_text(spec.get("default", ""), f"field {name!r}, default", lines, line)
        if kind is FieldKind.CHOICE and default and default not in options:
            raise lines.error(f"field {name!r}: default {default!r} is not one of its options.",
                              line)
        if kind is FieldKind.CHOICE and not default:
            default = options[0]
        required = spec.get("required", False)
        if not isinstance(required, bool):
            raise lines.error(f"field {name!r}: required must be true or false.", line)
        result.append(Field(
            name=name,
            label=_string(spec, "label", lines, line, f"field {name!r}: ") or name,
            kind=kind,
            required=required,
            default=default,
            options=tuple(options),
            placeholder=_string(spec, "placeholder", lines, line, f"field {name!r}: "),
        ))
    return result


def _generation(raw: Any, lines: Lines) -> Generation:
    line = lines.find(r"^\s*\[\s*generation\s*\]")
    if not isinstance(raw, dict):
        raise lines.error("'generation' must be a [generation] table.", line)
    _check_keys(raw, tuple(_GENERATION_LIMITS), "generation setting", lines, line)
    values: dict[str, Any] = {}
    for key, value in raw.items():
        kind, low, high = _GENERATION_LIMITS[key]
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if kind is int and not isinstance(value, int):
            ok = False
        if not ok or not low <= value <= high:
            raise lines.error(
                f"generation.{key} = {value!r}: must be {'a whole number' if kind is int else 'a number'} "
                f"from {low:g} to {high:g}.", lines.find(rf"^\s*{key}\s*=", after=line) or line)
        values[key] = kind(value)
    return Generation(**values)


def _check_keys(data: Mapping[str, Any], allowed: tuple[str, ...], what: str,
                lines: Lines, table: int | None) -> None:
    """Reject unknown keys; ``table`` is the file line of their table, if any."""
    for key in data:
        if key not in allowed:
            line = lines.find(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[=.\]]", after=table)
            raise lines.error(
                f"unknown {what} {key!r}.{_did_you_mean(key, allowed)} "
                f"Allowed: {', '.join(allowed)}.", line or table)


def _string(data: Mapping[str, Any], key: str, lines: Lines, table: int | None = None,
            owner: str = "") -> str:
    """``data[key]`` as text; ``table`` is the file line of the table holding it."""
    value = data.get(key, "")
    if not isinstance(value, str):
        where = lines.find(rf"^\s*{re.escape(key)}\s*=", after=table) or table
        raise lines.error(f"{owner}{key!r} must be text in quotes, not {value!r}.", where)
    return value


def _scalar_text(value: Any, what: str, lines: Lines, line: int | None) -> str:
    """Field values are text; numbers and dates from TOML are accepted as text."""
    if isinstance(value, (dict, list)):
        raise lines.error(f"{what} must be text, not a table or list.", line)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" Did you mean {close[0]!r}?" if close else ""


def toml_error(exc: tomllib.TOMLDecodeError, filename: str, source: str,
               first_line: int = 2) -> TemplateError:
    """Move tomllib's line number (relative to ``source``) to the file."""
    text = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", text)
    if match:
        line = int(match.group(1)) + first_line - 1
        reason = text[: match.start()].strip()
        return TemplateError(f"{filename}, line {line}: invalid front matter: {reason} "
                             f"(column {match.group(2)}).")
    reason = text.replace("(at end of document)", "").strip()
    last = first_line + max(0, len(source.rstrip("\n").split("\n")) - 1)
    return TemplateError(f"{filename}, line {last}: invalid front matter: {reason} "
                         "(found at the end of the front matter).")
