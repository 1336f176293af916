"""Helpers the ``assistant`` subcommands share: the backend from flags, JSON, the UI language."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys

from assistant.backend.config import BackendConfig, LocalModel, ServerModel, check_url
from assistant.errors import InputError
from assistant.wiring import Core

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


def print_json(data: object) -> None:
    """``data`` on stdout, readable (Chinese as it is)."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
