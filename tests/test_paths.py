"""Tests for assistant.paths: where the user's state lives.

``ASSISTANT_HOME`` must move *everything* under one folder (portable installs
and these tests depend on it); without it the folders come from platformdirs.
Nothing is created on disk until :meth:`UserPaths.ensure` is called.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.paths import APP_NAME, HOME_ENV, UserPaths, user_paths


def every_path(paths: UserPaths) -> dict[str, Path]:
    """All folders and files a profile has, by name."""
    return {
        "config_dir": paths.config_dir,
        "data_dir": paths.data_dir,
        "log_dir": paths.log_dir,
        "config_file": paths.config_file,
        "templates_dir": paths.templates_dir,
        "models_dir": paths.models_dir,
        "history_db": paths.history_db,
        "state_file": paths.state_file,
    }


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A profile folder in tmp_path, set as ASSISTANT_HOME (returned resolved)."""
    folder = tmp_path / "便携 profile"
    monkeypatch.setenv(HOME_ENV, str(folder))
    return folder.resolve()


def test_home_env_relocates_everything(home: Path) -> None:
    paths = user_paths()
    assert every_path(paths) == {
        "config_dir": home / "config",
        "data_dir": home / "data",
        "log_dir": home / "logs",
        "config_file": home / "config" / "settings.toml",
        "templates_dir": home / "data" / "templates",
        "models_dir": home / "data" / "models",
        "history_db": home / "data" / "history.sqlite3",
        "state_file": home / "data" / "state.json",
    }


def test_explicit_environ_wins_over_process_environment(home: Path, tmp_path: Path) -> None:
    other = tmp_path.resolve() / "other"
    paths = user_paths({HOME_ENV: str(other)})
    assert all(path.is_relative_to(other) for path in every_path(paths).values())


def test_home_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    paths = user_paths({HOME_ENV: "portable"})
    assert paths.config_dir == tmp_path.resolve() / "portable" / "config"
    assert paths.config_dir.is_absolute()


def test_home_expands_tilde(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    paths = user_paths({HOME_ENV: "~/assistant"})
    assert paths.data_dir == tmp_path.resolve() / "assistant" / "data"


def test_home_value_is_stripped(tmp_path: Path) -> None:
    paths = user_paths({HOME_ENV: f"  {tmp_path}\t"})
    assert paths.log_dir == tmp_path.resolve() / "logs"


@pytest.mark.parametrize("environ", [{}, {HOME_ENV: ""}, {HOME_ENV: "   "}])
def test_without_home_paths_come_from_platformdirs(environ: dict[str, str]) -> None:
    paths = user_paths(environ)
    folders = [paths.config_dir, paths.data_dir, paths.log_dir]
    assert all(folder.is_absolute() for folder in folders)
    assert len(set(folders)) == 3
    assert all(APP_NAME in folder.parts for folder in folders)
    assert len(set(every_path(paths).values())) == len(every_path(paths))


def test_nothing_is_created_until_ensure(home: Path) -> None:
    user_paths()
    assert not home.exists()


def test_ensure_creates_the_folders(home: Path) -> None:
    paths = user_paths()
    paths.ensure()
    for folder in (paths.config_dir, paths.data_dir, paths.log_dir,
                   paths.templates_dir, paths.models_dir):
        assert folder.is_dir(), folder
    assert not paths.config_file.exists()
    assert not paths.history_db.exists()
    assert sorted(p.relative_to(home).as_posix() for p in home.rglob("*")) == [
        "config", "data", "data/models", "data/templates", "logs"]


def test_ensure_is_idempotent_and_keeps_files(home: Path) -> None:
    paths = user_paths()
    paths.ensure()
    (paths.templates_dir / "mine.md").write_text("hello", encoding="utf-8")
    paths.ensure()
    assert (paths.templates_dir / "mine.md").read_text(encoding="utf-8") == "hello"
