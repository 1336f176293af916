"""Atomic writes: the old file or the new one, never half of either, never a temp left."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from assistant.atomic import write_atomic


def test_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "settings.toml"
    write_atomic(path, "first = 1\n")
    write_atomic(path, "second = 2\n")
    assert path.read_text(encoding="utf-8") == "second = 2\n"
    assert os.listdir(path.parent) == ["settings.toml"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state.json"
    path.write_text("old", encoding="utf-8")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["state.json"]


def test_a_symlink_stays_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "dotfiles" / "settings.toml"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "settings.toml"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "new"


def test_a_folder_in_the_way_is_an_error_and_nothing_is_left(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").mkdir()
    with pytest.raises(OSError):
        write_atomic(tmp_path / "settings.toml", "x")
    assert os.listdir(tmp_path) == ["settings.toml"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_mode_is_set_before_the_data_is_written(tmp_path: Path) -> None:
    path = tmp_path / "credentials.toml"
    write_atomic(path, "secret", mode=0o600)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
