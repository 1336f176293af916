"""Compare: the same input through two variants, side by side.

The product's claim is that a few examples make a small model follow the
format; a compare makes it visible: the default pair is the template with
its examples against the same template without them. The other side may
also be another template (same input) or another model. Plain Python: the
CLI (``assistant compare``) and the GUI's compare window build their pairs
here, and both write the same Markdown.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.backend.config import BackendConfig, LocalModel, ServerModel
from assistant.errors import InputError
from assistant.templating.library import Library
from assistant.templating.model import Template

AGAINST_FORMS = ("no-examples", "template:ID", "model:PATH", "server-model:NAME")
"""What ``--against`` takes, for the help text and the error message."""


@dataclass(frozen=True)
class Variant:
    """One side of a compare: which template, with or without examples, on which model."""

    label: str
    """How it is shown and stored ("with examples", "template proofread-zh", …)."""
    template: Template
    values: Mapping[str, str]
    use_examples: bool
    config: BackendConfig
    """The model it runs on."""


def pair(template: Template, values: Mapping[str, str], against: str, library: Library,
         config: BackendConfig) -> tuple[Variant, Variant]:
    """The two variants for ``against`` (see :data:`AGAINST_FORMS`); InputError if unknown.

    The first side is always the template as the user runs it: with its
    examples, on the current model.
    """
    first = Variant("with examples" if template.examples else "as is", template, values, True,
                    config)
    kind, _, rest = against.strip().partition(":")
    rest = rest.strip()
    if kind == "no-examples" and not rest:
        if not template.examples:
            raise InputError("{id} has no examples: comparing with and without them would "
                             "show the same prompt twice. Compare against another template "
                             "or model instead.", id=template.id)
        return first, Variant("without examples", template, values, False, config)
    if kind == "template" and rest:
        other = library.templates.get(rest)
        if other is None:
            close = difflib.get_close_matches(rest, list(library.templates), n=1)
            if close:
                raise InputError("--against template:{id}: no such template (did you mean "
                                 "{close}?).", id=rest, close=close[0])
            raise InputError("--against template:{id}: no such template.", id=rest)
        label = f"template {other.id}"
        return (dataclasses.replace(first, label=f"template {template.id}"),
                Variant(label, other, carried_values(template, values, other), True, config))
    if kind == "model" and rest:
        path = Path(rest).expanduser()
        if not path.is_file():  # before the first side runs, not after
            raise InputError("--against model:{path}: no such file.", path=path)
        if isinstance(config, LocalModel):
            other_config: BackendConfig = dataclasses.replace(config, path=path)
        else:
            other_config = LocalModel(path)
        return (dataclasses.replace(first, label=f"model {model_name(config)}"),
                Variant(f"model {path.name}", template, values, True, other_config))
    if kind == "server-model" and rest:
        if not isinstance(config, ServerModel):
            raise InputError("--against server-model:{name} needs a server as the model "
                             "source (the settings, or --server URL).", name=rest)
        return (dataclasses.replace(first, label=f"model {model_name(config)}"),
                Variant(f"model {rest}", template, values, True,
                        dataclasses.replace(config, model=rest)))
    raise InputError("--against {value!r}: use one of {forms}.", value=against,
                     forms=", ".join(AGAINST_FORMS))


def carried_values(template: Template, values: Mapping[str, str],
                   other: Template) -> dict[str, str]:
    """``values`` for ``other``: fields of the same name, and the input into its input field.

    Two templates rarely name their input alike ("text", "notes", "draft");
    the text the user gave is what is being compared, so it goes into the
    other template's input field whatever it is called.
    """
    carried = {field.name: values[field.name] for field in other.fields if field.name in values}
    given = values.get(template.input_field or "", "")
    if other.input_field and given and not carried.get(other.input_field):
        carried[other.input_field] = given
    return carried


def model_name(config: BackendConfig) -> str:
    """A short name for the model of ``config``: the file's name or the server's model."""
    if isinstance(config, ServerModel):
        return config.model or config.base_url
    return config.path.name


@dataclass(frozen=True)
class Side:
    """One answer of a compare, for :func:`markdown`."""

    label: str
    output: str
    stats_line: str
    """How long it took and how many tokens, as the user reads it."""


def markdown(title: str, values: Mapping[str, str], sides: Sequence[Side]) -> str:
    """The compare as one Markdown document: the input, then each answer with its figures."""
    parts = [f"# {title}", "", "## Input", ""]
    for name, value in values.items():
        if value.strip():
            parts += [f"**{name}**", "", *(f"> {line}" for line in value.splitlines()), ""]
    for letter, side in zip("AB", sides, strict=False):
        parts += [f"## {letter}: {side.label}", "", side.output.strip(), "",
                  f"*{side.stats_line}*", ""]
    return "\n".join(parts).rstrip() + "\n"
