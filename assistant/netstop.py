"""Stop an HTTP request at once from another thread, even while it waits for data.

A cancel flag is only seen between chunks; a server still reading a long
prompt, or a stalled download, sends none, and the reading thread sits in a
socket read until a timeout. Shutting the request's own socket down
unblocks that read at once and tells the other side to stop.

httpx does not hand out its sockets, but httpcore reports each new network
stream through the ``trace`` request extension; :class:`SocketStopper` keeps
the last one. Each request must open its own connection (no keep-alive), so
the stream seen is the one being read.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from typing import Any


class SocketStopper:
    """Pass :meth:`trace` as ``extensions={"trace": ...}``; call :meth:`stop` to end the read."""

    def __init__(self) -> None:
        self._streams: list[Any] = []
        self._lock = threading.Lock()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's trace hook: remember the TCP stream, then the TLS one on top of it."""
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            with self._lock:
                self._streams.append(info.get("return_value"))

    def stop(self) -> None:
        """Shut the newest socket down (thread-safe at the OS level); no-op before connecting."""
        with self._lock:
            streams = list(reversed(self._streams))
        for stream in streams:
            # A stream already closed has no socket or a dead one: nothing to stop.
            with contextlib.suppress(OSError, AttributeError):
                sock = stream.get_extra_info("socket")
                if isinstance(sock, socket.socket):
                    sock.shutdown(socket.SHUT_RDWR)
                    return
