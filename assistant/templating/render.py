"""Fill a template with the user's values and the built-in variables.

The template's data (:mod:`.model`) and its Jinja body (:mod:`.body`) know
nothing of a run; this module checks the values a run gives against the
fields, fills defaults and today's date, and has the body render them. User
text only ever enters as a *variable*: ``{{ 7*7 }}`` typed into a field
reaches the model as those seven characters.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from dataclasses import dataclass

from assistant.errors import InputError
from assistant.messages import Message
from assistant.templating.body import Rendered
from assistant.templating.model import FieldKind, Template

BUILTIN_VARIABLES = ("today", "weekday", "language")
"""Variables every body may use without a field; :class:`RenderContext` fills them."""

_WEEKDAYS = {
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


@dataclass(frozen=True)
class RenderContext:
    """The built-in variables: today's date and the UI language."""

    today: dt.date
    language: str = "en"

    @classmethod
    def now(cls, language: str = "en") -> RenderContext:
        """The context for a run happening now."""
        return cls(today=dt.date.today(), language=language)

    def variables(self, template_language: str) -> dict[str, str]:
        """Values for ``today``, ``weekday`` (in the template's language), ``language``."""
        names = _WEEKDAYS.get(template_language[:2], _WEEKDAYS["en"])
        return {
            "today": self.today.isoformat(),
            "weekday": names[self.today.weekday()],
            "language": self.language,
        }


def resolve_values(
    template: Template, values: Mapping[str, str], context: RenderContext
) -> dict[str, str]:
    """Check ``values`` against the fields and fill defaults.

    Unknown names, missing required fields and values outside a choice's
    options are errors that name the field. An empty date means today.
    """
    names = template.variables
    for name in values:
        if name not in names:
            close = difflib.get_close_matches(name, names, n=1)
            hint = Message.of(" Did you mean {close!r}?", close=close[0]) if close \
                else Message.of("")
            known = ", ".join(names) or Message.of("(none)")
            raise InputError("Template {id!r} has no field {name!r}.{hint} Its fields: {known}.",
                             id=template.id, name=name, hint=hint, known=known)
    result = context.variables(template.language)
    for item in template.fields:
        value = values.get(item.name)
        if value is None or (not value.strip() and item.kind is not FieldKind.TEXT):
            value = item.default
        if item.kind is FieldKind.DATE and not value.strip():
            value = context.today.isoformat()
        if item.required and not value.strip():
            raise InputError("Field {name!r} ({label}) of template {id!r} is required; fill it "
                             "in.", name=item.name, label=item.label, id=template.id)
        if item.kind is FieldKind.CHOICE and value and value not in item.options:
            raise InputError("Field {name!r} ({label}) must be one of: {options}; got {value!r}.",
                             name=item.name, label=item.label, options=", ".join(item.options),
                             value=value)
        result[item.name] = value
    return result


def render(template: Template, values: Mapping[str, str], context: RenderContext) -> Rendered:
    """Render ``template`` for the user's ``values``."""
    return template.body.render(resolve_values(template, values, context))
