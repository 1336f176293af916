"""Benchmark: global hotkey press to quick-prompt visible, on a real X server.

Run on demand: ``python3 tests/benchmarks/bench_hotkey.py [--presses 20]``.
It starts Xvfb and the real app (embedded model), presses the hotkey through
XTEST, and times each press until the popup's window is mapped (an X
MapNotify, observed on the root window), then closes it with Escape. Prints
the median and spread; never part of the test suite.
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

from Xlib import X, XK, display
from Xlib.ext import xtest

TITLE = "Quick prompt"


def wait_for(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.05)  # polling another process
    raise SystemExit(f"timed out waiting for {what}")


def press(conn: display.Display, *names: str) -> None:
    codes = [conn.keysym_to_keycode(XK.string_to_keysym(name)) for name in names]
    for code in codes:
        xtest.fake_input(conn, X.KeyPress, code)
    for code in reversed(codes):
        xtest.fake_input(conn, X.KeyRelease, code)
    conn.sync()


def wait_map(conn: display.Display, kind: int, timeout: float = 10.0) -> float:
    """Time at which a window titled TITLE gets ``kind`` (MapNotify/UnmapNotify)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        while conn.pending_events():
            event = conn.next_event()
            if event.type == kind:
                try:
                    name = event.window.get_wm_name()
                except Exception:  # the window may be gone already
                    name = None
                if name == TITLE or kind == X.UnmapNotify:
                    return time.perf_counter()
        time.sleep(0.0005)
    raise SystemExit("the quick prompt did not appear" if kind == X.MapNotify else "no unmap")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--presses", type=int, default=20)
    args = parser.parse_args()
    number = 150
    while Path(f"/tmp/.X11-unix/X{number}").exists():
        number += 1
    name = f":{number}"
    server = subprocess.Popen(["Xvfb", name, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    home = Path(tempfile.mkdtemp(prefix="bench-hotkey-"))
    env = {**os.environ, "DISPLAY": name, "QT_QPA_PLATFORM": "xcb", "ASSISTANT_HOME": str(home)}
    app = None
    try:
        wait_for(lambda: subprocess.run(["xdpyinfo", "-display", name],
                                        capture_output=True).returncode == 0, 20, "Xvfb")
        app = subprocess.Popen([sys.executable, "-m", "assistant"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        log = home / "logs" / "assistant.log"
        wait_for(lambda: log.exists() and "hotkey active" in log.read_text(encoding="utf-8"),
                 120, "the hotkey to be registered")
        conn = display.Display(name)
        conn.screen().root.change_attributes(event_mask=X.SubstructureNotifyMask)
        conn.sync()
        times = []
        for _ in range(args.presses):
            start = time.perf_counter()
            press(conn, "Control_L", "Alt_L", "j")
            shown = wait_map(conn, X.MapNotify)
            times.append((shown - start) * 1000)
            press(conn, "Escape")
            wait_map(conn, X.UnmapNotify)
        print(f"hotkey -> popup visible over {len(times)} presses: "
              f"median {statistics.median(times):.1f} ms, min {min(times):.1f} ms, "
              f"max {max(times):.1f} ms")
    finally:
        if app is not None:
            app.terminate()
            app.wait(30)
        server.terminate()


if __name__ == "__main__":
    main()
