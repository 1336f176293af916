"""Check new or changed user templates in a separate, limited process first.

A user template is untrusted input: colleagues share them. The in-process
checks (:mod:`.treecheck`, :mod:`.limits`) refuse every costly construct we
know of before it runs, but a parser or compiler path nobody foresaw (Jinja
folds constants while compiling; C code can recurse until the stack is gone)
would hang or kill the app itself, and with it every other template. So a
user file whose bytes the parsed-template cache has not seen is first parsed,
and its examples rendered, in a child Python process with a cap on processor
time and memory. Only what that child returns, the template as data or the
error message, reaches the app; the app never compiles a file the child did
not finish. The verdict is kept in the parsed-template cache by the file's
hash, so each version of a file is checked once.

The child reports each file before and after checking it, so when it dies
(killed for time, out of memory, crashed) the file it was on is the one to
blame, and the files after it are checked in a fresh child.

Limits: processor time per file through ``RLIMIT_CPU`` and address space
through ``RLIMIT_AS`` where the system enforces them (Linux; macOS enforces
only the time); everywhere a wall-clock deadline per file as well.
"""

from __future__ import annotations

import json
import logging
import math
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

from assistant.messages import Message

log = logging.getLogger(__name__)

CPU_SECONDS = 1.0
"""Processor time one file may take; a template parses in about 2 ms."""
WALL_SECONDS = 3.0 if sys.platform == "win32" else 8.0
"""Wall-clock time per file. Where the processor time is capped this only
catches a child that waits instead of working, so it is generous: a busy
machine must not turn a good template into an error."""
START_SECONDS = 30.0
"""Time for the child to start and import the parser (a cold disk is slow)."""
MEMORY_BYTES = 1024 * 1024 * 1024
"""Address space checking one file may add to the child's; a template needs
well under a megabyte."""


@dataclass(frozen=True)
class Entry:
    """One file to check: its name in messages, its id and its decoded text."""

    where: str
    template_id: str
    text: str


@dataclass(frozen=True)
class Verdict:
    """What the check found: the template as data, or why the file is refused.

    ``lasting`` is False for a verdict that says nothing about the file
    itself (the checker could not start, the machine was too slow); such a
    verdict is not remembered, so the file is checked again next time.
    """

    template: dict[str, Any] | None = None
    error: Message | None = None
    lasting: bool = True


def vet(entries: Sequence[Entry], *, cpu_seconds: float = CPU_SECONDS,
        wall_seconds: float = WALL_SECONDS, memory_bytes: int = MEMORY_BYTES,
        start_seconds: float = START_SECONDS) -> list[Verdict]:
    """Check ``entries`` in child processes; one verdict per entry, in order."""
    verdicts: list[Verdict | None] = [None] * len(entries)
    todo = list(range(len(entries)))
    while todo:
        done = _run_child([entries[i] for i in todo], cpu_seconds, wall_seconds,
                          memory_bytes, start_seconds)
        for offset, verdict in enumerate(done):
            verdicts[todo[offset]] = verdict
        todo = todo[len(done):]
    return [verdict or Verdict() for verdict in verdicts]


def command() -> list[str]:
    """How to start the checker: this Python running this module."""
    return [sys.executable, "-m", "assistant.templating.vetting"]


def _run_child(entries: Sequence[Entry], cpu_seconds: float, wall_seconds: float,
               memory_bytes: int, start_seconds: float) -> list[Verdict]:
    """Check ``entries`` in one child; the verdicts of the files it got through.

    A child that dies on a file blames that file, and the list ends there;
    the caller starts another child for the rest. A child that cannot start
    at all gives every entry a verdict that is not remembered.
    """
    request = json.dumps({"cpu": cpu_seconds, "memory": memory_bytes,
                          "files": [[e.where, e.template_id, e.text] for e in entries]},
                         ensure_ascii=False)
    try:
        child = subprocess.Popen(command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, env=_child_environment(),
                                 # No console window flashing up over the app on Windows.
                                 creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return [Verdict(error=Message.of(
            "{file}: the template checker could not be started ({reason}), so this template "
            "is not loaded; it is checked again when the app next reads the folder.",
            file=e.where, reason=reason), lasting=False) for e in entries]
    lines: queue.Queue[str | None] = queue.Queue()
    readers = [threading.Thread(target=_pump, args=(child.stdout, lines), daemon=True),
               threading.Thread(target=_feed, args=(child.stdin, request), daemon=True)]
    errors: list[str] = []
    readers.append(threading.Thread(target=_collect, args=(child.stderr, errors), daemon=True))
    for thread in readers:
        thread.start()
    verdicts: list[Verdict] = []
    current: int | None = None
    deadline = time.monotonic() + start_seconds
    outcome = "ended"
    try:
        while True:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                outcome = "late"
                break
            if line is None:
                break
            report = _report(line)
            if "start" in report:
                current = int(report["start"])
                deadline = time.monotonic() + wall_seconds
            elif "done" in report:
                verdicts.append(_verdict_from(report, entries[len(verdicts)].where))
                current = None
    finally:
        if child.poll() is None:
            child.kill()
        code = child.wait()
        for thread in readers:
            thread.join(timeout=5)
    if len(verdicts) == len(entries):
        return verdicts
    blamed = entries[current if current is not None else len(verdicts)]
    if errors:
        log.warning("template checker: %s", "".join(errors)[-2000:])
    if current is None:
        # It died between files or before the first one: not this file's fault.
        reason = "timed out" if outcome == "late" else f"exit code {code}"
        return verdicts + [Verdict(error=Message.of(
            "{file}: the template checker stopped before checking this file ({reason}), so it "
            "is not loaded; it is checked again when the app next reads the folder.",
            file=blamed.where, reason=reason), lasting=False)]
    return verdicts + [_death_verdict(blamed.where, outcome, code, cpu_seconds, wall_seconds)]


def _death_verdict(where: str, outcome: str, code: int, cpu_seconds: float,
                   wall_seconds: float) -> Verdict:
    """Why the child died on this file, as a message that names it."""
    fix = Message.of("Simplify it (smaller loops, fewer nested brackets and blocks) and save "
                     "it again.")
    if outcome == "late":
        return Verdict(error=Message.of(
            "{file}: checking this template took longer than {seconds:g} s, so it is not "
            "loaded. {fix}", file=where, seconds=wall_seconds, fix=fix), lasting=False)
    signal_number = -code if code < 0 else None
    import signal

    if signal_number in {getattr(signal, "SIGXCPU", None), getattr(signal, "SIGKILL", None)}:
        return Verdict(error=Message.of(
            "{file}: checking this template used more than {seconds:g} s of processor time, "
            "so it is not loaded. {fix}", file=where, seconds=cpu_seconds, fix=fix))
    reason = (f"signal {signal_number}" if signal_number is not None else f"exit code {code}")
    return Verdict(error=Message.of(
        "{file}: the template checker crashed on this file ({reason}), so it is not loaded. "
        "{fix}", file=where, reason=reason, fix=fix))


def _report(line: str) -> dict[str, Any]:
    """One line of the child's output; a line that is not a report is logged and skipped."""
    try:
        report = json.loads(line)
    except ValueError:  # a line cut off by the child's death, or stray output
        report = None
    if not isinstance(report, dict):
        log.warning("template checker wrote: %r", line[:200])
        return {}
    return report


def _verdict_from(report: dict[str, Any], where: str) -> Verdict:
    if "error" in report:
        return Verdict(error=Message.from_json(report["error"]))
    template = report.get("template")
    if isinstance(template, dict):
        return Verdict(template=template)
    return Verdict(error=Message.of(
        "{file}: the template checker sent an answer that cannot be read, so this template is "
        "not loaded; it is checked again when the app next reads the folder.", file=where),
        lasting=False)


def _pump(stream: IO[bytes] | None, lines: queue.Queue[str | None]) -> None:
    assert stream is not None
    with stream:
        for raw in stream:
            lines.put(raw.decode("utf-8"))
    lines.put(None)


def _feed(stream: IO[bytes] | None, request: str) -> None:
    assert stream is not None
    try:
        with stream:
            stream.write(request.encode("utf-8"))
    except OSError:
        pass  # the child died before reading it all; its exit tells why


def _collect(stream: IO[bytes] | None, into: list[str]) -> None:
    assert stream is not None
    with stream:
        for raw in stream:
            into.append(raw.decode("utf-8", "replace"))


def _child_environment() -> dict[str, str]:
    """The parent's environment, with output that is UTF-8 and not buffered."""
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUNBUFFERED"] = "1"
    return env


# --- the child ---------------------------------------------------------------


def _limit_memory(extra_bytes: int) -> None:
    """Let this process's address space grow by at most ``extra_bytes`` from now (Linux)."""
    if not sys.platform.startswith("linux"):
        return  # macOS does not enforce it; Windows has no rlimits
    import resource

    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[0])
    limit = pages * os.sysconf("SC_PAGE_SIZE") + extra_bytes
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _limit_cpu(seconds: float) -> None:
    """End this process (SIGXCPU) once it has used ``seconds`` more processor time.

    The limit counts whole seconds, so the file gets between ``seconds`` and
    one second more.
    """
    try:
        import resource
    except ImportError:  # Windows: the parent's wall-clock deadline is the limit
        return
    used = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.ceil(used.ru_utime + used.ru_stime + seconds)
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard == resource.RLIM_INFINITY or soft < hard:
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _check_one(where: str, template_id: str, text: str) -> dict[str, Any]:
    """Parse one file and render its examples; the report for the parent."""
    from assistant.errors import InputError
    from assistant.templating.cache import template_to_json
    from assistant.templating.model import Source
    from assistant.templating.parse import parse_template
    from assistant.templating.render import RenderContext, render

    try:
        template = parse_template(text, template_id, where, Source.USER)
    except InputError as exc:
        return {"error": exc.message.to_json()}
    context = RenderContext.now()
    for example in template.examples:
        try:
            render(template, example.values, context)
        except InputError:
            pass  # a run reports it, with the values the user gave
    return {"template": template_to_json(template)}


def main(stdin: IO[bytes] = sys.stdin.buffer, stdout: IO[str] = sys.stdout) -> int:
    """Check the files the parent sent; write a line before and after each.

    The parser and Jinja are imported before the memory cap is set, so the
    cap is what checking a file may add, on any interpreter.
    """
    from assistant.templating.environment import environment

    request = json.loads(stdin.read().decode("utf-8"))
    cpu, memory = float(request["cpu"]), int(request["memory"])
    environment()
    _check_one("warm-up.md", "warm-up", "warm-up")
    _limit_memory(memory)
    for number, (where, template_id, text) in enumerate(request["files"]):
        print(json.dumps({"start": number}), file=stdout, flush=True)
        _limit_cpu(cpu)
        try:
            report = _check_one(where, template_id, text)
        except MemoryError:
            report = {"error": Message.of(
                "{file}: checking this template needed more than {megabytes:,} MB of memory, "
                "so it is not loaded. Simplify it and save it again.", file=where,
                megabytes=memory // (1024 * 1024)).to_json()}
        print(json.dumps({"done": number, **report}, ensure_ascii=False), file=stdout,
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
