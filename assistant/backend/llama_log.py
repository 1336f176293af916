"""llama.cpp's log, routed to Python logging.

Plain Python: :mod:`assistant.backend.llama` (the one module that imports
``llama_cpp``) wraps :meth:`LlamaLog._on_log` in llama.cpp's callback type and
installs it. ``verbose=False`` alone would hide real errors and still leak
some warnings to the terminal.
"""

from __future__ import annotations

import logging
import threading
from collections import deque

log = logging.getLogger("assistant.llama_cpp")

# llama.cpp log levels, from enum ggml_log_level in the vendored ggml.h:
# NONE=0, DEBUG=1, INFO=2, WARN=3, ERROR=4, CONT=5 (continue the previous
# line). The comment in llama-cpp-python's own _logger.py lists an older
# order (INFO=1, WARN=2, ERROR=3); do not copy it. INFO is the chatty
# model-loading report: keep it at DEBUG so the app log stays readable.
_LEVELS = {0: logging.DEBUG, 1: logging.DEBUG, 2: logging.DEBUG, 3: logging.WARNING,
           4: logging.ERROR}
_CONTINUE = 5


class LlamaLog:
    """Receives llama.cpp's log lines on whatever thread writes them."""

    def __init__(self) -> None:
        self.recent: deque[str] = deque(maxlen=12)
        """Recent warnings and errors, quoted when a model fails to load."""
        self._pending = ""
        self._level = logging.DEBUG
        self._lock = threading.Lock()

    def _on_log(self, level: int, text: bytes, _user_data: object) -> None:
        with self._lock:
            if level != _CONTINUE:
                self._level = _LEVELS.get(level, logging.DEBUG)
            self._pending += text.decode("utf-8", errors="replace")
            *lines, self._pending = self._pending.split("\n")
            for line in lines:
                if not line.strip():
                    continue
                if self._level >= logging.WARNING:
                    self.recent.append(line.strip())
                log.log(self._level, "%s", line)
