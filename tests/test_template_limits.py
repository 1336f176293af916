"""Hostile template files: each ends in a message naming its file and line, quickly.

Issue 14: a shared template must not hang the app, eat the machine or crash
the library. Every case of the issue is a row of :data:`CASES`: the body,
whether it is refused when the library loads or when it is rendered, the
words of the message and the file line it must name. Each is loaded from a
user folder beside the built-ins, which must keep working, and must end
within :data:`SECONDS`. The last tests run the real command on a folder of
all of them, in a subprocess with a timeout, so a regression fails instead
of hanging the suite.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from waits import PROCESS_S

from assistant.templating import limits
from assistant.templating.errors import TemplateError
from assistant.templating.library import load_library
from assistant.templating.model import Source
from assistant.templating.render import RenderContext, render

DAY = RenderContext(dt.date(2026, 3, 2), language="en")
SECONDS = 2.0
FRONT = '+++\ntitle = "Hostile"\n\n[fields.n]\nlabel = "A number"\n+++\n'
"""Six lines of front matter: body line 1 is file line 7."""
FIRST = FRONT.count("\n") + 1
LOAD, RENDER = "load", "render"

NESTED_RANGES = "{% for i in range(99999) %}\n{% for j in range(99999) %}{% endfor %}{% endfor %}"

CASES = [
    # (id, body, stage, words of the message, body line)
    ("power", "Hi\n{{ 9**(9**9) }}", LOAD, "a number of more than 4,214 digits", 2),
    ("repeat", "{{ 'a'*10**9 }}", LOAD, "more than 1,000,000 characters", 1),
    ("parentheses", "\n{{ " + "(" * 80 + "1" + ")" * 80 + " }}", LOAD,
     "brackets are nested more than 16 deep", 2),
    ("additions", "{{ " + "+".join(["1"] * 20_000) + " }}", LOAD,
     "more than 10,000 tags and expression parts", 1),
    ("long-sum", "{{ " + "+".join(["1"] * 2_000) + " }}", LOAD,
     "too long or nested too deeply (more than 32 levels)", 1),
    ("nots", "{{ " + "not " * 2_000 + "1 }}", LOAD, "too long or nested too deeply", 1),
    ("ifs", "{% if n %}" * 200 + "{% endif %}" * 200, LOAD,
     "more than 16 tags ({% if %}, {% for %}, ...) are open", 1),
    ("recursive-macro", "{% macro f() %}\n{{ f() }}\n{% endmacro %}\n{{ f() }}", RENDER,
     "macros call each other more than 40 levels deep", 2),
    ("self-block", ("{% block system %}a{% endblock %}\n{% block prompt %}{{ self.prompt() }}"
     "{% endblock %}"), RENDER, "macros call each other more than 40 levels deep", 2),
    ("huge-range", "{% for i in range(10**9) %}{% endfor %}", LOAD,
     "this range() is too long: a template may loop at most 100,000 times", 1),
    ("nested-ranges", NESTED_RANGES, LOAD, "these nested loops would run 9,999,800,001 times",
     2),
    ("input-ranges", ("Loops:\n{% for i in range(n|int) %}{% for j in range(n|int) %}"
     "{% endfor %}{% endfor %}"), RENDER, "the loops here run more than 100,000 times in all", 2),
    ("slow-loop", ("{% set l = range(99999)|list %}\n{% for i in range(99999) %}"
     "{% if -1 in l %}{% endif %}{% endfor %}"), RENDER,
     "filling in the template took more than 1 s", 2),
    ("include", "x\n{% include 'x' %}", LOAD,
     "templates cannot include other files: {% include %} is not allowed", 2),
    ("import", "{% import 'x' as y %}", LOAD, "{% import %} is not allowed", 1),
    ("from-import", "{% from 'x' import y %}", LOAD, "{% from %} is not allowed", 1),
    ("extends", "{% extends 'x' %}", LOAD, "{% extends %} is not allowed", 1),
    ("doubling", ("{% set ns = namespace(s='ab') %}\n{% for i in range(40) %}"
     "{% set ns.s = ns.s ~ ns.s %}{% endfor %}"), RENDER, "more than 1,000,", 2),
    ("macro-output", ("{% macro m() %}{% for i in range(99999) %}\n{% filter center(999999) %}"
     "x{% endfilter %}{% endfor %}{% endmacro %}{{ m() }}"), RENDER, "more than 1,000,", 2),
    ("center-filter", "{{ 'a'|center(10**9) }}", RENDER, "more than 1,000,", 1),
    ("center-method", "{{ 'a'.center(10**9) }}", RENDER, "center() was given a number", 1),
    ("format-width", "{{ '{:>999999999}'.format(1) }}", RENDER,
     "a width or precision of more than 1,000,000", 1),
    ("percent-star", "{{ '%*d' % (9, 1) }}", LOAD, "'*' as a width or precision", 1),
    ("shared-lists", "{% set a = ['x' * 100] * 100 %}\n{% set b = [a] * 100 %}{{ b }}", RENDER,
     "more than 1,000,", 2),
    ("deep-tuple", ("{% set ns = namespace(t=()) %}{% for i in range(99) %}\n"
     "{% set ns.t = (ns.t,) %}{% endfor %}{{ {ns.t: 1} }}"), RENDER,
     "nested more than 40 levels deep", 2),
    ("zero-division", "\n\n{{ 1/0 }}", RENDER,
     "the template failed: ZeroDivisionError: division by zero", 3),
    ("block-line", ("{% block system %}\nBe brief.\n{% endblock %}\n{% block prompt %}\nFix:\n"
     "{{ n.missing.deeper }}\n{% endblock %}"), RENDER, "has no attribute 'missing'", 6),
]


def _load(folder: Path, body: str) -> tuple[object, float]:
    (folder / "hostile.md").write_text(FRONT + body, encoding="utf-8")
    start = time.monotonic()
    library = load_library(folder)
    return library, time.monotonic() - start


@pytest.mark.parametrize(("body", "stage", "words", "line"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_hostile_template_ends_in_a_message(tmp_path: Path, body: str, stage: str,
                                            words: str, line: int) -> None:
    path = tmp_path / "hostile.md"
    where = f"{path}, line {FIRST + line - 1}: "
    start = time.monotonic()
    path.write_text(FRONT + body, encoding="utf-8")
    library = load_library(tmp_path)
    errors = {error.template_id: str(error.message) for error in library.errors}
    if stage == LOAD:
        assert errors["hostile"].startswith(where), errors["hostile"]
        assert words in errors["hostile"]
    else:
        assert "hostile" not in errors, errors
        with pytest.raises(TemplateError) as caught:
            render(library.get("hostile"), {"n": "99999"}, DAY)
        assert str(caught.value).startswith(where), str(caught.value)
        assert words in str(caught.value)
    assert time.monotonic() - start < SECONDS
    # Every other template still works.
    proofread = library.get("proofread-en")
    assert "teh" in render(proofread, {"text": "teh"}, DAY).prompt


def test_render_errors_inside_blocks_name_the_file_line() -> None:
    """Line 11 of the file used to be reported as line 40 of the compiled code."""
    from assistant.templating import parse_template

    text = ('+++\ntitle = "x"\n[fields.text]\nlabel = "t"\n+++\n{% block system %}\n'
            'You are helpful.\n{% endblock %}\n{% block prompt %}\nFix this:\n'
            '{{ text.missing.deeper }}\n{% endblock %}\n')
    assert text.split("\n")[10] == "{{ text.missing.deeper }}"
    template = parse_template(text, "t", "t.md")
    with pytest.raises(TemplateError, match=r"^t\.md, line 11: 'str object' has no attribute"):
        render(template, {"text": "a"}, DAY)


def test_a_cached_body_reports_the_same_line(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "t.md").write_text(FRONT + "\n\n{{ 1/0 }}", encoding="utf-8")
    cache = tmp_path / "cache.json"
    load_library(user, cache=cache)
    cached = load_library(user, cache=cache).get("t")
    with pytest.raises(TemplateError, match=rf", line {FIRST + 2}: the template failed"):
        render(cached, {"n": "1"}, DAY)


def test_broken_override_says_the_builtin_is_used(tmp_path: Path) -> None:
    (tmp_path / "proofread-en.md").write_text(FRONT + "{{ 9**(9**9) }}", encoding="utf-8")
    library = load_library(tmp_path)
    assert library.get("proofread-en").source is Source.BUILTIN
    notice = str(library.notice("proofread-en"))
    assert notice.startswith(f"{tmp_path / 'proofread-en.md'}, line {FIRST}: ")
    assert notice.endswith("Until this file is fixed, the built-in template 'proofread-en' is "
                           "used instead.")
    assert library.notice("proofread-zh") is None


@pytest.mark.parametrize("symbol", sorted(limits.INTERCEPTED_BINOPS))
def test_ordinary_arithmetic_still_works(symbol: str) -> None:
    from assistant.templating import parse_template

    expected = {"**": "1024", "*": "20 abab", "%": "2 a-1", "+": "12 abab"}[symbol]
    left = {"%": "'a-%d'"}.get(symbol, "'ab'")
    right = {"**": "10", "*": "2", "%": "1", "+": "'ab'"}[symbol]
    text = f"{{{{ 2 {symbol} 10 }}}} {{{{ {left} {symbol} {right} }}}}"
    if symbol == "**":
        text = "{{ 2 ** 10 }}"
    template = parse_template(text, "t", "t.md")
    assert render(template, {}, DAY).prompt == expected


def test_loops_literals_and_text_render_as_before() -> None:
    from assistant.templating import parse_template

    text = ("{% set d = {'b': 2, 'a': 1} %}{% for k, v in d|dictsort %}{{ loop.index }}/"
            "{{ loop.length }} {{ k }}={{ v }}; {% endfor %}{{ [1, 2] ~ (3,) }} "
            "{% for x in [[1, [2]]] recursive %}{{ loop(x) if x is iterable else x }}"
            "{% endfor %} {{ '%s-%s'|format('a', 'b') }} {{ '{}!'.format('hi') }}")
    template = parse_template(text, "t", "t.md")
    assert render(template, {}, DAY).prompt == "1/2 a=1; 2/2 b=2; [1, 2](3,) 12 a-b hi!"


def test_a_long_input_is_not_refused() -> None:
    from assistant.templating import parse_template

    template = parse_template("{{ text|trim|upper }}\n{{ text|length }}", "t", "t.md")
    text = "word " * 400_000  # two million characters, twice the base budget
    prompt = render(template, {"text": text}, DAY).prompt
    assert prompt.endswith("WORD\n2000000")


BUILTINS = sorted(load_library(None).templates)


@pytest.mark.parametrize("template_id", BUILTINS)
def test_builtin_templates_pass_the_same_checks(template_id: str) -> None:
    """The shipped files go through the same parser; they must stay far inside its limits."""
    from assistant.templating import treecheck
    from assistant.templating.environment import environment
    from assistant.templating.parse import parse_template

    template = load_library(None).get(template_id)
    source = template.body.source
    again = parse_template(_builtin_text(template_id), template_id, template.path)
    assert again.body.variables == template.body.variables
    tokens = sum(1 for _, kind, _ in environment().lex(source)
                 if kind not in ("whitespace", "data", "comment"))
    assert tokens < limits.MAX_TOKENS // 20
    treecheck.scan(environment(), source)
    assert template.input_field is not None
    start = time.monotonic()
    for values in [*(example.values for example in template.examples),
                   {template.input_field: "a long input line\n" * 5_000}]:
        render(template, values, DAY)
    assert time.monotonic() - start < 0.5


def _builtin_text(template_id: str) -> str:
    from assistant.templating.library import builtin_dir

    return (builtin_dir() / f"{template_id}.md").read_text(encoding="utf-8")


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ASSISTANT_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=PROCESS_S,
                          check=False)


def test_the_command_lists_every_hostile_file_and_keeps_working(tmp_path: Path) -> None:
    folder = tmp_path / "home" / "data" / "templates"
    folder.mkdir(parents=True)
    for name, body, *_ in CASES:
        (folder / f"{name}.md").write_text(FRONT + body, encoding="utf-8")
    (folder / "proofread-en.md").write_text(FRONT + "{{ 9**(9**9) }}", encoding="utf-8")
    start = time.monotonic()
    listing = _cli(tmp_path / "home", "templates")
    assert time.monotonic() - start < 20
    assert listing.returncode == 0, listing.stderr
    broken = {line.split()[1] for line in listing.stdout.splitlines()
              if line.startswith("BROKEN ")}
    assert broken == {name for name, _, stage, *_ in CASES if stage == LOAD} | {"proofread-en"}
    done = _cli(tmp_path / "home", "render", "proofread-en", "--set", "text=teh")
    assert done.returncode == 0, done.stderr
    assert "teh" in done.stdout
    assert done.stderr.startswith(f"note: {folder / 'proofread-en.md'}, line {FIRST}: ")
    assert "the built-in template 'proofread-en' is used instead" in done.stderr
    failed = _cli(tmp_path / "home", "render", "recursive-macro")
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
    assert failed.stderr.startswith(f"error: {folder / 'recursive-macro.md'}, line {FIRST + 1}:")
