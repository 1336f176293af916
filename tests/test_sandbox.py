"""Published Jinja2 sandbox escapes, tried on our template renderer.

Users share template files, so a template is untrusted input: nothing of
Python's internals (classes, modules, globals, functions, the render context)
may reach the prompt. Each payload below is a known way out of a Jinja
sandbox (server-side template injection write-ups, Jinja's own security
advisories); each must either fail with our TemplateError naming the file
and line, or render text that shows nothing of Python.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from assistant.errors import InputError
from assistant.templating import RenderContext, parse_template
from assistant.templating.errors import TemplateError
from assistant.templating.render import render

DAY = RenderContext(dt.date(2026, 12, 3), "en")

# What leaks look like when they reach the output.
_LEAK = re.compile(r"<class |<module |<function |<built-in |<bound method |<method |"
                   r"object at 0x|__\w+__|\bbuiltins\b|\bsubprocess\b|\bPopen\b|"
                   r"TemplateReference|Context \{|\bos\.|posix|environ|mro|subclasses|uid=\d")

PAYLOADS = [
    # Class hierarchy walks from a literal, a variable and the loop object.
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ().__class__.__base__.__subclasses__() }}",
    "{{ [].__class__.__base__.__subclasses__()[40] }}",
    "{{ text.__class__.__mro__ }}",
    "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{% for x in [1] %}{{ loop.__class__ }}{% endfor %}",
    "{{ ''['__class__'] }}",
    "{{ ''['\\x5f\\x5fclass\\x5f\\x5f'] }}",
    # Function globals through Jinja's default globals.
    "{{ lipsum.__globals__ }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__.os }}",
    "{{ namespace.__init__.__globals__.os }}",
    "{{ range.__self__ }}",
    "{{ dict.__base__ }}",
    # |attr() with plain and escaped names.
    "{{ ''|attr('__class__') }}",
    "{{ lipsum|attr('__globals__') }}",
    "{{ (lipsum|attr('\\x5f\\x5fglobals\\x5f\\x5f'))['os'] }}",
    "{{ ()|attr('\\x5f\\x5fclass\\x5f\\x5f')|attr('\\x5f\\x5fbase\\x5f\\x5f') }}",
    "{{ request|attr('application') }}",
    # str.format / format_map / the format filter reaching attributes.
    "{{ '{0.__class__}'.format('') }}",
    "{{ '{0.__class__.__mro__}'.format(text) }}",
    "{{ '{x.__globals__}'.format_map({'x': lipsum}) }}",
    "{{ '{0.__init__.__globals__}'.format(cycler) }}",
    "{{ '%s'|format(''.__class__) }}",
    "{{ '%r'|format(lipsum) }}",
    # The template's own reference and context.
    "{{ self._TemplateReference__context }}",
    "{{ self._TemplateReference__context.environment }}",
    "{{ self.__init__.__globals__ }}",
    "{{ self.__dict__ }}",
    # Methods handing out their object or module.
    "{{ 'a'.upper.__self__ }}",
    "{{ ''.__reduce_ex__(2) }}",
    "{{ [].pop.__self__.__class__ }}",
    # Names that only exist in web frameworks: must be unknown here.
    "{{ config.items() }}",
    "{{ url_for.__globals__ }}",
    "{{ get_flashed_messages.__globals__ }}",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_python_internals_reach_the_output(payload: str) -> None:
    template = parse_template(f'+++\ntitle = "t"\n+++\n{payload}', "t", "shared.md")
    try:
        rendered = render(template, {"text": "hello"}, DAY)
    except TemplateError as exc:
        assert str(exc).startswith("shared.md, line ")
        assert "uid=" not in str(exc) and "object at 0x" not in str(exc)
        return
    except InputError as exc:  # e.g. an unknown field name: refused before rendering
        assert "shared.md" in str(exc) or "field" in str(exc)
        return
    shown = rendered.prompt + (rendered.system or "")
    assert not _LEAK.search(shown), f"{payload!r} rendered {shown!r}"


def test_a_failed_escape_names_no_internals_in_the_message() -> None:
    template = parse_template("{{ lipsum.__globals__['os'].popen('id').read() }}", "t", "x.md")
    with pytest.raises(TemplateError) as caught:
        render(template, {}, DAY)
    assert "uid=" not in str(caught.value)
    assert str(caught.value).startswith("x.md, line 1")


@pytest.mark.parametrize("payload", [
    "{% set x = [] %}{{ x.append(1) }}{{ x }}",
    "{{ {}.update(a=1) }}",
    "{% set d = {'a': 1} %}{{ d.pop('a') }}",
])
def test_objects_cannot_be_changed(payload: str) -> None:
    # Changing a list or dict is how a template would tamper with shared state;
    # the immutable sandbox refuses it with a message at the line.
    template = parse_template(payload, "t", "shared.md")
    with pytest.raises(TemplateError, match=r"shared\.md, line 1"):
        render(template, {}, DAY)
