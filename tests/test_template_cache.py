"""The parsed-template cache: the same library as a fresh parse, never a stale entry."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from waits import PROCESS_S

from assistant.templating.library import load_library
from assistant.templating.render import RenderContext, render

CONTEXT = RenderContext(today=dt.date(2026, 3, 2), language="en")
MINE = """+++
title = "Mine"
language = "en"
input = "text"

[fields.text]
label = "Text"
required = true

[fields.tone]
kind = "choice"
options = ["plain", "warm"]

[generation]
temperature = 0.3

[[examples]]
text = "hi"
output = "Hello."
+++
{% block system %}Be {{ tone }}. Today is {{ weekday }}.{% endblock %}
{% block prompt %}{{ text }}{% endblock %}
"""


def _cache(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "templates.json"


def test_cached_library_equals_a_fresh_parse(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "mine.md").write_text(MINE, encoding="utf-8")
    (user / "broken.md").write_text("+++\ntitle = \n+++\n", encoding="utf-8")
    fresh = load_library(user)
    load_library(user, cache=_cache(tmp_path))  # fills the cache
    assert _cache(tmp_path).is_file()
    cached = load_library(user, cache=_cache(tmp_path))
    assert cached.errors == fresh.errors
    assert cached.templates.keys() == fresh.templates.keys()
    for template_id, template in fresh.templates.items():
        again = cached.templates[template_id]
        assert again is not template
        for name in ("title", "description", "category", "language", "input_field", "fields",
                     "generation", "examples", "source", "path"):
            assert getattr(again, name) == getattr(template, name), (template_id, name)
        assert again.body.variables == template.body.variables
        assert again.body.blocks == template.body.blocks
        values = {item.name: f"value of {item.name}" for item in template.fields
                  if not item.options}
        assert render(again, values, CONTEXT) == render(template, values, CONTEXT)


def test_a_changed_file_is_parsed_again(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    path = user / "mine.md"
    path.write_text(MINE, encoding="utf-8")
    assert load_library(user, cache=_cache(tmp_path)).get("mine").title == "Mine"
    path.write_text(MINE.replace('title = "Mine"', 'title = "Renamed"'), encoding="utf-8")
    assert load_library(user, cache=_cache(tmp_path)).get("mine").title == "Renamed"
    path.write_text(MINE.replace("{{ text }}", "{{ text "), encoding="utf-8")
    broken = load_library(user, cache=_cache(tmp_path))
    assert "mine" not in broken.templates
    assert [e.template_id for e in broken.errors] == ["mine"]
    assert "template syntax error" in str(broken.errors[0].message)


def test_a_cached_error_is_reported_like_a_fresh_one(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "typo.md").write_text('+++\ntitel = "x"\n+++\n{{ a }}', encoding="utf-8")
    first = load_library(user, cache=_cache(tmp_path)).errors
    second = load_library(user, cache=_cache(tmp_path)).errors
    assert first == second
    assert "line 2: unknown setting 'titel'. Did you mean 'title'?" in str(second[0].message)


def test_removed_files_leave_the_cache(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "mine.md").write_text(MINE, encoding="utf-8")
    load_library(user, cache=_cache(tmp_path))
    assert str(user / "mine.md") in json.loads(_cache(tmp_path).read_bytes())["entries"]
    (user / "mine.md").unlink()
    load_library(user, cache=_cache(tmp_path))
    assert str(user / "mine.md") not in json.loads(_cache(tmp_path).read_bytes())["entries"]


@pytest.mark.parametrize("damage", [
    b"{not json",
    b"\x00\x01garbage",
    b'{"fingerprint": 3, "entries": []}',
])
def test_a_damaged_cache_is_discarded(tmp_path: Path, damage: bytes,
                                      caplog: pytest.LogCaptureFixture) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "mine.md").write_text(MINE, encoding="utf-8")
    _cache(tmp_path).parent.mkdir()
    _cache(tmp_path).write_bytes(damage)
    with caplog.at_level(logging.WARNING):
        library = load_library(user, cache=_cache(tmp_path))
    assert library.get("mine").title == "Mine"
    assert library.errors == ()
    if damage.startswith((b"{not", b"\x00")):
        assert "damaged" in caplog.text
    assert json.loads(_cache(tmp_path).read_bytes())["entries"]  # rebuilt


def test_a_tampered_entry_is_not_trusted(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "mine.md").write_text(MINE, encoding="utf-8")
    load_library(user, cache=_cache(tmp_path))
    data = json.loads(_cache(tmp_path).read_bytes())
    entry = data["entries"][str(user / "mine.md")]
    entry["template"]["fields"][0]["kind"] = "spreadsheet"
    _cache(tmp_path).write_text(json.dumps(data), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        library = load_library(user, cache=_cache(tmp_path))
    assert "damaged entry" in caplog.text
    assert library.get("mine").fields[0].kind.value == "text"


def test_another_parser_version_ignores_the_cache(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "mine.md").write_text(MINE, encoding="utf-8")
    load_library(user, cache=_cache(tmp_path))
    data = json.loads(_cache(tmp_path).read_bytes())
    data["entries"][str(user / "mine.md")]["template"]["title"] = "From an old version"
    data["fingerprint"] += "|older"
    _cache(tmp_path).write_text(json.dumps(data), encoding="utf-8")
    assert load_library(user, cache=_cache(tmp_path)).get("mine").title == "Mine"


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0,
                    reason="needs a folder the user cannot write")
def test_an_unwritable_cache_folder_is_logged_and_loading_goes_on(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "mine.md").write_text(MINE, encoding="utf-8")
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with caplog.at_level(logging.WARNING):
            library = load_library(user, cache=folder / "templates.json")
    finally:
        folder.chmod(0o700)
    assert library.get("mine").title == "Mine"
    assert "cannot write the parsed-template cache" in caplog.text


def test_a_cache_folder_that_is_a_file_is_logged_and_loading_goes_on(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "mine.md").write_text(MINE, encoding="utf-8")
    (tmp_path / "cache").write_text("not a folder", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        library = load_library(user, cache=_cache(tmp_path))
    assert library.get("mine").title == "Mine"
    assert "cannot write the parsed-template cache" in caplog.text


def test_a_warm_start_does_not_import_jinja(tmp_path: Path) -> None:
    """The point of the cache for start-up: Jinja is imported on the first render only."""
    user = tmp_path / "user"
    user.mkdir()
    (user / "mine.md").write_text(MINE, encoding="utf-8")
    cache = _cache(tmp_path)
    load_library(user, cache=cache)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from assistant.templating.library import load_library\n"
        "from assistant.templating.render import RenderContext, render\n"
        f"library = load_library(Path({str(user)!r}), cache=Path({str(cache)!r}))\n"
        "print(len(library.templates), 'jinja2' in sys.modules)\n"
        "import datetime\n"
        "out = render(library.get('mine'), {'text': 'hi'}, RenderContext(datetime.date.today()))\n"
        "print(out.prompt, 'jinja2' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=PROCESS_S)
    count, imported = result.stdout.splitlines()[0].split()
    assert int(count) > 16 and imported == "False"
    assert result.stdout.splitlines()[1] == "hi True"


def test_every_module_a_parse_uses_makes_the_cache_stale() -> None:
    """A module the parse result depends on is in the fingerprint, new ones too.

    Parses, renders and runs the checker's child on one file in a fresh
    Python, then compares the package modules it imported with
    ``cache._PARSER_FILES``.
    """
    code = (
        "import sys\n"
        "from assistant.templating import vetting\n"
        "from assistant.templating.parse import parse_template\n"
        "from assistant.templating.render import RenderContext, render\n"
        "render(parse_template('{{ a }}', 't', 't.md'), {'a': 'x'}, RenderContext.now())\n"
        "vetting._check_one('t.md', 't', '{{ a }}')\n"
        "print('\\n'.join(m.__file__ for n, m in sys.modules.items()\n"
        "                 if n.startswith('assistant.') and m.__file__))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=PROCESS_S)
    from assistant.templating import cache

    here = Path(cache.__file__).parent
    stamped = {(here / name).resolve() for name in cache._PARSER_FILES}
    used = {Path(line).resolve() for line in result.stdout.splitlines()}
    # __version__ is in the fingerprint on its own; atomic writes the cache file.
    ignored = {(here / "__init__.py").resolve(), (here / "../atomic.py").resolve()}
    assert sorted(map(str, used - stamped - ignored)) == []
