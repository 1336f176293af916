"""What one run is asked to do: a template, its values and how to sample."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from assistant.backend import CancelToken, Sampling
from assistant.templating.model import Template
from assistant.templating.render import RenderContext


@dataclass(frozen=True)
class Job:
    """One run, as the window asked for it."""

    template: Template
    values: Mapping[str, str]
    use_examples: bool
    params: Sampling
    context: RenderContext
    cancel: CancelToken = field(default_factory=CancelToken)
