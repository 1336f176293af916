"""User templates are checked in a limited child process before the app takes them.

The slow and greedy templates here pass every in-process check (their cost
comes from the values of their examples), so only the child's limits stop
them: that is what these tests show. Each case also checks that the files
after the bad one are still checked, in a fresh child.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from assistant.templating import vetting
from assistant.templating.cache import template_from_json
from assistant.templating.library import load_library
from assistant.templating.model import Source
from assistant.templating.render import RenderContext, render

GOOD = '+++\ntitle = "Greeting"\n[[examples]]\nname = "Li"\noutput = "Hi Li"\n+++\nHi {{ name }}'
BROKEN = '+++\ntitle = \n+++\nHi'
BIG = "周" * 15_000
SLOW_EXAMPLE = f'[[examples]]\nn = "100000"\ny = "{BIG}"\noutput = "ok"\n'
SLOW = ('+++\ntitle = "Slow"\n' + SLOW_EXAMPLE * 4 + "+++\n"
        "{% for i in range(n|int) %}{% if y.count('周') > 0 %}{% endif %}{% endfor %}{{ y }}")
"""Each example render counts a long text 100,000 times: about a second each."""


def entry(name: str, text: str) -> vetting.Entry:
    return vetting.Entry(f"/somewhere/{name}.md", name, text)


def test_good_and_broken_files_get_their_verdicts_in_order() -> None:
    verdicts = vetting.vet([entry("good", GOOD), entry("broken", BROKEN), entry("again", GOOD)])
    assert [v.error is None for v in verdicts] == [True, False, True]
    assert all(v.lasting for v in verdicts)
    assert "/somewhere/broken.md, line 2: invalid front matter" in str(verdicts[1].error)
    template = template_from_json(verdicts[0].template or {})
    assert template.source is Source.USER and template.title == "Greeting"
    assert render(template, {"name": "Wang"}, RenderContext.now()).prompt == "Hi Wang"


def test_a_file_that_takes_too_long_is_blamed_and_the_rest_still_checked() -> None:
    verdicts = vetting.vet([entry("good", GOOD), entry("slow", SLOW), entry("after", GOOD)],
                           wall_seconds=0.5)
    assert verdicts[0].template is not None and verdicts[2].template is not None
    message = str(verdicts[1].error)
    assert message.startswith("/somewhere/slow.md: checking this template took longer than "
                              "0.5 s, so it is not loaded.")
    assert not verdicts[1].lasting, "a slow machine must not condemn a file for good"


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no processor-time limit")
def test_a_file_that_uses_too_much_processor_time_is_refused_for_good() -> None:
    verdicts = vetting.vet([entry("slow", SLOW), entry("after", GOOD)], wall_seconds=60)
    assert str(verdicts[0].error).startswith(
        "/somewhere/slow.md: checking this template used more than 1 s of processor time")
    assert verdicts[0].lasting
    assert verdicts[1].template is not None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="address space is capped on Linux")
def test_a_file_that_needs_too_much_memory_is_refused() -> None:
    huge = "周" * 80_000
    big = f'+++\ntitle = "Big"\n[[examples]]\ny = "{huge}"\noutput = "b"\n+++\n{{{{ y ~ y ~ y }}}}'
    verdicts = vetting.vet([entry("big", big)], memory_bytes=0)
    assert str(verdicts[0].error).startswith("/somewhere/big.md: checking this template needed "
                                             "more than 0 MB of memory")
    assert vetting.vet([entry("big", big)])[0].template is not None, "fine with the real limit"


def test_a_checker_that_cannot_start_refuses_for_now_only(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    monkeypatch.setattr(vetting, "command", lambda: [str(tmp_path / "no-such-python")])
    verdict = vetting.vet([entry("good", GOOD)])[0]
    assert str(verdict.error).startswith("/somewhere/good.md: the template checker could not "
                                         "be started")
    assert not verdict.lasting


def test_a_checker_that_dies_between_files_blames_none(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    script = tmp_path / "dies.py"
    script.write_text("import sys\nsys.stdin.read()\nsys.exit(3)\n", encoding="utf-8")
    monkeypatch.setattr(vetting, "command", lambda: [sys.executable, str(script)])
    verdict = vetting.vet([entry("good", GOOD)])[0]
    assert "stopped before checking this file (exit code 3)" in str(verdict.error)
    assert not verdict.lasting


def test_a_crash_on_a_file_blames_that_file(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    script = tmp_path / "crashes.py"
    script.write_text(
        "import json, os, signal, sys\n"
        "files = json.loads(sys.stdin.read())['files']\n"
        "print(json.dumps({'start': 0}), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGSEGV if hasattr(signal, 'SIGSEGV') else 9)\n",
        encoding="utf-8")
    monkeypatch.setattr(vetting, "command", lambda: [sys.executable, str(script)])
    verdict = vetting.vet([entry("crashy", GOOD)])[0]
    assert str(verdict.error).startswith("/somewhere/crashy.md: the template checker crashed "
                                         "on this file")
    assert verdict.lasting


def test_the_library_keeps_the_verdict_by_file_hash(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    user, cache = tmp_path / "templates", tmp_path / "cache.json"
    user.mkdir()
    (user / "greet.md").write_text(GOOD, encoding="utf-8")
    (user / "broken.md").write_text(BROKEN, encoding="utf-8")
    calls: list[int] = []
    real = vetting.vet
    monkeypatch.setattr(vetting, "vet", lambda entries, **kw: calls.append(len(entries))
                        or real(entries, **kw))
    first = load_library(user, cache=cache)
    assert first.get("greet").title == "Greeting"
    assert [e.template_id for e in first.errors] == ["broken"]
    second = load_library(user, cache=cache)
    assert second.get("greet").title == "Greeting" and len(second.errors) == 1
    (user / "greet.md").write_text(GOOD.replace("Greeting", "Hello"), encoding="utf-8")
    third = load_library(user, cache=cache)
    assert third.get("greet").title == "Hello"
    assert calls == [2, 0, 1], "each version of a file is checked once"
    stored = json.loads(cache.read_text(encoding="utf-8"))["entries"]
    assert "error" in stored[str(user / "broken.md")]


def test_built_in_templates_are_not_sent_to_the_checker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vetting, "command", lambda: ["/no/such/checker"])
    library = load_library(None)
    assert library.errors == () and len(library.templates) >= 16


def test_the_child_is_this_python_running_the_checker() -> None:
    assert vetting.command() == [sys.executable, "-m", "assistant.templating.vetting"]
