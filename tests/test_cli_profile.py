"""The ``assistant`` command with a profile it cannot fully use, and with legacy-encoded input.

A read-only ``ASSISTANT_HOME``, a file where a folder should be, a log file
that cannot be opened or an unreadable templates folder must each give a
message that names the path and says what to do, never a traceback; commands
that do not need the broken part keep working. The tests run as root too, so
"read-only" is either a file in the way (real) or an ``os`` call that raises
PermissionError (monkeypatched, in-process).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from waits import PROCESS_S

from assistant import cli


def run(home: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m assistant ARGS`` with ``home`` as its profile."""
    env = {**os.environ, "ASSISTANT_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True,
                          env=env, cwd=cwd, timeout=PROCESS_S, check=False, text=True,
                          encoding="utf-8")


@pytest.fixture
def root_handlers() -> Iterator[None]:
    """Undo what an in-process ``cli.main`` adds to the root logger (log file, stderr)."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_a_home_below_a_file_still_lists_the_builtin_templates(tmp_path: Path) -> None:
    blocker = tmp_path / "usb"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    done = run(blocker / "profile", "templates", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "proofread-en" in done.stdout
    assert "Traceback" not in done.stderr
    assert f"warning: {blocker}: this is a file, but the assistant needs a folder here" \
        in done.stderr


def test_a_log_file_that_cannot_be_opened_is_said_once(tmp_path: Path) -> None:
    home = tmp_path / "profile"
    (home / "logs" / "assistant.log").mkdir(parents=True)  # open() fails, even for root
    done = run(home, "paths", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "settings " in done.stdout
    log_file = home.resolve() / "logs" / "assistant.log"
    assert done.stderr == (f"warning: {log_file}: cannot write the log (Is a directory), so "
                           "warnings go to the terminal only. Fix the permissions of the file "
                           "and its folder (or delete the file) to get the log back.\n")


def test_a_read_only_home_is_a_warning_and_paths_still_works(
        home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        root_handlers: None) -> None:
    real_mkdir = Path.mkdir

    def read_only(self: Path, mode: int = 0o777, parents: bool = False,
                  exist_ok: bool = False) -> None:
        if self == home.resolve():  # its parent is read-only: it cannot be made
            raise PermissionError(13, "Permission denied", str(self))
        real_mkdir(self, mode, parents, exist_ok)

    monkeypatch.setattr(Path, "mkdir", read_only)
    assert cli.main(["paths"]) == 0
    out, err = capsys.readouterr()
    assert f"settings   {home.resolve() / 'config' / 'settings.toml'}" in out
    assert f"warning: {home.resolve()}: cannot create this folder (Permission denied)" in err
    assert "set ASSISTANT_HOME to a folder you can write" in err
    assert "Traceback" not in err


def test_a_read_only_log_file_is_a_warning(
        home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        root_handlers: None) -> None:
    real_open = logging.FileHandler._open

    def read_only(self: logging.FileHandler) -> object:
        if self.baseFilename.endswith("assistant.log"):
            raise PermissionError(13, "Permission denied", self.baseFilename)
        return real_open(self)

    monkeypatch.setattr(logging.FileHandler, "_open", read_only)
    assert cli.main(["templates"]) == 0
    out, err = capsys.readouterr()
    assert "proofread-en" in out
    assert err.count("cannot write the log (Permission denied)") == 1
    assert str(home.resolve() / "logs" / "assistant.log") in err


def test_an_unreadable_templates_folder_leaves_the_built_ins(
        home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        root_handlers: None) -> None:
    """What chmod 000 on the folder does (root reads anyway, so it is injected): listing
    it raises PermissionError. The built-ins are listed, and the folder's problem."""
    templates = home.resolve() / "data" / "templates"
    real_iterdir = Path.iterdir

    def unreadable(self: Path) -> object:
        if self == templates:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", unreadable)
    assert cli.main(["templates"]) == 0
    out = capsys.readouterr().out
    assert "weekly-report-zh" in out and "proofread-en" in out
    assert out.splitlines()[-1] == (
        f"BROKEN templates folder (user): {templates}: the template folder cannot be read "
        "(Permission denied); only the built-in templates are available. Check the folder's "
        "permissions.")
    assert cli.main(["render", "proofread-en", "--set", "text=teh"]) == 0


def test_latin1_input_is_read_as_western_text_with_a_note(tmp_path: Path) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_bytes("Grüße an Müller".encode("latin-1"))
    done = run(tmp_path / "profile", "render", "proofread-en", "--input", str(letter),
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Grüße an Müller" in done.stdout and "M黮ler" not in done.stdout
    assert done.stderr == (f"note: {letter}: not UTF-8; read as cp1252. If the text looks "
                           "wrong, re-save the file as UTF-8.\n")


def test_input_in_an_encoding_it_cannot_tell_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "メモ.txt"
    notes.write_bytes("こんにちは、世界".encode("shift_jis"))
    done = run(tmp_path / "profile", "render", "proofread-en", "--input", str(notes),
               cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (f"error: {notes}: cannot read this file as text: it is not UTF-8, "
                           "and it reads neither as Chinese (GBK/GB18030) nor as Western text "
                           "(Windows-1252). Re-save it as UTF-8 in your editor.\n")
