"""Benchmark: our backend against raw llama-cpp-python, in the same process.

Run on demand: ``python3 tests/benchmarks/bench_backend.py [--model PATH] [--runs N]``.
It prints load time, time to first token, decode speed, the cached-prefix
win and resident memory, with ratios ours/raw. Not part of the test suite:
timings depend on the machine and must never fail a build.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from assistant.backend import Sampling  # noqa: E402
from assistant.backend.llama import load_backend, physical_cores  # noqa: E402
from assistant.modelfiles import embedded_model_path  # noqa: E402
from assistant.prompt import build_messages  # noqa: E402
from assistant.templating.library import load_library  # noqa: E402

NOTES = ("Mon: fixed the login bug. Tue: planning for 3.2. Wed: code review. "
         "Thu: payment API integration, a timeout issue is still open. Fri: wrote docs.")


def rss_mb() -> float:
    return float(psutil.Process().memory_info().rss) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=embedded_model_path())
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--max-tokens", type=int, default=128)
    args = parser.parse_args()
    import llama_cpp

    template = load_library(None).get("weekly-report-en")
    messages = build_messages(template, {"notes": NOTES})
    threads = physical_cores()
    print(f"model {args.model.name}, {threads} threads, {args.runs} runs, "
          f"{args.max_tokens} tokens each")

    base_rss = rss_mb()
    start = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):
        raw = llama_cpp.Llama(model_path=str(args.model), n_ctx=4096, n_threads=threads,
                              n_threads_batch=threads, verbose=False)
    raw_load = time.perf_counter() - start
    raw_rss = rss_mb() - base_rss

    def raw_run() -> tuple[float, float, int]:
        raw.reset()  # no prefix reuse: measure cold prompt processing
        begin = time.perf_counter()
        first = None
        count = 0
        for chunk in raw.create_chat_completion([m.as_dict() for m in messages],
                                                max_tokens=args.max_tokens, temperature=0.0,
                                                stream=True):
            if chunk["choices"][0]["delta"].get("content"):
                count += 1
                first = first or time.perf_counter()
        end = time.perf_counter()
        assert first is not None
        return first - begin, end - first, count

    raw_results = [raw_run() for _ in range(args.runs)]
    raw.close()

    base_rss = rss_mb()
    start = time.perf_counter()
    ours = load_backend(args.model, n_ctx=4096)
    our_load = time.perf_counter() - start
    our_rss = rss_mb() - base_rss
    params = Sampling(max_tokens=args.max_tokens, temperature=0.0)

    def our_run(cold: bool) -> tuple[float, float, float]:
        if cold:
            ours._model().reset()  # noqa: SLF001 - benchmark wants a cold cache
        stream = ours.stream(messages, params)
        for _ in stream:
            pass
        stats = stream.stats
        assert stats.ttft_s is not None and stats.decode_tps is not None
        return stats.ttft_s, stats.decode_tps, float(stats.cached_tokens)

    cold = [our_run(True) for _ in range(args.runs)]
    warm = [our_run(False) for _ in range(args.runs)]
    ours.close()

    raw_ttft = statistics.median(r[0] for r in raw_results)
    raw_tps = statistics.median((r[2] - 1) / r[1] for r in raw_results if r[1] > 0)
    our_ttft = statistics.median(r[0] for r in cold)
    our_tps = statistics.median(r[1] for r in cold)
    warm_ttft = statistics.median(r[0] for r in warm)
    print(f"{'':28}{'raw':>10}{'ours':>10}{'ours/raw':>10}")
    print(f"{'load (s)':28}{raw_load:10.3f}{our_load:10.3f}{our_load / raw_load:10.2f}")
    print(f"{'memory after load (MB)':28}{raw_rss:10.1f}{our_rss:10.1f}"
          f"{our_rss / raw_rss if raw_rss > 0 else float('nan'):10.2f}")
    print(f"{'TTFT, cold cache (s)':28}{raw_ttft:10.3f}{our_ttft:10.3f}{our_ttft / raw_ttft:10.2f}")
    print(f"{'decode (tokens/s)':28}{raw_tps:10.1f}{our_tps:10.1f}{our_tps / raw_tps:10.2f}")
    print(f"{'TTFT, cached prefix (s)':28}{'':10}{warm_ttft:10.3f}"
          f"{warm_ttft / raw_ttft:10.2f}  (prefix tokens reused: "
          f"{statistics.median(r[2] for r in warm):.0f})")


if __name__ == "__main__":
    main()
