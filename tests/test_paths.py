"""Tests for assistant.paths: where the user's state lives.

``ASSISTANT_HOME`` must move *everything* under one folder (portable installs
and these tests depend on it); without it the folders come from platformdirs.
Nothing is created on disk until :meth:`UserPaths.ensure` is called.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from assistant.paths import (
    APP_NAME,
    HOME_ENV,
    UserPaths,
    log_to_terminal,
    os_error_message,
    user_paths,
)


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


def test_ensure_reports_no_problem_when_all_is_well(home: Path) -> None:
    assert user_paths().ensure() == []


def test_a_file_in_the_way_is_one_message_not_an_exception(tmp_path: Path) -> None:
    blocker = tmp_path / "usb"
    blocker.write_text("not a folder", encoding="utf-8")
    paths = user_paths({HOME_ENV: str(blocker / "profile")})
    problems = [str(problem) for problem in paths.ensure()]
    assert problems == [(f"{blocker}: this is a file, but the assistant needs a folder here, "
                         "so nothing can be saved in it. Move or rename the file, or set "
                         "ASSISTANT_HOME to another folder.")]


def test_a_read_only_home_is_one_message_naming_it(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a read-only parent folder does (simulated: the tests may run as root)."""
    real_mkdir = Path.mkdir

    def read_only(self: Path, mode: int = 0o777, parents: bool = False,
                  exist_ok: bool = False) -> None:
        if self == home:
            raise PermissionError(13, "Permission denied", str(self))
        real_mkdir(self, mode, parents, exist_ok)

    monkeypatch.setattr(Path, "mkdir", read_only)
    problems = [str(problem) for problem in user_paths().ensure()]
    assert problems == [(f"{home}: cannot create this folder (Permission denied), so "
                         "nothing can be saved in it. Fix its permissions or set "
                         "ASSISTANT_HOME to a folder you can write.")]
    assert not home.exists()


def test_only_the_folder_that_fails_is_reported(home: Path) -> None:
    paths = user_paths()
    paths.log_dir.parent.mkdir(parents=True)
    paths.log_dir.write_text("a file", encoding="utf-8")
    problems = paths.ensure()
    assert [p.params["path"] for p in problems] == [str(paths.log_dir)]
    assert paths.config_dir.is_dir() and paths.templates_dir.is_dir()


def test_an_os_error_in_the_templates_folder_names_the_folder(home: Path) -> None:
    paths = user_paths()
    inner = paths.templates_dir / "weekly.examples.toml"
    message = str(os_error_message(paths, PermissionError(13, "Permission denied", str(inner))))
    assert message == (f"{paths.templates_dir}: cannot read your templates folder (Permission "
                       f"denied: {inner}). Give yourself read and write access to it, or move "
                       "it away to start with the built-in templates only.")


def test_another_os_error_names_its_path(home: Path) -> None:
    paths = user_paths()
    error = PermissionError(13, "Permission denied", str(paths.history_db))
    assert str(os_error_message(paths, error)) == (
        f"{paths.history_db}: Permission denied. Check that you may read and write this file "
        "or folder, or set ASSISTANT_HOME to a folder you can use.")
    assert "Cannot use a file of the profile (disk on fire)" in str(
        os_error_message(paths, OSError("disk on fire")))


def test_an_unwritable_log_sends_warnings_to_stderr(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    log_file = home / "logs" / "assistant.log"
    try:
        message = log_to_terminal(home / "logs", IsADirectoryError(21, "Is a directory",
                                                                    str(log_file)))
        added = [h for h in root.handlers if h not in before]
        assert len(added) == 1 and added[0].level == logging.WARNING
        logging.getLogger("assistant.test").warning("still seen")
        logging.getLogger("assistant.test").info("not on the terminal")
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
    assert str(message) == (f"{log_file}: cannot write the log (Is a directory), so warnings go "
                            "to the terminal only. Fix the permissions of the file and its "
                            "folder (or delete the file) to get the log back.")
    err = capsys.readouterr().err
    assert "still seen" in err and "not on the terminal" not in err
