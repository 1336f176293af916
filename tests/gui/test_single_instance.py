"""Single instance: hand-off to the running app, stale sockets and locks, races."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest
from PySide6.QtCore import QDir, QThread
from pytestqt.qtbot import QtBot
from waits import PROCESS_S

from assistant.gui.single_instance import (
    LOCK_NAME,
    InstanceServer,
    SingleInstanceError,
    claim,
    claim_profile,
    decode_request,
    encode_request,
    send_to_running,
    server_name,
)
from assistant.paths import user_paths

REPO = Path(__file__).resolve().parents[2]
Spawn = Callable[..., "subprocess.Popen[str]"]

# Claims the profile in $ASSISTANT_HOME with argv[1]; as primary it prints each
# request and quits after argv[2] of them (0: never).
SCRIPT = """\
import sys
from PySide6.QtCore import QCoreApplication
from assistant.gui.single_instance import claim_profile
from assistant.paths import user_paths

app = QCoreApplication(sys.argv)
expected = int(sys.argv[2])
server = claim_profile(user_paths(), sys.argv[1])
if server is None:
    print("handed", flush=True)
    sys.exit(0)
received = []

def on_request(command, text):
    received.append(command)
    print("request", command, flush=True)
    if len(received) == expected:
        app.quit()

server.request.connect(on_request)
print("listening", flush=True)
sys.exit(app.exec())
"""


class Sender(QThread):
    """Runs a blocking client off the GUI thread, so the server can answer."""

    def __init__(self, call: Callable[[], object]) -> None:
        super().__init__()
        self._call = call
        self.result: object = None

    def run(self) -> None:
        self.result = self._call()


class Lines:
    """The stdout of a child process, line by line, with a timeout per wait."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        assert process.stdout is not None
        threading.Thread(target=self._pump, args=(process.stdout,), daemon=True).start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self._queue.put(line.strip())

    def expect(self, wanted: str, timeout: float = PROCESS_S) -> None:
        deadline = time.monotonic() + timeout
        while wanted not in self.seen:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no {wanted!r} in {self.seen}")
            try:
                self.seen.append(self._queue.get(timeout=remaining))
            except queue.Empty:
                continue


@pytest.fixture(autouse=True)
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private XDG_RUNTIME_DIR, so sockets (even a crashed one's) go away with the test.

    Short on purpose: a Unix socket path must fit in about 100 bytes, which a
    pytest tmp_path with the socket name inside may not.
    """
    folder = Path(tempfile.mkdtemp(prefix="da-run-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "instance.py"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


@pytest.fixture
def spawn(script: Path, home: Path) -> Iterator[Spawn]:
    """Start ``instance.py COMMAND EXPECTED`` on the test's profile."""
    started: list[subprocess.Popen[str]] = []
    env = {**os.environ, "ASSISTANT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(REPO)}

    def start(command: str, expected: int = 0) -> subprocess.Popen[str]:
        process = subprocess.Popen([sys.executable, str(script), command, str(expected)],
                                   env=env, stdout=subprocess.PIPE, text=True)
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(10)
        if process.stdout:
            process.stdout.close()


@pytest.fixture
def server(qtbot: QtBot, home: Path) -> Iterator[InstanceServer]:
    claimed = claim_profile(user_paths(), "show")
    assert claimed is not None
    yield claimed
    claimed.close()


def name() -> str:
    return server_name(user_paths().data_dir)


def socket_file(socket_name: str) -> Path:
    """Where Qt puts the Unix socket of a plain (not absolute) name."""
    return Path(socket_name) if os.path.isabs(socket_name) else Path(QDir.tempPath()) / socket_name


@pytest.mark.parametrize(("line", "expected"), [
    (b'{"command": "show"}\n', ("show", "")),
    (b'{"command": "quick", "text": "hi"}\n', ("quick", "hi")),
    (b'{"command": "quick", "future": 1}\n', ("quick", "")),
    (b'{"command": "format-disk"}\n', None),
    (b'{"command": "quick", "text": 3}\n', None),
    (b'["show"]\n', None),
    (b"show\n", None),
    (b"\xff\xfe\n", None),
])
def test_decode_request(line: bytes, expected: tuple[str, str] | None) -> None:
    assert decode_request(line) == expected


def test_request_is_one_line_even_with_newlines_in_text() -> None:
    wire = encode_request("quick", "第一行\nsecond")
    assert wire.count(b"\n") == 1 and wire.endswith(b"\n")
    assert decode_request(wire) == ("quick", "第一行\nsecond")


def test_server_name_is_per_profile_and_private(tmp_path: Path) -> None:
    first, second = server_name(tmp_path / "a", {}), server_name(tmp_path / "b", {})
    assert first != second and first.startswith("daily-assistant-")
    assert server_name(tmp_path / "a", {}) == first
    runtime = tmp_path / "run"
    runtime.mkdir()
    assert server_name(tmp_path / "a", {"XDG_RUNTIME_DIR": str(runtime)}) == str(runtime / first)


def test_running_instance_takes_the_request(qtbot: QtBot, server: InstanceServer) -> None:
    sender = Sender(lambda: send_to_running(server.name, "quick", "selected words"))
    with qtbot.waitSignal(server.request, timeout=5000) as request:
        sender.start()
    assert request.args == ["quick", "selected words"]
    assert sender.wait(5000)
    assert sender.result is True


def test_claim_hands_over_when_an_instance_runs(qtbot: QtBot, server: InstanceServer) -> None:
    sender = Sender(lambda: claim_profile(user_paths(), "show"))
    with qtbot.waitSignal(server.request, timeout=5000) as request:
        sender.start()
    assert request.args == ["show", ""]
    assert sender.wait(5000)
    assert sender.result is None


def test_unknown_command_is_refused(qtbot: QtBot, server: InstanceServer) -> None:
    sender = Sender(lambda: send_to_running(server.name, "format-disk"))
    with qtbot.assertNotEmitted(server.request, wait=100):
        sender.start()
        with qtbot.waitSignal(sender.finished, timeout=5000):
            pass
    assert sender.result is False


def test_no_server_answers_false_at_once(home: Path) -> None:
    start = time.monotonic()
    assert send_to_running(name(), "show") is False
    assert time.monotonic() - start < 0.5


def test_lock_file_lives_in_the_profile(server: InstanceServer, home: Path,
                                        runtime_dir: Path) -> None:
    assert (user_paths().data_dir / LOCK_NAME).is_file()
    assert user_paths().data_dir.is_relative_to(home)
    assert Path(server.name).parent == runtime_dir


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and socket files are Unix")
def test_stale_socket_and_lock_after_a_crash(qtbot: QtBot, spawn: Spawn, home: Path) -> None:
    crashed = spawn("show")
    Lines(crashed).expect("listening")
    os.kill(crashed.pid, signal.SIGKILL)
    crashed.wait(10)
    assert socket_file(name()).exists(), "the crash should leave the socket file behind"
    assert (user_paths().data_dir / LOCK_NAME).exists(), "... and the lock file"

    start = time.monotonic()
    server = claim_profile(user_paths(), "show")
    assert server is not None, "a dead instance must not take requests"
    assert time.monotonic() - start < 2
    try:
        sender = Sender(lambda: send_to_running(server.name, "quick"))
        with qtbot.waitSignal(server.request, timeout=5000):
            sender.start()
        assert sender.wait(5000)
        assert sender.result is True
    finally:
        server.close()


def test_live_lock_without_answer_is_reported(qtbot: QtBot, home: Path) -> None:
    """A holder that never listens (hung) gives a clear error, not a second copy."""
    lock = user_paths().data_dir / LOCK_NAME
    holder = claim(name() + "-elsewhere", lock, "show")
    assert holder is not None
    try:
        with pytest.raises(SingleInstanceError, match="does not answer"):
            claim(name(), lock, "show", wait_ms=300)
    finally:
        holder.close()


def test_second_process_hands_over_and_exits(spawn: Spawn) -> None:
    first = spawn("show", 1)
    lines = Lines(first)
    lines.expect("listening")
    second = spawn("show")
    out, _ = second.communicate(timeout=PROCESS_S)
    assert second.returncode == 0
    assert out.strip() == "handed"
    lines.expect("request show")
    assert first.wait(PROCESS_S) == 0


def test_simultaneous_launches_make_one_primary(spawn: Spawn) -> None:
    """Four launches at once: the lock picks one; the others reach it."""
    launches = [spawn("quick", 3) for _ in range(4)]
    results = [process.communicate(timeout=PROCESS_S) for process in launches]
    assert [process.returncode for process in launches] == [0, 0, 0, 0]
    outputs = [out.split("\n")[:-1] for out, _ in results]
    primaries = [lines for lines in outputs if lines[0] == "listening"]
    assert len(primaries) == 1, outputs
    assert primaries[0][1:] == ["request quick"] * 3
    assert sorted(outputs) == sorted(primaries + [["handed"]] * 3)


@pytest.mark.skipif(sys.platform == "win32", reason="a named pipe's ACL, not a file mode")
def test_only_this_user_can_connect(server: InstanceServer) -> None:
    """The socket admits this user's processes only: no group or other access."""
    path = socket_file(server.name)
    assert stat.S_ISSOCK(path.stat().st_mode)
    assert path.stat().st_mode & 0o077 == 0, oct(path.stat().st_mode)
    assert path.stat().st_uid == os.getuid()
