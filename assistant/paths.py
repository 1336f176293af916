"""Where the user's state lives: config, templates, models, history, logs.

All locations come from platformdirs, except that the environment variable
``ASSISTANT_HOME`` moves the whole user state into one folder. That serves
portable installs (a USB stick) and tests, which must never touch the real
profile. The paths are computed once and passed into whatever needs them.

A profile the user cannot write (a read-only ``ASSISTANT_HOME``, a file where
a folder should be, a read-only log) must not stop the app: what needs the
broken part is lost, with a message naming the path and what to do, and
everything else keeps working. The messages for the CLI and the GUI are made
here, so both say the same.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from assistant.messages import Message

APP_NAME = "daily-assistant"
HOME_ENV = "ASSISTANT_HOME"


@dataclass(frozen=True)
class UserPaths:
    """The folders of one user profile. Nothing is created until asked."""

    config_dir: Path
    data_dir: Path
    log_dir: Path
    cache_dir: Path
    """Things the app can make again (saved prompt states): safe to delete."""

    @property
    def config_file(self) -> Path:
        """The settings file (TOML, readable and hand-editable)."""
        return self.config_dir / "settings.toml"

    @property
    def templates_dir(self) -> Path:
        """User templates; a file here overrides the built-in with the same id."""
        return self.data_dir / "templates"

    @property
    def models_dir(self) -> Path:
        """Every ``*.gguf`` dropped here is offered as a model."""
        return self.data_dir / "models"

    @property
    def history_db(self) -> Path:
        """SQLite database of past runs."""
        return self.data_dir / "history.sqlite3"

    @property
    def prefix_states_dir(self) -> Path:
        """Saved KV states of template prefixes, one folder per model."""
        return self.cache_dir / "prefix-states"

    @property
    def template_cache(self) -> Path:
        """What each template file parsed to, by content (see templating.cache)."""
        return self.cache_dir / "templates.json"

    @property
    def state_file(self) -> Path:
        """Small UI state (last form values, recent templates), JSON."""
        return self.data_dir / "state.json"

    def ensure(self) -> list[Message]:
        """Create the folders the app writes into; return what could not be made.

        Never raises: with default settings and the built-in templates the app
        still works, and ``assistant paths`` shows where things should be. One
        message per cause (a read-only home is one message, not one per folder
        below it). Safe to call again: that is how a caller learns the problems
        when someone else made the profile.
        """
        problems: list[Message] = []
        causes: set[Path] = set()
        for folder in (self.config_dir, self.data_dir, self.log_dir,
                       self.templates_dir, self.models_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                blocker = _file_in_the_way(folder)
                cause = blocker or Path(exc.filename or folder)
                if cause in causes:
                    continue
                causes.add(cause)
                if blocker is not None:
                    problems.append(Message.of(
                        "{path}: this is a file, but the assistant needs a folder here, so "
                        "nothing can be saved in it. Move or rename the file, or set "
                        "ASSISTANT_HOME to another folder.", path=blocker))
                else:
                    problems.append(Message.of(
                        "{path}: cannot create this folder ({error}), so nothing can be "
                        "saved in it. Fix its permissions or set ASSISTANT_HOME to a folder "
                        "you can write.", path=cause, error=exc.strerror or exc))
        return problems


def user_paths(environ: Mapping[str, str] | None = None) -> UserPaths:
    """Return the profile's paths: ``$ASSISTANT_HOME`` if set, else platformdirs."""
    env = os.environ if environ is None else environ
    home = env.get(HOME_ENV, "").strip()
    if home:
        root = Path(home).expanduser().resolve()
        return UserPaths(config_dir=root / "config", data_dir=root / "data",
                         log_dir=root / "logs", cache_dir=root / "cache")
    return UserPaths(
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )


def _file_in_the_way(folder: Path) -> Path | None:
    """The file standing where ``folder`` or one of its parents should be, if any."""
    for place in (folder, *folder.parents):
        try:
            if place.exists():
                return None if place.is_dir() else place
        except OSError:  # a parent we may not look into: not a file in the way
            return None
    return None


def os_error_message(paths: UserPaths, error: OSError) -> Message:
    """What to tell the user when a file or folder of the profile cannot be used.

    For the last-resort boundary of the CLI and the GUI, so an OSError that
    no module turned into a message (an unreadable templates folder) names
    the path and what to do instead of ending in a traceback.
    """
    reason = error.strerror or str(error)
    place = Path(os.fsdecode(error.filename)) if isinstance(error.filename, (str, bytes)) \
        else None
    if place is None:
        return Message.of("Cannot use a file of the profile ({error}). Check the permissions "
                          "of the folders 'assistant paths' lists.", error=reason)
    if place.is_relative_to(paths.templates_dir):
        return Message.of("{folder}: cannot read your templates folder ({error}: {path}). Give "
                          "yourself read and write access to it, or move it away to start "
                          "with the built-in templates only.",
                          folder=paths.templates_dir, error=reason, path=place)
    return Message.of("{path}: {error}. Check that you may read and write this file or "
                      "folder, or set ASSISTANT_HOME to a folder you can use.",
                      path=place, error=reason)


def log_to_terminal(log_dir: Path, error: OSError) -> Message:
    """Send warnings to stderr when the log file cannot be opened, and say so.

    ``wiring.setup_logging`` calls it when opening the log fails; without a
    handler, warnings would still reach stderr but only through
    logging's last resort, and the user would not know why the log is empty.
    """
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)  # the CLI's output stays readable
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    place = os.fsdecode(error.filename) if isinstance(error.filename, (str, bytes)) \
        else log_dir
    return Message.of("{path}: cannot write the log ({error}), so warnings go to the "
                      "terminal only. Fix the permissions of the file and its folder (or "
                      "delete the file) to get the log back.",
                      path=place, error=error.strerror or error)
