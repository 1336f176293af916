"""What a backend is built from, and the one function that builds it.

A backend is either a local GGUF file run in-process by llama.cpp (the
default) or an OpenAI-compatible server the user configured (Ollama, LM
Studio, Jan, llama-server, vLLM). Both are described by a small frozen
configuration so the GUI's model thread, the CLI and the tests build them the
same way, and so "did the model settings change?" is a plain comparison.

The backend modules are imported only here and only when needed: importing
``llama_cpp`` costs about 0.4 s, which a server user never has to pay, and a
local user pays on the model thread rather than before the window shows.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from assistant.backend import Backend
from assistant.errors import InputError


@dataclass(frozen=True)
class LocalModel:
    """A GGUF file run in this process."""

    path: Path
    n_ctx: int = 4096
    n_threads: int = 0
    """0 means one per physical core."""
    n_gpu_layers: int = 0
    """Layers offloaded to the GPU: 0 = none (CPU only), -1 = all."""
    kv_cache: str = "f16"
    """How the context is stored: "f16", or "q8_0" for half the memory."""
    state_dir: Path | None = None
    """Where prompt-prefix states are saved (None: not on disk)."""
    ram_cache_mb: int = 512
    """RAM for prompt-prefix states; 0 keeps none."""
    disk_cache_mb: int = 2048
    """Disk for prompt-prefix states; 0 keeps none."""

    def describe(self) -> str:
        """The file, for messages and ``--json``."""
        return str(self.path)


@dataclass(frozen=True)
class ServerModel:
    """A model on an OpenAI-compatible server."""

    base_url: str
    """Up to and including ``/v1``, e.g. ``http://127.0.0.1:11434/v1``."""
    model: str = ""
    """The server's model id; empty means the only model the server offers."""
    api_key: str = field(default="", repr=False)
    """Kept out of ``repr`` so it never reaches a log line or a traceback."""
    timeout_s: float = 120.0
    """How long to wait for the server to answer, and between two chunks."""
    n_ctx: int | None = None
    """The context size, when the user knows it better than the server says."""

    @property
    def host(self) -> str:
        """``host:port`` of the server, for the status bar."""
        return urlsplit(self.base_url).netloc or self.base_url

    def describe(self) -> str:
        """``model @ url``, for messages and ``--json``."""
        return f"{self.model or '(default model)'} @ {self.base_url}"


BackendConfig = LocalModel | ServerModel


def check_url(url: str) -> str:
    """``url`` without a trailing slash, or InputError saying how to write it."""
    text = url.strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError("{url!r} is not a server address: write it like "
                         "http://127.0.0.1:11434/v1 (with http:// or https://).", url=url)
    return text


def is_loopback(url: str) -> bool:
    """True for a server on this machine (127.0.0.0/8, ::1, localhost)."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def open_backend(config: BackendConfig) -> Backend:
    """Load the model or connect to the server; raise ModelError saying why not."""
    if isinstance(config, ServerModel):
        from assistant.backend.server import connect

        return connect(config)
    from assistant.backend.llama import load_backend
    from assistant.backend.prefix_store import PrefixStore

    store = PrefixStore(config.state_dir, config.ram_cache_mb * 1024 * 1024,
                        config.disk_cache_mb * 1024 * 1024)
    return load_backend(config.path, config.n_ctx, config.n_threads, config.n_gpu_layers, store,
                        config.kv_cache)
