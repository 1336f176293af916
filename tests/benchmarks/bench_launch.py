"""Benchmark: launch to a visible window, and memory once the model is loaded.

Run on demand: ``python3 tests/benchmarks/bench_launch.py [--runs 5] [--model PATH]``.
It starts Xvfb, then, side by side in the same run:

* launch → window mapped (an X MapNotify seen on the root window) for the
  real app (a fresh profile each time) and for a bare PySide6 window started
  by the same interpreter — target ratio ≤ 1.5;
* resident memory of the app once its model is loaded, against raw
  llama-cpp-python with the same model and context plus a bare PySide6
  window in one process — target ratio ≤ 1.10.
"""

from __future__ import annotations

import argparse
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
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-noreset",
                               "-screen", "0", "1400x900x24"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    name = ":" + os.read(read, 64).decode().strip()
    os.close(read)
    return server, name


def time_to_map(conn: display.Display, argv: list[str], env: dict[str, str], title: str,
                timeout: float = 60.0) -> tuple[float, subprocess.Popen[bytes]]:
    """Seconds from spawning ``argv`` to the MapNotify of a window titled ``title``."""
    while conn.pending_events():
        conn.next_event()
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
                    return time.perf_counter() - start, process
        time.sleep(0.0005)  # polling the X connection of another process
    process.kill()
    raise SystemExit(f"{title!r} never appeared")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wait_log(path: Path, text: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_text(encoding="utf-8", errors="replace"):
            return
        time.sleep(0.05)  # polling another process's log
    raise SystemExit(f"never saw {text!r} in {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--model", type=Path, default=embedded_model_path())
    args = parser.parse_args()
    server, name = start_xvfb()
    env = {**os.environ, "DISPLAY": name, "QT_QPA_PLATFORM": "xcb"}
    conn = None
    for _ in range(200):  # Xvfb reports its number a moment before it accepts clients
        try:
            conn = display.Display(name)
            break
        except Exception:  # noqa: BLE001 - DisplayConnectionError until it is up
            time.sleep(0.05)
    if conn is None:
        raise SystemExit(f"Xvfb on {name} did not accept connections")
    conn.screen().root.change_attributes(event_mask=X.SubstructureNotifyMask)
    ours, bare, memory = [], [], []
    try:
        for _ in range(args.runs):
            seconds, process = time_to_map(conn, [sys.executable, "-c", BARE], env, "bare window")
            bare.append(seconds)
            process.kill()
            process.wait()
            with tempfile.TemporaryDirectory() as home:
                config = Path(home) / "config"
                config.mkdir()
                (config / "settings.toml").write_text(
                    f"model = {str(args.model)!r}\nui_language = \"en\"\n", encoding="utf-8")
                seconds, process = time_to_map(conn, [sys.executable, "-m", "assistant"],
                                               {**env, "ASSISTANT_HOME": home},
                                               "Daily-work assistant")
                ours.append(seconds)
                wait_log(Path(home) / "logs" / "assistant.log", "model ready")
                memory.append(rss_mb(process.pid))
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
    ours_s, bare_s = statistics.median(ours), statistics.median(bare)
    ours_mb = statistics.median(memory)
    print(f"{args.runs} runs, model {args.model.name}")
    print(f"launch → window mapped: ours {ours_s:.3f} s, bare PySide6 {bare_s:.3f} s, "
          f"ratio {ours_s / bare_s:.2f} (target ≤ 1.5)")
    print(f"resident memory with the model loaded: ours {ours_mb:.0f} MB, raw llama-cpp-python "
          f"+ bare window {raw_memory:.0f} MB, ratio {ours_mb / raw_memory:.2f} (target ≤ 1.10)")


if __name__ == "__main__":
    main()
