"""``assistant models …`` as a user runs it: catalogue, download, resume after kill -9, use.

The hubs are moved to a stub on 127.0.0.1 (``tests/hub_stub.py``) with the
environment variables a company mirror would use; the file served is the
embedded model's, under the shipped catalogue's repository and file names.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hub_stub import HubStub
from waits import PROCESS_S

from assistant.catalog import Source, load_catalog

ENTRY = load_catalog().get("qwen2.5-1.5b-instruct")
FILES = ENTRY.files_on(Source.HUGGINGFACE)


def cli(home: Path, hub: HubStub | None, *args: str,
        timeout: float = PROCESS_S) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ASSISTANT_HOME": str(home), "PYTHONIOENCODING": "utf-8",
           **(hub.environ() if hub else {})}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=timeout, check=False)


@pytest.fixture
def published(hub: HubStub, served_model: tuple[bytes, str]) -> HubStub:
    """The hub serves the embedded model as the catalogue's Qwen2.5 1.5B file."""
    hub.publish(FILES.repo, FILES.files[0], served_model[0], served_model[1])
    return hub


def test_catalog_lists_the_recommended_models(home: Path) -> None:
    done = cli(home, None, "models", "catalog", "--json")
    assert done.returncode == 0, done.stderr
    data: Any = json.loads(done.stdout)
    ids = [m["id"] for m in data["models"]]
    assert {"qwen2.5-1.5b-instruct", "qwen2.5-3b-instruct", "qwen2.5-7b-instruct",
            "llama-3.2-3b-instruct"} <= set(ids)
    assert sum(m["recommended"] for m in data["models"]) <= 1
    assert all(m["expect"] and m["license"] and m["sources"] for m in data["models"])
    text = cli(home, None, "models", "catalog").stdout
    assert "This computer:" in text and "assistant models download" in text


def test_download_verifies_activates_and_run_uses_it(home: Path, published: HubStub,
                                                     served_model: tuple[bytes, str]) -> None:
    done = cli(home, published, "models", "download", ENTRY.id, "--source", "huggingface")
    assert done.returncode == 0, done.stderr
    target = home / "data" / "models" / FILES.files[0]
    assert target.read_bytes() == served_model[0]
    assert "SHA-256 checked against the hub" in done.stderr and "Active model" in done.stderr
    assert done.stdout.strip() == str(target)
    listed = json.loads(cli(home, None, "models", "--json").stdout)
    active = [m for m in listed["models"] if m["active"]]
    assert [m["path"] for m in active] == [str(target)]
    run = cli(home, None, "run", "proofread-en", "--set", "text=Their going.", "--max-tokens",
              "4", "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["model"] == str(target)
    again = cli(home, published, "models", "download", ENTRY.id, "--source", "huggingface")
    assert again.returncode == 0 and "already downloaded" in again.stderr


def test_modelscope_source_checks_the_listed_checksum(home: Path, published: HubStub) -> None:
    done = cli(home, published, "models", "download", ENTRY.id, "--source", "modelscope")
    assert done.returncode == 0, done.stderr
    assert "SHA-256 checked against the hub" in done.stderr
    assert published.requests_for("/api/v1/models/"), "the file list was asked for"
    assert published.requests_for("/resolve/master/")


def test_a_killed_download_resumes_on_the_next_run(home: Path, published: HubStub,
                                                   served_model: tuple[bytes, str]) -> None:
    crawl = published.behave(FILES.files[0], rate_bps=8 * 1024 * 1024)
    env = {**os.environ, "ASSISTANT_HOME": str(home), **published.environ()}
    child = subprocess.Popen([sys.executable, "-m", "assistant", "models", "download", ENTRY.id,
                              "--source", "huggingface"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    part = home / "data" / "models" / (FILES.files[0] + ".part")
    try:
        for _ in range(600):  # until a few MB are on disk, at most 60 s
            if part.exists() and part.stat().st_size > 4 * 1024 * 1024:
                break
            with pytest.raises(subprocess.TimeoutExpired):
                child.wait(timeout=0.1)
        else:
            pytest.fail("the download never got going")
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    kept = part.stat().st_size
    assert kept > 0 and not (home / "data" / "models" / FILES.files[0]).exists()
    crawl.rate_bps = None
    done = cli(home, published, "models", "download", ENTRY.id, "--source", "huggingface")
    assert done.returncode == 0, done.stderr
    assert "Resuming" in done.stderr
    ranges = [r.range for r in published.requests_for("/cdn/") if r.range]
    assert ranges and int(ranges[-1].removeprefix("bytes=").rstrip("-")) >= kept - 1024 * 1024
    assert (home / "data" / "models" / FILES.files[0]).read_bytes() == served_model[0]


def test_download_errors_exit_3_with_the_address(home: Path, published: HubStub) -> None:
    published.behave(FILES.files[0], status=404)
    done = cli(home, published, "models", "download", ENTRY.id, "--source", "huggingface")
    assert done.returncode == 3 and "(404)" in done.stderr and published.url in done.stderr
    assert "Traceback" not in done.stderr


def test_wrong_checksum_is_refused_and_nothing_kept(home: Path, published: HubStub) -> None:
    done = cli(home, published, "models", "download", published.file_url(), "--sha256",
               "0" * 64)
    assert done.returncode == 3
    assert "0" * 64 in done.stderr and "deleted" in done.stderr
    assert list((home / "data" / "models").glob("*")) == []


def test_bad_ids_and_addresses(home: Path) -> None:
    unknown = cli(home, None, "models", "download", "gpt-5")
    assert unknown.returncode == 2 and "qwen2.5-1.5b-instruct" in unknown.stderr
    page = cli(home, None, "models", "download", "https://example.com/models/readme.md")
    assert page.returncode == 2 and "does not end in a .gguf" in page.stderr
    missing = cli(home, None, "models", "use", "qwen2.5-3b-instruct")
    assert missing.returncode == 2 and "not downloaded yet" in missing.stderr


def test_use_a_file(home: Path, model_path: Path) -> None:
    done = cli(home, None, "models", "use", str(model_path))
    assert done.returncode == 0, done.stderr
    settings = (home / "config" / "settings.toml").read_text(encoding="utf-8")
    assert str(model_path) in settings and 'model_source = "local"' in settings
    broken = home / "broken.gguf"
    broken.write_bytes(b"GGUF" + b"\0" * 10)
    refused = cli(home, None, "models", "use", str(broken))
    assert refused.returncode == 2 and "broken.gguf" in refused.stderr
