"""Where the user's state lives: config, templates, models, history, logs.

All locations come from platformdirs, except that the environment variable
``ASSISTANT_HOME`` moves the whole user state into one folder. That serves
portable installs (a USB stick) and tests, which must never touch the real
profile. The paths are computed once and passed into whatever needs them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

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

    def ensure(self) -> None:
        """Create the folders the app writes into."""
        for folder in (self.config_dir, self.data_dir, self.log_dir,
                       self.templates_dir, self.models_dir):
            folder.mkdir(parents=True, exist_ok=True)


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
