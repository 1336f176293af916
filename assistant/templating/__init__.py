"""Prompt templates: the file format, rendering and the template library.

A template is one ``<id>.md`` file: TOML front matter between ``+++`` lines
and a Jinja2 body (see DESIGN.md). :mod:`.parse` turns the text into a
validated :class:`~.model.Template`; :mod:`.render` fills it in a sandbox;
:mod:`.library` finds the built-in and user files.
"""

from assistant.templating.model import Example, Field, FieldKind, Generation, Source, Template
from assistant.templating.parse import parse_template
from assistant.templating.render import RenderContext, Rendered

__all__ = [
    "Example", "Field", "FieldKind", "Generation", "RenderContext", "Rendered",
    "Source", "Template", "parse_template",
]
