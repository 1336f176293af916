"""The ``assistant`` command: list, render and run templates from a terminal.

This is also the error boundary for the terminal: :class:`InputError` becomes
exit code 2 and :class:`ModelError` exit code 3, each with its message on
stderr. With no arguments, ``assistant`` starts the desktop app.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from datetime import UTC, datetime

from assistant import __version__
from assistant.cli_compare import add_compare_parser, cmd_compare
from assistant.cli_history import add_history_parser, cmd_history, record_run
from assistant.cli_models import add_models_parser, cmd_models
from assistant.cli_support import (
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_MODEL,
    EXIT_OK,
    backend_config,
    kind,
    print_json,
    stats_line,
    template_and_values,
    ui_language,
)
from assistant.errors import AssistantError, Cancelled, InputError, ModelError
from assistant.paths import os_error_message, user_paths
from assistant.wiring import Core, build_core, setup_logging


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="A local writing assistant for daily office chores. "
                    "Run without a command to open the desktop app.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    entry = parser.add_mutually_exclusive_group()
    entry.add_argument("--install-desktop-entry", action="store_true",
                       help="put the app and its icon in the Linux application menu (for you)")
    entry.add_argument("--uninstall-desktop-entry", action="store_true",
                       help="remove what --install-desktop-entry wrote")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    listing = commands.add_parser("templates", help="list templates and load errors")
    listing.add_argument("--json", action="store_true", help="print JSON")

    def template_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("template", metavar="ID", help="template id (see 'assistant templates')")
        sub.add_argument("--set", dest="values", action="append", default=[],
                         metavar="FIELD=VALUE", help="fill a field (repeatable)")
        sub.add_argument("--input", metavar="FILE",
                         help="file whose text fills the template's input field ('-' = stdin)")
        sub.add_argument("--no-examples", action="store_true", help="send no few-shot examples")
        sub.add_argument("--json", action="store_true", help="print JSON")

    render = commands.add_parser("render", help="show the messages a run would send")
    template_options(render)

    def server_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--server", metavar="URL",
                         help="an OpenAI-compatible server instead of the setting, e.g. "
                              "http://127.0.0.1:11434/v1 (Ollama)")
        sub.add_argument("--api-key-env", metavar="VAR",
                         help="environment variable holding the server's API key (default: "
                              "the key stored in Settings for that server)")

    run = commands.add_parser("run", help="run a template on the model and stream the answer")
    template_options(run)
    run.add_argument("--model", metavar="PATH", help="GGUF file to use instead of the setting")
    server_options(run)
    run.add_argument("--server-model", metavar="NAME",
                     help="the server's model to use (see 'assistant models --server URL')")
    run.add_argument("--gpu-layers", type=int, metavar="N",
                     help="layers of a local model to put on the GPU (0 = none, -1 = all)")
    run.add_argument("--max-tokens", type=int, metavar="N", help="longest answer in tokens")
    run.add_argument("--seed", type=int, metavar="N", help="sampling seed, for repeatable runs")
    run.add_argument("--result", action="store_true",
                     help="print only the part of the answer that goes back into the document "
                          "(the template's 'result' section), once the answer is complete")
    run.add_argument("--progress", action="store_true",
                     help="report on stderr how much of a long prompt has been read")

    add_models_parser(commands, server_options)
    add_history_parser(commands)
    add_compare_parser(commands, template_options, server_options)

    commands.add_parser("paths", help="show where settings, templates, models and logs live")
    commands.add_parser("gui", help="open the desktop app (the default)")
    commands.add_parser("quick", help="open the quick prompt on the selected text (starts the "
                                      "app if needed); bind this to a desktop shortcut")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``assistant`` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        return _desktop_entry(args.install_desktop_entry)
    if args.command in (None, "gui", "quick"):
        from assistant.gui import launch  # Qt is imported only for the GUI.

        return launch("quick" if args.command == "quick" else "show")
    try:
        core = build_core()
        logging_problem = setup_logging(core.paths.log_dir)
        for problem in (*core.profile_problems, *filter(None, [logging_problem]),
                        *core.settings_problems):
            print(f"warning: {problem}", file=sys.stderr)
        handler = {"templates": cmd_templates, "render": cmd_render, "run": cmd_run,
                   "models": cmd_models, "history": cmd_history, "compare": cmd_compare,
                   "paths": cmd_paths}[args.command]
        return handler(core, args)
    except Cancelled:  # Ctrl+C while the model was loading
        print("stopped.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except ModelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_MODEL
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # a profile file or folder no module turned into a message
        print(f"error: {os_error_message(user_paths(), exc)}", file=sys.stderr)
        return EXIT_INPUT


def _desktop_entry(install: bool) -> int:
    """``--install-desktop-entry`` / ``--uninstall-desktop-entry``."""
    from assistant import desktop_entry

    try:
        files = desktop_entry.install() if install else desktop_entry.uninstall()
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    for path in files:
        print(f"{'wrote' if install else 'removed'} {path}")
    if install:
        print("The menu shows 'Daily-work assistant' (a desktop that caches its menu may "
              "need you to log out and in once).")
    elif not files:
        print("There was no menu entry to remove.")
    return EXIT_OK


def cmd_templates(core: Core, args: argparse.Namespace) -> int:
    """``assistant templates``: one line per template, then the load errors."""
    library = core.library
    rows = [{"id": t.id, "title": t.title, "language": t.language, "category": t.category,
             "source": t.source.value, "examples": len(t.examples), "path": t.path}
            for t in library.sorted()]
    errors = [{"id": e.template_id, "source": e.source.value, "path": e.path,
               "error": str(e.message)} for e in library.errors]
    if args.json:
        print_json({"templates": rows, "errors": errors})
    else:
        width = max((len(t.id) for t in library.sorted()), default=2)
        for row in rows:
            print(f"{row['id']:<{width}}  {row['language']:<3} {row['source']:<8} "
                  f"{row['category']} / {row['title']}")
        for error in errors:
            name = error["id"] or "templates folder"  # the folder itself could not be read
            print(f"BROKEN {name} ({error['source']}): {error['error']}")
    return EXIT_OK


def cmd_render(core: Core, args: argparse.Namespace) -> int:
    """``assistant render``: the messages, without loading a model."""
    from assistant.prompt import build_messages
    from assistant.templating.render import RenderContext

    template, values = template_and_values(core, args)
    context = RenderContext.now(ui_language(core))
    messages = build_messages(template, values, not args.no_examples, context=context)
    if args.json:
        print_json({"template": template.id, "messages": [m.as_dict() for m in messages]})
    else:
        for message in messages:
            print(f"──── {message.role} ────")
            print(message.content)
            print()
    return EXIT_OK


def cmd_run(core: Core, args: argparse.Namespace) -> int:
    """``assistant run``: stream the model's answer to stdout."""
    from assistant.backend import CancelToken
    from assistant.backend.config import open_backend
    from assistant.budget import counter_for, plan_prompt
    from assistant.results import extract
    from assistant.templating.render import RenderContext

    template, values = template_and_values(core, args)
    if args.max_tokens is not None and args.max_tokens < 1:
        raise InputError("--max-tokens must be at least 1.")
    params = core.params_for(template, args.max_tokens, args.seed)
    config = backend_config(core, args)
    cancel = CancelToken()
    # Ctrl+C sets the token: the abort callback then stops even a long prompt
    # evaluation (a server's too: its socket is shut down), where a
    # KeyboardInterrupt could not be raised.
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
    try:
        backend = open_backend(config)
        model_name = backend.name if kind(config) == "server" else config.describe()
        try:
            plan = plan_prompt(counter_for(backend), template, values,
                               max_tokens=params.max_tokens, use_examples=not args.no_examples,
                               context=RenderContext.now(ui_language(core)))
            for notice in (backend.notice, plan.notice):
                if notice:
                    print(f"note: {notice}", file=sys.stderr)
            started_at = datetime.now(UTC)
            stream = backend.stream(plan.messages, params, cancel,
                                    _report_reading if args.progress else None)
            parts: list[str] = []
            failure: ModelError | None = None
            try:
                for chunk in stream:
                    parts.append(chunk)
                    if not args.json and not args.result:
                        sys.stdout.write(chunk)
                        sys.stdout.flush()
            except ModelError as exc:
                failure = exc  # the text so far stays printed; say it is cut
        finally:
            backend.close()
    finally:
        signal.signal(signal.SIGINT, previous)
    stats = stream.stats
    result = extract("".join(parts), template.result)
    if result.notice is not None and (args.result or args.json) and failure is None:
        print(f"note: {result.notice}", file=sys.stderr)
    if args.result and not args.json and (parts or failure is None):
        sys.stdout.write(result.text)
    if args.json:
        print_json({"template": template.id, "backend": kind(config),
                     "model": model_name, "output": "".join(parts), "result": result.text,
                     "result_notice": result.notice and str(result.notice),
                     "complete": failure is None, "error": None if failure is None
                     else str(failure), "examples_used": plan.examples_used,
                     "notice": plan.notice and str(plan.notice), "stats": stats.as_dict()})
    elif parts or failure is None:
        print()
        print(f"[{stats_line(stats)}]", file=sys.stderr)
    record_run(core, started_at=started_at, template=template, values=values,
               messages=plan.messages, examples_used=plan.examples_used, backend=backend,
               config=config, params=params, output="".join(parts), stats=stats,
               error=None if failure is None else str(failure))
    if failure is not None:
        raise failure
    if stats.finish_reason == "cancelled":
        print("stopped.", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_OK


def _report_reading(done: int, total: int) -> None:
    """``--progress``: one line per batch of the prompt read."""
    print(f"reading the prompt: {done} of {total} tokens", file=sys.stderr, flush=True)


def cmd_paths(core: Core, args: argparse.Namespace) -> int:
    """``assistant paths``: the folders of this profile."""
    paths = core.paths
    for label, path in (("settings", paths.config_file), ("templates", paths.templates_dir),
                        ("models", paths.models_dir), ("history", paths.history_db),
                        ("logs", paths.log_dir)):
        print(f"{label:<10} {path}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
