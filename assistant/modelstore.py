"""Get a model onto the machine: from the catalogue or from an address, into the models folder.

This plans a download (which files, from where, checked against which
SHA-256) and runs it with :func:`assistant.download.fetch`; the CLI and the
models page both use it. A model split into parts is several files, fetched
one after another; the first part is what llama.cpp opens.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx

from assistant.backend import CancelToken
from assistant.backend.config import is_loopback
from assistant.catalog import CatalogModel, Files, Source, file_url, modelscope_files_api
from assistant.download import ProgressCallback, Result, fetch, has_partial, partial_size
from assistant.errors import InputError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileJob:
    """One file to fetch."""

    url: str
    dest: Path
    sha256: str | None = None
    sha256_from: str = "you"
    size_hint: int | None = None


@dataclass(frozen=True)
class DownloadPlan:
    """What a download fetches; :attr:`path` is the file to load once it is done."""

    title: str
    files: tuple[FileJob, ...]
    source: Source | None = None

    @property
    def path(self) -> Path:
        """The model file (the first part of a split model)."""
        return self.files[0].dest

    @property
    def size_hint(self) -> int | None:
        """Approximate total bytes, when every file's size is known."""
        sizes = [f.size_hint for f in self.files]
        return None if any(s is None for s in sizes) else sum(s or 0 for s in sizes)

    def started(self) -> bool:
        """True when some of it was downloaded before (it will resume)."""
        return any(has_partial(f.dest) for f in self.files)

    def done_bytes(self) -> int:
        """Bytes already on disk from earlier attempts (finished files included)."""
        return sum(f.dest.stat().st_size if f.dest.exists() else partial_size(f.dest)
                   for f in self.files)


def plan_catalog(model: CatalogModel, source: Source, models_dir: Path,
                 environ: Mapping[str, str], checksums: bool = True) -> DownloadPlan:
    """Plan the download of ``model`` from ``source`` into ``models_dir``.

    Checksums: the catalogue's where it has them; for ModelScope, which sends
    none with the file, its file list is asked for each file's SHA-256 (Hugging
    Face announces it with the download itself).
    """
    files = model.files_on(source)
    announced = _modelscope_hashes(files, environ) if checksums and \
        source is Source.MODELSCOPE else {}
    share = model.size_mb * 1024 * 1024 // len(files.files)
    jobs = []
    for name in files.files:
        sha, size = model.sha256.get(name), share
        sha_from = "the catalogue"
        if name in announced:
            hub_sha, hub_size = announced[name]
            size = hub_size or size
            if sha is None and hub_sha:
                sha, sha_from = hub_sha, "the hub"
        jobs.append(FileJob(file_url(source, files, name, environ), models_dir / name, sha,
                            sha_from, size))
    return DownloadPlan(model.name, tuple(jobs), source)


def plan_url(url: str, models_dir: Path, sha256: str | None = None) -> DownloadPlan:
    """Plan the download of a GGUF file at ``url`` (a hub's page address is understood too)."""
    address = _file_address(url.strip())
    name = unquote(urlsplit(address).path.rsplit("/", 1)[-1])
    if not name.lower().endswith(".gguf") or "/" in name or name.startswith("."):
        raise InputError("{url!r} does not end in a .gguf file name. Give the address of the "
                         "model file itself, e.g. https://huggingface.co/ORG/REPO/resolve/main/"
                         "model-Q4_K_M.gguf.", url=url)
    return DownloadPlan(name, (FileJob(address, models_dir / name, sha256, "you"),))


def _file_address(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError("{url!r} is not a download address: it must start with https:// "
                         "(or http://).", url=url)
    # A Hugging Face page (…/blob/main/x.gguf) or a ModelScope page
    # (…/file/view/master/x.gguf) names the file; the download is at /resolve/.
    path = parts.path.replace("/blob/", "/resolve/", 1)
    path = path.replace("/file/view/", "/resolve/", 1)
    # The query stays: signed download links carry their token there.
    return parts._replace(path=path, fragment="").geturl()


def run(plan: DownloadPlan, cancel: CancelToken | None = None,
        progress: ProgressCallback | None = None, **options: object) -> list[Result]:
    """Fetch every file of ``plan`` (each resumes where it stopped); the results in order."""
    results = []
    for job in plan.files:
        if job.dest.exists() and not has_partial(job.dest):
            log.info("%s is already downloaded", job.dest.name)
            continue
        results.append(fetch(job.url, job.dest, sha256=job.sha256, sha256_from=job.sha256_from,
                             size_hint=job.size_hint, cancel=cancel, progress=progress,
                             **options))  # type: ignore[arg-type]
    return results


def _modelscope_hashes(files: Files, environ: Mapping[str, str]) -> dict[str, tuple[str, int]]:
    """File name -> (SHA-256, size) from ModelScope's file list; {} when it cannot be read."""
    url = modelscope_files_api(files, environ)
    try:
        with httpx.Client(trust_env=not is_loopback(url), timeout=20,
                          follow_redirects=True) as client:
            response = client.get(url)
            response.raise_for_status()
            entries = response.json()["Data"]["Files"]
    except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
        # The download still goes on; the result then says it was not checked.
        log.warning("ModelScope's file list for %s could not be read (%s); the SHA-256 "
                    "will not be checked", files.repo, exc)
        return {}
    hashes: dict[str, tuple[str, int]] = {}
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("Sha256"), str):
            name = str(entry.get("Path") or entry.get("Name") or "")
            hashes[name] = (entry["Sha256"].lower(), int(entry.get("Size") or 0))
    return hashes
