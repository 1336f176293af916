"""Benchmark: the worst GUI event-loop stall while an answer of 2,000 tokens streams.

Run on demand: ``python3 tests/benchmarks/bench_stream.py [--tokens 2000] [--model PATH]``.
The real main window (offscreen) runs a template on the real model through
the model thread; a 5 ms timer on the GUI thread records the longest gap
between two of its ticks while the answer streams in. Target: ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from assistant.backend import Sampling
from assistant.backend.config import LocalModel, open_backend
from assistant.gui.main_window import MainWindow
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.worker import Job, ModelController
from assistant.modelfiles import embedded_model_path
from assistant.state import UiState
from assistant.templating.render import RenderContext
from assistant.wiring import build_core


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=2000)
    parser.add_argument("--model", type=Path, default=embedded_model_path())
    args = parser.parse_args()
    app = QApplication([])  # noqa: F841 - must exist for the widgets
    with tempfile.TemporaryDirectory() as home:
        os.environ["ASSISTANT_HOME"] = home
        core = build_core()
        controller = ModelController(open_backend)
        flow = SettingsFlow(core, controller, lambda _language: None)
        window = MainWindow(core, UiState(core.paths.state_file), controller, flow, "en")
        window.show()
        waiting = QEventLoop()
        controller.model_loaded.connect(waiting.quit)
        controller.load(LocalModel(args.model, n_ctx=4096))
        waiting.exec()
        template = core.library.get("brainstorm-en")
        values = {f.name: f.default or (f.options[0] if f.options else "a new office") for f in
                  template.fields}
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.timeout.connect(tick)
        done: list[object] = []
        streaming = QEventLoop()
        controller.run_ended.connect(done.append)
        controller.run_ended.connect(streaming.quit)
        chunks: list[str] = []
        # The small model often ends an answer early: run again (another seed)
        # until the pane has received the tokens asked for.
        elapsed, seed = 0.0, 0
        while len(chunks) < args.tokens:
            seed += 1
            window.output.begin()
            job = Job(template, values, False,
                      Sampling(max_tokens=args.tokens - len(chunks), temperature=1.0,
                                       seed=seed, repeat_penalty=1.0),
                      RenderContext.now("en"))
            run = controller.run(job)
            assert run is not None
            run.chunk.connect(chunks.append)
            run.chunk.connect(window.output.append_chunk)
            timer.start(5)
            last[0] = time.perf_counter()
            start = time.perf_counter()
            streaming.exec()
            elapsed += time.perf_counter() - start
            timer.stop()
        controller.shutdown()
    worst = max(gaps) * 1000 if gaps else 0.0
    print(f"{len(chunks)} chunks in {len(done)} runs, {elapsed:.1f} s streaming; worst "
          f"event-loop stall {worst:.1f} ms (target ≤ 50 ms); "
          f"{sum(g > 0.05 for g in gaps)} stalls over 50 ms")


if __name__ == "__main__":
    main()
