"""The texts of the main window's status bar: the model's state and a run's figures.

They use the ``MainWindow`` translation context, as they belong to it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from assistant.backend import Stats


def model_state_text(state: str, name: str, n_ctx: int) -> str:
    """What the model is doing, for the left of the status bar."""
    texts = {
        "unloaded": QCoreApplication.translate("MainWindow", "No model loaded"),
        "loading": QCoreApplication.translate("MainWindow", "Loading model…"),
        "ready": QCoreApplication.translate("MainWindow",
                                            "Model: {name} · context {n_ctx} tokens")
        if n_ctx else QCoreApplication.translate("MainWindow",
                                                 "Model: {name} · context size unknown"),
        "running": QCoreApplication.translate("MainWindow", "Generating with {name}…"),
        "failed": QCoreApplication.translate("MainWindow", "The model could not be loaded"),
    }
    return texts.get(state, state).format(name=name, n_ctx=n_ctx)


def stats_text(stats: Stats) -> str:
    """The status line after a run: tokens, cache, speed, and how it ended."""
    if stats.estimated:  # a server that sent no usage figures: our own counts
        parts = [QCoreApplication.translate("MainWindow", "about {prompt} prompt tokens")
                 .format(prompt=stats.prompt_tokens),
                 QCoreApplication.translate("MainWindow", "about {count} tokens generated")
                 .format(count=stats.completion_tokens)]
    else:
        parts = [QCoreApplication.translate("MainWindow",
                                            "{prompt} prompt tokens ({cached} cached)")
                 .format(prompt=stats.prompt_tokens, cached=stats.cached_tokens),
                 QCoreApplication.translate("MainWindow", "{count} tokens generated")
                 .format(count=stats.completion_tokens)]
    if stats.ttft_s is not None:
        parts.append(QCoreApplication.translate("MainWindow", "first token {seconds:.2f} s")
                     .format(seconds=stats.ttft_s))
    if stats.decode_tps is not None:
        parts.append(QCoreApplication.translate("MainWindow", "{rate:.1f} tokens/s")
                     .format(rate=stats.decode_tps))
    if stats.finish_reason == "cancelled":
        parts.append(QCoreApplication.translate("MainWindow", "stopped"))
    elif stats.finish_reason == "length":
        parts.append(QCoreApplication.translate("MainWindow", "cut at the length limit"))
    return " · ".join(parts)
