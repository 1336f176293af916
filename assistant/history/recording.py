"""A finished run, as the history keeps it: one function the CLI and the GUI share.

The pieces of a run live in different places (the template, the plan's
messages, the backend's configuration, the stream's stats); this gathers
them into a :class:`RunRecord` with the same rules everywhere: how a run's
end becomes an :class:`Outcome`, how the model's source is written, what the
template's hash covers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from assistant.history.records import Outcome, PromptMessage, RunRecord, StoredMessage
from assistant.history.records import template_hash as hash_text

if TYPE_CHECKING:
    from assistant.backend import Sampling, Stats
    from assistant.backend.config import BackendConfig
    from assistant.templating.model import Template


def template_hash(template: Template) -> str:
    """SHA-256 of what makes a template's prompt: its body and its examples.

    The body is the template's own text (the system and prompt blocks, as
    written); the front matter's title, description or field labels do not
    change what the model is sent, so editing them keeps the hash. Canonical
    JSON (sorted keys, no spaces) makes the hash the same on every machine.
    """
    canonical = {"body": template.body.source,
                 "examples": [{"values": dict(example.values), "output": example.output}
                              for example in template.examples]}
    return hash_text(json.dumps(canonical, ensure_ascii=False, sort_keys=True,
                                separators=(",", ":")))


def model_source(config: BackendConfig) -> str:
    """``file:<path>`` for a local model, ``server:<url> <model>`` for a server."""
    from assistant.backend.config import ServerModel

    if isinstance(config, ServerModel):
        return f"server:{config.base_url} {config.model}".rstrip()
    return f"file:{config.path}"


def outcome(finish_reason: str, failed: bool) -> Outcome:
    """How a run ended, from the stats' ``finish_reason`` and whether an error ended it."""
    if failed:
        return Outcome.FAILED
    return {"length": Outcome.LENGTH, "cancelled": Outcome.STOPPED}.get(finish_reason,
                                                                       Outcome.FINISHED)


def sampling(params: Sampling) -> dict[str, object]:
    """The sampling values a run used."""
    return {"temperature": params.temperature, "max_tokens": params.max_tokens,
            "top_p": params.top_p, "top_k": params.top_k,
            "repeat_penalty": params.repeat_penalty, "seed": params.seed}


def run_record(*, started_at: datetime, template: Template, values: Mapping[str, str],
               messages: Iterable[PromptMessage], examples_used: int, model: str,
               config: BackendConfig, params: Sampling, output: str, stats: Stats,
               error: str | None = None, variant: str = "") -> RunRecord:
    """The record of one run; ``error`` is the message that ended it, if one did.

    ``output`` is everything the model sent, also when the run was stopped
    or failed: that partial text is what the user saw.
    """
    return RunRecord(
        started_at=started_at, template_id=template.id, template_title=template.title,
        template_hash=template_hash(template), values=dict(values),
        examples_used=examples_used,
        messages=tuple(StoredMessage.from_prompt(message) for message in messages),
        model=model, model_source=model_source(config), settings=sampling(params),
        output=output, outcome=outcome(stats.finish_reason, error is not None), error=error,
        stats=stats.as_dict(), variant=variant)
