"""``assistant compare``: the same input through two variants, kept as one history entry.

Most tests run on the scripted OpenAI-compatible stub (known answers, fast);
one runs the real embedded model, with and without examples.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openai_stub import CHUNKS, StubServer
from test_cli import Cli, assert_input_error
from waits import SLOW_S

ANSWER = "".join(CHUNKS)
PROOFREAD = ("compare", "proofread-en", "--set", "text=Teh report is late.")


@pytest.fixture
def cli(home: Path, tmp_path: Path) -> Cli:
    work = tmp_path / "cwd"
    work.mkdir()
    return Cli(home, work)


def compare(cli: Cli, stub: StubServer, *args: str) -> dict[str, Any]:
    data = cli.json(*PROOFREAD, "--server", stub.url, *args)
    assert isinstance(data, dict)
    return data


def test_with_and_without_examples_by_default_order(cli: Cli, stub: StubServer) -> None:
    data = compare(cli, stub, "--against", "no-examples", "--seed", "7")
    first, second = data["sides"]
    assert (first["variant"], second["variant"]) == ("with examples", "without examples")
    assert first["output"] == second["output"] == ANSWER
    assert first["examples_used"] > 0 and second["examples_used"] == 0
    with_examples, without = (request.body for request in stub.chat_requests[-2:])
    assert len(with_examples["messages"]) == 2 + 2 * first["examples_used"]
    assert [m["role"] for m in without["messages"]] == ["system", "user"]
    assert with_examples["seed"] == without["seed"] == 7  # the same sampling on both sides
    assert with_examples["messages"][-1] == without["messages"][-1]  # the same input
    assert first["stats"]["completion_tokens"] > 0 and second["stats"]["prompt_tokens"] > 0


def test_the_pair_is_one_history_entry(cli: Cli, stub: StubServer) -> None:
    data = compare(cli, stub, "--against", "no-examples")
    (row,) = cli.json("history")
    assert row["id"] == data["entry"] and row["kind"] == "compare"
    shown = cli.json("history", "show", str(row["id"]))
    assert [run["variant"] for run in shown["runs"]] == ["with examples", "without examples"]
    assert [run["examples_used"] > 0 for run in shown["runs"]] == [True, False]


def test_against_another_template_carries_the_input_over(cli: Cli, stub: StubServer) -> None:
    data = compare(cli, stub, "--against", "template:revise-en")
    assert [side["template"] for side in data["sides"]] == ["proofread-en", "revise-en"]
    sent = stub.chat_requests[-1].body["messages"][-1]["content"]
    assert "Teh report is late." in sent  # in revise-en's own input field


def test_markdown_export_has_the_input_and_both_answers(cli: Cli, stub: StubServer,
                                                        tmp_path: Path) -> None:
    target = tmp_path / "比较.md"
    done = cli(*PROOFREAD, "--server", stub.url, "--against", "no-examples",
               "--markdown", str(target))
    assert done.returncode == 0, done.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Proofread: with examples / without examples")
    assert "> Teh report is late." in text
    assert text.index("## A: with examples") < text.index("## B: without examples")
    assert text.count(ANSWER) == 2 and text.count("prompt tokens") == 2


def test_text_output_names_each_side(cli: Cli, stub: StubServer) -> None:
    done = cli(*PROOFREAD, "--server", stub.url, "--against", "no-examples")
    assert done.returncode == 0, done.stderr
    assert done.stdout.index("A: with examples") < done.stdout.index("B: without examples")
    assert done.stdout.count(ANSWER) == 2 and done.stderr.count("generated") == 2


@pytest.mark.parametrize(("against", "fragments"), [
    ("sideways", ("--against 'sideways'", "no-examples, template:ID")),
    ("template:proofread-zx", ("no such template", "did you mean proofread-zh?")),
    ("model:/no/such/model.gguf", ("/no/such/model.gguf", "no such file")),
    ("server-model:qwen", ("needs a server",)),
])
def test_a_wrong_other_side_is_refused_before_anything_runs(
        cli: Cli, against: str, fragments: tuple[str, ...]) -> None:
    assert_input_error(cli(*PROOFREAD, "--against", against), *fragments)
    assert cli.json("history") == []


@pytest.mark.model
def test_on_the_embedded_model_both_answers_come_with_stats(cli: Cli) -> None:
    done = cli(*PROOFREAD, "--against", "no-examples", "--max-tokens", "12", "--json",
               timeout=SLOW_S)
    assert done.returncode == 0, done.stderr
    import json

    first, second = json.loads(done.stdout)["sides"]
    for side in (first, second):
        assert side["output"].strip() and side["error"] is None
        assert 0 < side["stats"]["completion_tokens"] <= 12
    # The examples make the first prompt longer: the claim's cost, shown.
    assert first["stats"]["prompt_tokens"] > second["stats"]["prompt_tokens"]
