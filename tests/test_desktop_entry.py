"""The Linux menu entry: the shipped .desktop file, and writing it with its icons."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from waits import PROCESS_S

from assistant import desktop_entry
from assistant.errors import InputError

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def validate(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.fail("desktop-file-validate is needed (apt package desktop-file-utils; "
                    ".ci/run installs it)")
    done = subprocess.run([tool, str(path)], capture_output=True, text=True,
                          timeout=PROCESS_S, check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_shipped_entry_validates_and_names_the_icon() -> None:
    entry = RESOURCES / "daily-assistant.desktop"
    validate(entry)
    text = entry.read_text(encoding="utf-8")
    assert "Icon=daily-assistant\n" in text and "Name[zh_CN]=" in text


def test_every_icon_size_is_shipped_at_its_size() -> None:
    for size in desktop_entry.ICON_SIZES:
        assert png_size(RESOURCES / "icons" / f"assistant-{size}.png") == (size, size)
    assert (RESOURCES / "icons" / "assistant.svg").read_text().startswith("<svg")


def test_install_writes_the_entry_and_icons_where_xdg_says(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    written = desktop_entry.install(env, ["/opt/assistant/bin/assistant"])
    entry = tmp_path / "data" / "applications" / "daily-assistant.desktop"
    assert entry in written and len(written) == len(desktop_entry.ICON_SIZES) + 2
    assert "Exec=/opt/assistant/bin/assistant\n" in entry.read_text(encoding="utf-8")
    validate(entry)
    icon = tmp_path / "data" / "icons" / "hicolor" / "48x48" / "apps" / "daily-assistant.png"
    assert png_size(icon) == (48, 48)
    assert (tmp_path / "data" / "icons" / "hicolor" / "scalable" / "apps"
            / "daily-assistant.svg").is_file()


def test_uninstall_removes_exactly_what_was_written(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path)}
    mine = tmp_path / "applications" / "other-app.desktop"
    written = desktop_entry.install(env, ["assistant"])
    mine.write_text("[Desktop Entry]\n", encoding="utf-8")
    assert sorted(desktop_entry.uninstall(env)) == sorted(written)
    assert mine.is_file() and [p for p in tmp_path.rglob("*") if p.is_file()] == [mine]
    assert desktop_entry.uninstall(env) == []


@pytest.mark.parametrize(("command", "line"), [
    (["/usr/bin/assistant"], "/usr/bin/assistant"),
    (["/home/li lei/venv/bin/assistant"], '"/home/li lei/venv/bin/assistant"'),
    (["/opt/a$b/python", "-m", "assistant"], r'"/opt/a\\$b/python" -m assistant'),
    (["/opt/100%/assistant"], "/opt/100%%/assistant"),
])
def test_exec_is_quoted_as_the_desktop_entry_spec_says(command: list[str], line: str,
                                                       tmp_path: Path) -> None:
    assert desktop_entry.exec_line(command) == line
    desktop_entry.install({"XDG_DATA_HOME": str(tmp_path)}, command)
    validate(tmp_path / "applications" / "daily-assistant.desktop")


def test_without_xdg_data_home_it_is_the_home_share_folder() -> None:
    home = Path.home() / ".local" / "share"
    assert desktop_entry.data_home({}) == home
    assert desktop_entry.data_home({"XDG_DATA_HOME": "relative/path"}) == home


def test_a_data_folder_that_is_a_file_is_named_in_the_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(InputError, match="Could not write the menu entry in .*data"):
        desktop_entry.install({"XDG_DATA_HOME": str(blocker)}, ["assistant"])


def test_the_cli_points_the_entry_at_its_own_launcher(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "ASSISTANT_HOME": str(tmp_path / "p")}
    done = subprocess.run([sys.executable, "-m", "assistant", "--install-desktop-entry"],
                          env=env, capture_output=True, text=True, timeout=PROCESS_S,
                          check=False)
    assert done.returncode == 0, done.stderr
    entry = tmp_path / "applications" / "daily-assistant.desktop"
    exec_value = next(line[5:] for line in entry.read_text(encoding="utf-8").splitlines()
                      if line.startswith("Exec="))
    program = exec_value.split(" ")[0].strip('"')
    assert Path(program).is_file() and os.access(program, os.X_OK)
    undone = subprocess.run([sys.executable, "-m", "assistant", "--uninstall-desktop-entry"],
                            env=env, capture_output=True, text=True, timeout=PROCESS_S,
                            check=False)
    assert undone.returncode == 0 and "removed" in undone.stdout and not entry.exists()
