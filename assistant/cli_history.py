"""``assistant history …``: list, search, open and delete past runs from a terminal.

``assistant history`` lists entries, newest first (``--search``, ``--template``,
``--since``, ``--until``, ``--limit``); ``show ID`` prints everything about one,
``delete ID`` deletes it and ``clear --yes`` deletes them all. ``assistant
run`` records each run through :func:`record_run`. A history that cannot be
written never costs the user the answer: ``run`` prints it and then a warning.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from assistant.cli_support import EXIT_OK, print_json
from assistant.errors import InputError
from assistant.history.records import EntryKind
from assistant.wiring import Core

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from assistant.backend import Backend, Sampling, Stats
    from assistant.backend.config import BackendConfig
    from assistant.history import Entry, HistoryStore, RunRecord
    from assistant.history.records import PromptMessage
    from assistant.templating.model import Template


def add_history_parser(commands: Any) -> None:
    """The ``history`` command and its subcommands."""
    history = commands.add_parser("history", help="list and search past runs; show, delete or "
                                                  "clear them")
    history.add_argument("--search", metavar="TEXT",
                         help="only entries whose input or answer holds every word of TEXT")
    history.add_argument("--template", metavar="ID", help="only runs of this template")
    history.add_argument("--since", metavar="YYYY-MM-DD", help="only entries from this day on")
    history.add_argument("--until", metavar="YYYY-MM-DD",
                         help="only entries up to and including this day")
    history.add_argument("--limit", type=int, default=50, metavar="N",
                         help="at most N entries (default 50)")
    history.add_argument("--json", action="store_true", help="print JSON")
    sub = history.add_subparsers(dest="history_command", metavar="SUBCOMMAND")
    show = sub.add_parser("show", help="everything about one entry: values, messages, answer")
    show.add_argument("id", type=int, metavar="ID")
    show.add_argument("--json", action="store_true", help="print JSON")
    delete = sub.add_parser("delete", help="delete one entry")
    delete.add_argument("id", type=int, metavar="ID")
    clear = sub.add_parser("clear", help="delete every entry")
    clear.add_argument("--yes", action="store_true", help="confirm: delete them all")


def cmd_history(core: Core, args: argparse.Namespace) -> int:
    """Dispatch ``assistant history [SUBCOMMAND]``."""
    handler = {None: _list, "show": _show, "delete": _delete,
               "clear": _clear}[args.history_command]
    return handler(core, args)


def _open(core: Core) -> HistoryStore | None:
    """The history, or None when it was never written (reading must not create it)."""
    from assistant.history import HistoryStore

    if not core.paths.history_db.exists():
        return None
    store, notices = HistoryStore.open(core.paths.history_db)
    for notice in notices:
        print(f"warning: {notice}", file=sys.stderr)
    return store


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError("{option} {text!r}: write the day as YYYY-MM-DD, e.g. 2025-03-31.",
                         option=option, text=text) from None


def _list(core: Core, args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise InputError("--limit must be at least 1.")
    since, until = _day(args.since, "--since"), _day(args.until, "--until")
    if not core.settings.history and not args.json:
        print(f"note: history is off (setting 'history' in {core.paths.config_file}); new runs "
              "are not recorded.", file=sys.stderr)
    store = _open(core)
    if store is None:
        summaries = []
    else:
        with store:  # a day is local: from its midnight to the next, in this time zone
            summaries = store.search(
                args.search, args.template,
                since=None if since is None else datetime.combine(since, time()).astimezone(),
                until=None if until is None else
                datetime.combine(until + timedelta(days=1), time()).astimezone(),
                limit=args.limit)
    if args.json:
        print_json([summary.as_dict() for summary in summaries])
        return EXIT_OK
    if not summaries:
        filtered = any((args.search, args.template, since, until))
        print("No history entries match." if filtered else
              f"The history is empty (runs are kept in {core.paths.history_db}).")
    width = max((len(str(s.id)) for s in summaries), default=1)
    for summary in summaries:
        ended = "/".join(str(outcome) for outcome in summary.outcomes)
        kind = " (compare)" if summary.kind == "compare" else ""
        print(f"{summary.id:>{width}}  {_local(summary.created_at)}  {summary.template_id}  "
              f"{ended}{kind}  {summary.input_snippet} → {summary.output_snippet}")
    return EXIT_OK


def _entry(core: Core, entry_id: int) -> Entry:
    store = _open(core)
    entry = None
    if store is not None:
        with store:
            entry = store.get(entry_id)
    if entry is None:
        raise _unknown(entry_id)
    return entry


def _unknown(entry_id: int) -> InputError:
    return InputError("There is no history entry {id}; 'assistant history' lists the entries "
                      "and their ids.", id=entry_id)


def _show(core: Core, args: argparse.Namespace) -> int:
    entry = _entry(core, args.id)
    if args.json:
        print_json(entry.as_dict())
        return EXIT_OK
    print(f"Entry {entry.id}, {_local(entry.created_at)}"
          + (f", a comparison of {len(entry.runs)} runs" if entry.kind == "compare" else ""))
    for number, run in enumerate(entry.runs, start=1):
        if entry.kind == "compare":
            print(f"\n════ run {number}: {run.variant or '(no label)'} ════")
        _print_run(run)
    return EXIT_OK


def _print_run(run: RunRecord) -> None:
    print(f"template   {run.template_id} ({run.template_title}), hash {run.template_hash[:12]}")
    print(f"model      {run.model}\nsource     {run.model_source}")
    print("settings   " + ", ".join(f"{key}={value}" for key, value in run.settings.items()))
    print(f"outcome    {run.outcome}" + (f": {run.error}" if run.error else ""))
    print(f"examples   {run.examples_used}")
    print("stats      " + ", ".join(f"{key}={value}" for key, value in run.stats.items()))
    print("values")
    for name, value in run.values.items():
        print(f"  {name}: " + value.replace("\n", "\n    "))
    for message in run.messages:
        part = f"example {message.example}" if message.example else message.part
        print(f"──── {message.role} ({part}) ────\n{message.content}")
    partial = " (partial)" if run.outcome in ("stopped", "failed") else ""
    print(f"──── output{partial} ────\n{run.output}")


def _delete(core: Core, args: argparse.Namespace) -> int:
    store = _open(core)
    deleted = False
    if store is not None:
        with store:
            deleted = store.delete(args.id)
    if not deleted:
        raise _unknown(args.id)
    print(f"Deleted history entry {args.id}.")
    return EXIT_OK


def _clear(core: Core, args: argparse.Namespace) -> int:
    if not args.yes:
        raise InputError("This deletes every entry of the history ({path}); nothing is deleted "
                         "without --yes: assistant history clear --yes",
                         path=core.paths.history_db)
    store = _open(core)
    count = 0
    if store is not None:
        with store:
            count = store.clear()
    print(f"Deleted {count} history {'entry' if count == 1 else 'entries'}.")
    return EXIT_OK


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def record_run(core: Core, *, started_at: datetime, template: Template,
               values: Mapping[str, str], messages: Sequence[PromptMessage], examples_used: int,
               backend: Backend, config: BackendConfig, params: Sampling, output: str,
               stats: Stats, error: str | None) -> None:
    """Keep a finished, stopped or failed run in the history, unless the setting is off.

    Called once the answer is printed (``backend`` may be closed: only its
    name is read); a history that cannot be written is a warning on stderr,
    never an error: the answer is what the user came for.
    """
    if not core.settings.history:
        return
    from assistant.backend.config import ServerModel
    from assistant.history.recording import run_record

    if isinstance(config, ServerModel) and not config.model:
        from assistant.backend.server import ServerBackend

        if isinstance(backend, ServerBackend):  # the server's only model, picked for us
            config = dataclasses.replace(config, model=backend.model)
    record = run_record(started_at=started_at, template=template, values=values,
                        messages=messages, examples_used=examples_used, model=backend.name,
                        config=config, params=params, output=output, stats=stats, error=error)
    keep(core, [record], EntryKind.RUN)


def keep(core: Core, records: Sequence[RunRecord], kind: EntryKind) -> int | None:
    """Write one entry of ``records``; its id, or None (and a warning) if it cannot be."""
    from assistant.history import HistoryError, HistoryStore

    try:
        store, notices = HistoryStore.open(core.paths.history_db)
        for notice in notices:
            print(f"warning: {notice}", file=sys.stderr)
        with store:
            return store.add(records, kind)
    except HistoryError as exc:
        print(f"warning: {exc}", file=sys.stderr)
        return None
