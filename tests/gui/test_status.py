"""Status-bar texts of the main window."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from assistant.backend import Stats
from assistant.gui.status import model_state_text, stats_text


@pytest.mark.parametrize(("state", "expected"), [
    ("loading", "Loading model…"),
    ("ready", "Model: tiny · context 2048 tokens"),
    ("running", "Generating with tiny…"),
    ("failed", "The model could not be loaded"),
])
def test_model_state(qtbot: QtBot, state: str, expected: str) -> None:
    assert model_state_text(state, "tiny", 2048) == expected


@pytest.mark.parametrize(("reason", "ending"), [
    ("stop", "12.5 tokens/s"), ("cancelled", "stopped"), ("length", "cut at the length limit"),
])
def test_stats(qtbot: QtBot, reason: str, ending: str) -> None:
    stats = Stats(prompt_tokens=600, cached_tokens=570, completion_tokens=25, ttft_s=0.234,
                  decode_s=2.0, finish_reason=reason)
    text = stats_text(stats)
    assert text.startswith("600 prompt tokens (570 cached) · 25 tokens generated · "
                           "first token 0.23 s")
    assert text.endswith(ending)


def test_server_without_usage_figures_says_about(qtbot: QtBot) -> None:
    stats = Stats(prompt_tokens=660, completion_tokens=20, ttft_s=3.66, decode_s=0.44,
                  finish_reason="stop", estimated=True)
    text = stats_text(stats)
    assert text.startswith("about 660 prompt tokens · about 20 tokens generated · first token")
    assert "cached" not in text


def test_server_model_with_unknown_context(qtbot: QtBot) -> None:
    assert model_state_text("ready", "qwen2.5:7b @ 127.0.0.1:11434", 0) == \
        "Model: qwen2.5:7b @ 127.0.0.1:11434 · context size unknown"
