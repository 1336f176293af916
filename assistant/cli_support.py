"""Helpers the ``assistant`` subcommands share: the backend from flags, JSON, the UI language."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path

from assistant import textfile
from assistant.backend import Stats
from assistant.backend.config import BackendConfig, LocalModel, ServerModel, check_url
from assistant.errors import InputError
from assistant.templating.model import Template
from assistant.wiring import Core

MAX_INPUT_BYTES = 16 * 1024 * 1024
"""The largest ``--input`` file read: a long document is a few hundred KB."""

EXIT_OK, EXIT_INPUT, EXIT_MODEL, EXIT_INTERRUPTED = 0, 2, 3, 130
"""Exit codes: done, bad input (2), model or server problem (3), stopped with Ctrl+C."""


def kind(config: object) -> str:
    """"server" or "local", for ``--json``."""
    return "server" if isinstance(config, ServerModel) else "local"


def backend_config(core: Core, args: argparse.Namespace) -> BackendConfig:
    """The settings' backend, with the command line's choices on top."""
    settings = core.settings
    if getattr(args, "model", None) and getattr(args, "server", None):
        raise InputError("--model and --server exclude each other: pick a local file or a "
                         "server.")
    if getattr(args, "model", None):
        settings = settings.replace(model_source="local", model=args.model)
    elif getattr(args, "server", None):
        url = check_url(args.server)
        same = check_url(settings.server_url) == url if settings.server_url.strip() else False
        settings = settings.replace(model_source="server", server_url=url,
                                    server_model=settings.server_model if same else "")
    config = core.backend_config(settings)
    if isinstance(config, ServerModel):
        if getattr(args, "server_model", None):
            config = dataclasses.replace(config, model=args.server_model)
        variable = getattr(args, "api_key_env", None)
        if variable:
            key = os.environ.get(variable, "")
            if not key:
                raise InputError("--api-key-env {variable}: that environment variable "
                                 "is not set or empty.", variable=variable)
            config = dataclasses.replace(config, api_key=key)
    elif isinstance(config, LocalModel) and getattr(args, "gpu_layers", None) is not None:
        if args.gpu_layers < -1:
            raise InputError("--gpu-layers must be -1 (all), 0 (none) or a number of layers.")
        config = dataclasses.replace(config, n_gpu_layers=args.gpu_layers)
    return config


def ui_language(core: Core) -> str:
    """"zh" or "en": the settings' UI language, or the system's."""
    language = core.settings.ui_language
    if language == "system":
        import locale

        language = (locale.getlocale()[0] or "en")
    return "zh" if language.lower().startswith("zh") else "en"


def stats_line(stats: Stats) -> str:
    """A run's figures as the CLI prints them: tokens, cache, speed, first token."""
    tps = stats.decode_tps
    about = "about " if stats.estimated else ""
    return (f"{about}{stats.prompt_tokens} prompt tokens ({stats.cached_tokens} cached), "
            f"{about}{stats.completion_tokens} generated"
            + (f", {tps:.1f} tokens/s" if tps else "")
            + (f", first token after {stats.ttft_s:.2f}s" if stats.ttft_s else ""))


def print_json(data: object) -> None:
    """``data`` on stdout, readable (Chinese as it is)."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def template_and_values(core: Core, args: argparse.Namespace) -> tuple[Template, dict[str, str]]:
    """The template of ``args.template`` and the values of ``--set`` and ``--input``."""
    template = core.library.get(args.template)
    notice = core.library.notice(template.id)  # the user's own file is broken
    if notice is not None:
        print(f"note: {notice}", file=sys.stderr)
    values: dict[str, str] = {}
    for item in args.values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InputError("--set {item!r}: write it as FIELD=VALUE, e.g. --set tone=正式.",
                             item=item)
        values[name.strip()] = value
    if args.input is not None:
        if template.input_field is None:
            raise InputError("Template {template_id!r} declares no input field; use "
                             "--set FIELD=VALUE instead of --input.", template_id=template.id)
        if args.input == "-":
            name, read = "standard input", textfile.decode_text(sys.stdin.buffer.read(),
                                                                "standard input")
        else:
            name, read = args.input, textfile.read_text(Path(args.input), MAX_INPUT_BYTES)
        note = read.note(name)
        if note is not None:
            print(f"note: {note}", file=sys.stderr)
        values[template.input_field] = read.text
    return template, values
