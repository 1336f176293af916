"""Fit a prompt into the model's context, and show where the tokens go.

The context must hold system + examples + input + the answer (max_tokens).
When it does not, examples are dropped from the end (they are the least
essential part) and the user is told; when the input alone does not fit, the
run is refused with the numbers so the user knows how much to cut.

The counts come from the model's own tokenizer when the backend has one
(:class:`~assistant.backend.TokenCounting`). A model server has none here, so
:class:`Estimate` stands in and every figure says "about"; when a server does
not tell its context size, nothing can be checked before the run and the
server's own refusal is turned into a clear message by its backend.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from assistant import messages as texts
from assistant.backend import Backend, TokenCounting
from assistant.errors import InputError
from assistant.prompt import Message, Part, build_messages, example_count
from assistant.templating.model import Template
from assistant.templating.render import RenderContext


class TokenCounter(Protocol):
    """The part of a backend the budget needs."""

    @property
    def n_ctx(self) -> int | None: ...

    def count_tokens(self, messages: Sequence[Message]) -> int: ...

    def count_text(self, text: str) -> int: ...


# Rough tokens per character for the tokenizers of current instruct models
# (Qwen2.5, Llama 3, Mistral): about 3.5 characters of English per token, one
# token or a little less per Chinese character. Erring high is deliberate: an
# estimate that is too low makes a server cut or refuse the prompt.
_PER_ASCII = 0.3
_PER_WIDE = 1.0
_PER_OTHER = 0.5
_PER_MESSAGE = 5
"""Chat-template markup around each message (role markers, separators)."""


class Estimate:
    """Counts tokens without a tokenizer, for backends that have none (servers).

    Every figure it gives is approximate; :attr:`estimated` lets the budget,
    the inspector and the status line say "about".
    """

    estimated = True

    def __init__(self, n_ctx: int | None) -> None:
        self._n_ctx = n_ctx

    @property
    def n_ctx(self) -> int | None:
        return self._n_ctx

    def count_text(self, text: str) -> int:
        total = 0.0
        for char in text:
            if char.isascii():
                total += _PER_ASCII
            elif _wide(char):
                total += _PER_WIDE
            else:
                total += _PER_OTHER
        return math.ceil(total)

    def count_tokens(self, messages: Sequence[Message]) -> int:
        return sum(self.count_text(m.content) + _PER_MESSAGE for m in messages) + _PER_MESSAGE


def _wide(char: str) -> bool:
    """CJK ideographs, kana, hangul and full-width forms: about a token each."""
    point = ord(char)
    return (0x2E80 <= point <= 0x9FFF or 0xAC00 <= point <= 0xD7AF
            or 0xF900 <= point <= 0xFAFF or 0xFF00 <= point <= 0xFFEF or point >= 0x20000)


def counter_for(backend: Backend) -> TokenCounter:
    """The backend itself when it counts exactly, else an :class:`Estimate`."""
    if isinstance(backend, TokenCounting):
        return backend
    return Estimate(backend.n_ctx)


def is_estimate(counter: TokenCounter) -> bool:
    """True when ``counter``'s figures are approximate."""
    return bool(getattr(counter, "estimated", False))


@dataclass(frozen=True)
class Plan:
    """The messages to send and how they fit."""

    messages: list[Message]
    prompt_tokens: int
    max_tokens: int
    n_ctx: int | None
    """None when the backend does not know its context size (some servers)."""
    examples_available: int
    examples_used: int
    estimated: bool = False
    """True when :attr:`prompt_tokens` is an estimate, not the tokenizer's count."""

    @property
    def examples_dropped(self) -> int:
        """Examples left out to make room."""
        return self.examples_available - self.examples_used

    @property
    def notice(self) -> texts.Message | None:
        """What to tell the user when examples were dropped."""
        if not self.examples_dropped:
            return None
        return texts.Message.of(
            "Left out {dropped} of {available} examples so the prompt ({tokens} tokens) and "
            "the answer ({max_tokens} tokens) fit the context of {n_ctx} tokens.",
            dropped=self.examples_dropped, available=self.examples_available,
            tokens=_tokens(self.prompt_tokens, self.estimated), max_tokens=self.max_tokens,
            n_ctx=self.n_ctx)


def plan_prompt(counter: TokenCounter, template: Template, values: Mapping[str, str], *,
                max_tokens: int, use_examples: bool = True,
                context: RenderContext | None = None) -> Plan:
    """Build messages that fit ``counter.n_ctx``, dropping examples last-first.

    With an unknown context size every example is kept: the model server
    then decides, and its backend explains a refusal.
    """
    ctx = context or RenderContext.now()
    n_ctx = counter.n_ctx
    estimated = is_estimate(counter)
    available = len(template.examples) if use_examples else 0
    for keep in range(available, -1, -1):
        messages = build_messages(template, values, use_examples=keep > 0, context=ctx,
                                  max_examples=keep)
        tokens = counter.count_tokens(messages)
        if n_ctx is None or tokens + max_tokens <= n_ctx:
            return Plan(messages, tokens, max_tokens, n_ctx, available, keep, estimated)
    assert n_ctx is not None
    bare = build_messages(template, values, use_examples=False, context=ctx)
    input_tokens = counter.count_text(bare[-1].content)
    fixed = tokens - input_tokens
    raise InputError("The input is too long for this model: it is {input_tokens} tokens; with "
                     "the instructions ({fixed} tokens) and room for the answer ({max_tokens} "
                     "tokens) it needs {needed} tokens, but the context holds {n_ctx}. Shorten "
                     "the input by about {excess} tokens, lower the answer length, or raise the "
                     "context size in Settings.",
                     input_tokens=_tokens(input_tokens, estimated), fixed=fixed,
                     max_tokens=max_tokens, needed=tokens + max_tokens, n_ctx=n_ctx,
                     excess=tokens + max_tokens - n_ctx)


def _tokens(count: int, estimated: bool) -> texts.Message | int:
    """A token count, marked as approximate when it is an estimate."""
    return texts.Message.of("about {count}", count=count) if estimated else count


@dataclass(frozen=True)
class Section:
    """One part of the prompt and its token count, for the prompt inspector.

    ``label`` is English and stable ("system", "example 2 of 3", "input",
    "answer (max tokens)", "free"); ``example`` and ``examples`` give an
    example's number and the count without parsing it.
    """

    label: str
    tokens: int
    example: int = 0
    examples: int = 0


def sections(counter: TokenCounter, messages: Sequence[Message], max_tokens: int) -> list[Section]:
    """Token count per part: system, each example, the input, the room left.

    Chat-template markup is attributed to the part it wraps, by counting the
    formatted prompt as messages are added one by one. An example's request
    and answer are one section.
    """
    result: list[Section] = []
    previous = 0
    shots = example_count(messages)
    for position, message in enumerate(messages):
        total = counter.count_tokens(messages[: position + 1])
        cost = total - previous
        previous = total
        if message.part is Part.EXAMPLE:
            last = result[-1] if result else None
            if last is not None and last.example == message.example:
                result[-1] = Section(last.label, last.tokens + cost, last.example, shots)
            else:
                result.append(Section(f"example {message.example} of {shots}", cost,
                                      message.example, shots))
        else:
            result.append(Section(str(message.part), cost))
    result.append(Section("answer (max tokens)", max_tokens))
    if counter.n_ctx is not None:
        result.append(Section("free", max(0, counter.n_ctx - previous - max_tokens)))
    return result
