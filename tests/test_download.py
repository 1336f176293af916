"""Resumable, verified downloads against a scripted hub on 127.0.0.1.

A partial file must never carry the final name, and whatever the network or
the hub does (a cut connection, no Range support, a damaged byte, an HTML
page, a full disk, a cancel, a killed process) the user must end with either
the exact file or a message that says what happened and whether running the
download again continues it. The hub is ``tests/hub_stub.py``; it serves the
embedded model's real bytes, so the GGUF check at the end is the real one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hub_stub import FILE, MB, REPO, HubStub, sha256_of
from waits import PROCESS_S

from assistant.backend import CancelToken
from assistant.download import (
    SPARE_BYTES,
    DownloadError,
    Progress,
    Result,
    discard_partial,
    fetch,
    has_partial,
    part_paths,
    partial_size,
)
from assistant.errors import Cancelled

REPO_ROOT = Path(__file__).resolve().parents[1]
OTHER_SHA = sha256_of(b"not the model")


@pytest.fixture
def dest(tmp_path: Path) -> Iterator[Path]:
    """Where the model goes; emptied afterwards (each test's copy is ~98 MB)."""
    folder = tmp_path / "models"
    yield folder / "model.gguf"
    for path in folder.glob("*"):
        path.unlink()


def assert_installed(dest: Path, data: bytes) -> None:
    """The exact bytes under the final name, and nothing else left in the folder."""
    assert dest.read_bytes() == data
    assert sorted(p.name for p in dest.parent.iterdir()) == [dest.name]


def assert_nothing_kept(dest: Path) -> None:
    assert not dest.parent.exists() or list(dest.parent.iterdir()) == []


def cancel_at_first_progress(token: CancelToken, seen: list[Progress]) -> Callable[[Progress], None]:
    """A progress callback that cancels as soon as some bytes are written."""
    def progress(report: Progress) -> None:
        seen.append(report)
        if report.phase == "downloading" and report.done > 0:
            token.cancel()
    return progress


def make_partial(hub: HubStub, url: str, dest: Path) -> int:
    """Start a download of ``url`` and cancel it; the bytes it left."""
    token, seen = CancelToken(), list[Progress]()
    with pytest.raises(Cancelled):
        fetch(url, dest, cancel=token, progress=cancel_at_first_progress(token, seen))
    assert has_partial(dest) and not dest.exists()
    # The bytes reported are the bytes written: nothing more after the cancel.
    assert partial_size(dest) == seen[-1].done > 0
    return partial_size(dest)


def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Poll ``condition`` (there is no event to wait on for a file's size)."""
    deadline = time.monotonic() + timeout_s
    pause = threading.Event()
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout_s} s waiting for {what}")
        pause.wait(0.01)


# -- a plain download --------------------------------------------------------------

def test_full_download(hub: HubStub, dest: Path, data: bytes, sha: str) -> None:
    result = fetch(hub.file_url(), dest)
    assert result == Result(dest, sha, len(data), None, resumed_from=0, restarted=False)
    assert_installed(dest, data)
    assert not has_partial(dest) and partial_size(dest) == 0
    [request] = hub.requests
    assert request.path == f"/files/{FILE}" and request.range is None
    # Compressed transfer would break byte ranges; the client asks for none.
    assert request.headers["accept-encoding"] == "identity"


def test_the_given_checksum_is_checked_and_credited(hub: HubStub, dest: Path, data: bytes,
                                                   sha: str) -> None:
    result = fetch(hub.file_url(), dest, sha256=f"  {sha.upper()} ",
                   sha256_from="the catalogue")
    assert (result.sha256, result.checked_against) == (sha, "the catalogue")
    assert_installed(dest, data)


@pytest.mark.parametrize("bad", ["abc", "g" * 64, "0" * 63, "0" * 65])
def test_a_malformed_checksum_is_refused_before_any_request(hub: HubStub, dest: Path,
                                                            bad: str) -> None:
    with pytest.raises(DownloadError, match="is not a SHA-256: it must be 64 hexadecimal"):
        fetch(hub.file_url(), dest, sha256=bad)
    assert hub.requests == []
    assert_nothing_kept(dest)


# -- dropped connections -----------------------------------------------------------

URLS: dict[str, Callable[[HubStub], str]] = {
    "plain": lambda hub: hub.file_url(),
    "huggingface": lambda hub: hub.hf_url(),
    "modelscope": lambda hub: hub.modelscope_url(),
}
BODY_PATH = {"plain": "/files/", "huggingface": "/cdn/", "modelscope": "/models/"}


@pytest.mark.parametrize("route", URLS)
def test_a_dropped_connection_resumes_in_the_same_call(hub: HubStub, dest: Path, data: bytes,
                                                       sha: str, route: str) -> None:
    cut = 40 * MB + 12345
    hub.behave(FILE, drop_after=cut)
    result = fetch(URLS[route](hub), dest, backoff_s=0)
    first, second = hub.requests_for(BODY_PATH[route])
    assert first.range is None
    assert second.range is not None and second.range.startswith("bytes=")
    resumed_at = int(second.range.removeprefix("bytes=").removesuffix("-"))
    assert second.range == f"bytes={resumed_at}-" and 0 < resumed_at <= cut
    assert hub.behave(FILE).dropped == 1
    assert result.sha256 == sha and not result.restarted and result.size == len(data)
    assert_installed(dest, data)


def test_a_server_without_range_support_starts_over(hub: HubStub, dest: Path,
                                                    data: bytes) -> None:
    hub.behave(FILE, ranges=False, drop_after=30 * MB)
    result = fetch(hub.file_url(), dest, backoff_s=0)
    first, second = hub.requests
    assert first.range is None and second.range is not None
    assert result.restarted and result.size == len(data)
    assert_installed(dest, data)


def test_a_flaky_line_goes_on_while_each_attempt_gets_further(
        hub: HubStub, dest: Path, data: bytes) -> None:
    """Retries count failures in a row: a drop every 10 MB still finishes the file."""
    hub.behave(FILE, drop_after=10 * MB, drop_times=None)
    result = fetch(hub.file_url(), dest, retries=1, backoff_s=0)
    assert result.resumed_from == 0 and len(hub.requests) > 2
    assert_installed(dest, data)


def test_retries_run_out_when_attempts_get_nowhere(hub: HubStub, dest: Path) -> None:
    hub.behave(FILE, drop_after=0, drop_times=None)
    with pytest.raises(DownloadError) as caught:
        fetch(hub.file_url(), dest, retries=2, backoff_s=0)
    assert caught.value.resumable and len(hub.requests) == 3
    assert "The connection to 127.0.0.1 broke" in str(caught.value)


def test_a_broken_download_fails_resumably_and_resumes_later(
        hub: HubStub, dest: Path, data: bytes) -> None:
    behaviour = hub.behave(FILE, drop_after=10 * MB, drop_times=1)
    with pytest.raises(DownloadError) as caught:
        fetch(hub.file_url(), dest, retries=0, backoff_s=0)
    message = str(caught.value)
    assert caught.value.resumable
    assert "The connection to 127.0.0.1 broke" in message and "Run the download again" in message
    kept = partial_size(dest)
    assert kept == 10 * MB and part_paths(dest)[1].exists() and not dest.exists()

    behaviour.drop_after = None
    result = fetch(hub.file_url(), dest)
    assert result.resumed_from == kept and hub.requests[-1].range == f"bytes={kept}-"
    assert_installed(dest, data)


# -- checksums ----------------------------------------------------------------------

def test_a_wrong_checksum_deletes_the_download(hub: HubStub, dest: Path, sha: str) -> None:
    with pytest.raises(DownloadError) as caught:
        fetch(hub.file_url(), dest, sha256=OTHER_SHA, sha256_from="the catalogue")
    message = str(caught.value)
    assert f"its SHA-256 is {sha}" in message and OTHER_SHA in message
    assert "the catalogue" in message and "deleted" in message
    assert not caught.value.resumable
    assert_nothing_kept(dest)


def test_the_hub_announced_checksum_is_used(hub: HubStub, dest: Path, data: bytes,
                                            sha: str) -> None:
    result = fetch(hub.hf_url(), dest)
    assert (result.sha256, result.checked_against) == (sha, "the hub")
    resolve, cdn = hub.requests
    assert resolve.path.endswith(f"/resolve/main/{FILE}") and cdn.path.startswith("/cdn/")
    assert_installed(dest, data)


def test_a_damaged_byte_is_caught_by_the_hub_checksum(hub: HubStub, dest: Path, data: bytes,
                                                      sha: str) -> None:
    flip = len(data) // 2
    hub.behave(FILE, corrupt_at=flip)
    damaged = hashlib.sha256(memoryview(data)[:flip])
    damaged.update(bytes([data[flip] ^ 0xFF]))
    damaged.update(memoryview(data)[flip + 1:])
    with pytest.raises(DownloadError) as caught:
        fetch(hub.hf_url(), dest)
    message = str(caught.value)
    assert f"its SHA-256 is {damaged.hexdigest()}" in message
    assert f"but the hub gave {sha}" in message and "damaged" in message
    assert_nothing_kept(dest)


def test_a_hub_that_disagrees_with_the_catalogue_is_refused(hub: HubStub, dest: Path,
                                                            sha: str) -> None:
    with pytest.raises(DownloadError) as caught:
        fetch(hub.hf_url(), dest, sha256=OTHER_SHA, sha256_from="the catalogue")
    message = str(caught.value)
    assert f"announces SHA-256 {sha}" in message and OTHER_SHA in message
    assert "the catalogue" in message
    assert_nothing_kept(dest)


def test_a_file_replaced_on_the_hub_between_runs_starts_clean(hub: HubStub, dest: Path,
                                                               data: bytes) -> None:
    """The partial (and the hash it recorded) belong to the old file: neither may stay."""
    make_partial(hub, hub.hf_url(), dest)
    updated = data[:-1] + bytes([data[-1] ^ 0xFF])  # still a valid GGUF file
    hub.publish(REPO, FILE, updated)
    with pytest.raises(DownloadError) as caught:
        fetch(hub.hf_url(), dest)
    assert f"announces SHA-256 {sha256_of(updated)}" in str(caught.value)
    assert "nothing was kept" in str(caught.value)
    assert_nothing_kept(dest)

    result = fetch(hub.hf_url(), dest)
    assert result.checked_against == "the hub" and result.resumed_from == 0
    assert_installed(dest, updated)


# -- refusals --------------------------------------------------------------------------

def test_not_found_is_final_and_names_the_address(hub: HubStub, dest: Path) -> None:
    url = hub.file_url("renamed.gguf")
    with pytest.raises(DownloadError) as caught:
        fetch(url, dest, backoff_s=0)
    assert not caught.value.resumable
    assert f"{url} was not found (404)" in str(caught.value)
    assert len(hub.requests) == 1  # not retried
    assert_nothing_kept(dest)


def test_not_found_on_the_hub(hub: HubStub, dest: Path) -> None:
    url = hub.hf_url("gone.gguf")
    with pytest.raises(DownloadError, match="was not found") as caught:
        fetch(url, dest)
    assert url in str(caught.value) and not caught.value.resumable


@pytest.mark.parametrize(("status", "resumable", "fragment"), [
    (403, False, "accepting their licence"),
    (401, False, "refused the download (401)"),
    (503, True, "127.0.0.1 failed (503)"),
    (400, False, "refused the download (400)"),
])
def test_http_errors(hub: HubStub, dest: Path, status: int, resumable: bool,
                     fragment: str) -> None:
    hub.behave(FILE, status=status)
    with pytest.raises(DownloadError) as caught:
        fetch(hub.file_url(), dest)
    assert caught.value.resumable is resumable and fragment in str(caught.value)
    assert_nothing_kept(dest)


def test_not_enough_disk_space(hub: HubStub, dest: Path) -> None:
    asked: list[Path] = []

    def free_space(folder: Path) -> int:
        asked.append(folder)
        return 10

    with pytest.raises(DownloadError) as caught:
        fetch(hub.file_url(), dest, free_space=free_space)
    message = str(caught.value)
    assert message.startswith(f"Not enough disk space for {dest.name}")
    assert str(dest.parent) in message and "94 MB more" in message
    assert caught.value.resumable and asked == [dest.parent]
    assert not dest.exists() and not part_paths(dest)[0].exists()


def test_the_space_check_counts_the_bytes_already_there(hub: HubStub, dest: Path,
                                                        data: bytes) -> None:
    have = make_partial(hub, hub.file_url(), dest)
    needed = len(data) - have + SPARE_BYTES
    with pytest.raises(DownloadError, match="Not enough disk space") as caught:
        fetch(hub.file_url(), dest, free_space=lambda folder: needed - 1)
    assert caught.value.resumable and partial_size(dest) == have  # kept for next time
    result = fetch(hub.file_url(), dest, free_space=lambda folder: needed)
    assert result.resumed_from == have
    assert_installed(dest, data)


def test_a_web_page_instead_of_a_model_is_deleted(hub: HubStub, dest: Path) -> None:
    hub.behave(FILE, body=b"<!doctype html><title>Sign in</title><p>Please log in.</p>",
               content_type="text/html")
    url = hub.file_url()
    with pytest.raises(DownloadError) as caught:
        fetch(url, dest)
    message = str(caught.value)
    assert message.startswith(f"{url} did not give a usable GGUF model, so it was deleted")
    assert "GGUF" in message.split("deleted", 1)[1]
    assert_nothing_kept(dest)


def test_a_truncated_model_is_deleted(hub: HubStub, dest: Path, data: bytes) -> None:
    hub.behave(FILE, body=memoryview(data)[:len(data) // 2])
    with pytest.raises(DownloadError, match="did not give a usable GGUF model"):
        fetch(hub.file_url(), dest)
    assert_nothing_kept(dest)


# -- cancelling, killing and resuming -----------------------------------------------------

def test_cancel_from_the_progress_callback_keeps_the_partial(hub: HubStub, dest: Path,
                                                             data: bytes) -> None:
    have = make_partial(hub, hub.file_url(), dest)
    assert have < len(data) and part_paths(dest)[1].exists()

    seen: list[Progress] = []
    result = fetch(hub.file_url(), dest, progress=seen.append)
    assert result.resumed_from == have and not result.restarted
    assert hub.requests[-1].range == f"bytes={have}-"
    # The bytes already there are hashed first, so the checksum covers them.
    assert seen[0].phase == "checking"
    assert_installed(dest, data)


def test_cancel_from_another_thread_stops_a_stalled_download(hub: HubStub, dest: Path,
                                                             data: bytes) -> None:
    stall = 8 * MB
    behaviour = hub.behave(FILE, stall_after=stall)
    token = CancelToken()
    cancelled_at: list[float] = []

    def cancel_once_stalled() -> None:
        if behaviour.stalled.wait(30):
            # Every byte sent before the stall reaches the file (in 1 MB blocks).
            wait_until(lambda: partial_size(dest) >= stall, 30, "8 MB on disk")
        cancelled_at.append(time.monotonic())
        token.cancel()

    canceller = threading.Thread(target=cancel_once_stalled)
    canceller.start()
    try:
        with pytest.raises(Cancelled):
            fetch(hub.file_url(), dest, cancel=token, timeout_s=60)
    finally:
        canceller.join()
    # The read was unblocked at once, not by the 60 s timeout.
    assert time.monotonic() - cancelled_at[0] < 10
    assert partial_size(dest) == stall and not dest.exists()

    behaviour.release.set()
    result = fetch(hub.file_url(), dest)
    assert result.resumed_from == stall and hub.requests[-1].range == f"bytes={stall}-"
    assert_installed(dest, data)


CHILD = """
import sys
from pathlib import Path
from assistant.download import fetch
fetch(sys.argv[1], Path(sys.argv[2]), retries=0)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_download_resumes_in_the_next_run(hub: HubStub, dest: Path, data: bytes,
                                                   tmp_path: Path) -> None:
    behaviour = hub.behave(FILE, rate_bps=8 * MB)
    url = hub.file_url()
    with open(tmp_path / "child.log", "w+b") as log:
        child = subprocess.Popen([sys.executable, "-c", CHILD, url, str(dest)], cwd=REPO_ROOT,
                                 stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + PROCESS_S
            while partial_size(dest) < 2 * MB:
                if child.poll() is not None:
                    log.seek(0)
                    pytest.fail("the download process ended early:\n" + log.read().decode())
                if time.monotonic() > deadline:
                    pytest.fail(f"no 2 MB on disk within {PROCESS_S:.0f} s")
                with contextlib.suppress(subprocess.TimeoutExpired):
                    child.wait(timeout=0.02)
            os.kill(child.pid, signal.SIGKILL)
            assert child.wait(timeout=30) == -signal.SIGKILL
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
    killed_at = partial_size(dest)
    assert 2 * MB <= killed_at < len(data) and not dest.exists()
    assert part_paths(dest)[1].exists()

    behaviour.rate_bps = None
    result = fetch(url, dest)
    assert result.resumed_from == killed_at
    assert hub.requests[-1].range == f"bytes={killed_at}-"
    assert_installed(dest, data)


def test_a_complete_partial_is_finished_without_downloading_again(hub: HubStub, dest: Path,
                                                                  data: bytes, sha: str) -> None:
    """As after a kill between the last byte and the rename."""
    make_partial(hub, hub.file_url(), dest)
    part_paths(dest)[0].write_bytes(data)
    result = fetch(hub.file_url(), dest)
    assert (result.resumed_from, result.sha256) == (len(data), sha)
    assert hub.requests[-1].range == f"bytes={len(data)}-"  # answered 416, nothing sent
    assert_installed(dest, data)


def test_a_partial_of_another_address_is_not_reused(hub: HubStub, dest: Path,
                                                    data: bytes) -> None:
    make_partial(hub, hub.file_url(), dest)
    result = fetch(hub.modelscope_url(), dest)
    assert result.resumed_from == 0 and hub.requests[-1].range is None
    assert_installed(dest, data)


def test_a_partial_without_its_record_is_not_trusted(hub: HubStub, dest: Path,
                                                     data: bytes) -> None:
    make_partial(hub, hub.file_url(), dest)
    part_paths(dest)[1].unlink()
    result = fetch(hub.file_url(), dest)
    assert result.resumed_from == 0 and hub.requests[-1].range is None
    assert_installed(dest, data)


def test_a_partial_with_the_same_checksum_is_reused_from_another_address(
        hub: HubStub, dest: Path, data: bytes, sha: str) -> None:
    """A mirror serves the same file: the checksum, not the address, says so."""
    token, seen = CancelToken(), list[Progress]()
    with pytest.raises(Cancelled):
        fetch(hub.file_url(), dest, sha256=sha, cancel=token,
              progress=cancel_at_first_progress(token, seen))
    have = partial_size(dest)
    result = fetch(hub.modelscope_url(), dest, sha256=sha)
    assert result.resumed_from == have > 0 and hub.requests[-1].range == f"bytes={have}-"
    assert_installed(dest, data)


# -- progress -------------------------------------------------------------------------------

def test_progress_reports_grow_to_the_total(hub: HubStub, dest: Path, data: bytes) -> None:
    hub.behave(FILE, rate_bps=150 * MB)
    seen: list[Progress] = []
    fetch(hub.file_url(), dest, progress=seen.append)
    downloading = [p for p in seen if p.phase == "downloading"]
    assert len(downloading) >= 2
    assert all(p.file == dest.name and p.total == len(data) for p in seen)
    dones = [p.done for p in seen]
    assert dones == sorted(dones) and dones[0] > 0
    assert seen[-1].phase == "verifying" and seen[-1].done == len(data)
    assert seen[-1].fraction == 1.0
    assert downloading[-1].speed_bps > 0 and downloading[-1].eta_s is not None


@pytest.mark.parametrize(("done", "total", "speed", "fraction", "eta"), [
    (0, 100, 0.0, 0.0, None),
    (50, 100, 10.0, 0.5, 5.0),
    (100, 100, 10.0, 1.0, 0.0),
    (120, 100, 10.0, 1.0, 0.0),  # the hub's size was too small: never past the end
    (50, None, 10.0, None, None),
    (0, 0, 10.0, None, 0.0),
])
def test_progress_fraction_and_eta(done: int, total: int | None, speed: float,
                                   fraction: float | None, eta: float | None) -> None:
    report = Progress("m.gguf", done, total, speed)
    assert report.fraction == fraction and report.eta_s == eta
    assert report.phase == "downloading"


def test_partial_helpers(tmp_path: Path) -> None:
    dest = tmp_path / "m.gguf"
    part, record = part_paths(dest)
    assert (part.name, record.name) == ("m.gguf.part", "m.gguf.part.json")
    assert not has_partial(dest) and partial_size(dest) == 0
    part.write_bytes(b"12345")
    record.write_text("{}")
    assert has_partial(dest) and partial_size(dest) == 5
    discard_partial(dest)
    assert list(tmp_path.iterdir()) == []
    discard_partial(dest)  # nothing there: no error
