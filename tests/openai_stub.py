"""A small OpenAI-compatible server of the tests' own, for what real servers rarely do.

It listens on 127.0.0.1 only and answers ``GET /v1/models`` and
``POST /v1/chat/completions`` according to :attr:`StubServer.mode`: a good
stream (with ``usage``), a dropped connection, garbage, a hang, an HTTP error
with an OpenAI-style body, and so on. Every request is recorded so tests can
check what the client sent. The real server tests use llama-cpp-python's own
``llama_cpp.server`` instead (see ``conftest.py``).
"""

from __future__ import annotations

import json
import select
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CHUNKS = ("They're ", "going ", "tomorrow.")


@dataclass
class Request:
    """What the client sent."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any = None


@dataclass
class StubState:
    mode: str = "ok"
    chunks: tuple[str, ...] = CHUNKS
    """What the "ok" mode streams."""
    models: list[dict[str, Any]] = field(default_factory=lambda: [{"id": "stub-model"}])
    requests: list[Request] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    """Set to end a hang."""
    client_gone: threading.Event = field(default_factory=threading.Event)
    """Set when a hanging handler saw the client close the connection."""
    streaming: threading.Event = field(default_factory=threading.Event)
    """Set once a streamed answer has sent its first chunks."""


def _chunk(text: str | None = None, finish: str | None = None) -> dict[str, Any]:
    delta = {} if text is None else {"content": text}
    return {"id": "chatcmpl-1", "object": "chat.completion.chunk", "model": "stub-model",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    # -- plumbing ---------------------------------------------------------------

    def _record(self, body: Any = None) -> None:
        self.server.state.requests.append(
            Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body))

    def _json(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _start_stream(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

    def _event(self, payload: Any) -> None:
        text = payload if isinstance(payload, str) else json.dumps(payload)
        self.wfile.write(f"data: {text}\n\n".encode())
        self.wfile.flush()

    def _wait_for_release_or_client(self) -> None:
        """Hang until the test releases us or the client goes away (EOF on the socket)."""
        state = self.server.state
        conn = self.connection
        while not state.release.is_set():
            readable, _, _ = select.select([conn], [], [], 0.05)
            if readable:
                try:
                    if not conn.recv(1, socket.MSG_PEEK):
                        state.client_gone.set()
                        return
                except OSError:
                    state.client_gone.set()
                    return

    # -- routes -----------------------------------------------------------------

    def do_GET(self) -> None:
        self._record()
        if self.path.rstrip("/") == "/v1/models":
            mode = self.server.state.mode
            if mode == "models-401":
                self._json(401, {"error": {"message": "Invalid API key", "type": "auth"}})
            elif mode == "models-html":
                data = b"<html><body>Welcome to nginx!</body></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            else:
                self._json(200, {"object": "list", "data": self.server.state.models})
        else:
            self._json(404, {"detail": "Not Found"})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw)
        except ValueError:
            body = raw
        self._record(body)
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._json(404, {"detail": "Not Found"})
            return
        getattr(self, "_mode_" + self.server.state.mode.replace("-", "_"))()

    # -- behaviours ---------------------------------------------------------------

    def _mode_ok(self) -> None:
        self._start_stream()
        chunks = self.server.state.chunks
        for index, text in enumerate(chunks):
            self._event(_chunk(text, "stop" if index == len(chunks) - 1 else None))
        self._event({"id": "chatcmpl-1", "object": "chat.completion.chunk", "choices": [],
                     "usage": {"prompt_tokens": 57, "completion_tokens": 3, "total_tokens": 60,
                               "prompt_tokens_details": {"cached_tokens": 40}}})
        self.wfile.write(b": keep-alive comment\n\n")
        self._event("[DONE]")

    def _mode_no_usage(self) -> None:
        self._start_stream()
        for text in CHUNKS:
            self._event(_chunk(text))
        self._event(_chunk(None, "length"))
        self._event("[DONE]")

    def _mode_json(self) -> None:
        self._json(200, {"id": "x", "object": "chat.completion", "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "All at once."},
             "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 9, "completion_tokens": 4, "total_tokens": 13}})

    def _mode_drop(self) -> None:
        self._start_stream()
        self._event(_chunk(CHUNKS[0]))
        self._event(_chunk(CHUNKS[1]))
        # An abrupt close in the middle of a chunked/streamed body.
        self.wfile.write(b"data: {\"choi")
        self.wfile.flush()
        self.connection.shutdown(socket.SHUT_RDWR)

    def _mode_no_done(self) -> None:
        self._start_stream()
        self._event(_chunk(CHUNKS[0]))

    def _mode_garbage(self) -> None:
        self._start_stream()
        self._event(_chunk(CHUNKS[0]))
        self._event("this is not json {")

    def _mode_html(self) -> None:
        data = b"<html><body>Login to the proxy</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _mode_error_event(self) -> None:
        self._start_stream()
        self._event(_chunk(CHUNKS[0]))
        self._event({"error": {"message": "CUDA out of memory", "type": "server_error"}})

    def _mode_hang_before(self) -> None:
        """Accept the request, then send nothing (a server reading a long prompt)."""
        self._wait_for_release_or_client()

    def _mode_hang_after_headers(self) -> None:
        self._start_stream()
        self._wait_for_release_or_client()

    def _mode_hang_mid(self) -> None:
        self._start_stream()
        self._event(_chunk(CHUNKS[0]))
        self.server.state.streaming.set()
        self._wait_for_release_or_client()

    def _mode_slow_stream(self) -> None:
        """Many chunks, each only after the previous one was sent, until stopped."""
        self._start_stream()
        try:
            for index in range(100000):
                self._event(_chunk(f"w{index} "))
                self.server.state.streaming.set()
                if self.server.state.release.wait(0.01):
                    break
        except OSError:
            self.server.state.client_gone.set()

    def _mode_silent(self) -> None:
        """As llama-cpp-python's server on a failed streamed request: 200, then nothing.

        Asked again without streaming, it gives the real error.
        """
        body = self.server.state.requests[-1].body
        if body.get("stream"):
            self._start_stream()
            return
        self._mode_context()

    def _mode_401(self) -> None:
        self._json(401, {"error": {"message": "Incorrect API key provided.",
                                   "type": "invalid_request_error", "code": "invalid_api_key"}})

    def _mode_403(self) -> None:
        self._json(403, {"error": "forbidden for this key"})

    def _mode_404(self) -> None:
        self._json(404, {"error": {"message": "model \"stub-model\" not found, try pulling it "
                                              "first", "type": "not_found_error"}})

    def _mode_500(self) -> None:
        self._json(500, {"error": {"message": "llama runner process has terminated",
                                   "type": "server_error"}})

    def _mode_context(self) -> None:
        self._json(400, {"error": {"message": "This model's maximum context length is 2048 "
                                              "tokens. However, you requested 5000 tokens.",
                                   "type": "invalid_request_error",
                                   "code": "context_length_exceeded"}})


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: StubState) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = state


class StubServer:
    """Runs the stub on a background thread; use as a context manager."""

    def __init__(self) -> None:
        self.state = StubState()
        self._server = _Server(self.state)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,),
                                        daemon=True)

    @property
    def url(self) -> str:
        """The API base, ``http://127.0.0.1:PORT/v1``."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    @property
    def mode(self) -> str:
        return self.state.mode

    @mode.setter
    def mode(self, value: str) -> None:
        self.state.mode = value

    @property
    def chat_requests(self) -> list[Request]:
        return [r for r in self.state.requests if r.path.endswith("/chat/completions")]

    def __enter__(self) -> StubServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.state.release.set()
        self._server.shutdown()
        self._server.server_close()


def serve() -> Iterator[StubServer]:
    """Generator for a pytest fixture."""
    with StubServer() as server:
        yield server
