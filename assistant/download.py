"""Download one file resumably and verified; a partial file never has the final name.

The bytes go to ``<name>.part`` beside the destination, with ``<name>.part.json``
recording what is being fetched (address, expected SHA-256 and size), so a
cancelled, dropped or killed download goes on where it stopped, in this run
(a dropped connection is retried with an HTTP Range request) or the next one.
A server that ignores Range is detected and the file starts over.

Once complete the file is checked: its SHA-256 against the expected one (given
by the caller, or announced by the hub: Hugging Face sends an LFS file's hash
in ``X-Linked-Etag``), then its GGUF header, which also catches a truncated
file. Only then is it renamed into place, atomically. A file that fails a
check is deleted and the error says so.

httpx does the HTTP: it follows redirects (hubs send downloads to a CDN),
honours the usual proxy variables, and has separate connect and read timeouts.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from assistant.backend import CancelToken
from assistant.backend.config import is_loopback
from assistant.errors import Cancelled, ModelError
from assistant.gguf import GGUFError, read_gguf
from assistant.messages import Message
from assistant.netstop import SocketStopper

log = logging.getLogger(__name__)

CHUNK = 1 << 20
SPARE_BYTES = 200 * 1024 * 1024
"""Free space left over after a download, so the disk is not filled to the brim."""
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Progress:
    """How far one file has come; sent a few times a second."""

    file: str
    done: int
    total: int | None
    speed_bps: float
    """Bytes per second over the last few seconds."""
    phase: str = "downloading"
    """``downloading``, ``checking`` (hashing what was already there) or ``verifying``."""

    @property
    def eta_s(self) -> float | None:
        """Seconds left at the current speed, or None when unknown."""
        if self.total is None or self.speed_bps <= 0:
            return None
        return max(0.0, (self.total - self.done) / self.speed_bps)

    @property
    def fraction(self) -> float | None:
        """0..1, or None when the size is unknown."""
        return None if not self.total else min(1.0, self.done / self.total)


ProgressCallback = Callable[[Progress], None]


class DownloadError(ModelError):
    """A download failed; ``resumable`` says whether running it again continues it."""

    def __init__(self, message: str | Message, /, *, resumable: bool = False,
                 **params: object) -> None:
        super().__init__(message, **params)
        self.resumable = resumable


@dataclass(frozen=True)
class Result:
    """A finished download."""

    path: Path
    sha256: str
    size: int
    checked_against: str | None
    """Where the expected SHA-256 came from ("the catalogue", "the hub", "you"), or None."""
    resumed_from: int = 0
    """Bytes that were already there from an earlier attempt."""
    restarted: bool = False
    """True when a server refused to resume and the file started over."""


def part_paths(dest: Path) -> tuple[Path, Path]:
    """The partial file and its record, beside ``dest``."""
    return dest.with_name(dest.name + ".part"), dest.with_name(dest.name + ".part.json")


def has_partial(dest: Path) -> bool:
    """True when a download of ``dest`` was started and can be resumed."""
    return part_paths(dest)[0].exists()


def partial_size(dest: Path) -> int:
    """Bytes of ``dest`` already downloaded (0 when none)."""
    try:
        return part_paths(dest)[0].stat().st_size
    except OSError:
        return 0


def discard_partial(dest: Path) -> None:
    """Forget a started download of ``dest``."""
    for path in part_paths(dest):
        path.unlink(missing_ok=True)


@dataclass
class _Job:
    url: str
    dest: Path
    expected: str | None
    expected_from: str | None
    size_hint: int | None
    cancel: CancelToken
    progress: ProgressCallback
    free_space: Callable[[Path], int]

    def __post_init__(self) -> None:
        self.part, self.meta = part_paths(self.dest)
        self.hasher = hashlib.sha256()
        self.have = 0
        self.total: int | None = self.size_hint
        self.resumed_from = 0
        self.restarted = False
        self.samples: deque[tuple[float, int]] = deque(maxlen=40)
        self.last_report = 0.0


def fetch(url: str, dest: Path, *, sha256: str | None = None, sha256_from: str = "you",
          size_hint: int | None = None, cancel: CancelToken | None = None,
          progress: ProgressCallback | None = None, retries: int = 4,
          backoff_s: float = 1.0, timeout_s: float = 60.0,
          free_space: Callable[[Path], int] | None = None) -> Result:
    """Download ``url`` to ``dest``; resume a partial file; verify; move into place.

    ``sha256`` is the expected hash (``sha256_from`` says who vouches for it:
    the catalogue or the user); the hub's announced hash is used when none is
    given. Raises :class:`DownloadError` (with ``resumable``) or
    :class:`~assistant.errors.Cancelled` (the partial file is kept).
    """
    expected = sha256.lower().strip() if sha256 else None
    if expected is not None and not _SHA256.fullmatch(expected):
        raise DownloadError("{sha256!r} is not a SHA-256: it must be 64 hexadecimal digits.",
                            sha256=sha256)
    job = _Job(url, dest, expected, sha256_from if expected else None, size_hint,
               cancel or CancelToken(), progress or (lambda _p: None),
               free_space or (lambda folder: shutil.disk_usage(folder).free))
    dest.parent.mkdir(parents=True, exist_ok=True)
    _adopt_partial(job)
    client = httpx.Client(follow_redirects=True, trust_env=not is_loopback(url),
                          timeout=httpx.Timeout(timeout_s, connect=15.0),
                          limits=httpx.Limits(max_keepalive_connections=0),
                          headers={"Accept-Encoding": "identity"})
    try:
        attempt = 0
        reached = job.have
        while True:
            try:
                if _attempt(job, client):
                    break
            except httpx.TransportError as exc:
                if job.cancel.cancelled:
                    raise Cancelled() from None
                # Retries count failures in a row: a long download on a flaky
                # line goes on as long as each attempt gets further.
                attempt = 1 if job.have > reached else attempt + 1
                reached = job.have
                if attempt > retries:
                    raise DownloadError(
                        "The connection to {host} broke ({reason}) at {done} of {total}. "
                        "Run the download again to resume it.", resumable=True,
                        host=_host(url), reason=_reason(exc), done=_mb(job.have),
                        total=_mb(job.total)) from None
                log.warning("download of %s interrupted at %d bytes (%s); retry %d",
                            dest.name, job.have, _reason(exc), attempt)
                if job.cancel.wait(backoff_s * 2 ** (attempt - 1)):
                    raise Cancelled() from None
    finally:
        client.close()
    return _finish(job)


def _adopt_partial(job: _Job) -> None:
    """Continue an earlier attempt if it fetched the same file, else start clean."""
    if not job.part.exists():
        job.meta.unlink(missing_ok=True)
        return
    try:
        record = json.loads(job.meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = None
    same = isinstance(record, dict) and (
        (job.expected is not None and record.get("sha256") == job.expected)
        or (record.get("url") == job.url
            and (job.expected is None or record.get("sha256") in (None, job.expected))))
    if not same:
        log.info("discarding %s: it belongs to another download", job.part.name)
        discard_partial(job.dest)
        return
    assert isinstance(record, dict)
    if job.expected is None and isinstance(record.get("sha256"), str):
        job.expected, job.expected_from = record["sha256"], record.get("sha256_from")
    if isinstance(record.get("size"), int):
        job.total = record["size"]
    job.have = job.resumed_from = job.part.stat().st_size
    # The hash must cover the bytes already there.
    with open(job.part, "rb") as handle:
        done = 0
        while block := handle.read(CHUNK * 8):
            job.hasher.update(block)
            done += len(block)
            _report(job, done, "checking", force=False)
            if job.cancel.cancelled:
                raise Cancelled()


def _attempt(job: _Job, client: httpx.Client) -> bool:
    """One request; True when the file is complete, False to try again."""
    headers = {"Range": f"bytes={job.have}-"} if job.have else {}
    stopper = SocketStopper()
    remove = job.cancel.on_cancel(stopper.stop)
    try:
        with client.stream("GET", job.url, headers=headers,
                           extensions={"trace": stopper.trace}) as response:
            status = response.status_code
            if status == 416 and job.have and job.total == job.have:
                return True  # already complete
            if status == 416:
                log.info("%s: the server refused the range; starting over", job.dest.name)
                _restart(job)
                return False
            if status >= 400:
                response.read()
                raise _status_error(job, response)
            if job.have and status == 200:
                log.info("%s: the server does not resume downloads; starting over", job.dest.name)
                _restart(job)
            elif status == 206 and not _range_matches(response, job.have):
                log.info("%s: the server answered another range; starting over", job.dest.name)
                _restart(job)
                return False
            _learn(job, response)
            _record(job)
            _check_space(job)
            with open(job.part, "ab") as out:
                for block in response.iter_bytes(CHUNK):
                    out.write(block)
                    job.hasher.update(block)
                    job.have += len(block)
                    _report(job, job.have, "downloading", force=False)
                    if job.cancel.cancelled:
                        out.flush()
                        raise Cancelled()
                out.flush()
                os.fsync(out.fileno())
    finally:
        remove()
    if job.cancel.cancelled:
        raise Cancelled()
    if job.total is not None and job.have < job.total:
        raise httpx.RemoteProtocolError(f"the server sent {job.have} of {job.total} bytes")
    if job.total is None:
        job.total = job.have
    return True


def _restart(job: _Job) -> None:
    job.part.unlink(missing_ok=True)
    job.hasher = hashlib.sha256()
    job.have = 0
    job.restarted = True


def _range_matches(response: httpx.Response, start: int) -> bool:
    match = re.fullmatch(r"bytes (\d+)-\d+/(\d+|\*)", response.headers.get("content-range", ""))
    return match is not None and int(match[1]) == start


def _learn(job: _Job, response: httpx.Response) -> None:
    """The exact size and the hub's announced SHA-256, from this answer and its redirects."""
    announced = None
    size = None
    for step in (*response.history, response):
        linked = step.headers.get("x-linked-etag", "").strip('W/"').lower()
        if _SHA256.fullmatch(linked):
            announced = linked
        if step.headers.get("x-linked-size", "").isdigit():
            size = int(step.headers["x-linked-size"])
    content_range = re.fullmatch(r"bytes \d+-\d+/(\d+)", response.headers.get("content-range", ""))
    if content_range:
        size = int(content_range[1])
    elif response.status_code == 200 and response.headers.get("content-length", "").isdigit():
        size = int(response.headers["content-length"])
    if size is not None:
        job.total = size
    if announced:
        if job.expected is None:
            job.expected, job.expected_from = announced, "the hub"
        elif announced != job.expected:
            # A partial from an earlier run is of the file that was expected then (the hub
            # may have replaced it since): kept, it would fail every run the same way.
            discard_partial(job.dest)
            raise DownloadError(
                "{file}: the hub announces SHA-256 {announced}, but {vouched} gave {expected}. "
                "The file on the hub is not the expected one; nothing was kept.",
                file=job.dest.name, announced=announced, vouched=_vouched(job.expected_from),
                expected=job.expected)


def _record(job: _Job) -> None:
    data = {"url": job.url, "sha256": job.expected, "sha256_from": job.expected_from,
            "size": job.total}
    temporary = job.meta.with_name(job.meta.name + ".tmp")
    temporary.write_text(json.dumps(data), encoding="utf-8")
    os.replace(temporary, job.meta)


def _check_space(job: _Job) -> None:
    needed = (job.total or job.size_hint or 0) - job.have
    free = job.free_space(job.dest.parent)
    if needed > 0 and free < needed + SPARE_BYTES:
        raise DownloadError(
            "Not enough disk space for {file}: it needs {needed} more (and {spare} to spare), "
            "but {folder} has {free} free. Free some space, then run the download again.",
            resumable=True, file=job.dest.name, needed=_mb(needed), spare=_mb(SPARE_BYTES),
            folder=job.dest.parent, free=_mb(free))


def _report(job: _Job, done: int, phase: str, force: bool) -> None:
    now = time.monotonic()
    if not force and now - job.last_report < 0.2:
        return
    job.last_report = now
    job.samples.append((now, done))
    first_time, first_done = job.samples[0]
    speed = (done - first_done) / (now - first_time) if now > first_time else 0.0
    job.progress(Progress(job.dest.name, done, job.total, speed, phase))


def _finish(job: _Job) -> Result:
    _report(job, job.have, "verifying", force=True)
    digest = job.hasher.hexdigest()
    if job.expected is not None and digest != job.expected:
        discard_partial(job.dest)
        raise DownloadError(
            "{file} is damaged: its SHA-256 is {digest}, but {vouched} gave {expected}. The "
            "download was deleted; run it again (or try another source).",
            file=job.dest.name, digest=digest, vouched=_vouched(job.expected_from),
            expected=job.expected)
    try:
        read_gguf(job.part)
    except GGUFError as exc:
        discard_partial(job.dest)
        raise DownloadError("{url} did not give a usable GGUF model, so it was deleted: "
                            "{error}", url=job.url, error=exc) from None
    os.replace(job.part, job.dest)
    job.meta.unlink(missing_ok=True)
    _sync_folder(job.dest.parent)
    log.info("downloaded %s (%d bytes, sha256 %s, checked against %s)", job.dest.name,
             job.have, digest, job.expected_from or "nothing")
    return Result(job.dest, digest, job.have, job.expected_from, job.resumed_from, job.restarted)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _status_error(job: _Job, response: httpx.Response) -> DownloadError:
    code, url = response.status_code, str(response.url)
    if code == 404:
        return DownloadError("{url} was not found (404). The file may have been renamed or "
                             "removed there; try another source.", url=url)
    if code in (401, 403):
        return DownloadError("{url} refused the download ({code}). Some models can only be "
                             "downloaded after accepting their licence on the hub's website; "
                             "try another source, or download the file there and add it.",
                             url=url, code=code)
    if code >= 500:
        return DownloadError("{host} failed ({code}) while sending {file}. Try "
                             "again later, or another source.", resumable=True,
                             host=_host(url), code=code, file=job.dest.name)
    return DownloadError("{url} refused the download ({code}).", url=url, code=code)


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _host(url: str) -> str:
    return httpx.URL(url).host or url


def _mb(count: int | None) -> Message | str:
    """A size for a message; the words for an unknown one are translated."""
    if count is None:
        return Message.of("an unknown size")
    if count >= 1024 ** 3:
        return f"{count / 1024 ** 3:.2f} GB"
    return f"{count / 1024 ** 2:.0f} MB"


def _vouched(who: str | None) -> Message | str:
    """Who gave the expected SHA-256, in words to translate; an unknown name as it is."""
    if who == "the catalogue":
        return Message.of("the catalogue")
    if who == "the hub":
        return Message.of("the hub")
    if who == "you":
        return Message.of("you")
    return str(who)
