"""Tests for the ``assistant`` command, run as a real subprocess.

Every run gets its own profile through ``ASSISTANT_HOME`` (never the real
user's), and the working directory is a temporary folder so package data must
come from the installed package. Exit codes: 0 ok, 2 bad input, 3 model
problem; every error message names the file or field at fault. One test runs
the real embedded model and is marked ``model``.
"""

from __future__ import annotations

import importlib.resources
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openai_stub import StubServer
from waits import PROCESS_S, SLOW_S

BUILTIN_IDS = sorted(
    entry.name[: -len(".md")]
    for entry in importlib.resources.files("assistant.builtin_templates").iterdir()
    if entry.name.endswith(".md")
)

BROKEN_TEMPLATE = """\
+++
title = "Broken"

[fields.text]
kind = "paragraph"
+++
{{ text }}
"""
"""A user template whose field kind is wrong; its table [fields.text] is on line 4."""

GOOD_TEMPLATE = """\
+++
title = "Shout"
input = "text"
+++
Say loudly: {{ text }}
"""

OVERRIDE_TEMPLATE = """\
+++
title = "My proofreading"
input = "text"

[fields.text]
required = true
+++
Check my text please: {{ text }}
"""


class Cli:
    """Runs ``python -m assistant`` against one temporary profile."""

    def __init__(self, home: Path, cwd: Path) -> None:
        self.home = home
        self.cwd = cwd

    def __call__(self, *args: str, stdin: bytes | None = None,
                 timeout: float = PROCESS_S) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "ASSISTANT_HOME": str(self.home), "PYTHONIOENCODING": "utf-8"}
        done = subprocess.run(
            [sys.executable, "-m", "assistant", *args],
            input=b"" if stdin is None else stdin,
            capture_output=True, env=env, cwd=self.cwd, timeout=timeout, check=False,
        )
        return subprocess.CompletedProcess(
            done.args, done.returncode,
            done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))

    def json(self, *args: str, stdin: bytes | None = None) -> Any:
        """Run with ``--json``; the command must succeed quietly."""
        done = self(*args, "--json", stdin=stdin)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        return json.loads(done.stdout)

    @property
    def templates_dir(self) -> Path:
        return self.home / "data" / "templates"

    @property
    def models_dir(self) -> Path:
        return self.home / "data" / "models"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty profile folder, also set in this process's environment."""
    folder = tmp_path / "profile 档案"
    monkeypatch.setenv("ASSISTANT_HOME", str(folder))
    return folder


@pytest.fixture
def cli(home: Path, tmp_path: Path) -> Cli:
    work = tmp_path / "cwd"
    work.mkdir()
    return Cli(home, work)


def user_template(cli: Cli, name: str, text: str) -> Path:
    cli.templates_dir.mkdir(parents=True, exist_ok=True)
    path = cli.templates_dir / name
    path.write_text(text, encoding="utf-8")
    return path.resolve()


def assert_input_error(done: subprocess.CompletedProcess[str], *fragments: str,
                       code: int = 2) -> None:
    """A clean one-line error: the exit code, the fragments, no traceback."""
    assert done.returncode == code, (done.stdout, done.stderr)
    assert done.stderr.startswith("error: "), done.stderr
    assert "Traceback" not in done.stderr
    for fragment in fragments:
        assert fragment in done.stderr


# --- templates ---------------------------------------------------------------


def test_builtin_ids_sanity() -> None:
    assert {"weekly-report-zh", "proofread-en", "proofread-zh"} <= set(BUILTIN_IDS)


def test_templates_lists_the_builtins(cli: Cli) -> None:
    data = cli.json("templates")
    assert data["errors"] == []
    assert sorted(t["id"] for t in data["templates"]) == BUILTIN_IDS
    assert {t["source"] for t in data["templates"]} == {"built-in"}
    proofread = next(t for t in data["templates"] if t["id"] == "proofread-en")
    assert proofread["language"] == "en"
    assert proofread["examples"] >= 1


def test_templates_text_output(cli: Cli) -> None:
    done = cli("templates")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert len(lines) == len(BUILTIN_IDS)
    assert any(line.startswith("weekly-report-zh ") and "built-in" in line for line in lines)


def test_broken_user_template_is_reported_and_others_load(cli: Cli) -> None:
    broken = user_template(cli, "broken.md", BROKEN_TEMPLATE)
    user_template(cli, "shout.md", GOOD_TEMPLATE)
    data = cli.json("templates")
    assert len(data["errors"]) == 1
    error = data["errors"][0]
    assert (error["id"], error["source"], error["path"]) == ("broken", "user", str(broken))
    # Field errors point at the field's table header, [fields.text].
    assert error["error"].startswith(f"{broken}, line 4: field 'text': ")
    assert "'paragraph'" in error["error"]
    ids = {t["id"]: t["source"] for t in data["templates"]}
    assert ids == {**dict.fromkeys(BUILTIN_IDS, "built-in"), "shout": "user"}


def test_broken_user_template_cannot_be_rendered(cli: Cli) -> None:
    broken = user_template(cli, "broken.md", BROKEN_TEMPLATE)
    done = cli("render", "broken", "--set", "text=x")
    assert_input_error(done, "'broken' cannot be used", f"{broken}, line 4")


def test_bad_label_of_second_field_names_its_own_line(cli: Cli) -> None:
    path = user_template(cli, "two.md", (
        "+++\n"
        'title = "Two"\n'
        "[fields.a]\n"
        'label = "A"\n'
        "[fields.b]\n"
        "label = 5\n"
        "+++\n"
        "{{ a }} {{ b }}\n"))
    error = cli.json("templates")["errors"][0]["error"]
    assert error.startswith(f"{path}, line 6: ")


def test_user_template_overrides_builtin(cli: Cli) -> None:
    path = user_template(cli, "proofread-en.md", OVERRIDE_TEMPLATE)
    data = cli.json("templates")
    matches = [t for t in data["templates"] if t["id"] == "proofread-en"]
    assert len(matches) == 1
    assert (matches[0]["source"], matches[0]["title"], matches[0]["path"]) == (
        "user", "My proofreading", str(path))
    rendered = cli.json("render", "proofread-en", "--set", "text=hello")
    assert rendered["messages"] == [{"role": "user", "content": "Check my text please: hello"}]


# --- render ------------------------------------------------------------------


def roles(data: dict[str, Any]) -> list[str]:
    return [m["role"] for m in data["messages"]]


def test_render_with_examples(cli: Cli) -> None:
    text = "Its a nice day, isnt it?"
    data = cli.json("render", "proofread-en", "--set", f"text={text}")
    assert data["template"] == "proofread-en"
    shape = roles(data)
    assert shape[0] == "system" and shape[-1] == "user"
    middle = shape[1:-1]
    assert len(middle) >= 2
    assert middle == ["user", "assistant"] * (len(middle) // 2)
    assert data["messages"][-1]["content"].endswith(text)
    assert all(text not in m["content"] for m in data["messages"][:-1])


def test_render_without_examples(cli: Cli) -> None:
    data = cli.json("render", "proofread-en", "--set", "text=abc", "--no-examples")
    assert roles(data) == ["system", "user"]
    assert data["messages"][1]["content"].endswith("abc")


def test_render_text_output(cli: Cli) -> None:
    done = cli("render", "proofread-en", "--set", "text=abc", "--no-examples")
    assert done.returncode == 0
    assert "──── system ────" in done.stdout and "──── user ────" in done.stdout


LITERAL_TEXTS = [
    "{{ 7*7 }}",
    "{% raw %}",
    "{% raw %}{{ 7*7 }}{% endraw %}",
    "{% endblock %}{# comment #}",
    "{{ ''.__class__.__mro__ }}",
    "周报：{{ today }} 完成",
]


@pytest.mark.parametrize("text", LITERAL_TEXTS)
def test_user_text_via_set_reaches_the_model_literally(cli: Cli, text: str) -> None:
    data = cli.json("render", "proofread-en", "--set", f"text={text}")
    last = data["messages"][-1]["content"]
    assert last.endswith("\n" + text)
    assert "49" not in last


@pytest.mark.parametrize("text", LITERAL_TEXTS)
def test_user_text_via_stdin_reaches_the_model_literally(cli: Cli, text: str) -> None:
    data = cli.json("render", "proofread-en", "--input", "-", stdin=text.encode("utf-8"))
    assert data["messages"][-1]["content"].endswith("\n" + text)


def test_set_value_may_contain_equals_signs(cli: Cli) -> None:
    data = cli.json("render", "proofread-en", "--set", "text=a = b == c")
    assert data["messages"][-1]["content"].endswith("a = b == c")


def test_input_file_in_gbk(cli: Cli, tmp_path: Path) -> None:
    notes = tmp_path / "本周记录.txt"
    notes.write_bytes("周报：本周完成\r\n订单导出已提测".encode("gbk"))
    data = cli.json("render", "weekly-report-zh", "--input", str(notes))
    assert "周报：本周完成\n订单导出已提测" in data["messages"][-1]["content"]


def test_input_from_stdin_in_utf16(cli: Cli) -> None:
    data = cli.json("render", "proofread-en", "--input", "-",
                    stdin="Their late\r\nagain".encode("utf-16"))
    assert data["messages"][-1]["content"].endswith("Their late\nagain")


def test_input_binary_file(cli: Cli, tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)))
    done = cli("render", "proofread-en", "--input", str(binary))
    assert_input_error(done, str(binary), "binary")
    assert done.stdout == ""


def test_input_binary_stdin(cli: Cli) -> None:
    done = cli("render", "proofread-en", "--input", "-", stdin=b"\x00\x01\x02")
    assert_input_error(done, "standard input", "binary")


def test_input_missing_file(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert_input_error(cli("render", "proofread-en", "--input", str(missing)),
                       f"{missing}: file not found")


def test_input_for_template_without_input_field(cli: Cli, tmp_path: Path) -> None:
    user_template(cli, "plain.md", "+++\ntitle = 'Plain'\n+++\nHello {{ name }}\n")
    notes = tmp_path / "n.txt"
    notes.write_text("x", encoding="utf-8")
    assert_input_error(cli("render", "plain", "--input", str(notes)),
                       "'plain' declares no input field")


# --- exit codes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["render", "proofrad-en"], ["No template 'proofrad-en'", "Did you mean", "proofread-en"]),
        (["run", "weekly-report", "--set", "notes=x"], ["Did you mean", "weekly-report-"]),
        (["render", "no-such-thing-at-all"], ["No template 'no-such-thing-at-all'"]),
        (["render", "proofread-en", "--set", "txt=hello"],
         ["no field 'txt'", "Did you mean 'text'?"]),
        (["render", "proofread-en", "--set", "text=a", "--set", "colour=red"],
         ["no field 'colour'", "Its fields: text"]),
        (["render", "proofread-en", "--set", "text"], ["--set 'text'", "FIELD=VALUE"]),
        (["render", "proofread-en", "--set", "=value"], ["--set '=value'", "FIELD=VALUE"]),
        (["render", "proofread-en"], ["Field 'text'", "required"]),
        (["render", "proofread-en", "--set", "text=   "], ["Field 'text'", "required"]),
        (["render", "weekly-report-zh", "--set", "notes=x", "--set", "tone=随便"],
         ["Field 'tone'", "正式", "随便"]),
        (["run", "proofread-en", "--set", "text=x", "--max-tokens", "0"], ["--max-tokens"]),
        (["run", "proofread-en", "--set", "text=x", "--max-tokens", "-3"], ["--max-tokens"]),
    ],
)
def test_input_errors_exit_2(cli: Cli, args: list[str], fragments: list[str]) -> None:
    done = cli(*args)
    assert_input_error(done, *fragments)
    assert done.stdout == ""


def test_run_with_missing_model_exits_3(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "models" / "qwen.gguf"
    done = cli("run", "proofread-en", "--set", "text=x", "--model", str(missing))
    assert_input_error(done, str(missing), "not found", code=3)


def test_run_with_non_gguf_model_exits_3(cli: Cli, tmp_path: Path) -> None:
    fake = tmp_path / "notes.gguf"
    fake.write_text("These are my meeting notes, not a model.\n", encoding="utf-8")
    done = cli("run", "proofread-en", "--set", "text=x", "--model", str(fake))
    assert_input_error(done, str(fake), "not a GGUF model file", code=3)


def test_run_with_folder_as_model_exits_3(cli: Cli, tmp_path: Path) -> None:
    done = cli("run", "proofread-en", "--set", "text=x", "--model", str(tmp_path))
    assert_input_error(done, str(tmp_path), "folder", code=3)


def test_bad_settings_are_warned_about_but_do_not_stop(cli: Cli, home: Path) -> None:
    config = home / "config" / "settings.toml"
    config.parent.mkdir(parents=True)
    config.write_text("# mine\nn_ctx = 12\n", encoding="utf-8")
    done = cli("templates")
    assert done.returncode == 0
    assert done.stderr.startswith(f"warning: {config.resolve()}, line 2: n_ctx = 12")


def test_help_lists_the_commands(cli: Cli) -> None:
    done = cli("--help")
    assert done.returncode == 0
    assert "usage: assistant" in done.stdout
    for command in ("templates", "render", "run", "models", "paths", "gui", "quick"):
        assert command in done.stdout


# --- models and paths --------------------------------------------------------


def test_models_lists_the_embedded_model(cli: Cli, home: Path) -> None:
    data = cli.json("models")
    assert data["models_dir"] == str((home / "data" / "models").resolve())
    embedded = [m for m in data["models"] if m["origin"] == "embedded"]
    assert len(embedded) == 1
    model = embedded[0]
    assert model["error"] is None
    assert model["architecture"] == "llama"
    assert model["chat_template"] is True
    assert model["path"].endswith(".gguf") and Path(model["path"]).is_file()
    assert model["size_bytes"] == Path(model["path"]).stat().st_size
    assert model["context_length"] > 0


def test_models_lists_a_broken_file_with_its_error(cli: Cli) -> None:
    cli.models_dir.mkdir(parents=True)
    broken = (cli.models_dir / "download.gguf").resolve()
    broken.write_bytes(b"<html>404 Not Found</html>")
    data = cli.json("models")
    rows = {m["path"]: m for m in data["models"]}
    assert str(broken) in rows
    row = rows[str(broken)]
    assert row["origin"] == "models folder"
    assert row["error"].startswith(f"{broken} is not a GGUF model file")
    assert (row["architecture"], row["size_bytes"], row["chat_template"]) == (None, None, False)
    assert [m["origin"] for m in data["models"]] == ["embedded", "models folder"]
    text = cli("models")
    assert text.returncode == 0
    assert f"BROKEN {broken} (models folder)" in text.stdout


def test_paths_are_under_the_profile(cli: Cli, home: Path) -> None:
    done = cli("paths")
    assert done.returncode == 0
    root = home.resolve()
    rows = dict(line.split(None, 1) for line in done.stdout.splitlines())
    assert rows == {
        "settings": str(root / "config" / "settings.toml"),
        "templates": str(root / "data" / "templates"),
        "models": str(root / "data" / "models"),
        "history": str(root / "data" / "history.sqlite3"),
        "logs": str(root / "logs"),
    }
    assert (root / "data" / "templates").is_dir() and (root / "logs").is_dir()


# --- the real model ----------------------------------------------------------


@pytest.mark.model
def test_real_run_on_the_embedded_model(cli: Cli) -> None:
    done = cli("run", "proofread-en", "--set", "text=Their going to the office tomorow.",
               "--max-tokens", "16", "--seed", "1", "--json", timeout=SLOW_S)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["template"] == "proofread-en"
    assert data["model"].endswith(".gguf")
    assert data["output"].strip()
    stats = data["stats"]
    assert stats["prompt_tokens"] > 0
    assert 0 < stats["completion_tokens"] <= 16
    assert stats["ttft_s"] > 0


# --- the result part ---------------------------------------------------------


def test_result_prints_only_the_corrected_text(cli: Cli, stub: StubServer) -> None:
    stub.state.chunks = ("## Corrected text\n", "The report is late.\n\n", "## Changes\n",
                         "- Teh → The")
    done = cli("run", "proofread-en", "--set", "text=Teh report is late.", "--server", stub.url,
               "--result")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "The report is late.\n"
    done = cli("run", "proofread-en", "--set", "text=Teh report is late.", "--server", stub.url,
               "--json")
    data = json.loads(done.stdout)
    assert data["result"] == "The report is late." and data["result_notice"] is None
    assert data["output"].startswith("## Corrected text")


def test_result_of_an_answer_without_the_section_is_the_whole_answer(
        cli: Cli, stub: StubServer) -> None:
    stub.state.chunks = ("The report ", "is late.")
    done = cli("run", "proofread-en", "--set", "text=Teh report is late.", "--server", stub.url,
               "--result")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "The report is late.\n"
    assert "note: The answer has no 'Corrected text' section, so the whole answer is used." \
        in done.stderr
