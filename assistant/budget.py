"""Fit a prompt into the model's context, and show where the tokens go.

The context must hold system + examples + input + the answer (max_tokens).
When it does not, examples are dropped from the end (they are the least
essential part) and the user is told; when the input alone does not fit, the
run is refused with the numbers so the user knows how much to cut.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from assistant.errors import InputError
from assistant.prompt import Message, build_messages, example_count
from assistant.templating.model import Template
from assistant.templating.render import RenderContext


class TokenCounter(Protocol):
    """The part of a backend the budget needs."""

    @property
    def n_ctx(self) -> int: ...

    def count_tokens(self, messages: Sequence[Message]) -> int: ...

    def count_text(self, text: str) -> int: ...


@dataclass(frozen=True)
class Plan:
    """The messages to send and how they fit."""

    messages: list[Message]
    prompt_tokens: int
    max_tokens: int
    n_ctx: int
    examples_available: int
    examples_used: int

    @property
    def examples_dropped(self) -> int:
        """Examples left out to make room."""
        return self.examples_available - self.examples_used

    @property
    def notice(self) -> str | None:
        """What to tell the user when examples were dropped."""
        if not self.examples_dropped:
            return None
        return (f"Left out {self.examples_dropped} of {self.examples_available} examples so the "
                f"prompt ({self.prompt_tokens} tokens) and the answer ({self.max_tokens} tokens) "
                f"fit the context of {self.n_ctx} tokens.")


def plan_prompt(counter: TokenCounter, template: Template, values: Mapping[str, str], *,
                max_tokens: int, use_examples: bool = True,
                context: RenderContext | None = None) -> Plan:
    """Build messages that fit ``counter.n_ctx``, dropping examples last-first."""
    ctx = context or RenderContext.now()
    n_ctx = counter.n_ctx
    available = len(template.examples) if use_examples else 0
    for keep in range(available, -1, -1):
        messages = build_messages(template, values, use_examples=keep > 0, context=ctx,
                                  max_examples=keep)
        tokens = counter.count_tokens(messages)
        if tokens + max_tokens <= n_ctx:
            return Plan(messages, tokens, max_tokens, n_ctx, available, keep)
    bare = build_messages(template, values, use_examples=False, context=ctx)
    input_tokens = counter.count_text(bare[-1].content)
    fixed = tokens - input_tokens
    raise InputError(
        f"The input is too long for this model: it is {input_tokens} tokens; with the "
        f"instructions ({fixed} tokens) and room for the answer ({max_tokens} tokens) it "
        f"needs {tokens + max_tokens} tokens, but the context holds {n_ctx}. Shorten the "
        f"input by about {tokens + max_tokens - n_ctx} tokens, lower the answer length, or "
        "raise the context size in Settings."
    )


@dataclass(frozen=True)
class Section:
    """One part of the prompt and its token count, for the prompt inspector."""

    label: str
    tokens: int


def sections(counter: TokenCounter, messages: Sequence[Message], max_tokens: int) -> list[Section]:
    """Token count per part: system, each example, the input, the room left.

    Chat-template markup is attributed to the part it wraps, by counting the
    formatted prompt as messages are added one by one.
    """
    result: list[Section] = []
    previous = 0
    shots = example_count(list(messages))
    index = 0
    pending_example = 0
    for position, message in enumerate(messages):
        total = counter.count_tokens(messages[: position + 1])
        cost = total - previous
        previous = total
        if message.role == "system":
            result.append(Section("system", cost))
        elif message.role == "user" and position < len(messages) - 1:
            pending_example = cost
        elif message.role == "assistant":
            index += 1
            result.append(Section(f"example {index} of {shots}", pending_example + cost))
        else:
            result.append(Section("input", cost))
    result.append(Section("answer (max tokens)", max_tokens))
    result.append(Section("free", max(0, counter.n_ctx - previous - max_tokens)))
    return result
