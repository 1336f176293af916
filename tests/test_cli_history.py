"""Tests for ``assistant history`` and for ``assistant run`` recording its runs.

The CLI runs as a real subprocess against its own profile (see test_cli.py),
on the scripted OpenAI-compatible stub: fast and the same answer every time.
One test runs the real embedded model and is marked ``model``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openai_stub import CHUNKS, StubServer
from test_cli import Cli, assert_input_error
from waits import PROCESS_S, SLOW_S

ANSWER = "".join(CHUNKS)
PROOFREAD = ("run", "proofread-en", "--set", "text=Teh report is late.")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "profile 档案"
    monkeypatch.setenv("ASSISTANT_HOME", str(folder))
    return folder


@pytest.fixture
def cli(home: Path, tmp_path: Path) -> Cli:
    work = tmp_path / "cwd"
    work.mkdir()
    return Cli(home, work)


def history_db(cli: Cli) -> Path:
    return cli.home / "data" / "history.sqlite3"


def run(cli: Cli, stub: StubServer, *args: str) -> subprocess.CompletedProcess[str]:
    done = cli(*args, "--server", stub.url)
    assert done.returncode == 0, done.stderr
    return done


def listing(cli: Cli, *args: str) -> list[dict[str, Any]]:
    data = cli.json("history", *args)
    assert isinstance(data, list)
    return data


def show(cli: Cli, entry_id: int) -> dict[str, Any]:
    data = cli.json("history", "show", str(entry_id))
    assert isinstance(data, dict)
    return data


def test_a_run_is_recorded_with_its_messages_and_answer(cli: Cli, stub: StubServer) -> None:
    done = run(cli, stub, *PROOFREAD)
    assert done.stdout.startswith(ANSWER)  # the run's own output is unchanged
    (row,) = listing(cli)
    assert row["template_id"] == "proofread-en" and row["outcomes"] == ["finished"]
    assert row["input"] == "Teh report is late." and row["output"] == ANSWER
    entry = show(cli, row["id"])
    assert entry["kind"] == "run"
    (stored,) = entry["runs"]
    assert stored["values"] == {"text": "Teh report is late."}
    assert stored["output"] == ANSWER and stored["outcome"] == "finished"
    assert stored["error"] is None and stored["variant"] == ""
    assert stored["model_source"] == f"server:{stub.url} stub-model"
    assert stored["settings"]["max_tokens"] > 0 and "temperature" in stored["settings"]
    assert stored["stats"]["completion_tokens"] == 3
    assert len(stored["template_hash"]) == 64
    sent = stub.chat_requests[-1].body["messages"]
    assert [(m["role"], m["content"]) for m in stored["messages"]] == \
        [(m["role"], m["content"]) for m in sent]  # exactly what the model was sent
    parts = [(m["part"], m["example"]) for m in stored["messages"]]
    assert parts[-1] == ("input", 0)
    examples = [number for part, number in parts if part == "example"]
    assert examples == sorted(examples) and len(examples) == 2 * stored["examples_used"]
    assert stored["examples_used"] > 0 and examples[0] == 1


def test_search_and_template_filter(cli: Cli, stub: StubServer) -> None:
    run(cli, stub, *PROOFREAD)
    run(cli, stub, "run", "weekly-report-zh", "--set", "notes=本周周报已提交给经理。")
    report, proof = (row["id"] for row in listing(cli))  # newest first
    assert [r["id"] for r in listing(cli, "--search", "周报")] == [report]
    assert [r["id"] for r in listing(cli, "--search", "TEH late")] == [proof]
    assert [r["id"] for r in listing(cli, "--search", "tomorrow")] == [report, proof]
    assert [r["id"] for r in listing(cli, "--search", '"OR *')] == []
    assert [r["id"] for r in listing(cli, "--template", "proofread-en")] == [proof]
    assert [r["id"] for r in listing(cli, "--limit", "1")] == [report]
    assert [r["id"] for r in listing(cli, "--since", "2000-01-01")] == [report, proof]
    assert listing(cli, "--until", "2000-01-01") == []


def test_text_listing_and_show(cli: Cli, stub: StubServer) -> None:
    run(cli, stub, *PROOFREAD)
    (row,) = listing(cli)
    done = cli("history")
    assert done.returncode == 0, done.stderr
    line = done.stdout.strip()
    assert line.startswith(f"{row['id']}  ") and "proofread-en  finished" in line
    assert line.endswith(f"Teh report is late. → {ANSWER}")
    done = cli("history", "show", str(row["id"]))
    assert done.returncode == 0, done.stderr
    assert f"source     server:{stub.url}" in done.stdout
    assert "──── user (input) ────" in done.stdout and "──── user (example 1) ────" in done.stdout
    assert done.stdout.rstrip().endswith(f"──── output ────\n{ANSWER}")


def test_delete_and_clear(cli: Cli, stub: StubServer) -> None:
    for _ in range(3):
        run(cli, stub, *PROOFREAD)
    first, *others = (row["id"] for row in listing(cli))
    done = cli("history", "delete", str(first))
    assert done.returncode == 0 and done.stdout == f"Deleted history entry {first}.\n"
    assert_input_error(cli("history", "show", str(first)), f"no history entry {first};")
    assert_input_error(cli("history", "delete", str(first)), f"no history entry {first};")
    assert [row["id"] for row in listing(cli)] == others
    refused = cli("history", "clear")
    assert_input_error(refused, "--yes", str(history_db(cli)))
    assert len(listing(cli)) == 2
    done = cli("history", "clear", "--yes")
    assert done.returncode == 0 and done.stdout == "Deleted 2 history entries.\n"
    assert listing(cli) == []


def test_unknown_id_in_a_new_profile_creates_no_file(cli: Cli) -> None:
    assert_input_error(cli("history", "show", "7"), "no history entry 7;")
    assert listing(cli) == []
    done = cli("history")
    assert done.returncode == 0 and "The history is empty" in done.stdout
    assert not history_db(cli).exists()


def test_bad_options_are_input_errors(cli: Cli) -> None:
    assert_input_error(cli("history", "--since", "31/03/2025"), "--since '31/03/2025'",
                       "YYYY-MM-DD")
    assert_input_error(cli("history", "--limit", "0"), "--limit must be at least 1")


def test_history_setting_off_stops_recording(cli: Cli, stub: StubServer) -> None:
    run(cli, stub, *PROOFREAD)
    config = cli.home / "config" / "settings.toml"
    config.write_text("history = false\n", encoding="utf-8")
    run(cli, stub, *PROOFREAD)
    assert len(listing(cli)) == 1  # the earlier run is still listed, the new one not kept
    done = cli("history")
    assert "note: history is off" in done.stderr and str(config) in done.stderr
    assert done.stdout.count("proofread-en") == 1


def test_setting_off_in_a_new_profile_creates_no_file(cli: Cli, stub: StubServer) -> None:
    config = cli.home / "config" / "settings.toml"
    config.parent.mkdir(parents=True)
    config.write_text("history = false\n", encoding="utf-8")
    run(cli, stub, *PROOFREAD)
    assert not history_db(cli).exists()


def test_stopped_run_keeps_its_partial_answer(cli: Cli, stub: StubServer) -> None:
    stub.mode = "hang-mid"  # one chunk, then nothing until the client goes
    env = {**os.environ, "ASSISTANT_HOME": str(cli.home), "PYTHONIOENCODING": "utf-8"}
    child = subprocess.Popen([sys.executable, "-m", "assistant", *PROOFREAD, "--server",
                              stub.url], env=env, cwd=cli.cwd, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert stub.state.streaming.wait(PROCESS_S), "the run never started streaming"
        child.send_signal(signal.SIGINT)  # Ctrl+C
        _, stderr = child.communicate(timeout=PROCESS_S)
    finally:
        child.kill()
    assert child.returncode == 130, stderr
    (row,) = listing(cli)
    assert row["outcomes"] == ["stopped"]
    (stored,) = show(cli, row["id"])["runs"]
    assert stored["output"] == CHUNKS[0] and stored["stats"]["finish_reason"] == "cancelled"


def test_kill_9_during_a_run_keeps_every_finished_run(cli: Cli, stub: StubServer) -> None:
    for n in range(3):
        run(cli, stub, "run", "proofread-en", "--set", f"text=Finished run {n}.")
    stub.mode = "hang-mid"  # the fourth answer stops half-way
    env = {**os.environ, "ASSISTANT_HOME": str(cli.home), "PYTHONIOENCODING": "utf-8"}
    child = subprocess.Popen([sys.executable, "-m", "assistant", *PROOFREAD, "--server",
                              stub.url], env=env, cwd=cli.cwd, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert stub.state.streaming.wait(PROCESS_S), "the run never started streaming"
        child.kill()  # SIGKILL: no handler, no clean-up
        child.wait(timeout=PROCESS_S)
    finally:
        child.kill()
    assert child.returncode == -signal.SIGKILL
    stub.mode = "ok"
    rows = listing(cli)  # the next start reads the history the killed run left
    assert sorted(show(cli, row["id"])["runs"][0]["values"]["text"] for row in rows) == [
        f"Finished run {n}." for n in range(3)]
    run(cli, stub, *PROOFREAD)  # and goes on writing to it
    assert len(listing(cli)) == 4


def test_failed_run_keeps_its_partial_answer_and_error(cli: Cli, stub: StubServer) -> None:
    stub.mode = "drop"  # two chunks, then the connection breaks
    done = cli(*PROOFREAD, "--server", stub.url)
    assert done.returncode == 3 and done.stdout.startswith(CHUNKS[0] + CHUNKS[1])
    (row,) = listing(cli)
    (stored,) = show(cli, row["id"])["runs"]
    assert stored["outcome"] == "failed" and stored["output"] == CHUNKS[0] + CHUNKS[1]
    assert stored["error"] and stored["error"] in done.stderr


def test_unwritable_history_is_a_warning_and_the_answer_is_shown(cli: Cli,
                                                                 stub: StubServer) -> None:
    history_db(cli).mkdir(parents=True)  # a folder where the file should be
    done = cli(*PROOFREAD, "--server", stub.url)
    assert done.returncode == 0
    assert done.stdout.startswith(ANSWER)
    assert f"warning: {history_db(cli)}: the history file cannot be opened" in done.stderr


def test_damaged_history_is_moved_aside_and_the_run_kept(cli: Cli, stub: StubServer) -> None:
    history_db(cli).parent.mkdir(parents=True)
    history_db(cli).write_bytes(b"not a database at all" * 50)
    done = run(cli, stub, *PROOFREAD)
    (moved,) = history_db(cli).parent.glob("history.sqlite3.corrupt-*")
    assert f"warning: The history file {history_db(cli)} was damaged; it was moved to {moved}" \
        in done.stderr
    assert moved.read_bytes() == b"not a database at all" * 50
    assert len(listing(cli)) == 1


@pytest.mark.model
def test_real_model_run_is_recorded(cli: Cli) -> None:
    done = cli("run", "proofread-en", "--set", "text=Their going tomorow.", "--max-tokens", "8",
               "--seed", "1", "--json", timeout=SLOW_S)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)["output"]
    (row,) = listing(cli)
    (stored,) = show(cli, row["id"])["runs"]
    assert stored["model_source"].startswith("file:") and stored["model_source"].endswith(".gguf")
    assert stored["output"] == answer and stored["outcome"] in ("finished", "length")
    assert stored["settings"]["max_tokens"] == 8 and stored["settings"]["seed"] == 1
    assert 0 < stored["stats"]["completion_tokens"] <= 8


def test_a_comparison_is_listed_and_shown_with_both_runs(cli: Cli) -> None:
    from datetime import UTC, datetime

    from assistant.history import EntryKind, HistoryStore, Outcome, RunRecord, StoredMessage

    def side(variant: str, output: str) -> RunRecord:
        return RunRecord(datetime.now(UTC), "proofread-zh", "校对", "0" * 64,
                         {"text": "本周周报已提交给经理"}, 1 if variant == "with examples" else 0,
                         (StoredMessage("user", "校对：本周周报", "input", 0),), "m",
                         "file:/m.gguf", {"seed": 1}, output, Outcome.FINISHED,
                         variant=variant)

    store, _ = HistoryStore.open(history_db(cli))
    with store:
        entry_id = store.add([side("with examples", "甲"), side("without examples", "乙")],
                             EntryKind.COMPARE)
    done = cli("history")
    assert done.returncode == 0 and "finished/finished (compare)" in done.stdout
    done = cli("history", "show", str(entry_id))
    assert done.returncode == 0, done.stderr
    assert "a comparison of 2 runs" in done.stdout
    first, second = done.stdout.index("run 1: with examples"), \
        done.stdout.index("run 2: without examples")
    assert first < done.stdout.index("甲") < second < done.stdout.index("乙")
    (shown,) = [show(cli, entry_id)]
    assert [run["variant"] for run in shown["runs"]] == ["with examples", "without examples"]
