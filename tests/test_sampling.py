"""One sampling type: defaults, then settings, then the template, then the caller."""

from __future__ import annotations

import dataclasses

import pytest

from assistant.sampling import LIMITS, Sampling, overrides
from assistant.settings import SPECS, Settings
from assistant.templating import parse_template
from assistant.wiring import build_core


def test_the_defaults_come_from_the_one_table() -> None:
    sampling = Sampling()
    for key, limit in LIMITS.items():
        assert getattr(sampling, key) == limit.default
    assert Settings().temperature == LIMITS["temperature"].default
    assert Settings().max_tokens == LIMITS["max_tokens"].default
    for key in ("temperature", "max_tokens"):  # the settings' ranges are the same table's
        assert (SPECS[key].minimum, SPECS[key].maximum) == (LIMITS[key].low, LIMITS[key].high)


def test_overrides_are_laid_on_in_order_and_keep_their_kind() -> None:
    sampling = Sampling().overridden({"temperature": 1, "top_k": 5}).overridden(
        overrides({"temperature": 0.2}))
    assert sampling.temperature == 0.2 and isinstance(sampling.temperature, float)
    assert sampling.top_k == 5 and sampling.max_tokens == LIMITS["max_tokens"].default
    with pytest.raises(ValueError, match="seed"):
        Sampling().overridden({"seed": 3})


@pytest.mark.parametrize(("value", "ok"), [
    (0.5, True), (2, True), (2.5, False), (-0.1, False), (True, False), ("1", False)])
def test_limits_accept_numbers_in_range_only(value: object, ok: bool) -> None:
    assert LIMITS["temperature"].accepts(value) is ok
    assert LIMITS["max_tokens"].accepts(1.5) is False  # a whole number


def test_a_run_takes_the_setting_then_the_template_then_the_caller(home: object) -> None:
    core = build_core()
    core.settings = dataclasses.replace(core.settings, temperature=1.3, max_tokens=300)
    plain = parse_template("+++\n+++\n{% block prompt %}x{% endblock %}", "plain", "plain.md")
    tuned = parse_template("+++\n[generation]\ntemperature = 0.2\ntop_p = 0.5\n+++\n"
                           "{% block prompt %}x{% endblock %}", "tuned", "tuned.md")
    assert (core.params_for(plain).temperature, core.params_for(plain).max_tokens) == (1.3, 300)
    params = core.params_for(tuned, max_tokens=42, seed=7)
    assert (params.temperature, params.top_p, params.max_tokens, params.seed) == (0.2, 0.5, 42, 7)
    assert params.top_k == LIMITS["top_k"].default
