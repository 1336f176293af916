"""A private Xvfb server for the tests that need a real X display.

These tests run the app (or a small Qt script) in a *separate process* with
``QT_QPA_PLATFORM=xcb``: the pytest process itself stays offscreen, since a
process's Qt platform is fixed once.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
from collections.abc import Iterator

import pytest
from waits import PROCESS_S
from xwait import wait_for


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """Start Xvfb on a free display (``-displayfd``) and yield its name.

    ``-noreset``: by default Xvfb resets when its last client disconnects and
    refuses connections meanwhile, which breaks tests that start and stop
    clients one after another.
    """
    for tool in ("Xvfb", "xdotool", "xclip", "xdpyinfo"):
        if not shutil.which(tool):
            pytest.fail(f"{tool} is needed for the X11 tests; .ci/run shows the apt packages")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp",
                               "-noreset", "-screen", "0", "1400x900x24"], pass_fds=(write_end,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], PROCESS_S)
        assert ready, "Xvfb did not report its display number"
        name = ":" + os.read(read_end, 64).decode().strip()
        wait_for(lambda: subprocess.run(["xdpyinfo", "-display", name],
                                        capture_output=True).returncode == 0, PROCESS_S,
                 "Xvfb")
        yield name
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(10)
