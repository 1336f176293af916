"""Planning and running model downloads: the catalogue, hub addresses, split models.

The catalogue is data users and packagers edit, so a broken entry must be
named; the hubs are moved onto ``tests/hub_stub.py`` with the same
environment variables a company mirror would use, so every download here
goes to 127.0.0.1 and checks the checksum each hub really gives (Hugging Face
in a header, ModelScope in its file API).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from hub_stub import FILE, REPO, HubStub, sha256_of

from assistant.backend import CancelToken
from assistant.catalog import (
    DEFAULT_ENDPOINTS,
    ENDPOINT_ENV,
    CatalogModel,
    Files,
    Source,
    default_source,
    endpoint,
    file_url,
    load_catalog,
)
from assistant.download import DownloadError, Progress, partial_size
from assistant.errors import Cancelled, InputError
from assistant.modelstore import plan_catalog, plan_url, run

GiB = 1024 ** 3
SPLIT_REPO = "stub-org/Split-GGUF"
PARTS = ("split-q4_1-00001-of-00002.gguf", "split-q4_1-00002-of-00002.gguf")


def entry(model_id: str = "stub", *, ram_gb: float = 1, min_cores: int = 1,
          repo: str = REPO, files: tuple[str, ...] = (FILE,),
          sources: tuple[str, ...] = ("huggingface", "modelscope"),
          sha256: dict[str, str] | None = None) -> str:
    """One catalogue entry in the shipped file's format."""
    lines = ["[[model]]", f'id = "{model_id}"', f'name = "Stub {model_id}"',
             'parameters = "135M"', 'quantization = "Q4_1"', "size_mb = 94",
             f"ram_gb = {ram_gb}", f"min_cores = {min_cores}", 'languages = ["en"]',
             'license = "Apache-2.0"', 'expect_en = "Tiny."', 'expect_zh = "很小。"']
    lines += [f'sources.{source} = {{ repo = "{repo}", files = {json.dumps(list(files))} }}'
              for source in sources]
    if sha256:
        lines.append("sha256 = { " + ", ".join(f'"{k}" = "{v}"' for k, v in sha256.items())
                     + " }")
    return "\n".join(lines) + "\n"


def stub_model(**changes: object) -> CatalogModel:
    return load_catalog(entry(**changes)).models[0]  # type: ignore[arg-type]


@pytest.fixture
def models_dir(tmp_path: Path) -> Iterator[Path]:
    """A fresh models folder; emptied afterwards (each model is ~98 MB)."""
    folder = tmp_path / "models"
    yield folder
    for path in folder.glob("*"):
        path.unlink()


@pytest.fixture
def split_hub(hub: HubStub, data: bytes) -> tuple[HubStub, tuple[bytes, bytes]]:
    """The stub with a model in two parts; the second differs in its last byte (both are GGUF)."""
    second = data[:-1] + bytes([data[-1] ^ 0xFF])
    hub.publish(SPLIT_REPO, PARTS[0], data)
    hub.publish(SPLIT_REPO, PARTS[1], second)
    return hub, (data, second)


# -- the shipped catalogue ----------------------------------------------------------------

def test_the_shipped_catalogue_loads_and_is_complete() -> None:
    catalog = load_catalog()
    assert catalog.models
    ids = [m.id for m in catalog.models]
    assert len(set(ids)) == len(ids)
    for model in catalog.models:
        assert {Source.HUGGINGFACE, Source.MODELSCOPE} & set(model.sources), model.id
        assert Source.HF_MIRROR in model.available_sources() or \
            Source.HUGGINGFACE not in model.sources
        for files in model.sources.values():
            assert files.files and all(f.endswith(".gguf") for f in files.files), model.id
            assert files.repo.count("/") == 1, model.id
        assert model.size_mb > 0 and model.ram_gb > 0 and model.min_cores >= 1, model.id
        assert model.license and model.expectation("en") and model.expectation("zh_CN")
        assert all(len(v) == 64 for v in model.sha256.values())


def test_the_shipped_catalogue_recommends_by_ram() -> None:
    catalog = load_catalog()
    assert catalog.recommended(0, 64) is None
    biggest = catalog.recommended(1024 * GiB, 256)
    assert biggest is not None and biggest.ram_gb == max(m.ram_gb for m in catalog.models)
    smallest = min(catalog.models, key=lambda m: m.ram_gb)
    chosen = catalog.recommended(int(smallest.ram_gb * GiB), 256)
    assert chosen is not None and chosen.ram_gb == smallest.ram_gb


RECOMMEND = load_catalog("".join([
    entry("small", ram_gb=2, min_cores=1), entry("mid", ram_gb=6, min_cores=2),
    entry("big", ram_gb=8, min_cores=4), entry("mid-too", ram_gb=6, min_cores=2)]))


@pytest.mark.parametrize(("ram", "cores", "chosen"), [
    (1 * GiB, 8, None),
    (2 * GiB, 1, "small"),
    (6 * GiB, 1, "small"),      # enough memory for "mid", too few cores
    (6 * GiB, 2, "mid"),        # a tie goes to the catalogue's first
    (7 * GiB, 8, "mid"),
    (int(7.7 * GiB), 8, "big"),  # an "8 GB" laptop, as the system reports it
    (8 * GiB, 2, "mid"),
    (8 * GiB, 4, "big"),
    (64 * GiB, 64, "big"),
])
def test_recommended_is_the_largest_that_runs(ram: int, cores: int, chosen: str | None) -> None:
    model = RECOMMEND.recommended(ram, cores)
    assert (model.id if model else None) == chosen


@pytest.mark.parametrize(("language", "source"), [
    ("zh_CN", Source.MODELSCOPE), ("zh-TW", Source.MODELSCOPE), ("ZH", Source.MODELSCOPE),
    ("en_US", Source.HUGGINGFACE), ("de", Source.HUGGINGFACE), ("", Source.HUGGINGFACE)])
def test_default_source(language: str, source: Source) -> None:
    assert default_source(language) is source


def test_endpoints_move_with_the_environment() -> None:
    assert set(ENDPOINT_ENV) == set(Source) == set(DEFAULT_ENDPOINTS)
    for source, variable in ENDPOINT_ENV.items():
        assert endpoint(source, {}) == DEFAULT_ENDPOINTS[source]
        assert endpoint(source, {variable: "  "}) == DEFAULT_ENDPOINTS[source]
        assert endpoint(source, {variable: " http://127.0.0.1:9/mirror/ "}) == \
            "http://127.0.0.1:9/mirror"
    assert ENDPOINT_ENV[Source.HUGGINGFACE] == "ASSISTANT_HF_ENDPOINT"
    assert ENDPOINT_ENV[Source.MODELSCOPE] == "ASSISTANT_MODELSCOPE_ENDPOINT"


@pytest.mark.parametrize(("source", "url"), [
    (Source.HUGGINGFACE, "https://huggingface.co/Org/R-GGUF/resolve/main/a%20b.gguf"),
    (Source.HF_MIRROR, "https://hf-mirror.com/Org/R-GGUF/resolve/main/a%20b.gguf"),
    (Source.MODELSCOPE, "https://modelscope.cn/models/Org/R-GGUF/resolve/master/a%20b.gguf"),
])
def test_file_urls(source: Source, url: str) -> None:
    assert file_url(source, Files("Org/R-GGUF", ("a b.gguf",)), "a b.gguf", {}) == url


def test_a_model_not_on_a_hub_says_where_it_is() -> None:
    model = stub_model(sources=("huggingface",))
    assert model.files_on(Source.HF_MIRROR) == model.files_on(Source.HUGGINGFACE)
    with pytest.raises(InputError) as caught:
        model.files_on(Source.MODELSCOPE)
    assert "Stub stub is not on modelscope" in str(caught.value)
    assert "huggingface, hf-mirror" in str(caught.value)


def test_an_unknown_id_lists_the_known_ones() -> None:
    with pytest.raises(InputError) as caught:
        RECOMMEND.get("huge")
    assert "No model 'huge'" in str(caught.value) and "small, mid, big, mid-too" in str(
        caught.value)
    assert RECOMMEND.get("big").ram_gb == 8


def test_expectations_by_language() -> None:
    model = stub_model()
    assert (model.expectation("zh_CN"), model.expectation("en_GB"),
            model.expectation("fr")) == ("很小。", "Tiny.", "Tiny.")


GOOD = entry("first")


@pytest.mark.parametrize(("old", "new", "fragment"), [
    ("size_mb = 94\n", "", "'size_mb' is missing or of the wrong type"),
    ("size_mb = 94", 'size_mb = "big"', "'size_mb' is missing or of the wrong type"),
    ("size_mb = 94", "size_mb = true", "'size_mb' is missing or of the wrong type"),
    ("min_cores = 1", 'min_cores = "four"', "'min_cores' is missing or of the wrong type"),
    ('id = "second"', "id = 2", "'id' is missing or of the wrong type"),
    ("sources.modelscope", "sources.github", "unknown source 'github'; use huggingface"),
    (f'files = ["{FILE}"] }}\nsources.modelscope', 'files = ["model.bin"] }\nsources.modelscope',
     "sources.huggingface needs repo"),
    (f'files = ["{FILE}"] }}\nsources.modelscope', "files = [] }\nsources.modelscope",
     "sources.huggingface needs repo"),
    ("sources.", "#sources.", "'sources' is missing"),
    ('sources.huggingface = { repo', 'sources.huggingface = { rep', "needs repo"),
    ('expect_zh = "很小。"', 'expect_zh = "很小。"\nsha256 = { "a.gguf" = "abc" }',
     "sha256 must map file names to 64 hex digits"),
])
def test_a_broken_entry_is_named(old: str, new: str, fragment: str) -> None:
    broken = entry("second")
    assert old in broken
    with pytest.raises(InputError) as caught:
        load_catalog(GOOD + broken.replace(old, new), where="my-models.toml")
    assert str(caught.value).startswith("my-models.toml, model 2: ")
    assert fragment in str(caught.value)


@pytest.mark.parametrize(("text", "fragment"), [
    (GOOD + GOOD, "a model id is used twice"),
    (GOOD + "[[model]\n", "not valid TOML"),
    ("model = 3\n", "[[model]]"),
    ('model = ["x"]\n', "model 1: each [[model]] must be a table"),
    (GOOD.replace("[[model]]", "[[model]]\nsources = {}").replace("sources.", "#"),
     "no sources"),
])
def test_a_broken_catalogue_is_refused(text: str, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        load_catalog(text, where="my-models.toml")
    assert str(caught.value).startswith("my-models.toml") and fragment in str(caught.value)


def test_an_empty_catalogue_is_empty() -> None:
    assert load_catalog("").models == []


# -- download addresses --------------------------------------------------------------------

@pytest.mark.parametrize(("given", "url", "name"), [
    ("https://huggingface.co/org/repo/blob/main/x-Q4_K_M.gguf",
     "https://huggingface.co/org/repo/resolve/main/x-Q4_K_M.gguf", "x-Q4_K_M.gguf"),
    ("https://huggingface.co/org/repo/resolve/main/x.gguf?download=true#top",
     "https://huggingface.co/org/repo/resolve/main/x.gguf?download=true", "x.gguf"),
    ("https://modelscope.cn/models/org/repo/file/view/master/x.gguf",
     "https://modelscope.cn/models/org/repo/resolve/master/x.gguf", "x.gguf"),
    ("  http://127.0.0.1:8000/files/My%20Model.GGUF ",
     "http://127.0.0.1:8000/files/My%20Model.GGUF", "My Model.GGUF"),
])
def test_plan_url_understands_hub_pages(tmp_path: Path, given: str, url: str,
                                        name: str) -> None:
    plan = plan_url(given, tmp_path, "ab" * 32)
    [job] = plan.files
    assert (job.url, job.dest, job.sha256, job.sha256_from) == (url, tmp_path / name,
                                                                 "ab" * 32, "you")
    assert plan.title == name and plan.path == tmp_path / name and plan.source is None
    assert plan.size_hint is None and not plan.started() and plan.done_bytes() == 0


@pytest.mark.parametrize(("given", "fragment"), [
    ("https://huggingface.co/org/repo/blob/main/model.safetensors", "does not end in a .gguf"),
    ("https://example.com/", "does not end in a .gguf"),
    ("https://example.com/.gguf", "does not end in a .gguf"),
    ("https://example.com/models/%2e%2e%2fevil.gguf", "does not end in a .gguf"),
    ("ftp://example.com/x.gguf", "is not a download address"),
    ("file:///home/me/x.gguf", "is not a download address"),
    ("huggingface.co/org/repo/resolve/main/x.gguf", "is not a download address"),
    ("https:///x.gguf", "is not a download address"),
])
def test_plan_url_refuses_what_is_not_a_gguf_address(tmp_path: Path, given: str,
                                                     fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        plan_url(given, tmp_path)
    assert repr(given) in str(caught.value) and fragment in str(caught.value)


def test_a_hub_page_address_downloads_the_file(hub: HubStub, models_dir: Path, data: bytes,
                                               sha: str) -> None:
    plan = plan_url(f"{hub.url}/{REPO}/blob/main/{FILE}", models_dir, sha)
    [result] = run(plan, backoff_s=0)
    assert result.path == models_dir / FILE and result.checked_against == "you"
    assert hub.requests[0].path == f"/{REPO}/resolve/main/{FILE}"
    assert (models_dir / FILE).read_bytes() == data


# -- catalogue models from the hubs ------------------------------------------------------------

@pytest.mark.parametrize("source", [Source.HUGGINGFACE, Source.HF_MIRROR])
def test_a_catalogue_model_from_hugging_face(hub: HubStub, models_dir: Path, data: bytes,
                                             sha: str, source: Source) -> None:
    model = stub_model()
    plan = plan_catalog(model, source, models_dir, hub.environ())
    [job] = plan.files
    assert job.url == hub.hf_url() and job.dest == models_dir / FILE
    assert job.sha256 is None and job.size_hint == 94 * 1024 * 1024
    assert plan.title == "Stub stub" and plan.source is source
    assert hub.requests == []  # Hugging Face announces the hash with the download itself

    [result] = run(plan, backoff_s=0)
    assert (result.sha256, result.checked_against) == (sha, "the hub")
    assert plan.path.read_bytes() == data
    assert sorted(p.name for p in models_dir.iterdir()) == [FILE]


def test_the_catalogue_checksum_is_checked(hub: HubStub, models_dir: Path, sha: str) -> None:
    plan = plan_catalog(stub_model(sha256={FILE: sha.upper()}), Source.HUGGINGFACE,
                        models_dir, hub.environ())
    assert (plan.files[0].sha256, plan.files[0].sha256_from) == (sha, "the catalogue")
    [result] = run(plan)
    assert result.checked_against == "the catalogue"


def test_a_hub_that_disagrees_with_the_catalogue_is_refused(hub: HubStub, models_dir: Path,
                                                            sha: str) -> None:
    wrong = sha256_of(b"another build")
    plan = plan_catalog(stub_model(sha256={FILE: wrong}), Source.HUGGINGFACE, models_dir,
                        hub.environ())
    with pytest.raises(DownloadError) as caught:
        run(plan)
    assert f"announces SHA-256 {sha}, but the catalogue gave {wrong}" in str(caught.value)
    assert not models_dir.exists() or list(models_dir.iterdir()) == []


def test_a_catalogue_model_from_modelscope(hub: HubStub, models_dir: Path, data: bytes,
                                           sha: str) -> None:
    plan = plan_catalog(stub_model(), Source.MODELSCOPE, models_dir, hub.environ())
    [job] = plan.files
    assert job.url == hub.modelscope_url()
    assert (job.sha256, job.sha256_from, job.size_hint) == (sha, "the hub", len(data))
    [listing] = hub.requests
    assert listing.path == f"/api/v1/models/{REPO}/repo/files"
    assert "Revision=master" in listing.query and "Recursive=true" in listing.query

    [result] = run(plan, backoff_s=0)
    assert (result.sha256, result.checked_against) == (sha, "the hub")
    assert plan.path.read_bytes() == data


def test_modelscope_checksums_are_really_checked(hub: HubStub, models_dir: Path) -> None:
    wrong = sha256_of(b"another build")
    hub.behave(FILE, announce=wrong)
    plan = plan_catalog(stub_model(), Source.MODELSCOPE, models_dir, hub.environ())
    assert plan.files[0].sha256 == wrong
    with pytest.raises(DownloadError, match=f"but the hub gave {wrong}"):
        run(plan)
    assert list(models_dir.iterdir()) == []


def test_without_modelscope_file_list_the_download_goes_on_unchecked(
        hub: HubStub, models_dir: Path, data: bytes, caplog: pytest.LogCaptureFixture) -> None:
    hub.behave(f"/api/v1/models/{REPO}/repo/files", status=500)
    with caplog.at_level(logging.WARNING, logger="assistant.modelstore"):
        plan = plan_catalog(stub_model(), Source.MODELSCOPE, models_dir, hub.environ())
    assert plan.files[0].sha256 is None and plan.files[0].size_hint == 94 * 1024 * 1024
    assert any(REPO in r.getMessage() and "will not be checked" in r.getMessage()
               for r in caplog.records)
    [result] = run(plan)
    assert result.checked_against is None and plan.path.read_bytes() == data


def test_checksums_can_be_left_out_of_the_plan(hub: HubStub, models_dir: Path) -> None:
    plan = plan_catalog(stub_model(), Source.MODELSCOPE, models_dir, hub.environ(),
                        checksums=False)
    assert plan.files[0].sha256 is None and hub.requests == []


# -- models in several parts ---------------------------------------------------------------

def split_model() -> CatalogModel:
    return stub_model(repo=SPLIT_REPO, files=PARTS)


@pytest.mark.parametrize("source", [Source.HUGGINGFACE, Source.MODELSCOPE])
def test_a_model_in_two_parts_downloads_both(split_hub: tuple[HubStub, tuple[bytes, bytes]],
                                             models_dir: Path, source: Source) -> None:
    hub, bodies = split_hub
    plan = plan_catalog(split_model(), source, models_dir, hub.environ())
    assert [job.dest for job in plan.files] == [models_dir / name for name in PARTS]
    assert plan.path == models_dir / PARTS[0]
    if source is Source.MODELSCOPE:
        assert [job.sha256 for job in plan.files] == [sha256_of(b) for b in bodies]
        assert plan.size_hint == sum(len(b) for b in bodies)
    else:
        assert plan.size_hint == 2 * (94 * 1024 * 1024 // 2)

    files_seen: list[str] = []
    results = run(plan, progress=lambda p: files_seen.append(p.file), backoff_s=0)
    assert [r.path for r in results] == [job.dest for job in plan.files]
    assert [r.sha256 for r in results] == [sha256_of(b) for b in bodies]
    assert all(r.checked_against == "the hub" for r in results)
    for name, body in zip(PARTS, bodies, strict=True):
        assert (models_dir / name).read_bytes() == body
    # One file after the other, in order.
    assert files_seen == sorted(files_seen) and set(files_seen) == set(PARTS)

    # A second run finds both there and fetches nothing.
    asked = len(hub.requests)
    assert run(plan) == [] and len(hub.requests) == asked
    assert not plan.started() and plan.done_bytes() == sum(len(b) for b in bodies)


def test_a_split_download_stopped_in_part_two_resumes_there(
        split_hub: tuple[HubStub, tuple[bytes, bytes]], models_dir: Path) -> None:
    hub, bodies = split_hub
    plan = plan_catalog(split_model(), Source.HUGGINGFACE, models_dir, hub.environ())
    token = CancelToken()

    def stop_in_part_two(report: Progress) -> None:
        if report.file == PARTS[1] and report.phase == "downloading" and report.done > 0:
            token.cancel()

    with pytest.raises(Cancelled):
        run(plan, token, stop_in_part_two)
    have = partial_size(models_dir / PARTS[1])
    assert (models_dir / PARTS[0]).read_bytes() == bodies[0] and have > 0
    assert not (models_dir / PARTS[1]).exists()
    assert plan.started() and plan.done_bytes() == len(bodies[0]) + have

    asked = len(hub.requests)
    [result] = run(plan)
    later = hub.requests[asked:]
    assert all(PARTS[0] not in r.path for r in later)
    assert later[-1].range == f"bytes={have}-" and result.resumed_from == have
    assert (models_dir / PARTS[1]).read_bytes() == bodies[1]
