"""The prefix state store on its own: keys, bounds, and files that must not be trusted."""

from __future__ import annotations

import dataclasses
import logging
import os
from pathlib import Path

import pytest

from assistant.backend.prefix_store import MAGIC, ModelIdentity, PrefixStore

MODEL = ModelIdentity("/models/a.gguf", 1000, 1, 4096, 0, "f16", "0.3.36")
TOKENS = [1, 2, 3, 4, 5]
STATE = bytes(range(256)) * 40


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "prefix-states"


def test_round_trip_through_disk(folder: Path) -> None:
    PrefixStore(folder, 0, 10_000_000).put(MODEL, TOKENS, STATE)
    fresh = PrefixStore(folder, 0, 10_000_000)
    assert fresh.get(MODEL, TOKENS) == STATE
    assert fresh.disk_usage() > len(STATE)


@pytest.mark.parametrize("change", [
    {"path": "/models/b.gguf"}, {"size": 1001}, {"mtime_ns": 2}, {"n_ctx": 2048},
    {"n_gpu_layers": -1}, {"kv_cache": "q8_0"}, {"runtime": "0.3.37"}])
def test_another_model_or_setting_never_reuses_a_state(folder: Path,
                                                       change: dict[str, object]) -> None:
    store = PrefixStore(folder, 10_000_000, 10_000_000)
    store.put(MODEL, TOKENS, STATE)
    assert store.get(dataclasses.replace(MODEL, **change), TOKENS) is None  # type: ignore[arg-type]
    assert PrefixStore(folder, 0, 10_000_000).get(
        dataclasses.replace(MODEL, **change), TOKENS) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("tokens", [[1, 2, 3, 4], [1, 2, 3, 4, 6], [1, 2, 3, 4, 5, 6]])
def test_other_tokens_never_reuse_a_state(folder: Path, tokens: list[int]) -> None:
    store = PrefixStore(folder, 10_000_000, 10_000_000)
    store.put(MODEL, TOKENS, STATE)
    assert store.get(MODEL, tokens) is None
    assert PrefixStore(folder, 0, 10_000_000).get(MODEL, tokens) is None


def _only_file(folder: Path) -> Path:
    files = list(folder.glob("*/*.state"))
    assert len(files) == 1
    return files[0]


@pytest.mark.parametrize(("damage", "reason"), [
    (lambda raw: raw[: len(raw) - 10], "truncated"),
    (lambda raw: raw[:-1] + bytes([raw[-1] ^ 0xFF]), "damaged"),
    (lambda raw: b"NOTMAGIC" + raw[8:], "not a saved prompt state"),
    (lambda raw: raw[:12] + b"{{{" + raw[15:], "header is damaged"),
    (lambda raw: b"", "not a saved prompt state"),
])
def test_a_bad_file_is_discarded_with_a_log_line(folder: Path, caplog: pytest.LogCaptureFixture,
                                                 damage: object, reason: str) -> None:
    PrefixStore(folder, 0, 10_000_000).put(MODEL, TOKENS, STATE)
    path = _only_file(folder)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    with caplog.at_level(logging.WARNING, logger="assistant.backend.prefix_store"):
        assert PrefixStore(folder, 0, 10_000_000).get(MODEL, TOKENS) is None
    assert reason in caplog.text and str(path) in caplog.text
    assert not path.exists()


def test_a_file_for_another_prompt_under_the_same_name_is_refused(folder: Path) -> None:
    """A hash collision or a copied file: the tokens inside decide."""
    store = PrefixStore(folder, 0, 10_000_000)
    store.put(MODEL, TOKENS, STATE)
    path = _only_file(folder)
    other = PrefixStore(folder, 0, 10_000_000)
    other.put(MODEL, [9, 9, 9, 9, 9], STATE)
    (other_path,) = [p for p in folder.glob("*/*.state") if p != path]
    os.replace(other_path, path)
    assert PrefixStore(folder, 0, 10_000_000).get(MODEL, TOKENS) is None


def test_ram_is_bounded_least_recently_used_first() -> None:
    store = PrefixStore(None, 3 * len(STATE), 0)
    for first in range(4):
        store.put(MODEL, [first], STATE)
    assert store.get(MODEL, [0]) is None
    assert store.get(MODEL, [1]) == STATE  # now the most recent
    store.put(MODEL, [4], STATE)
    assert store.get(MODEL, [2]) is None and store.get(MODEL, [1]) == STATE


def test_disk_is_bounded_oldest_first(folder: Path) -> None:
    store = PrefixStore(folder, 0, 3 * len(STATE) + 2000)
    paths = []
    for age in range(3):
        store.put(MODEL, [age], STATE)
        (newest,) = set(folder.glob("*/*.state")) - set(paths)
        os.utime(newest, (1000 + age, 1000 + age))  # used long ago, oldest first
        paths.append(newest)
    store.put(MODEL, [3], STATE)
    assert store.disk_usage() <= store.disk_bytes
    assert not paths[0].exists() and len(store.files()) == 3


def test_clear_frees_everything(folder: Path) -> None:
    store = PrefixStore(folder, 10_000_000, 10_000_000)
    store.put(MODEL, TOKENS, STATE)
    assert store.clear() > len(STATE)
    assert store.get(MODEL, TOKENS) is None and store.files() == []


def test_zero_budgets_keep_nothing(folder: Path) -> None:
    store = PrefixStore(folder, 0, 0)
    store.put(MODEL, TOKENS, STATE)
    assert store.get(MODEL, TOKENS) is None and not folder.exists()


def test_files_start_with_the_magic(folder: Path) -> None:
    PrefixStore(folder, 0, 10_000_000).put(MODEL, TOKENS, STATE)
    assert _only_file(folder).read_bytes().startswith(MAGIC)
