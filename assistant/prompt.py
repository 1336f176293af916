"""Assemble the chat messages for a run. The only place a prompt is built.

The order is fixed-first, variable-last: the system message and the few-shot
examples come first and do not depend on the user's input, so the model's
KV cache for that prefix can be reused from one run to the next; the user's
request comes last. Each example becomes a user turn rendered from the same
``prompt`` block as the real request, so examples always match its shape.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from assistant.templating.model import Template
from assistant.templating.render import RenderContext, render

Role = Literal["system", "user", "assistant"]


class Part(StrEnum):
    """Which part of the prompt a message is: said where it is made, never guessed later."""

    SYSTEM = "system"
    EXAMPLE = "example"
    """A few-shot example: its request (role user) or its answer (role assistant)."""
    INPUT = "input"
    """The user's request of this run."""


@dataclass(frozen=True)
class Message:
    """One chat message, as the model's chat template expects it, and what it is for.

    ``part`` and ``example`` (the example's number from 1, else 0) let the
    budget, the prompt inspector and history name each message without
    re-deriving it from positions; the model sees only role and content.
    """

    role: Role
    content: str
    part: Part = Part.INPUT
    example: int = 0

    def as_dict(self) -> dict[str, str]:
        """The OpenAI-style dict that chat templates iterate over."""
        return {"role": self.role, "content": self.content}


def build_messages(
    template: Template,
    values: Mapping[str, str],
    use_examples: bool = True,
    *,
    context: RenderContext | None = None,
    max_examples: int | None = None,
) -> list[Message]:
    """``[system?, (user, assistant) per example, user]`` for ``values``.

    ``max_examples`` keeps only the first N examples; the context budget uses
    it to drop examples from the end when the prompt would not fit.
    """
    ctx = context or RenderContext.now()
    final = render(template, values, ctx)
    messages: list[Message] = []
    if final.system:
        messages.append(Message("system", final.system, Part.SYSTEM))
    if use_examples:
        examples = template.examples
        if max_examples is not None:
            examples = examples[:max(0, max_examples)]
        for number, example in enumerate(examples, start=1):
            shot = render(template, example.values, ctx)
            messages.append(Message("user", shot.prompt, Part.EXAMPLE, number))
            messages.append(Message("assistant", example.output, Part.EXAMPLE, number))
    messages.append(Message("user", final.prompt, Part.INPUT))
    return messages


def example_count(messages: Sequence[Message]) -> int:
    """How many few-shot examples ``messages`` carries."""
    return len({message.example for message in messages if message.part is Part.EXAMPLE})


def warm_messages(template: Template, values: Mapping[str, str],
                  context: RenderContext | None = None) -> list[Message]:
    """Messages whose fixed prefix (system and examples) is worth preparing now.

    Only that prefix matters; empty fields get a stand-in so that required
    ones do not stop it from being built.
    """
    filled = {f.name: values.get(f.name) or "…" for f in template.fields}
    return build_messages(template, filled, context=context)
