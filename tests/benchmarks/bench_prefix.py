"""Benchmark: prompt-prefix states across template switches and across processes.

Run on demand (not part of the test suite)::

    python3 tests/benchmarks/bench_prefix.py [--model PATH] [--runs N]

It prints, side by side in the same run:

* the time to first token of a few-shot template read cold, and again after
  two other templates ran (the store restores its prefix) — target ratio ≤ 0.10;
* the same template run as ``assistant run`` in a fresh process, cold and
  then once more (the disk store restores its prefix) — target ratio ≤ 0.15;
* raw llama-cpp-python on the same prompt, cold, as the reference.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.backend import Sampling
from assistant.backend.llama import load_backend
from assistant.backend.prefix_store import PrefixStore
from assistant.modelfiles import embedded_model_path
from assistant.prompt import build_messages
from assistant.templating.library import load_library

MB = 1024 * 1024
TEMPLATES = ("weekly-report-en", "meeting-minutes-en", "proofread-en")
VALUES = {"notes": "Mon: fixed the login bug. Tue: reviewed the export PR with Li.",
          "transcript": "Li: budget is fine. Wang: hiring slips a week.",
          "text": "Their going to the meeting tomorow."}


def values_for(template: object) -> dict[str, str]:
    """A value for every field: ours, else the field's default or first choice."""
    return {f.name: VALUES.get(f.name) or f.default or (f.options[0] if f.options else "x")
            for f in template.fields}  # type: ignore[attr-defined]


def ttft(backend: object, template_id: str) -> float:
    template = load_library(None).get(template_id)
    values = values_for(template)
    stream = backend.stream(build_messages(template, values),  # type: ignore[attr-defined]
                            Sampling(max_tokens=2, seed=1))
    for _ in stream:
        pass
    return float(stream.stats.ttft_s or 0.0)


def in_process(model: Path, runs: int) -> tuple[float, float]:
    """(cold TTFT, TTFT after two other templates ran), medians."""
    cold, again = [], []
    for _ in range(runs):
        backend = load_backend(model, n_ctx=4096, store=PrefixStore(None, 1024 * MB, 0))
        try:
            cold.append(ttft(backend, TEMPLATES[0]))
            ttft(backend, TEMPLATES[1])
            ttft(backend, TEMPLATES[2])
            again.append(ttft(backend, TEMPLATES[0]))
        finally:
            backend.close()
    return statistics.median(cold), statistics.median(again)


def fresh_process(model: Path, runs: int) -> tuple[float, float]:
    """(cold TTFT, TTFT of the next process), medians, through the real CLI."""
    cold, warm = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "ASSISTANT_HOME": home}

            def run(env: dict[str, str] = env) -> float:
                done = subprocess.run(
                    [sys.executable, "-m", "assistant", "run", TEMPLATES[0], "--model",
                     str(model), "--set", f"notes={VALUES['notes']}", "--max-tokens", "2",
                     "--json"], capture_output=True, text=True, env=env, check=True)
                return float(json.loads(done.stdout)["stats"]["ttft_s"])

            cold.append(run())
            warm.append(run())
    return statistics.median(cold), statistics.median(warm)


def raw_cold(model: Path, runs: int) -> float:
    """Raw llama-cpp-python: the same prompt through create_chat_completion, cold."""
    import llama_cpp

    template = load_library(None).get(TEMPLATES[0])
    values = values_for(template)
    messages = [m.as_dict() for m in build_messages(template, values)]
    times = []
    for _ in range(runs):
        llama = llama_cpp.Llama(model_path=str(model), n_ctx=4096, verbose=False,
                                n_threads=os.cpu_count() or 1)
        start = time.perf_counter()
        for chunk in llama.create_chat_completion(messages=messages, max_tokens=2, seed=1,
                                                  stream=True):
            if chunk["choices"][0]["delta"].get("content"):
                break
        times.append(time.perf_counter() - start)
        llama.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=embedded_model_path())
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cold, again = in_process(args.model, args.runs)
    fresh_cold, fresh_warm = fresh_process(args.model, args.runs)
    raw = raw_cold(args.model, args.runs)
    print(f"model {args.model.name}, {args.runs} runs, template {TEMPLATES[0]}")
    print(f"{'':48}{'TTFT (s)':>10}{'ratio':>8}")
    print(f"{'raw llama-cpp-python, cold':48}{raw:10.3f}")
    print(f"{'ours, cold':48}{cold:10.3f}{cold / raw:8.2f}  (÷ raw)")
    print(f"{'ours, after two other templates ran':48}{again:10.3f}{again / cold:8.3f}"
          "  (÷ cold, target ≤ 0.10)")
    print(f"{'assistant run, fresh process, first time':48}{fresh_cold:10.3f}")
    print(f"{'assistant run, fresh process, used before':48}{fresh_warm:10.3f}"
          f"{fresh_warm / fresh_cold:8.3f}  (÷ first time, target ≤ 0.15)")


if __name__ == "__main__":
    main()
