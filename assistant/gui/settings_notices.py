"""Warnings under settings that are valid but will not do what the user expects.

A context larger than the model was trained for is cut down when the model
loads (see :func:`assistant.backend.llama.load_backend`), more threads than
cores slow generation down, and a tiny answer limit cuts every answer short.
None of these blocks OK: they are said next to the field, in the dialog's
own words (the ``SettingsDialog`` translation context), so the user is not
surprised later.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from assistant.gguf_info import GGUFInfo

SHORT_ANSWER = 16
"""Below this many tokens an answer is hardly a sentence."""


def setting_notices(values: Mapping[str, object], model: GGUFInfo | None,
                    cores: int | None = None) -> dict[str, str]:
    """The notices by setting key, for the values as edited.

    ``model`` is the chosen local model's header (None for a server, or a
    model that cannot be read); ``cores`` defaults to ``os.cpu_count()``.
    """
    translate = QCoreApplication.translate
    notices: dict[str, str] = {}
    trained = model.context_length if model is not None else None
    n_ctx = _number(values.get("n_ctx"))
    if trained and n_ctx > trained:
        notices["n_ctx"] = translate(
            "SettingsDialog", "This model was trained for {trained} tokens; it will use "
            "{trained}.").format(trained=f"{trained:,}")
    cores = cores if cores is not None else os.cpu_count()
    threads = _number(values.get("n_threads"))
    if cores and threads > cores:
        notices["n_threads"] = translate(
            "SettingsDialog", "This computer has {cores} cores; more threads than cores slow "
            "generation down.").format(cores=cores)
    max_tokens = _number(values.get("max_tokens"))
    if 0 < max_tokens < SHORT_ANSWER:
        notices["max_tokens"] = translate(
            "SettingsDialog", "Answers will be cut after {count} tokens.").format(
            count=max_tokens)
    return notices


def _number(value: object) -> int:
    return int(value) if isinstance(value, int | float) else 0
