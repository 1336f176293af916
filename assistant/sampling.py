"""How a run samples: one type, one table of limits and defaults.

Three places used to say it each their own way: a template's
``[generation]`` table (every value optional), the backend's parameters
(every value set) and the user's settings (temperature and answer length),
each with its own defaults and limits. Now :data:`LIMITS` holds every value's
type, range and default; :class:`Sampling` is what a run uses; a template's
table and the settings are *overrides* of it, laid on in order by
:meth:`Sampling.overridden`: defaults, then the settings, then the template,
then what the caller asks for (``--max-tokens``, a seed).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

Number = int | float

Overrides = tuple[tuple[str, Number], ...]
"""Some sampling values by name, sorted: hashable, so a frozen Template can hold them."""


@dataclass(frozen=True)
class Limit:
    """The type, range and default of one sampling value."""

    kind: type[int | float]
    low: Number
    high: Number
    default: Number

    def accepts(self, value: object) -> bool:
        """True for a number of the right kind inside the range (never a bool)."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        if self.kind is int and not isinstance(value, int):
            return False
        return self.low <= value <= self.high


LIMITS: Mapping[str, Limit] = {
    "temperature": Limit(float, 0.0, 2.0, 0.7),
    "max_tokens": Limit(int, 1, 32768, 800),
    "top_p": Limit(float, 0.0, 1.0, 0.95),
    "top_k": Limit(int, 0, 1000, 40),
    "repeat_penalty": Limit(float, 0.5, 2.0, 1.1),
}


@dataclass(frozen=True)
class Sampling:
    """The sampling of one run: what every backend is given."""

    temperature: float = float(LIMITS["temperature"].default)
    max_tokens: int = int(LIMITS["max_tokens"].default)
    top_p: float = float(LIMITS["top_p"].default)
    top_k: int = int(LIMITS["top_k"].default)
    repeat_penalty: float = float(LIMITS["repeat_penalty"].default)
    seed: int | None = None
    stop: tuple[str, ...] = ()
    """Extra strings that end the answer (the model's own end token always does)."""

    def overridden(self, overrides: Mapping[str, Number] | Overrides) -> Sampling:
        """A copy with ``overrides`` (values of :data:`LIMITS`, already checked) laid on."""
        values = dict(overrides)
        unknown = set(values) - set(LIMITS)
        if unknown:
            raise ValueError(f"not sampling values: {sorted(unknown)}")
        typed: dict[str, Any] = {key: LIMITS[key].kind(value) for key, value in values.items()}
        return dataclasses.replace(self, **typed)


def overrides(values: Mapping[str, Number]) -> Overrides:
    """``values`` as a template keeps them (sorted pairs)."""
    return tuple(sorted(values.items()))
