"""Run every benchmark, one after the other, and print their figures.

``python3 tests/benchmarks/run.py [--model PATH] [--only NAME ...]``

The benchmarks are not part of the test suite: each takes from seconds to a
few minutes and measures speed, which a shared machine makes noisy. Each one
compares against raw llama-cpp-python or a bare PySide6 window in the same
run, so the ratios mean something on any machine; ``--model`` points the
model benchmarks at a bigger GGUF than the embedded one.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

BENCHMARKS = {
    "backend": ("bench_backend.py", True),  # decode speed and first token vs raw llama-cpp-python
    "prefix": ("bench_prefix.py", True),  # first token after other templates; fresh process
    "launch": ("bench_launch.py", True),  # launch to window vs a bare window; memory
    "stream": ("bench_stream.py", True),  # worst GUI stall while 2,000 tokens stream
    "library": ("bench_library.py", False),  # loading 1,000 user templates
    "hotkey": ("bench_hotkey.py", False),  # hotkey press to quick prompt visible
}
"""name: (script, takes --model)."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="a GGUF file (default: the embedded model)")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHMARKS), metavar="NAME",
                        help=f"run only these: {', '.join(BENCHMARKS)}")
    args = parser.parse_args()
    failed = []
    for name in args.only or list(BENCHMARKS):
        script, takes_model = BENCHMARKS[name]
        command = [sys.executable, str(HERE / script)]
        if takes_model and args.model is not None:
            command += ["--model", str(args.model)]
        print(f"== {name} ({script})", flush=True)
        start = time.monotonic()
        code = subprocess.run(command, check=False).returncode
        print(f"   ({time.monotonic() - start:.0f} s{', FAILED' if code else ''})\n", flush=True)
        if code:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
