"""Benchmark: launch to a visible window, and memory once the model is loaded.

Run on demand: ``python3 tests/benchmarks/bench_launch.py [--runs 5] [--model PATH]``.
It starts Xvfb, then, side by side in the same run:

* launch → window mapped (an X MapNotify seen on the root window) for the
  real app and for a bare PySide6 window started by the same interpreter —
  target ratio ≤ 1.5; and launch → the app's "start-up complete" log line
  (quick prompt, tray and hotkey set up after the window showed). The app's
  profile is made once; its first launch (templates parsed, caches filled)
  is reported apart;
* resident memory of the app once its model is loaded (and again once the
  first template's prefix is prepared), against raw llama-cpp-python with
  the same model and context plus a bare PySide6 window in one process —
  target ratio ≤ 1.10.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from Xlib import X, display

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.modelfiles import embedded_model_path

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
window = QWidget()
window.setWindowTitle("bare window")
window.resize(1180, 780)
window.show()
app.exec()
"""

RAW = """
import os, sys, llama_cpp
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
window = QWidget()
window.setWindowTitle("raw window")
window.show()
llama = llama_cpp.Llama(model_path=sys.argv[1], n_ctx=4096, verbose=False)
app.processEvents()
print("loaded", flush=True)
sys.stdin.readline()
"""


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb on the first display number no server or lock file holds."""
    number = next(n for n in range(90, 200)
                  if not Path(f"/tmp/.X11-unix/X{n}").exists()
                  and not Path(f"/tmp/.X{n}-lock").exists())
    server = subprocess.Popen(["Xvfb", f":{number}", "-nolisten", "tcp", "-noreset",
                               "-screen", "0", "1400x900x24"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return server, f":{number}"


def time_to_map(conn: display.Display, argv: list[str], env: dict[str, str], title: str,
                timeout: float = 60.0) -> tuple[float, float, subprocess.Popen[bytes]]:
    """Seconds from spawning ``argv`` to the MapNotify of a window titled ``title``,
    and the wall-clock time of the spawn (to compare with the app's log)."""
    while conn.pending_events():
        conn.next_event()
    spawned = time.time()
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, stdin=subprocess.PIPE)
    deadline = start + timeout
    while time.perf_counter() < deadline:
        while conn.pending_events():
            event = conn.next_event()
            if event.type == X.MapNotify:
                try:
                    name = event.window.get_wm_name()
                except Exception:  # noqa: BLE001 - the window may be gone already
                    name = None
                if name and title in str(name):
                    return time.perf_counter() - start, spawned, process
        time.sleep(0.0005)  # polling the X connection of another process
    process.kill()
    raise SystemExit(f"{title!r} never appeared")


def logged_at(path: Path, text: str, offset: int, timeout: float = 120.0) -> float:
    """Wall-clock time of the first log line containing ``text`` after byte ``offset``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            with path.open("rb") as handle:
                handle.seek(offset)
                for line in handle.read().decode("utf-8", "replace").splitlines():
                    if text in line:
                        stamp = dt.datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
                        return stamp.timestamp()
        time.sleep(0.05)  # polling another process's log
    raise SystemExit(f"never saw {text!r} in {path}")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--model", type=Path, default=embedded_model_path())
    parser.add_argument("--kv-cache", default="f16", choices=("f16", "q8_0"),
                        help="the app's context memory setting (raw llama-cpp-python stays f16)")
    args = parser.parse_args()
    # An installed app has its bytecode compiled by pip; a checkout run with
    # PYTHONDONTWRITEBYTECODE would recompile every module on every launch.
    compileall.compile_dir(ROOT / "assistant", quiet=1)
    server, name = start_xvfb()
    env = {**os.environ, "DISPLAY": name, "QT_QPA_PLATFORM": "xcb"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    conn = None
    problem: Exception | None = None
    for _ in range(200):  # Xvfb reports its number a moment before it accepts clients
        try:
            conn = display.Display(name)
            break
        except Exception as exc:  # noqa: BLE001 - DisplayConnectionError until it is up
            problem = exc
            time.sleep(0.05)
    if conn is None:
        server.kill()
        _, errors = server.communicate()
        raise SystemExit(f"Xvfb on {name} did not accept connections: {problem}\n"
                         f"{errors.decode(errors='replace')[-2000:]}")
    conn.screen().root.change_attributes(event_mask=X.SubstructureNotifyMask)
    bare, ours, ready, memory, warmed = [], [], [], [], []
    home = tempfile.TemporaryDirectory()
    config = Path(home.name) / "config"
    config.mkdir()
    (config / "settings.toml").write_text(
        f"model = {str(args.model)!r}\nui_language = \"en\"\nkv_cache = {args.kv_cache!r}\n",
        encoding="utf-8")
    log = Path(home.name) / "logs" / "assistant.log"
    ours_env = {**env, "ASSISTANT_HOME": home.name}
    ours_argv = [sys.executable, "-m", "assistant"]
    title = "Daily-work assistant"
    try:
        # The very first launch of a profile parses the templates and fills the
        # caches; it is reported on its own, the usual launch is what follows.
        first, spawned, process = time_to_map(conn, ours_argv, ours_env, title)
        first_ready = logged_at(log, "start-up complete", 0) - spawned
        logged_at(log, "model ready", 0)
        process.kill()
        process.wait()
        for _ in range(args.runs):
            seconds, _, process = time_to_map(conn, [sys.executable, "-c", BARE], env,
                                              "bare window")
            bare.append(seconds)
            process.kill()
            process.wait()
            offset = log.stat().st_size
            seconds, spawned, process = time_to_map(conn, ours_argv, ours_env, title)
            ours.append(seconds)
            ready.append(logged_at(log, "start-up complete", offset) - spawned)
            logged_at(log, "model ready", offset)
            memory.append(rss_mb(process.pid))
            logged_at(log, "prompt prefix prepared", offset)
            warmed.append(rss_mb(process.pid))
            process.kill()
            process.wait()
        raw = subprocess.Popen([sys.executable, "-c", RAW, str(args.model)], env=env,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert raw.stdout is not None and raw.stdout.readline().strip() == "loaded"
        raw_memory = rss_mb(raw.pid)
        raw.kill()
        raw.wait()
    finally:
        conn.close()
        server.terminate()
        server.wait()
        home.cleanup()
    median = statistics.median
    print(f"{args.runs} runs, model {args.model.name}, context memory {args.kv_cache}")
    print(f"launch → window mapped: ours {median(ours):.3f} s, bare PySide6 "
          f"{median(bare):.3f} s, ratio {median(ours) / median(bare):.2f} (target ≤ 1.5)")
    print(f"  launch → start-up complete (quick prompt, tray and hotkey ready; the model "
          f"loads on): {median(ready):.3f} s")
    print(f"  first launch of a new profile (templates parsed, caches filled): mapped "
          f"{first:.3f} s, complete {first_ready:.3f} s")
    print(f"resident memory with the model loaded: ours {median(memory):.0f} MB, raw "
          f"llama-cpp-python + bare window {raw_memory:.0f} MB, ratio "
          f"{median(memory) / raw_memory:.2f} (target ≤ 1.10)")
    print(f"  after the first template's prefix is prepared (its state kept in RAM for "
          f"switching back): {median(warmed):.0f} MB, ratio {median(warmed) / raw_memory:.2f}")


if __name__ == "__main__":
    main()
