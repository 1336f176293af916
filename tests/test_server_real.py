"""The server backend and the CLI against a real OpenAI-compatible server.

The server is llama-cpp-python's own (``python -m llama_cpp.server``, from its
``server`` extra), started on 127.0.0.1 with the embedded model by the
``llama_server`` fixture. The tests here also prove the offline promise: a
local run opens no socket at all, and a server run talks only to the
configured server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import start_llama_server
from waits import SLOW_S

from assistant.backend import CancelToken, Sampling
from assistant.backend.config import ServerModel
from assistant.backend.server import connect, list_models
from assistant.prompt import Message

pytestmark = pytest.mark.model

SENTENCE = "Their going to the meeting tomorow, its important."


def cli(home: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None,
        timeout: float = SLOW_S) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "ASSISTANT_HOME": str(home), "PYTHONIOENCODING": "utf-8",
               **(env or {})}
    return subprocess.run([sys.executable, "-m", "assistant", *args], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", env=environ,
                          timeout=timeout, check=False)


def test_models_lists_the_servers_model(llama_server: str, home: Path) -> None:
    done = cli(home, "models", "--server", llama_server, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["server"] == llama_server
    assert [m["id"] for m in data["models"]] == ["smollm2"]


def test_run_streams_a_real_answer_with_stats(llama_server: str, home: Path) -> None:
    done = cli(home, "run", "proofread-en", "--server", llama_server, "--input", "-", "--json",
               "--max-tokens", "16", "--seed", "3", stdin=SENTENCE)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["backend"] == "server" and data["complete"] is True
    assert data["model"] == f"smollm2 @ {urlsplit(llama_server).netloc}"
    assert data["output"].strip(), "the server should have answered"
    stats = data["stats"]
    assert stats["completion_tokens"] > 0 and stats["prompt_tokens"] > 100
    assert stats["ttft_s"] > 0 and stats["finish_reason"] in ("stop", "length")
    # llama-cpp-python's server sends no usage when streaming: our counts say so.
    assert stats["estimated"] is True


def test_plain_run_prints_the_answer_then_the_figures(llama_server: str, home: Path) -> None:
    done = cli(home, "run", "proofread-en", "--server", llama_server, "--set",
               f"text={SENTENCE}", "--max-tokens", "16")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    assert "prompt tokens" in done.stderr and "generated" in done.stderr


def test_prompt_too_long_for_the_server(llama_server: str, home: Path) -> None:
    done = cli(home, "run", "proofread-en", "--server", llama_server, "--input", "-",
               "--max-tokens", "20", stdin="word " * 3000)
    assert done.returncode == 3
    assert llama_server in done.stderr and "too long" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_server_context_setting_is_checked_before_sending(llama_server: str,
                                                              home: Path) -> None:
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.toml").write_text(
        f'model_source = "server"\nserver_url = "{llama_server}"\nserver_n_ctx = 2048\n',
        encoding="utf-8")
    done = cli(home, "run", "proofread-en", "--input", "-", "--max-tokens", "20",
               stdin="word " * 3000)
    assert done.returncode == 2, done.stderr
    assert "too long for this model" in done.stderr and "the context holds 2048" in done.stderr


def test_unknown_model_name(llama_server: str, home: Path) -> None:
    done = cli(home, "run", "proofread-en", "--server", llama_server, "--server-model",
               "qwen2.5:7b", "--set", "text=hi")
    assert done.returncode == 3
    assert "no model 'qwen2.5:7b'" in done.stderr and "smollm2" in done.stderr


def test_stop_mid_answer_and_the_server_serves_the_next_request(llama_server: str) -> None:
    backend = connect(ServerModel(llama_server))
    try:
        messages = [Message("user", "Write a long story about a lighthouse keeper.")]
        cancel = CancelToken()
        stream = backend.stream(messages, Sampling(max_tokens=32, seed=1), cancel)
        got = []
        for chunk in stream:
            got.append(chunk)
            if len(got) == 3:
                cancel.cancel()
        assert len(got) == 3 and stream.stats.finish_reason == "cancelled"
        again = backend.stream(messages, Sampling(max_tokens=5, seed=1))
        assert "".join(again).strip() and again.stats.finish_reason in ("stop", "length")
    finally:
        backend.close()


@pytest.fixture(scope="module")
def keyed_server(model_path: Path) -> Iterator[str]:
    """A second real server that wants an API key."""
    yield from start_llama_server(model_path, "--api_key", "sk-test-4321")


def test_api_key_from_the_environment(keyed_server: str, home: Path) -> None:
    args = ("run", "proofread-en", "--server", keyed_server, "--set", "text=hi",
            "--max-tokens", "5", "--api-key-env", "TEST_SERVER_KEY")
    wrong = cli(home, *args, env={"TEST_SERVER_KEY": "sk-wrong"})
    assert wrong.returncode == 3
    assert keyed_server in wrong.stderr and "refused the API key (401" in wrong.stderr
    assert "sk-wrong" not in wrong.stderr
    right = cli(home, *args, env={"TEST_SERVER_KEY": "sk-test-4321"})
    assert right.returncode == 0, right.stderr
    missing = cli(home, *args, env={"TEST_SERVER_KEY": ""})
    assert missing.returncode == 2 and "TEST_SERVER_KEY" in missing.stderr
    logs = "".join(p.read_text(encoding="utf-8") for p in (home / "logs").glob("*.log*"))
    assert "sk-test-4321" not in logs and "sk-wrong" not in logs


def test_stored_key_is_used_for_its_server(keyed_server: str, home: Path) -> None:
    from assistant.secrets import SecretStore

    SecretStore(home / "config" / "credentials.toml").set(keyed_server, "sk-test-4321")
    done = cli(home, "models", "--server", keyed_server, "--json")
    assert done.returncode == 0, done.stderr
    assert list_models(ServerModel(keyed_server, api_key="sk-test-4321"))[0].id == "smollm2"


# -- the offline promise ------------------------------------------------------------

class _Guard:
    """Records every socket connect and DNS lookup this process makes (audit events)."""

    def __init__(self) -> None:
        self.events: list[tuple[str, Any]] = []
        self.recording = threading.Event()
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.recording.is_set():
            return
        if event == "socket.connect":
            self.events.append((event, args[1]))
        elif event == "socket.getaddrinfo":
            self.events.append((event, args[0]))


_GUARD: _Guard | None = None


@pytest.fixture
def guard() -> Iterator[_Guard]:
    """Audit hooks cannot be removed: one guard for the process, switched on per test."""
    global _GUARD
    if _GUARD is None:
        _GUARD = _Guard()
    _GUARD.events.clear()
    _GUARD.recording.set()
    yield _GUARD
    _GUARD.recording.clear()


def _in_process(home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                *args: str) -> int:
    from assistant.cli import main

    monkeypatch.setenv("ASSISTANT_HOME", str(home))
    code = main(list(args))
    capsys.readouterr()
    return code


def test_a_local_run_opens_no_socket(guard: _Guard, home: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    code = _in_process(home, monkeypatch, capsys, "run", "proofread-en", "--set",
                       f"text={SENTENCE}", "--max-tokens", "8")
    assert code == 0
    assert guard.events == [], f"a local run reached out: {guard.events}"


def test_a_server_run_talks_only_to_that_server(guard: _Guard, llama_server: str, home: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code = _in_process(home, monkeypatch, capsys, "run", "proofread-en", "--server",
                       llama_server, "--set", f"text={SENTENCE}", "--max-tokens", "8")
    assert code == 0
    port = urlsplit(llama_server).port
    connects = [address for event, address in guard.events if event == "socket.connect"]
    lookups = {host for event, host in guard.events if event == "socket.getaddrinfo"}
    assert connects, "the run should have connected to the server"
    assert all(address[:2] == ("127.0.0.1", port) for address in connects), connects
    assert lookups <= {"127.0.0.1"}, lookups
