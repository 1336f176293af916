"""How long the tests wait on slow things, and how little they ask of the real model.

A wait here is a limit on a condition, never a pause: a test that waits
``SLOW_S`` for a signal goes on as soon as the signal comes. The limits are
generous so that the suite passes on a loaded machine (CI shares its cores
with whatever else runs); they only decide how late a real hang is reported.

``ASSISTANT_TEST_WAIT_SCALE`` multiplies every limit here and the per-test
timeout (``conftest.py`` applies it), e.g. ``2`` on a very slow machine.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest

    from assistant.backend import Sampling
    from assistant.templating import Template
    from assistant.wiring import Core


def _scale() -> float:
    text = os.environ.get("ASSISTANT_TEST_WAIT_SCALE", "1")
    try:
        scale = float(text)
    except ValueError:
        scale = 0.0
    if not scale > 0:
        raise ValueError(f"ASSISTANT_TEST_WAIT_SCALE = {text!r}: use a number above 0, e.g. 2")
    return scale


SCALE = _scale()

SLOW_S = 600 * SCALE
"""The real model or a real server: loading it, a run, a start-up, and any
subprocess that does one of those (the CLI or the app on the embedded model)."""

PROCESS_S = 120 * SCALE
"""A subprocess that does not run the model: a CLI command, a small Qt script,
Xvfb and the X tools."""

UI_S = 10 * SCALE
"""A widget or a fake backend in this process: a signal, a repaint, a resize."""

TEST_TIMEOUT_S = 2 * SLOW_S
"""pytest-timeout's limit for a ``model`` test, which may wait ``SLOW_S`` more
than once (its first test also loads the session's model or server)."""


def ms(seconds: float) -> int:
    """``seconds`` in milliseconds, as ``qtbot.waitSignal`` and ``waitUntil`` take them."""
    return int(seconds * 1000)


SLOW_MS = ms(SLOW_S)
UI_MS = ms(UI_S)


FEW_TOKENS = 24
"""Enough of a real answer to see it stream and end: the tests check the wiring, not prose."""


def ask_for_few_tokens(monkeypatch: pytest.MonkeyPatch, core: Core,
                       max_tokens: int = FEW_TOKENS) -> None:
    """Make every run of ``core``'s window and quick prompt ask for ``max_tokens`` at most.

    The built-in templates ask for up to 1000 tokens, minutes on a busy
    machine. This is the GUI's ``--max-tokens``: an explicit value wins in
    ``Core.params_for``.
    """
    params_for = core.params_for

    def few(template: Template, _max_tokens: int | None = None,
            seed: int | None = None) -> Sampling:
        return params_for(template, max_tokens, seed)

    monkeypatch.setattr(core, "params_for", few)
