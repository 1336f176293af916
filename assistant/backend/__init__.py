"""The model backend: a narrow interface the rest of the app depends on.

Every backend generates: ``stream(messages, params, cancel)`` yields text
chunks and records :class:`Stats` when it ends; ``name`` and ``close`` go
with it. Two capabilities are optional, because a model server cannot offer
them: :class:`TokenCounting` (the exact prompt after the chat template and
its token count, for the budget and the inspector) and :class:`PrefixWarming`
(processing the fixed prefix ahead of a run). Callers test for them with
``isinstance`` and estimate, saying so, when they are missing.

Implementations: :mod:`assistant.backend.llama` (a local GGUF file, the only
module that imports ``llama_cpp``), :mod:`assistant.backend.server` (an
OpenAI-compatible server, the only module that speaks HTTP to one) and
:mod:`assistant.backend.fake` (a scripted stand-in for fast UI tests). They
are built in one place, :func:`assistant.backend.config.open_backend`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, runtime_checkable

from assistant import messages
from assistant.prompt import Message
from assistant.sampling import Sampling

__all__ = ["Backend", "CancelToken", "FinishReason", "PrefixWarming", "ReadProgress",
           "Sampling", "Stats", "TextStream", "TokenCounting"]

ReadProgress = Callable[[int, int], None]
"""``(tokens read, tokens in the prompt)`` while a long prompt is being read."""


class FinishReason(StrEnum):
    """Why an answer ended (equal to the OpenAI API's words for the first two)."""

    NONE = ""
    """Not ended (yet)."""
    STOP = "stop"
    """The model ended it."""
    LENGTH = "length"
    """It reached the most tokens asked for: the answer is cut."""
    CANCELLED = "cancelled"
    """The user stopped it."""

    @classmethod
    def of(cls, reason: object) -> FinishReason:
        """A model's or server's ``finish_reason``: "length", else the model ended it.

        Servers may send other words ("content_filter", "eos", "tool_calls");
        for a writing task each means the model ended the answer.
        """
        return cls.LENGTH if reason == "length" else cls.STOP


@dataclass
class Stats:
    """What one run cost, for the status line and ``--json``."""

    prompt_tokens: int = 0
    cached_tokens: int = 0
    completion_tokens: int = 0
    ttft_s: float | None = None
    """Seconds from the start of the run to the first text chunk."""
    decode_s: float = 0.0
    total_s: float = 0.0
    finish_reason: FinishReason = FinishReason.NONE
    estimated: bool = False
    """True when the token counts are ours, not the model's (a server that
    sent no usage figures): completion tokens are then counted chunks."""

    @property
    def decode_tps(self) -> float | None:
        """Generated tokens per second, prompt processing excluded."""
        if self.decode_s <= 0 or self.completion_tokens <= 0:
            return None
        return self.completion_tokens / self.decode_s

    def as_dict(self) -> dict[str, object]:
        """Plain values for JSON."""
        return {
            "prompt_tokens": self.prompt_tokens,
            "cached_prompt_tokens": self.cached_tokens,
            "completion_tokens": self.completion_tokens,
            "ttft_s": None if self.ttft_s is None else round(self.ttft_s, 4),
            "decode_tokens_per_s": None if self.decode_tps is None else round(self.decode_tps, 2),
            "total_s": round(self.total_s, 4),
            "finish_reason": str(self.finish_reason),
            "estimated": self.estimated,
        }


class CancelToken:
    """Set from any thread to stop a run, checked by the backend.

    The llama backend checks it between chunks and, through llama.cpp's abort
    callback, inside prompt processing, where a long input can take seconds.
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []

    def cancel(self) -> None:
        """Ask the run to stop as soon as it can."""
        with self._lock:
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    def on_cancel(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback`` (on the cancelling thread) when :meth:`cancel` is called.

        For work that blocks where no flag can be checked, such as a socket
        read while a server processes the prompt: the callback unblocks it.
        Runs at once if already cancelled. Returns a function that removes
        the callback again, for when that work is over.
        """
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)

                def remove() -> None:
                    with self._lock:
                        if callback in self._callbacks:
                            self._callbacks.remove(callback)

                return remove
        callback()
        return lambda: None

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._event.is_set()

    def wait(self, timeout_s: float) -> bool:
        """Wait up to ``timeout_s`` for a cancel (instead of sleeping); True if cancelled."""
        return self._event.wait(timeout_s)


@dataclass
class TextStream:
    """An iterator of text chunks whose :attr:`stats` are final once it ends."""

    chunks: Iterator[str]
    stats: Stats = field(default_factory=Stats)
    _close: Callable[[], None] | None = None

    def __iter__(self) -> Iterator[str]:
        return self.chunks

    def __next__(self) -> str:
        return next(self.chunks)

    def close(self) -> None:
        """Stop generating; safe to call more than once."""
        if self._close is not None:
            self._close()


@runtime_checkable
class Backend(Protocol):
    """What every model backend offers: generation."""

    @property
    def n_ctx(self) -> int | None:
        """The context size in tokens, or None when it is not known (some servers)."""
        ...

    @property
    def name(self) -> str:
        """A short name for status lines."""
        ...

    @property
    def notice(self) -> messages.Message | None:
        """What the user should know about this backend once it is ready, or None."""
        ...

    def stream(self, messages: Sequence[Message], params: Sampling,
               cancel: CancelToken | None = None,
               progress: ReadProgress | None = None) -> TextStream:
        """Generate an answer to ``messages``, chunk by chunk.

        ``progress(read, total)`` is called while the prompt is read, where a
        backend can tell (a local model reads it in batches).
        """
        ...

    def close(self) -> None:
        """Free the model or connection; the backend cannot be used afterwards."""
        ...


@runtime_checkable
class TokenCounting(Protocol):
    """Optional: the exact prompt and its tokens, from the model's own tokenizer."""

    @property
    def n_ctx(self) -> int:
        """The context size the model was loaded with."""
        ...

    def format_prompt(self, messages: Sequence[Message]) -> str:
        """The exact text the model sees, after its chat template."""
        ...

    def count_tokens(self, messages: Sequence[Message]) -> int:
        """Tokens of ``messages`` after the chat template, with the model's tokenizer."""
        ...

    def count_text(self, text: str) -> int:
        """Tokens of plain ``text`` (for per-section figures)."""
        ...


@runtime_checkable
class PrefixWarming(Protocol):
    """Optional: make the fixed prefix of a prompt ready ahead of a run."""

    def warm(self, messages: Sequence[Message]) -> None:
        """Process the fixed prefix (all but the last message) ahead of a run."""
        ...
