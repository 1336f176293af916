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

from assistant.messages import Message
from assistant.sampling import LIMITS, Number, Overrides, overrides
from assistant.templating.body import CompiledBody
from assistant.templating.errors import TemplateError
from assistant.templating.model import Example, Field, FieldKind, Source, Template
from assistant.templating.render import BUILTIN_VARIABLES

FENCE = "+++"
ID_PATTERN = re.compile(r"^[\w][\w.\-]*$")

_TOP_KEYS = ("title", "description", "category", "language", "input", "result", "rewrites",
             "fields", "generation", "examples")
_FIELD_KEYS = ("label", "kind", "required", "default", "options", "placeholder")


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

    def error(self, message: Message, line: int | None = None) -> TemplateError:
        """The error ``message``, placed at ``line`` of this file when it is known."""
        if line:
            return TemplateError("{file}, line {line}: {problem}", file=self.filename,
                                 line=line, problem=message)
        return TemplateError("{file}: {problem}", file=self.filename, problem=message)


def split_front_matter(text: str, filename: str) -> tuple[str | None, str, int]:
    """Return (front matter or None, body, number of file lines before the body)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return None, text, 0
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 1
    raise TemplateError("{filename}, line 1: the front matter opened with '+++' is never "
                        "closed; add a line with only '+++' after the settings.",
                        filename=filename)


def parse_template(text: str, template_id: str, filename: str,
                   source: Source = Source.BUILTIN) -> Template:
    """Parse the text of ``<template_id>.md``; raise :class:`TemplateError`."""
    if not ID_PATTERN.match(template_id):
        raise TemplateError("{filename}: {template_id!r} is not a usable template id; name the "
                            "file with letters, digits, '-', '_' or '.' only.",
                            filename=filename, template_id=template_id)
    front, body_text, offset = split_front_matter(text, filename)
    data: dict[str, Any] = {}
    lines = Lines(filename, front or "")
    if front is not None:
        try:
            data = tomllib.loads(front)
        except tomllib.TOMLDecodeError as exc:
            raise toml_error(exc, filename, front) from None
    _check_keys(data, _TOP_KEYS, Message.of("setting"), lines, None)
    body = CompiledBody(body_text, filename, offset)

    language = _string(data, "language", lines)
    fields = _fields(data.get("fields", {}), lines)
    declared = {item.name for item in fields}
    for name in sorted(body.variables - declared - set(BUILTIN_VARIABLES)):
        fields.append(Field(name=name, label=name, declared=False))
    names = [item.name for item in fields]

    input_field = _string(data, "input", lines) or None
    if input_field is not None and input_field not in names:
        raise lines.error(Message.of("input = {name!r} names no field.{hint}", name=input_field,
                                     hint=_did_you_mean(input_field, names)),
                          lines.find(r"^\s*input\s*="))
    result = _string(data, "result", lines).strip() or None
    if "result" in data and result is None:
        raise lines.error(Message.of("result = \"\" names no section: write the heading of the "
                                     "part of the answer that goes back into the document, "
                                     "e.g. result = \"Corrected text\", or remove the line."),
                          lines.find(r"^\s*result\s*="))
    rewrites = _string(data, "rewrites", lines) or None
    if rewrites is not None and rewrites not in names:
        raise lines.error(Message.of("rewrites = {name!r} names no field.{hint}", name=rewrites,
                                     hint=_did_you_mean(rewrites, names)),
                          lines.find(r"^\s*rewrites\s*="))
    template = Template(
        id=template_id,
        title=_string(data, "title", lines) or template_id,
        body=body,
        description=_string(data, "description", lines),
        category=_string(data, "category", lines),
        language=language,
        input_field=input_field,
        result=result,
        rewrites=rewrites,
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
        raise lines.error(Message.of("'examples' must be written as [[examples]] tables."),
                          lines.find(r"^\s*examples\s*="))
    examples: list[Example] = []
    for index, item in enumerate(raw):
        line = lines.find(r"^\s*\[\[\s*examples\s*\]\]", index)
        where = Message.of("example {number}", number=index + 1)
        if not isinstance(item, dict):
            raise lines.error(Message.of("{where} must be a table.", where=where), line)
        values: dict[str, str] = {}
        for key, value in item.items():
            if key == "output":
                continue
            if key not in template.variables:
                raise lines.error(Message.of("{where} sets {key!r}, which is not a field.{hint}",
                                             where=where, key=key,
                                             hint=_did_you_mean(key, template.variables)), line)
            values[key] = _scalar_text(value, Message.of("{where}, {key}", where=where, key=key),
                                       lines, line)
        output = item.get("output")
        if not isinstance(output, str) or not output.strip():
            raise lines.error(Message.of("{where} has no 'output': add output = \"\"\"...\"\"\" "
                                         "with the answer the model should give.", where=where),
                              line)
        for field in template.required_fields:
            if not values.get(field.name, field.default).strip():
                raise lines.error(Message.of("{where} leaves the required field {name!r} empty.",
                                             where=where, name=field.name), line)
        examples.append(Example(values=values, output=output.strip(),
                                origin=f"{lines.filename}, line {line}"))
    return tuple(examples)


def _fields(raw: Any, lines: Lines) -> list[Field]:
    if not isinstance(raw, dict):
        raise lines.error(Message.of("'fields' must be written as [fields.NAME] tables."),
                          lines.find(r"^\s*fields\s*="))
    result: list[Field] = []
    for name, spec in raw.items():
        line = lines.find(rf"^\s*\[\s*fields\.{re.escape(name)}\s*\]")
        if not re.match(r"^[A-Za-z_]\w*$", name):
            raise lines.error(Message.of("field name {name!r} must be letters, digits and '_' "
                                         "(it is used as a variable in the body).", name=name),
                              line)
        if not isinstance(spec, dict):
            raise lines.error(Message.of("field {name!r} must be a table [fields.{name}].",
                                         name=name), line)
        _check_keys(spec, _FIELD_KEYS, Message.of("key of field {name!r}", name=name), lines,
                    line)
        kind_text = spec.get("kind", "text")
        kinds = [kind.value for kind in FieldKind]
        if kind_text not in kinds:
            raise lines.error(Message.of("field {name!r}: kind {kind!r} is not one of {kinds}.{hint}",
                                         name=name, kind=kind_text, kinds=", ".join(kinds),
                                         hint=_did_you_mean(str(kind_text), kinds)), line)
        kind = FieldKind(kind_text)
        options = spec.get("options", [])
        if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
            raise lines.error(Message.of("field {name!r}: options must be a list of strings.",
                                         name=name), line)
        if kind is FieldKind.CHOICE and not options:
            raise lines.error(Message.of("field {name!r} is a choice but has no options; add "
                                         'options = ["...", "..."].', name=name), line)
        default = _scalar_text(spec.get("default", ""),
                               Message.of("field {name!r}, default", name=name), lines, line)
        if kind is FieldKind.CHOICE and default and default not in options:
            raise lines.error(Message.of("field {name!r}: default {default!r} is not one of its "
                                         "options.", name=name, default=default), line)
        if kind is FieldKind.CHOICE and not default:
            default = options[0]
        required = spec.get("required", False)
        if not isinstance(required, bool):
            raise lines.error(Message.of("field {name!r}: required must be true or false.",
                                         name=name), line)
        result.append(Field(
            name=name,
            label=_string(spec, "label", lines, line, Message.of("field {name!r}: ", name=name))
            or name,
            kind=kind,
            required=required,
            default=default,
            options=tuple(options),
            placeholder=_string(spec, "placeholder", lines, line,
                                Message.of("field {name!r}: ", name=name)),
        ))
    return result


def _generation(raw: Any, lines: Lines) -> Overrides:
    line = lines.find(r"^\s*\[\s*generation\s*\]")
    if not isinstance(raw, dict):
        raise lines.error(Message.of("'generation' must be a [generation] table."), line)
    _check_keys(raw, tuple(LIMITS), Message.of("generation setting"), lines, line)
    values: dict[str, Number] = {}
    for key, value in raw.items():
        limit = LIMITS[key]
        if not limit.accepts(value):
            number = Message.of("a whole number") if limit.kind is int else Message.of("a number")
            raise lines.error(Message.of("generation.{key} = {value!r}: must be {kind} from "
                                         "{low:g} to {high:g}.", key=key, value=value,
                                         kind=number, low=limit.low, high=limit.high),
                              lines.find(rf"^\s*{key}\s*=", after=line) or line)
        values[key] = limit.kind(value)
    return overrides(values)


def _check_keys(data: Mapping[str, Any], allowed: tuple[str, ...], what: Message,
                lines: Lines, table: int | None) -> None:
    """Reject unknown keys; ``table`` is the file line of their table, if any."""
    for key in data:
        if key not in allowed:
            line = lines.find(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[=.\]]", after=table)
            raise lines.error(Message.of("unknown {what} {key!r}.{hint} Allowed: {allowed}.",
                                         what=what, key=key, hint=_did_you_mean(key, allowed),
                                         allowed=", ".join(allowed)), line or table)


def _string(data: Mapping[str, Any], key: str, lines: Lines, table: int | None = None,
            owner: Message | None = None) -> str:
    """``data[key]`` as text; ``table`` is the file line of the table holding it."""
    value = data.get(key, "")
    if not isinstance(value, str):
        where = lines.find(rf"^\s*{re.escape(key)}\s*=", after=table) or table
        raise lines.error(Message.of("{owner}{key!r} must be text in quotes, not {value!r}.",
                                     owner=owner or Message.of(""), key=key, value=value),
                          where)
    return value


def _scalar_text(value: Any, what: Message, lines: Lines, line: int | None) -> str:
    """Field values are text; numbers and dates from TOML are accepted as text."""
    if isinstance(value, (dict, list)):
        raise lines.error(Message.of("{what} must be text, not a table or list.", what=what),
                          line)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _did_you_mean(word: str, choices: Any) -> Message:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return Message.of(" Did you mean {close!r}?", close=close[0]) if close else Message.of("")


_TOML_HINTS: tuple[tuple[tuple[str, ...], Message], ...] = (
    (("Illegal character '\\n'", "Expected '\"'", 'Expected "\'"', "Unterminated string"),
     Message.of("a text value is not closed: add the closing quote at the end of the line, or "
                "use triple quotes for text over several lines")),
    (("Invalid value",),
     Message.of("a value is not valid: put text in quotes, e.g. title = \"Weekly report\"")),
    (("Expected '=' after a key",),
     Message.of("a setting has no '=': write it as name = \"value\"")),
    (("Cannot overwrite a value", "Cannot declare"),
     Message.of("a setting or table is written twice: remove or rename one of them")),
    (("Expected ']' at the end of a table", "Expected ']]' at the end of an array"),
     Message.of("a table header is not closed: end it with ']' as in [fields.name], or with ']]' "
                "as in [[examples]]")),
    (("Unclosed array",), Message.of("a list is not closed: end it with ']'")),
    (("Unclosed inline table",), Message.of("an inline table is not closed: end it with '}}'")),
    (("Expected newline or end of document after a statement",),
     Message.of("something follows a value on the same line: put each setting on its own line "
                "and text in quotes")),
    (("Unescaped '\\' in a string", "Invalid hex value"),
     Message.of("a backslash in text must be doubled (\\\\), or the text put in single quotes")),
    (("Invalid statement",), Message.of("this line is not a setting: write name = value")),
)
"""What to do about tomllib's commonest complaints, found by the start of its message."""


def _toml_hint(reason: str) -> Message | None:
    for starts, hint in _TOML_HINTS:
        if reason.startswith(starts):
            return hint
    return None


def toml_error(exc: tomllib.TOMLDecodeError, filename: str, source: str,
               first_line: int = 2) -> TemplateError:
    """The error for bad TOML, at the file's line, with what to do when it is known.

    tomllib's line number is relative to ``source``; it is moved to the file.
    """
    text = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", text)
    if match:
        line = int(match.group(1)) + first_line - 1
        reason = text[: match.start()].strip()
        column = int(match.group(2))
    else:
        reason = text.replace("(at end of document)", "").strip()
        line = first_line + max(0, len(source.rstrip("\n").split("\n")) - 1)
        column = 0
    hint = _toml_hint(reason)
    if hint is not None and column:
        return TemplateError("{file}, line {line}: invalid front matter: {hint} (column {column}; "
                             "TOML says: {reason}).", file=filename, line=line, hint=hint,
                             column=column, reason=reason)
    if hint is not None:
        return TemplateError("{file}, line {line}: invalid front matter: {hint} (found at the end "
                             "of the front matter; TOML says: {reason}).", file=filename,
                             line=line, hint=hint, reason=reason)
    if column:
        return TemplateError("{file}, line {line}: invalid front matter: {reason} (column "
                             "{column}).", file=filename, line=line, reason=reason, column=column)
    return TemplateError("{file}, line {line}: invalid front matter: {reason} (found at the end "
                         "of the front matter).", file=filename, line=line, reason=reason)
