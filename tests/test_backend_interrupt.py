"""Ctrl+C while the model loads or reads a prompt, and what a stopped run says it cost.

A SIGINT handled inside one of llama.cpp's ctypes callbacks used to be lost
("Exception ignored on calling ctypes callback function"): the load or the
prompt went on to the end. These tests send the signal from inside those
callbacks, where a real Ctrl+C lands.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from waits import PROCESS_S, SLOW_S

from assistant.backend import CancelToken, Sampling
from assistant.backend.llama import LlamaBackend, load_backend
from assistant.errors import Cancelled
from assistant.prompt import Message

pytestmark = pytest.mark.model

LONG = [Message("user", "Summarise: " + "the meeting covered budgets. " * 250)]
SHORT = [Message("user", "What is a weekly report?")]


@pytest.fixture
def unraisable(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Exceptions Python could only print and drop (as in a ctypes callback)."""
    seen: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook",
                        lambda info: seen.append(f"{info.exc_type.__name__}: {info.object}"))
    return seen


class CtrlCOnLoaderLog(logging.Handler):
    """Sends SIGINT to this process at llama.cpp's first model-loader log line."""

    def __init__(self) -> None:
        super().__init__()
        self.sent_at: float | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.sent_at is None and "llama_model_loader" in record.getMessage():
            self.sent_at = time.perf_counter()
            os.kill(os.getpid(), signal.SIGINT)


@pytest.fixture
def ctrl_c_while_loading() -> Iterator[CtrlCOnLoaderLog]:
    logger = logging.getLogger("assistant.llama_cpp")
    handler, level = CtrlCOnLoaderLog(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_ctrl_c_while_loading_stops_the_load(model_path: Path, unraisable: list[str],
                                             ctrl_c_while_loading: CtrlCOnLoaderLog) -> None:
    with pytest.raises(KeyboardInterrupt):
        load_backend(model_path, n_ctx=512)
    assert ctrl_c_while_loading.sent_at is not None
    assert time.perf_counter() - ctrl_c_while_loading.sent_at < 1.0
    assert unraisable == []
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_ctrl_c_while_loading_goes_to_the_handler_in_place(
        model_path: Path, unraisable: list[str], ctrl_c_while_loading: CtrlCOnLoaderLog) -> None:
    calls: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: calls.append(signum))
    try:
        with pytest.raises(Cancelled):
            load_backend(model_path, n_ctx=512)
        assert signal.getsignal(signal.SIGINT) is not previous  # ours is back in place
    finally:
        signal.signal(signal.SIGINT, previous)
    assert calls == [signal.SIGINT] and unraisable == []


class CtrlCAfterChecks(CancelToken):
    """Sends SIGINT from inside llama.cpp's abort callback, at its ``after``-th check."""

    def __init__(self, after: int) -> None:
        super().__init__()
        self.after, self.checks = after, 0

    @property
    def cancelled(self) -> bool:
        self.checks += 1
        if self.checks == self.after:
            os.kill(os.getpid(), signal.SIGINT)
        return super().cancelled


def test_ctrl_c_while_reading_a_prompt_stops_it(llama: LlamaBackend,
                                                unraisable: list[str]) -> None:
    raw: Any = llama._llama
    token = CtrlCAfterChecks(after=20)
    with pytest.raises(KeyboardInterrupt):
        list(llama.stream(LONG, Sampling(max_tokens=16), token))
    assert token.cancelled
    assert raw.n_tokens < llama.count_tokens(LONG), "reading should have stopped part-way"
    assert unraisable == []
    assert "".join(llama.stream(SHORT, Sampling(max_tokens=8, seed=1))).strip()


def test_a_stop_while_reading_the_prompt_generated_nothing(llama: LlamaBackend) -> None:
    list(llama.stream(SHORT, Sampling(max_tokens=8, seed=1)))  # counters of a real run
    cancel = CancelToken()
    stream = llama.stream(LONG, Sampling(max_tokens=16, seed=1), cancel,
                          progress=lambda done, _total: cancel.cancel() if done else None)
    assert "".join(stream) == ""
    assert stream.stats.finish_reason == "cancelled"
    assert stream.stats.completion_tokens == 0
    assert stream.stats.decode_s == 0.0 and stream.stats.decode_tps is None


def test_generated_counts_the_tokens_of_the_answer(llama: LlamaBackend) -> None:
    for max_tokens in (1, 3, 200):
        stream = llama.stream(SHORT, Sampling(max_tokens=max_tokens, temperature=0.0))
        text = "".join(stream)
        tokens = llama.count_text(text) if text else 0
        assert stream.stats.completion_tokens == (max_tokens if stream.stats.finish_reason
                                                  == "length" else tokens)
    # Again, with the whole prompt in the cache: its last token is read again, not generated.
    again = llama.stream(SHORT, Sampling(max_tokens=5, temperature=0.0))
    list(again)
    assert again.stats.cached_tokens == again.stats.prompt_tokens - 1
    assert again.stats.completion_tokens == 5


def _start_cli(home: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, ASSISTANT_HOME=str(home))
    child = subprocess.Popen(
        [sys.executable, "-m", "assistant", "run", "proofread-en", "--input", "-", *extra],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        start_new_session=True)  # its own process group: the signal goes to it alone
    assert child.stdin is not None
    child.stdin.write(b"Their going to the meeting tomorow, its importent. " * 60)
    child.stdin.close()
    child.stdin = None
    return child


def _wait_for(child: subprocess.Popen[bytes], seen: Any, what: str) -> None:
    deadline = time.monotonic() + SLOW_S
    while not seen():
        assert time.monotonic() < deadline, f"never saw {what}"
        assert child.poll() is None, f"the CLI ended before {what}"
        try:
            child.wait(0.005)  # a pause that ends at once if the child dies
        except subprocess.TimeoutExpired:
            pass


def _interrupt(child: subprocess.Popen[bytes]) -> tuple[float, str]:
    sent = time.monotonic()
    os.kill(child.pid, signal.SIGINT)
    _out, err = child.communicate(timeout=PROCESS_S)
    return time.monotonic() - sent, err.decode("utf-8", errors="replace")


def test_the_cli_stops_at_ctrl_c_while_the_model_loads(home: Path) -> None:
    log = home / "logs" / "assistant.log"
    child = _start_cli(home, "--max-tokens", "16")
    _wait_for(child, lambda: log.exists() and "loading " in log.read_text(encoding="utf-8"),
              "the model start loading")
    took, err = _interrupt(child)
    assert child.returncode == 130, err
    assert took < 5
    assert "stopped." in err and "Exception ignored" not in err and "Traceback" not in err


def test_the_cli_stops_at_ctrl_c_while_reading_the_prompt(home: Path) -> None:
    child = _start_cli(home, "--progress", "--max-tokens", "16")
    assert child.stderr is not None
    first = child.stderr.readline().decode()  # blocks until the first progress line
    assert first.startswith("reading the prompt"), first
    took, err = _interrupt(child)
    assert child.returncode == 130, err
    assert took < 5
    assert "stopped." in err and "Exception ignored" not in err and "Traceback" not in err
    assert " 0 generated" in err or "generated" not in err
