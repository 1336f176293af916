"""``assistant compare``: one input through two variants, one after the other.

Both sides use the same seed (given, or drawn once), so what differs between
the answers comes from the variant, not from sampling. The pair is kept in
the history as one entry; ``--markdown FILE`` writes it as a document.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.atomic import write_atomic
from assistant.backend import CancelToken, Stats
from assistant.backend.config import open_backend
from assistant.budget import counter_for, plan_prompt
from assistant.cli_history import keep
from assistant.cli_support import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    backend_config,
    print_json,
    stats_line,
    template_and_values,
    ui_language,
)
from assistant.compare import AGAINST_FORMS, Side, Variant, markdown, pair
from assistant.errors import InputError, ModelError
from assistant.history import EntryKind, RunRecord
from assistant.history.recording import run_record
from assistant.templating.render import RenderContext
from assistant.wiring import Core


def add_compare_parser(commands: Any, template_options: Callable[[argparse.ArgumentParser],
                                                                  None],
                       server_options: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``compare`` to the CLI's subcommands."""
    compare = commands.add_parser(
        "compare", help="run the same input through two variants and show both answers")
    template_options(compare)
    compare.add_argument("--against", required=True, metavar="WHAT",
                         help="the other side: " + ", ".join(AGAINST_FORMS)
                         + " (no-examples: the product's claim made visible)")
    compare.add_argument("--model", metavar="PATH", help="GGUF file of the first side")
    server_options(compare)
    compare.add_argument("--server-model", metavar="NAME", help="the server's model to use")
    compare.add_argument("--gpu-layers", type=int, metavar="N", help=argparse.SUPPRESS)
    compare.add_argument("--max-tokens", type=int, metavar="N", help="longest answer in tokens")
    compare.add_argument("--seed", type=int, metavar="N",
                         help="sampling seed of both sides (default: one drawn for both)")
    compare.add_argument("--markdown", metavar="FILE", help="also write the compare as Markdown")


def cmd_compare(core: Core, args: argparse.Namespace) -> int:
    """``assistant compare``: stream both answers, then keep the pair."""
    if getattr(args, "no_examples", False):
        raise InputError("compare takes --against no-examples, not --no-examples.")
    template, values = template_and_values(core, args)
    if args.max_tokens is not None and args.max_tokens < 1:
        raise InputError("--max-tokens must be at least 1.")
    seed = args.seed if args.seed is not None else random.randrange(1, 2**31)
    variants = pair(template, values, args.against, core.library, backend_config(core, args))
    cancel = CancelToken()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
    sides: list[dict[str, Any]] = []
    records: list[RunRecord] = []
    try:
        for letter, variant in zip("AB", variants, strict=True):
            if cancel.cancelled:
                break
            if not args.json:
                print(f"──── {letter}: {variant.label} ────", flush=True)
            side, record = _run_side(core, args, variant, seed, cancel,
                                     RenderContext.now(ui_language(core)))
            sides.append(side)
            records.append(record)
    finally:
        signal.signal(signal.SIGINT, previous)
    entry = keep(core, records, EntryKind.COMPARE) if core.settings.history and \
        len(records) == 2 else None
    if args.markdown:
        document = markdown(f"{template.title}: {variants[0].label} / {variants[1].label}",
                            values, [Side(s["variant"], s["output"], s["figures"])
                                     for s in sides])
        write_atomic(Path(args.markdown), document)
        print(f"wrote {args.markdown}", file=sys.stderr)
    if args.json:
        print_json({"template": template.id, "seed": seed, "entry": entry,
                    "sides": [{k: v for k, v in s.items() if k != "figures"} for s in sides]})
    failed = next((s["error"] for s in sides if s["error"]), None)
    if failed is not None:
        raise ModelError("{error}", error=failed)
    if cancel.cancelled:
        print("stopped.", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_OK


def _run_side(core: Core, args: argparse.Namespace, variant: Variant, seed: int,
              cancel: CancelToken, context: RenderContext) -> tuple[dict[str, Any], RunRecord]:
    """Run one side on its own backend (opened and closed here); print it as it streams."""
    params = core.params_for(variant.template, args.max_tokens, seed)
    started_at = datetime.now(UTC)
    backend = open_backend(variant.config)
    parts: list[str] = []
    error: str | None = None
    try:
        plan = plan_prompt(counter_for(backend), variant.template, variant.values,
                           max_tokens=params.max_tokens, use_examples=variant.use_examples,
                           context=context)
        stream = backend.stream(plan.messages, params, cancel)
        try:
            for chunk in stream:
                parts.append(chunk)
                if not args.json:
                    sys.stdout.write(chunk)
                    sys.stdout.flush()
        except ModelError as exc:
            error = str(exc)
        name = backend.name
    finally:
        backend.close()
    stats = stream.stats
    figures = _figures(stats, plan.examples_used)
    if not args.json:
        print("\n", flush=True)
        print(f"[{figures}]", file=sys.stderr, flush=True)
    record = run_record(started_at=started_at, template=variant.template, values=variant.values,
                        messages=plan.messages, examples_used=plan.examples_used, model=name,
                        config=variant.config, params=params, output="".join(parts),
                        stats=stats, error=error, variant=variant.label)
    return {"variant": variant.label, "template": variant.template.id, "model": name,
            "examples_used": plan.examples_used, "output": "".join(parts), "error": error,
            "stats": stats.as_dict(), "figures": figures}, record


def _figures(stats: Stats, examples: int) -> str:
    """One line: examples sent, tokens, speed, first token and the whole time."""
    return f"{examples} examples, {stats_line(stats)}, {stats.total_s:.1f}s"
