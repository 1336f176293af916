"""Random template files: any bytes, front matter or Jinja end in a message, quickly.

A template file is untrusted input, so whatever it holds, loading and
rendering it may only ever raise :class:`InputError` (a ``TemplateError``
naming the file), never another exception, and never take long. Hypothesis
builds the files: random bytes, random front matter, and Jinja put together
from the pieces that have broken templating before (huge constants, deep
nesting, costly filters and methods, loops, macros). The budget is small and
fixed so the suite stays fast; ``HYPOTHESIS_PROFILE=long`` runs many more.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from datetime import timedelta
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.errors import InputError
from assistant.templating import parse_template
from assistant.templating.library import load_library
from assistant.templating.render import RenderContext, render

# No example database: each run is independent, and a failure prints its example.
for _profile, _examples in (("suite", 200), ("long", 5000)):
    settings.register_profile(_profile, max_examples=_examples, deadline=timedelta(seconds=3),
                              database=None,
                              suppress_health_check=[HealthCheck.too_slow,
                                                     HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

DAY = RenderContext(dt.date(2026, 3, 2), language="en")
SECONDS = 2.0

ATOMS = ["1", "0", "-1", "9", "2.5", "10**9", "9**9", "'a'", "''", "'%s'", "'{}'", "'\\n'",
         "x", "y", "none", "true", "[1, 2]", "(1, 'a')", "{'k': 'v'}", "range(5)",
         "range(10**6)", "ns", "ns.v", "loop", "dict(a=1)", "namespace(v=1)", "caller",
         "'x' * 1000", "lipsum", "9" * 4300, "0x" + "f" * 3600, "1e999", "1_000"]
OPERATORS = ["+", "-", "*", "**", "/", "//", "%", "~", "==", "<", "in", "and", "or",
             "is divisibleby", "is sameas", "not in"]
FILTERS = ["center(10**9)", "center(5)", "join(',')", "join", "batch(3, 0)", "batch(10**8, 1)",
           "indent(4)", "indent(10**8)", "replace('a', 'bb')", "format(1)", "format", "sum",
           "list", "string", "first", "last", "length", "upper", "wordwrap(5)", "slice(3)",
           "slice(10**8)", "map('string')", "map('upper')", "sort", "unique", "tojson", "int",
           "float", "round", "abs", "default('d')", "trim", "truncate(3)", "dictsort",
           "items", "pprint", "urlize", "striptags", "title", "reverse", "groupby('x')",
           "selectattr('x')", "attr('x')", "xmlattr", "filesizeformat", "count", "max",
           "min", "wordcount", "select('odd')", "reject", "escape", "safe", "urlencode"]
METHODS = ["upper()", "split(',')", "center(5)", "center(10**9)", "join(['a', 'b'])",
           "format(1)", "format('x' * 10)", "replace('a', 'bb')", "zfill(10**7)", "items()",
           "get('k')", "splitlines()", "__class__", "count(1)", "expandtabs(10**6)",
           "translate({97: 'xx'})", "to_bytes(10**9, 'big')", "ljust(10)", "keys()",
           "index(1)", "startswith('a')", "__len__()", "mro"]


def _extend(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(children, st.sampled_from(OPERATORS), children).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(children, st.sampled_from(FILTERS)).map(lambda t: f"({t[0]}|{t[1]})"),
        st.tuples(children, st.sampled_from(METHODS)).map(lambda t: f"{t[0]}.{t[1]}"),
        children.map(lambda c: f"not {c}"),
        children.map(lambda c: f"-{c}"),
        st.tuples(children, children, children).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
        st.lists(children, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
        st.tuples(children, children).map(lambda t: f"{t[0]}[{t[1]}]"),
        st.tuples(children, children).map(lambda t: f"'{{0}}{{1}}'.format({t[0]}, {t[1]})"),
    )


EXPRESSIONS = st.recursive(st.sampled_from(ATOMS), _extend, max_leaves=10)


def _statements(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(EXPRESSIONS, children).map(
            lambda t: f"{{% for x in {t[0]} %}}{t[1]}{{% endfor %}}"),
        st.tuples(EXPRESSIONS, children).map(
            lambda t: f"{{% for x in {t[0]} recursive %}}{t[1]}{{{{ loop(x) }}}}{{% endfor %}}"),
        st.tuples(EXPRESSIONS, children, children).map(
            lambda t: f"{{% if {t[0]} %}}{t[1]}{{% else %}}{t[2]}{{% endif %}}"),
        st.tuples(children, EXPRESSIONS).map(
            lambda t: f"{{% macro m(x) %}}{t[0]}{{{{ m(x) }}}}{{% endmacro %}}{{{{ m({t[1]}) }}}}"),
        st.tuples(children, EXPRESSIONS).map(
            lambda t: f"{{% macro m(x) %}}{t[0]}{{% endmacro %}}{{{{ m({t[1]}) }}}}"),
        children.map(lambda body: f"{{% filter upper %}}{body}{{% endfilter %}}"),
        st.tuples(EXPRESSIONS, children).map(
            lambda t: f"{{% set ns = namespace(v={t[0]}) %}}{t[1]}"),
        st.tuples(EXPRESSIONS, children).map(lambda t: f"{{% set ns.v = {t[0]} %}}{t[1]}"),
        children.map(lambda body: f"{{% set y %}}{body}{{% endset %}}{{{{ y }}}}"),
        st.lists(children, min_size=2, max_size=4).map("".join),
    )


LEAVES = st.one_of(EXPRESSIONS.map(lambda e: f"{{{{ {e} }}}}"),
                   st.sampled_from(["text\n", "{% include 'x' %}", "{{ self.prompt() }}",
                                    "{% raw %}{{{% endraw %}", "{#", "}}", "{%", "\n"]))
BODIES = st.recursive(LEAVES, _statements, max_leaves=8)
WITH_BLOCKS = st.tuples(BODIES, BODIES).map(
    lambda t: f"{{% block system %}}{t[0]}{{% endblock %}}\n{{% block prompt %}}{t[1]}"
              "{% endblock %}")

FRONT_LINES = st.sampled_from([
    'title = "T"', "title = 3", 'input = "x"', 'input = "nope"', "[fields.x]", "[fields.y]",
    'kind = "choice"', 'kind = "line"', 'options = ["a", "b"]', 'default = "a"',
    "required = true", 'label = "L"', "[generation]", "temperature = 0.5", "max_tokens = 0",
    "[[examples]]", 'x = "ex"', 'output = "out"', 'output = ""', "top_k = 5", "unknown = 1",
    'language = "zh"', "[fields.\"bad name\"]", "x = [1, 2]", 'title = """a', "= 3", "[",
])
FRONT = st.lists(FRONT_LINES, max_size=12).map(lambda lines: "+++\n" + "\n".join(lines)
                                                + "\n+++\n")


def _exercise(text: str) -> None:
    """Parse and render ``text``; only InputError may come out, and quickly."""
    start = time.monotonic()
    try:
        template = parse_template(text, "fuzz", "fuzz.md")
    except InputError as exc:
        assert "fuzz.md" in str(exc)
        assert time.monotonic() - start < SECONDS
        return
    values = {name: "va" for name in template.variables}
    field = template.field("x")
    if field is not None and field.options:
        values["x"] = field.options[0]
    try:
        render(template, values, DAY)
    except InputError as exc:
        assert str(exc)
    assert time.monotonic() - start < SECONDS


@given(st.one_of(BODIES, WITH_BLOCKS))
def test_random_jinja_ends_in_a_message(body: str) -> None:
    _exercise(body)


@given(FRONT, st.one_of(BODIES, st.just("{{ x }}{{ y }}")))
def test_random_front_matter_ends_in_a_message(front: str, body: str) -> None:
    _exercise(front + body)


@given(st.text(alphabet=st.sampled_from(list("{}%#+-*()[]|~.'\"\\ \naxyz019=,:")),
               max_size=300))
def test_random_characters_end_in_a_message(text: str) -> None:
    _exercise(text)


@given(st.binary(max_size=3000))
def test_random_bytes_load_as_a_library_entry(tmp_path: Path, data: bytes) -> None:
    user = tmp_path / "user"
    user.mkdir(exist_ok=True)
    (user / "fuzz.md").write_bytes(data)
    empty = tmp_path / "builtin"
    empty.mkdir(exist_ok=True)
    start = time.monotonic()
    library = load_library(user, builtin=empty)
    assert time.monotonic() - start < SECONDS
    if library.errors:
        assert "fuzz.md" in str(library.errors[0].message)
    else:
        template = library.get("fuzz")
        try:
            render(template, {name: "v" for name in template.variables
                              if not (template.field(name) or template.fields[0]).options},
                   DAY)
        except InputError:
            pass


@given(st.one_of(BODIES, WITH_BLOCKS))
def test_guards_do_not_change_what_a_template_says(body: str) -> None:
    """Whatever renders within the limits renders as in Jinja's own sandbox.

    Jinja's sandbox runs only bodies ours rendered, so it does no more work
    than ours did; its constant folding is off (a context ``finalize``, no
    optimizer), as folding is what does unbounded work while compiling.
    """
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    try:
        template = parse_template(body, "fuzz", "fuzz.md")
        ours = render(template, {name: "va" for name in template.variables}, DAY)
    except InputError:
        return
    plain = ImmutableSandboxedEnvironment(
        undefined=jinja2.StrictUndefined, autoescape=False, trim_blocks=True,
        lstrip_blocks=True, optimized=False,
        finalize=jinja2.pass_context(lambda context, value: value))
    values = {name: "va" for name in template.variables}
    try:
        compiled = plain.from_string(body)
        if not template.body.blocks:
            theirs = compiled.render(values).strip()
        else:
            theirs = "".join(compiled.blocks["prompt"](compiled.new_context(values))).strip()
    except NameError:
        return  # unfolded, Jinja writes 1e999 as "inf" (ours spells it; see treecheck)
    assert theirs == ours.prompt
