"""One running app per user profile; later launches hand their request to it.

A second ``assistant`` should bring the running window forward, and
``assistant quick`` (bound to a desktop shortcut) should open the quick prompt
of the running app instead of loading a second copy of the model.

The order follows DESIGN.md: connect to the named local socket first (the
common case, and the cheapest: no lock, no window); only if nobody answers,
take a :class:`QLockFile` in the profile, remove a stale server name and
listen. The lock, not the socket, decides who is primary: a socket file left
behind by a crash must not block start-up, and two launches at the same moment
must not both become primary. The loser of that race keeps trying to connect
for a short, bounded time while the winner starts listening.

Protocol: the client sends one line of UTF-8 JSON, ``{"command": "quick"}``
(optionally with ``"text"``), and the server answers ``ok`` once it has taken
the request, so the client knows it may exit.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from assistant.errors import AssistantError
from assistant.paths import APP_NAME, UserPaths

#: The requests a running instance understands.
COMMANDS = frozenset({"show", "quick"})
#: File name of the lock inside the profile's data folder.
LOCK_NAME = "instance.lock"

_REPLY_OK = b"ok"
_REPLY_REFUSED = b"unknown"
# A request is a few bytes; anything longer is not one of ours.
_MAX_LINE = 256 * 1024
# A client that connects and then says nothing is dropped after this long.
_IDLE_MS = 5000
# How long one tryLock() waits between two connection attempts of the loser.
_RETRY_MS = 100
# Longest single blocking wait of a client for the answer (see send_to_running).
_SLICE_MS = 20


class SingleInstanceError(AssistantError):
    """The app could neither reach the running instance nor become it."""


def _user_name() -> str:
    """The login name, made safe for a socket name."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers): the uid still separates users
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    return re.sub(r"[^A-Za-z0-9_.-]", "_", user) or "user"


def server_name(profile_dir: Path, environ: Mapping[str, str] | None = None) -> str:
    """The local-socket name of the instance that owns ``profile_dir``.

    Per user and per profile: two users on one machine, or two
    ``ASSISTANT_HOME`` profiles (tests), never reach each other's app. Where
    ``XDG_RUNTIME_DIR`` exists the socket goes there (a full path): that folder
    is private to the user, whereas Qt's default (the temp folder) is shared,
    so another user could squat the name.
    """
    env = os.environ if environ is None else environ
    digest = hashlib.sha1(str(profile_dir.expanduser().resolve()).encode("utf-8"),
                          usedforsecurity=False).hexdigest()[:12]
    name = f"{APP_NAME}-{_user_name()}-{digest}"
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if sys.platform != "win32" and runtime and Path(runtime).is_dir():
        return str(Path(runtime) / name)
    return name


def encode_request(command: str, text: str = "") -> bytes:
    """The wire form of a request: one JSON line."""
    message: dict[str, str] = {"command": command}
    if text:
        message["text"] = text
    return json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n"


def decode_request(line: bytes) -> tuple[str, str] | None:
    """``(command, text)`` from one line, or None if it is not a request we know.

    Unknown keys are ignored so that a newer client can talk to an older app.
    """
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(message, dict):
        return None
    command, text = message.get("command"), message.get("text", "")
    if command not in COMMANDS or not isinstance(text, str):
        return None
    return str(command), text


def send_to_running(name: str, command: str, text: str = "", timeout_ms: int = 1000) -> bool:
    """Hand ``command`` to the instance listening on ``name``; True if it took it.

    Blocking (waitFor...): it runs before any event loop, when deciding whether
    to start at all. With nobody listening it returns False at once, also for
    a socket file left behind by a crash (the connection is refused).
    """
    socket = QLocalSocket()
    try:
        socket.connectToServer(name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(encode_request(command, text))
        socket.waitForBytesWritten(timeout_ms)  # False only means "already written"
        deadline = time.monotonic() + timeout_ms / 1000
        while not socket.canReadLine():
            remaining = int((deadline - time.monotonic()) * 1000)
            if remaining <= 0 or socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
                return False
            # Short slices: PySide6 keeps the GIL inside QLocalSocket's waitFor...
            # (its typesystem_network.xml marks only QAbstractSocket's allow-thread),
            # so a server in this same process, whose slots are Python, could not
            # answer during one long wait.
            socket.waitForReadyRead(min(remaining, _SLICE_MS))
        return bytes(socket.readLine().data()).strip() == _REPLY_OK
    finally:
        socket.abort()


class InstanceServer(QObject):
    """The primary instance's end: holds the profile lock and takes requests.

    Signals:
        request(str, str): a later launch asked for ``command`` (one of
            :data:`COMMANDS`) with optional ``text`` ("" when none). Emitted
            after the client got its answer, from the event loop.
    """

    request = Signal(str, str)

    def __init__(self, name: str, lock: QLockFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._lock = lock
        self._server = QLocalServer(self)
        # Only this user may connect (on Unix: socket file mode; Windows: pipe ACL).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)

    @property
    def name(self) -> str:
        """The socket name clients connect to."""
        return self._name

    def listen(self) -> None:
        """Start taking requests; call only while holding the lock.

        The lock proves no live instance uses the name, so whatever socket file
        is still there was left by a crash (on Unix it outlives a SIGKILL) and
        is removed first. With UserAccessOption Qt happens to bind in a private
        folder and rename over the name, which replaces such a file anyway; with
        plain options listen() would fail with "address in use". Removing it
        ourselves keeps start-up safe whatever the options.
        """
        QLocalServer.removeServer(self._name)
        if not self._server.listen(self._name):
            raise SingleInstanceError(
                "Could not open the channel other launches use to reach this window ({name}): "
                "{reason}. Restart the assistant; if this keeps happening, please report it.",
                name=self._name, reason=self._server.errorString())

    def close(self) -> None:
        """Stop listening and release the lock (also done when the process ends)."""
        self._server.close()
        self._lock.unlock()

    @Slot()
    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.disconnected.connect(socket.deleteLater)
            # A bound slot, not a lambda holding self: a closure tied to the
            # socket's life would free this object from inside the socket's
            # destructor, and with it the server that is the socket's parent.
            socket.readyRead.connect(self._on_ready_read)
            QTimer.singleShot(_IDLE_MS, socket, socket.abort)
            self._answer(socket)  # the line may have arrived with the connection

    @Slot()
    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._answer(socket)

    def _answer(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > _MAX_LINE:
                socket.abort()
            return
        decoded = decode_request(bytes(socket.readLine(_MAX_LINE).data()))
        if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            socket.write((_REPLY_OK if decoded else _REPLY_REFUSED) + b"\n")
            socket.flush()  # now, not when the event loop comes round: the client waits
            socket.disconnectFromServer()
        if decoded is not None:
            self.request.emit(*decoded)


def claim(name: str, lock_path: Path, command: str, text: str = "", *,
          wait_ms: int = 3000) -> InstanceServer | None:
    """Become the primary instance, or hand ``command`` to the one running.

    Returns the listening :class:`InstanceServer` when this process is now
    primary (the caller then carries out ``command`` itself), or None when a
    running instance took the request (the caller should exit 0). Raises
    :class:`SingleInstanceError` when another live process holds the lock but
    does not answer within ``wait_ms``.
    """
    if send_to_running(name, command, text):
        return None
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(lock_path))
    # Held for the app's whole life, so age means nothing; a lock whose process
    # died (same host, PID gone or reused) is still taken over by tryLock().
    lock.setStaleLockTime(0)
    deadline = time.monotonic() + wait_ms / 1000
    while not lock.tryLock(_RETRY_MS):
        if lock.error() != QLockFile.LockError.LockFailedError:
            raise SingleInstanceError("Cannot create the lock file {path}. Check that the folder "
                                      "is writable.", path=lock_path)
        # Someone else holds the lock: a launch racing us, about to listen.
        if send_to_running(name, command, text):
            return None
        if time.monotonic() > deadline:
            pid, host, app = lock.getLockInfo()
            raise SingleInstanceError(
                "Another copy of the assistant ({app}, process {pid} on {host}) holds {path} but "
                "does not answer. Close it or end that process, then try again.",
                app=app, pid=pid, host=host, path=lock_path)
    server = InstanceServer(name, lock)
    server.listen()
    return server


def claim_profile(paths: UserPaths, command: str, text: str = "") -> InstanceServer | None:
    """:func:`claim` for a user profile: its socket name and its lock file."""
    return claim(server_name(paths.data_dir), paths.data_dir / LOCK_NAME, command, text)
