"""Prompt templates: the file format, rendering and the template library.

A template is one ``<id>.md`` file: TOML front matter between ``+++`` lines
and a Jinja2 body (see DESIGN.md). :mod:`.parse` turns the text into a
validated :class:`~.model.Template`, whose Jinja body is a
:class:`~.body.CompiledBody` checked by :mod:`.treecheck` and :mod:`.limits`
and compiled in the one sandboxed environment of :mod:`.environment`;
:mod:`.render` fills it with a run's values; every problem with a file is a
:class:`~.errors.TemplateError`. :mod:`.library` finds the built-in and user
files, :mod:`.vetting` checks new user files in a child process and
:mod:`.cache` remembers what each file parsed to.
"""

from assistant.templating.body import Rendered
from assistant.templating.model import Example, Field, FieldKind, Source, Template
from assistant.templating.parse import parse_template
from assistant.templating.render import RenderContext

__all__ = [
    "Example", "Field", "FieldKind", "RenderContext", "Rendered",
    "Source", "Template", "parse_template",
]
