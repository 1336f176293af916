"""The catalogue of recommended models, and where each file can be downloaded.

The catalogue is a data file (``resources/catalog/models.toml``), not code:
what to recommend changes more often than how to download it. Each entry
names the model, its size, the RAM it needs, its languages and licence, and,
per source, the repository and the file(s) on that hub.

Three hubs are known: Hugging Face, its mirror hf-mirror.com (same repository
names) and ModelScope, which is what users in China reach fastest. Each hub's
address can be overridden by an environment variable (:data:`ENDPOINT_ENV`),
for companies with an internal mirror and for tests, which point them at a
server on 127.0.0.1.
"""

from __future__ import annotations

import enum
import importlib.resources
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from assistant.errors import InputError
from assistant.messages import Message

CATALOG_FILE = "catalog/models.toml"
"""Inside the ``assistant.resources`` package."""


class Source(enum.Enum):
    """A model hub."""

    HUGGINGFACE = "huggingface"
    HF_MIRROR = "hf-mirror"
    MODELSCOPE = "modelscope"


DEFAULT_ENDPOINTS = {
    Source.HUGGINGFACE: "https://huggingface.co",
    Source.HF_MIRROR: "https://hf-mirror.com",
    Source.MODELSCOPE: "https://modelscope.cn",
}

ENDPOINT_ENV = {
    Source.HUGGINGFACE: "ASSISTANT_HF_ENDPOINT",
    Source.HF_MIRROR: "ASSISTANT_HF_MIRROR_ENDPOINT",
    Source.MODELSCOPE: "ASSISTANT_MODELSCOPE_ENDPOINT",
}
"""Environment variables that move a hub, e.g. ``ASSISTANT_MODELSCOPE_ENDPOINT``."""


def default_source(ui_language: str) -> Source:
    """ModelScope for a Chinese user (the hub reachable from China), else Hugging Face."""
    return Source.MODELSCOPE if ui_language.lower().startswith("zh") else Source.HUGGINGFACE


def endpoint(source: Source, environ: Mapping[str, str]) -> str:
    """The hub's address, as overridden by the environment."""
    return (environ.get(ENDPOINT_ENV[source], "").strip() or DEFAULT_ENDPOINTS[source]).rstrip("/")


@dataclass(frozen=True)
class Files:
    """Where a model is on one hub: a repository and its file(s) in order."""

    repo: str
    files: tuple[str, ...]


@dataclass(frozen=True)
class CatalogModel:
    """One recommended model."""

    id: str
    name: str
    parameters: str
    quantization: str
    size_mb: int
    """Approximate; the exact size comes from the hub."""
    ram_gb: float
    min_cores: int
    languages: tuple[str, ...]
    license: str
    expect: Mapping[str, str]
    """What to expect, by language ("en", "zh")."""
    sources: Mapping[Source, Files]
    sha256: Mapping[str, str]
    """Known checksums by file name (optional; the hub's are used too)."""

    def files_on(self, source: Source) -> Files:
        """The repository and files on ``source``, or InputError naming the others."""
        if source in self.sources:
            return self.sources[source]
        if source is Source.HF_MIRROR and Source.HUGGINGFACE in self.sources:
            return self.sources[Source.HUGGINGFACE]
        offered = ", ".join(s.value for s in self.available_sources())
        raise InputError("{name} is not on {source}; it can be downloaded from: {offered}.",
                         name=self.name, source=source.value, offered=offered)

    def available_sources(self) -> list[Source]:
        """The hubs this model can come from, hf-mirror wherever Hugging Face is."""
        return [s for s in Source if s in self.sources
                or (s is Source.HF_MIRROR and Source.HUGGINGFACE in self.sources)]

    def expectation(self, language: str) -> str:
        """The "what to expect" text in ``language`` ("zh…" or anything else: English)."""
        key = "zh" if language.lower().startswith("zh") else "en"
        return self.expect.get(key) or self.expect.get("en", "")

    def enough_ram(self, ram_bytes: int) -> bool:
        """True when a machine with this much RAM can hold the model comfortably.

        An "8 GB" laptop reports about 7.7 GiB (firmware and graphics keep some),
        so a tenth is allowed below the catalogue's figure.
        """
        return ram_bytes >= 0.9 * self.ram_gb * 1024 ** 3

    def runs_on(self, ram_bytes: int, cores: int) -> bool:
        """True when a machine with this RAM and these cores can run it usefully."""
        return self.enough_ram(ram_bytes) and cores >= self.min_cores

    def local_names(self) -> set[str]:
        """The names the model has in the models folder, one per source (its first part)."""
        return {files.files[0] for files in self.sources.values()}

    def downloaded_in(self, models_dir: Path) -> Path | None:
        """The model's file in ``models_dir`` (from whichever source), or None."""
        return next((models_dir / name for name in sorted(self.local_names())
                     if (models_dir / name).exists()), None)


def this_machine() -> tuple[int, int]:
    """(RAM in bytes, physical cores) of this computer, to recommend a model size."""
    import psutil

    cores = psutil.cpu_count(logical=False) or psutil.cpu_count() or 1
    return int(psutil.virtual_memory().total), cores


def file_url(source: Source, files: Files, name: str, environ: Mapping[str, str]) -> str:
    """The download address of one file of ``files`` on ``source``."""
    base = endpoint(source, environ)
    repo, path = quote(files.repo, safe="/"), quote(name, safe="/")
    if source is Source.MODELSCOPE:
        return f"{base}/models/{repo}/resolve/master/{path}"
    return f"{base}/{repo}/resolve/main/{path}"


def modelscope_files_api(files: Files, environ: Mapping[str, str]) -> str:
    """ModelScope's file list of a repository, with each file's size and SHA-256."""
    base = endpoint(Source.MODELSCOPE, environ)
    return (f"{base}/api/v1/models/{quote(files.repo, safe='/')}/repo/files"
            "?Revision=master&Recursive=true")


class Catalog:
    """The recommended models, in the catalogue's order."""

    def __init__(self, models: list[CatalogModel]) -> None:
        self.models = models

    def get(self, model_id: str) -> CatalogModel:
        """The entry ``model_id``, or InputError listing the ids."""
        for model in self.models:
            if model.id == model_id:
                return model
        ids = ", ".join(m.id for m in self.models)
        raise InputError("No model {model_id!r} in the catalogue. Choose one of: {ids} "
                         "(see 'assistant models catalog'), or give a download address.",
                         model_id=model_id, ids=ids)

    def recommended(self, ram_bytes: int, cores: int) -> CatalogModel | None:
        """The largest model this machine runs usefully, or None."""
        fitting = [m for m in self.models if m.runs_on(ram_bytes, cores)]
        return max(fitting, key=lambda m: m.ram_gb, default=None)


def load_catalog(text: str | None = None, where: str = CATALOG_FILE) -> Catalog:
    """Read the shipped catalogue (or ``text``); InputError names the entry and key."""
    if text is None:
        text = (importlib.resources.files("assistant.resources") / CATALOG_FILE).read_text(
            encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError("{where}: not valid TOML ({error}).", where=where,
                         error=str(exc)) from None
    entries = data.get("model", [])
    if not isinstance(entries, list):
        raise InputError("{where}: each model must be a [[model]] table.", where=where)
    models: list[CatalogModel] = []
    for number, raw in enumerate(entries, start=1):
        models.append(_model(raw, Message.of("{where}, model {number}", where=where,
                                             number=number)))
    ids = [m.id for m in models]
    if len(set(ids)) != len(ids):
        raise InputError("{where}: a model id is used twice ({ids}).", where=where,
                         ids=", ".join(ids))
    return Catalog(models)


def _model(raw: Any, where: Message) -> CatalogModel:
    if not isinstance(raw, dict):
        raise InputError("{where}: each [[model]] must be a table.", where=where)

    def need(key: str, kind: type | tuple[type, ...]) -> Any:
        value = raw.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise InputError("{where}: '{key}' is missing or of the wrong type.", where=where,
                             key=key)
        return value

    sources: dict[Source, Files] = {}
    for name, entry in need("sources", dict).items():
        try:
            source = Source(name)
        except ValueError:
            known = ", ".join(s.value for s in Source)
            raise InputError("{where}: unknown source {name!r}; use {known}.", where=where,
                             name=name, known=known) from None
        files = entry.get("files") if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not isinstance(entry.get("repo"), str) or \
                not isinstance(files, list) or not files or \
                not all(isinstance(f, str) and f.endswith(".gguf") for f in files):
            raise InputError("{where}: sources.{name} needs repo = \"owner/name\" and "
                             "files = [\"….gguf\", …].", where=where, name=name)
        sources[source] = Files(entry["repo"], tuple(files))
    if not sources:
        raise InputError("{where}: no sources.", where=where)
    sha = raw.get("sha256", {})
    if not isinstance(sha, dict) or not all(isinstance(v, str) and len(v) == 64
                                            for v in sha.values()):
        raise InputError("{where}: sha256 must map file names to 64 hex digits.", where=where)
    return CatalogModel(
        id=need("id", str), name=need("name", str), parameters=need("parameters", str),
        quantization=need("quantization", str), size_mb=need("size_mb", int),
        ram_gb=float(need("ram_gb", (int, float))),
        min_cores=need("min_cores", int) if "min_cores" in raw else 1,
        languages=tuple(need("languages", list)), license=need("license", str),
        expect={"en": str(raw.get("expect_en", "")), "zh": str(raw.get("expect_zh", ""))},
        sources=sources, sha256={k: v.lower() for k, v in sha.items()})
