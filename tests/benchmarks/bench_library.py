"""Benchmark: loading 1,000 user templates (target ≤ 300 ms).

Run on demand: ``python3 tests/benchmarks/bench_library.py [--count 1000]``.
Writes ``--count`` small user templates (a copy of a built-in one with its own
title) into a temporary folder and times :func:`load_library` over them, the
built-in templates included, as the app does at start-up and on every change:
with the parsed-template cache warm (the usual case), filling it, and without.
"""

from __future__ import annotations

import argparse
import importlib.resources
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.templating.library import load_library


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    source = (importlib.resources.files("assistant.builtin_templates")
              / "proofread-en.md").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        for number in range(args.count):
            text = source.replace('title = "Proofread"', f'title = "Proofread {number}"', 1)
            (Path(folder) / f"mine-{number:04d}.md").write_text(text, encoding="utf-8")
        cache = Path(folder) / "cache" / "templates.json"
        start = time.perf_counter()
        library = load_library(Path(folder))
        uncached = time.perf_counter() - start
        start = time.perf_counter()
        load_library(Path(folder), cache=cache)
        first = time.perf_counter() - start
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            library = load_library(Path(folder), cache=cache)
            times.append(time.perf_counter() - start)
        assert len(library.templates) >= args.count, library.errors[:3]
        sample = library.get(f"mine-{args.count - 1:04d}")
        assert sample.title == f"Proofread {args.count - 1}"
    median = statistics.median(times)
    print(f"{args.count} user templates (+ built-ins), as the app loads them (parsed-template "
          f"cache warm): median {median * 1000:.0f} ms over {args.runs} runs (target ≤ 300 ms)")
    print(f"  first load, filling the cache: {first * 1000:.0f} ms; without a cache: "
          f"{uncached * 1000:.0f} ms; ratio warm/uncached {median / uncached:.3f}")


if __name__ == "__main__":
    main()
