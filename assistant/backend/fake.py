"""A scripted backend for fast tests of UI logic: no model, no threads.

It is a real :class:`~assistant.backend.Backend`: tests ``enqueue`` the
chunks the next run should yield, and can block a run until released to test
Stop. Token counts are one token per character so budget logic is exact.
Never the only test of a path: the real model is tested too.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence

from assistant import messages
from assistant.backend import (
    CancelToken,
    FinishReason,
    ReadProgress,
    Sampling,
    Stats,
    TextStream,
)
from assistant.prompt import Message


class FakeBackend:
    """Yields queued answers; records what it was asked."""

    def __init__(self, n_ctx: int = 4096, name: str = "fake") -> None:
        self._n_ctx = n_ctx
        self._name = name
        self._queue: deque[list[str]] = deque()
        self.calls: list[tuple[list[Message], Sampling]] = []
        self.warmed: list[list[Message]] = []
        self.gate = threading.Event()
        """Cleared by :meth:`hold`; a run waits on it before its first chunk."""
        self.gate.set()
        self._hold_at = 0
        self.waiting = threading.Event()
        """Set when a held run reached the point where it waits for the gate."""
        self.started = threading.Event()
        self.closed = False
        self.notice: messages.Message | None = None

    @property
    def n_ctx(self) -> int:
        return self._n_ctx

    @property
    def name(self) -> str:
        return self._name

    def enqueue(self, *chunks: str) -> None:
        """The next run yields ``chunks``."""
        self._queue.append(list(chunks))

    def hold(self, after: int = 0) -> None:
        """Make the next runs wait until :meth:`release`: before their first chunk (as in
        prompt processing), or after ``after`` chunks (an answer half written)."""
        self._hold_at = after
        self.waiting.clear()
        self.gate.clear()

    def release(self) -> None:
        """Let held runs continue."""
        self.gate.set()

    def format_prompt(self, messages: Sequence[Message]) -> str:
        return "".join(f"<{m.role}>{m.content}</{m.role}>" for m in messages) + "<assistant>"

    def count_tokens(self, messages: Sequence[Message]) -> int:
        return len(self.format_prompt(messages))

    def count_text(self, text: str) -> int:
        return len(text)

    def warm(self, messages: Sequence[Message]) -> None:
        self.warmed.append(list(messages))

    def stream(self, messages: Sequence[Message], params: Sampling,
               cancel: CancelToken | None = None,
               progress: ReadProgress | None = None) -> TextStream:
        self.calls.append((list(messages), params))
        chunks = self._queue.popleft() if self._queue else ["ok"]
        stats = Stats(prompt_tokens=self.count_tokens(messages))
        token = cancel or CancelToken()

        def run() -> Iterator[str]:
            start = time.perf_counter()
            self.started.set()
            if not chunks and not self._wait_for_gate(token):
                stats.finish_reason = FinishReason.CANCELLED
                return
            for index, chunk in enumerate(chunks):
                if index == self._hold_at and not self._wait_for_gate(token):
                    stats.finish_reason = FinishReason.CANCELLED
                    return
                if token.cancelled:
                    stats.finish_reason = FinishReason.CANCELLED
                    break
                if stats.ttft_s is None:
                    stats.ttft_s = time.perf_counter() - start
                stats.completion_tokens += 1
                yield chunk
            else:
                stats.finish_reason = FinishReason.STOP
            stats.total_s = time.perf_counter() - start

        return TextStream(run(), stats)

    def _wait_for_gate(self, token: CancelToken) -> bool:
        """Wait for :meth:`release`; False if the run was stopped meanwhile."""
        self.waiting.set()
        while not self.gate.wait(0.01):
            if token.cancelled:
                return False
        return True

    def close(self) -> None:
        self.closed = True
