"""Benchmark: loading 1,000 user templates (target ≤ 300 ms).

Run on demand: ``python3 tests/benchmarks/bench_library.py [--count 1000]``.
Writes ``--count`` small user templates (a copy of a built-in one with its own
title) into a temporary folder and times :func:`load_library` over them, the
built-in templates included, as the app does at start-up and on every change.
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
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            library = load_library(Path(folder))
            times.append(time.perf_counter() - start)
        assert len(library.templates) >= args.count, library.errors[:3]
    median = statistics.median(times)
    print(f"{args.count} user templates (+ built-ins): median {median * 1000:.0f} ms over "
          f"{args.runs} runs (target ≤ 300 ms)")


if __name__ == "__main__":
    main()
