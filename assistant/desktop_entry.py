"""The app in the Linux application menu: its ``.desktop`` file and icons, in XDG places.

``pip install`` cannot put files outside the environment, so the menu entry
is written on request (``assistant --install-desktop-entry``) into the
user's own data folder: ``$XDG_DATA_HOME/applications`` and the ``hicolor``
icon theme under ``$XDG_DATA_HOME/icons``. The entry's ``Exec`` names the
launcher that was actually used to run this command (the ``assistant``
script of this environment, or this Python with ``-m assistant``), because
a virtual environment is rarely on the menu's ``PATH``.
``--uninstall-desktop-entry`` removes exactly what was written. Plain Python,
so tests point ``XDG_DATA_HOME`` at a temporary folder.
"""

from __future__ import annotations

import importlib.resources
import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

from assistant.atomic import write_atomic
from assistant.errors import InputError

APP_ID = "daily-assistant"
"""The entry's file name and the icon's name (``Icon=`` in the entry)."""

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` as the XDG spec says when it is unset."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "").strip()
    return Path(value) if value and Path(value).is_absolute() else \
        Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command that starts this installation: its ``assistant`` script, else Python."""
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "assistant" and script.is_file():
        return [str(script.resolve())]
    found = shutil.which("assistant", path=str(Path(sys.executable).parent))
    if found:
        return [found]
    return [sys.executable, "-m", "assistant"]


_RESERVED = set(' \t\n"\'\\><~|&;$*?#()`')


def exec_line(command: list[str]) -> str:
    """``command`` as a desktop entry's ``Exec`` value.

    The Desktop Entry spec's own quoting, not the shell's: an argument with
    a reserved character is put in double quotes with ``"``, the backquote, ``$`` and
    ``\\`` escaped by a backslash; the value's backslashes are then doubled
    again (string escaping comes first), and ``%`` is doubled (field codes).
    """
    quoted = []
    for arg in command:
        if set(arg) & _RESERVED:
            inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
            arg = f'"{inner}"'
        quoted.append(arg.replace("%", "%%"))
    return " ".join(quoted).replace("\\", "\\\\")


def entry_text(command: str) -> str:
    """The shipped ``.desktop`` file with ``Exec=`` set to ``command`` (already quoted)."""
    shipped = (importlib.resources.files("assistant.resources") / f"{APP_ID}.desktop")
    lines = shipped.read_text(encoding="utf-8").splitlines()
    return "\n".join(f"Exec={command}" if line.startswith("Exec=") else line
                     for line in lines) + "\n"


def targets(home: Path) -> dict[Path, str]:
    """Each file the entry is made of, and the resource it comes from."""
    icons = home / "icons" / "hicolor"
    files = {icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png": f"icons/assistant-{size}.png"
             for size in ICON_SIZES}
    files[icons / "scalable" / "apps" / f"{APP_ID}.svg"] = "icons/assistant.svg"
    return files


def install(environ: Mapping[str, str] | None = None,
            command: list[str] | None = None) -> list[Path]:
    """Write the menu entry and its icons; return the files written."""
    home = data_home(environ)
    resources = importlib.resources.files("assistant.resources")
    written: list[Path] = []
    try:
        for target, source in targets(home).items():
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, (resources / source).read_bytes())
            written.append(target)
        entry = home / "applications" / f"{APP_ID}.desktop"
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, entry_text(exec_line(command or launcher())))
        written.append(entry)
    except OSError as exc:
        raise InputError("Could not write the menu entry in {folder}: {reason}. Check that "
                         "the folder is yours and writable.", folder=home,
                         reason=exc.strerror or exc) from exc
    return written


def uninstall(environ: Mapping[str, str] | None = None) -> list[Path]:
    """Remove what :func:`install` wrote; return the files removed (none is fine)."""
    home = data_home(environ)
    removed: list[Path] = []
    for path in [home / "applications" / f"{APP_ID}.desktop", *targets(home)]:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise InputError("Could not remove {path}: {reason}.", path=path,
                             reason=exc.strerror or exc) from exc
        removed.append(path)
    return removed
