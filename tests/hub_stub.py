"""A model hub of the tests' own on 127.0.0.1, serving the embedded GGUF's bytes.

Downloads must survive what hubs and networks do now and then, and nothing
real does those things on demand: a connection cut half way, a server that
ignores Range, a CDN that sends a damaged byte, a hub that answers 404 or an
HTML page, a transfer that crawls or stalls. :class:`HubStub` plays them,
per path or per file name, and records every request (with its ``Range``
header) so a test can check what the client asked for.

It speaks just enough of three dialects:

* plain files: ``/files/{name}``;
* Hugging Face: ``/{owner}/{repo}/resolve/main/{file}`` answers 302 to
  ``/cdn/{owner}/{repo}/{file}`` with ``X-Linked-Etag`` (the SHA-256) and
  ``X-Linked-Size``, as huggingface.co does for an LFS file;
* ModelScope: ``/models/{owner}/{repo}/resolve/master/{file}`` serves the
  file directly, and ``/api/v1/models/{owner}/{repo}/repo/files`` lists each
  file's ``Sha256`` and ``Size``.

The bytes are served from memory (the caller reads the file once).
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import quote, unquote, urlsplit

MB = 1 << 20
REPO = "stub-org/SmolLM2-135M-Instruct-GGUF"
"""The repository every hub dialect starts with."""
FILE = "smollm2-135m-instruct-q4_1.gguf"
"""The embedded model's name on the stub, in :data:`REPO` and under ``/files/``."""
_SEND = 1 << 20


def sha256_of(data: bytes | memoryview) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


@dataclass
class Request:
    """What the client sent."""

    method: str
    path: str
    """Unquoted, without the query."""
    query: str
    headers: dict[str, str]
    """Lower-case names."""

    @property
    def range(self) -> str | None:
        """The ``Range`` header, e.g. ``bytes=1048576-``, or None."""
        return self.headers.get("range")


@dataclass
class Behaviour:
    """How one path or file is served; tests may change fields while a transfer runs.

    Body lengths (``drop_after``, ``stall_after``) count from the start of
    each answer, so a resumed request is cut or stalled again N bytes later.
    """

    status: int = 200
    """Anything else is answered with that status and a small JSON body."""
    ranges: bool = True
    """False: ignore Range and always send the whole body with 200."""
    drop_after: int | None = None
    """Cut the connection after this many body bytes."""
    drop_times: int | None = 1
    """How many answers are cut (1: the first only); None: every one."""
    corrupt_at: int | None = None
    """Offset of a byte that is sent flipped."""
    body: bytes | memoryview | None = None
    """Served instead of the published file (e.g. an HTML page)."""
    content_type: str = "application/octet-stream"
    announce: str | None = None
    """The SHA-256 the hub announces instead of the real one (X-Linked-Etag, file API)."""
    rate_bps: int | None = None
    """Throttle to about this many bytes per second."""
    stall_after: int | None = None
    """Stop sending after this many body bytes until :attr:`release` is set."""
    release: threading.Event = field(default_factory=threading.Event)
    """Set to let stalled (and later) answers go on."""
    stalled: threading.Event = field(default_factory=threading.Event)
    """Set by the server when an answer stalls."""
    dropped: int = 0
    """Answers cut so far."""

    def _claim_drop(self, lock: threading.Lock) -> bool:
        with lock:
            if self.drop_after is None or (self.drop_times is not None
                                           and self.dropped >= self.drop_times):
                return False
            self.dropped += 1
            return True


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    # -- plumbing ---------------------------------------------------------------

    def _headers(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

    def _json(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self._headers(status, {"Content-Type": "application/json",
                               "Content-Length": str(len(data))})
        self.wfile.write(data)

    def _error(self, status: int) -> None:
        self._json(status, {"error": f"stub answers {status}"})

    # -- routes -----------------------------------------------------------------

    def do_GET(self) -> None:
        hub = self.server.hub
        split = urlsplit(self.path)
        path = unquote(split.path)
        hub.requests.append(Request("GET", path, split.query,
                                    {k.lower(): v for k, v in self.headers.items()}))
        try:
            self._route(path)
        except OSError:
            # The client went away (killed, cancelled): nothing left to answer.
            self.close_connection = True

    def _route(self, path: str) -> None:
        hub = self.server.hub
        if path.startswith("/files/"):
            name = path.removeprefix("/files/")
            self._file(path, name, hub.files.get(name))
        elif match := re.fullmatch(r"/api/v1/models/([^/]+/[^/]+)/repo/files", path):
            self._file_list(path, match[1])
        elif match := (re.fullmatch(r"/models/([^/]+/[^/]+)/resolve/master/(.+)", path)
                       or re.fullmatch(r"/cdn/([^/]+/[^/]+)/(.+)", path)):
            # ModelScope's download, or the CDN that Hugging Face redirects to.
            self._file(path, match[2], hub.repos.get(match[1], {}).get(match[2]))
        elif match := re.fullmatch(r"/([^/]+/[^/]+)/resolve/main/(.+)", path):
            self._redirect(path, match[1], match[2])
        else:
            self._error(404)

    def _redirect(self, path: str, repo: str, name: str) -> None:
        """Hugging Face: a 302 to the CDN that announces the LFS file's hash and size."""
        hub = self.server.hub
        behaviour = hub.behaviour(path, name)
        body = hub.repos.get(repo, {}).get(name)
        if body is None or behaviour.status != 200:
            self._error(404 if body is None else behaviour.status)
            return
        sha = behaviour.announce or hub.sha256(repo, name)
        location = f"{hub.url}/cdn/{quote(repo)}/{quote(name)}"
        message = f"Found. Redirecting to {location}".encode()
        self._headers(302, {"Location": location, "X-Linked-Etag": f'"{sha}"',
                            "X-Linked-Size": str(len(body)), "ETag": f'"{sha}"',
                            "Content-Type": "text/plain", "Content-Length": str(len(message))})
        self.wfile.write(message)

    def _file_list(self, path: str, repo: str) -> None:
        """ModelScope's file API, with each file's SHA-256 and size."""
        hub = self.server.hub
        behaviour = hub.behaviour(path, "")
        files = hub.repos.get(repo)
        if files is None or behaviour.status != 200:
            self._error(404 if files is None else behaviour.status)
            return
        entries = [{"Name": name.rsplit("/", 1)[-1], "Path": name, "Type": "blob",
                    "Size": len(body),
                    "Sha256": hub.behaviour("", name).announce or hub.sha256(repo, name)}
                   for name, body in files.items()]
        self._json(200, {"Code": 200, "Data": {"Files": entries}, "Message": "success",
                         "Success": True})

    def _file(self, path: str, name: str, published: bytes | memoryview | None) -> None:
        hub = self.server.hub
        behaviour = hub.behaviour(path, name)
        body = behaviour.body if behaviour.body is not None else published
        if body is None:
            self._error(404)
            return
        if behaviour.status != 200:
            self._error(behaviour.status)
            return
        size, start, end, status = len(body), 0, len(body), 200
        headers = {"Content-Type": behaviour.content_type}
        wanted = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", "").strip())
        if behaviour.ranges:
            headers["Accept-Ranges"] = "bytes"
            if wanted:
                start = int(wanted[1])
                if start >= size:
                    self._headers(416, {"Content-Range": f"bytes */{size}",
                                        "Content-Length": "0"})
                    return
                end = min(size, int(wanted[2]) + 1) if wanted[2] else size
                status = 206
                headers["Content-Range"] = f"bytes {start}-{end - 1}/{size}"
        headers["Content-Length"] = str(end - start)
        self._headers(status, headers)
        self._send(memoryview(body), start, end, behaviour)

    def _send(self, view: memoryview, start: int, end: int, behaviour: Behaviour) -> None:
        """The body from ``start`` to ``end``, cut, flipped, throttled or stalled as told."""
        hub = self.server.hub
        cut_at = start + behaviour.drop_after if behaviour._claim_drop(hub.lock) \
            and behaviour.drop_after is not None else None
        position = start
        while position < end:
            if cut_at is not None and position >= cut_at:
                break
            stall_at = None if behaviour.stall_after is None or behaviour.release.is_set() \
                else start + behaviour.stall_after
            if stall_at is not None and position >= stall_at:
                behaviour.stalled.set()
                while not behaviour.release.wait(0.02):
                    if hub.closing.is_set():
                        return
                continue
            rate = behaviour.rate_bps
            step = _SEND if rate is None else max(16 * 1024, rate // 50)
            limit = min(x for x in (end, cut_at, stall_at, position + step) if x is not None)
            piece: bytes | memoryview = view[position:limit]
            flip = behaviour.corrupt_at
            if flip is not None and position <= flip < limit:
                damaged = bytearray(piece)
                damaged[flip - position] ^= 0xFF
                piece = bytes(damaged)
            self.wfile.write(piece)
            position = limit
            if rate is not None and hub.closing.wait(len(piece) / rate):
                return
        if position < end:
            # A network failure mid-body: the client has fewer bytes than promised.
            self.connection.shutdown(socket.SHUT_RDWR)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, hub: HubStub) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hub = hub


class HubStub:
    """The hub on a background thread; use as a context manager.

    ``model`` is published as :data:`FILE` under ``/files/`` and in
    :data:`REPO` (for both hub dialects); ``model_sha256`` is its hash,
    computed once by the caller.
    """

    def __init__(self, model: bytes, model_sha256: str) -> None:
        self.requests: list[Request] = []
        self.files: dict[str, bytes | memoryview] = {FILE: model}
        self.repos: dict[str, dict[str, bytes | memoryview]] = {REPO: {FILE: model}}
        self.behaviours: dict[str, Behaviour] = {}
        self.default = Behaviour()
        """Used for whatever has no behaviour of its own."""
        self.lock = threading.Lock()
        self.closing = threading.Event()
        self._hashes: dict[tuple[str, str], str] = {(REPO, FILE): model_sha256}
        self._server = _Server(self)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,),
                                        daemon=True)

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def file_url(self, name: str = FILE) -> str:
        """A plain download address."""
        return f"{self.url}/files/{quote(name)}"

    def hf_url(self, name: str = FILE, repo: str = REPO) -> str:
        """A Hugging Face–style address (302 to the CDN)."""
        return f"{self.url}/{quote(repo)}/resolve/main/{quote(name)}"

    def modelscope_url(self, name: str = FILE, repo: str = REPO) -> str:
        """A ModelScope-style address (served directly)."""
        return f"{self.url}/models/{quote(repo)}/resolve/master/{quote(name)}"

    def environ(self) -> dict[str, str]:
        """Environment variables that point every hub at this stub."""
        return {"ASSISTANT_HF_ENDPOINT": self.url, "ASSISTANT_HF_MIRROR_ENDPOINT": self.url,
                "ASSISTANT_MODELSCOPE_ENDPOINT": self.url + "/"}

    def publish(self, repo: str, name: str, body: bytes | memoryview,
                sha256: str | None = None) -> None:
        """Add a file to ``repo`` (``sha256`` when already known)."""
        with self.lock:
            self.repos.setdefault(repo, {})[name] = body
            self._hashes.pop((repo, name), None)
            if sha256 is not None:
                self._hashes[(repo, name)] = sha256

    def behave(self, key: str, **changes: Any) -> Behaviour:
        """Set (and return) how a path (``/files/x.gguf``) or a file name (``x.gguf``) is served."""
        behaviour = self.behaviours.setdefault(key, Behaviour())
        for name, value in changes.items():
            if not hasattr(behaviour, name):
                raise AttributeError(f"Behaviour has no {name!r}")
            setattr(behaviour, name, value)
        return behaviour

    def behaviour(self, path: str, name: str) -> Behaviour:
        """The behaviour of a request: its path's, else its file name's, else the default."""
        return self.behaviours.get(path) or self.behaviours.get(name) or self.default

    def sha256(self, repo: str, name: str) -> str:
        """The real SHA-256 of a published file (hashed once)."""
        with self.lock:
            if (repo, name) not in self._hashes:
                self._hashes[(repo, name)] = sha256_of(self.repos[repo][name])
            return self._hashes[(repo, name)]

    def requests_for(self, fragment: str) -> list[Request]:
        """Requests whose path contains ``fragment``, in order."""
        return [r for r in self.requests if fragment in r.path]

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.closing.set()
        self._server.shutdown()
        self._server.server_close()


def serve(model: bytes, model_sha256: str) -> Iterator[HubStub]:
    """Generator for a pytest fixture."""
    with HubStub(model, model_sha256) as hub:
        yield hub
