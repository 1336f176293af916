"""The one place that builds the app's objects from the environment.

The CLI and the GUI both start here; everything below receives what it needs
as arguments, so tests can build the same objects around a temporary folder.
"""

from __future__ import annotations

import dataclasses
import logging
import logging.handlers
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from assistant import settings as settings_mod
from assistant.backend.config import BackendConfig, LocalModel, ServerModel, check_url
from assistant.errors import InputError, ModelError
from assistant.messages import Message
from assistant.modelfiles import resolve_model
from assistant.paths import UserPaths, log_to_terminal, user_paths
from assistant.sampling import Sampling
from assistant.secrets import SecretStore
from assistant.settings import Settings
from assistant.templating.library import Library, load_library
from assistant.templating.model import Template


@dataclass
class Core:
    """Paths, settings and templates of one user profile."""

    paths: UserPaths
    settings: Settings
    settings_problems: list[Message]
    library: Library
    profile_problems: list[Message] = field(default_factory=list)
    """Profile folders that could not be made (:meth:`UserPaths.ensure`)."""
    _secrets: SecretStore | None = field(default=None, repr=False)

    @property
    def secrets(self) -> SecretStore:
        """Where server API keys are kept (the keyring is looked up on first use)."""
        if self._secrets is None:
            self._secrets = SecretStore.for_profile(self.paths.config_dir)
        return self._secrets

    def only_demo_model(self) -> bool:
        """True while nothing better than the embedded demo model is set up.

        That is: the local source with no model chosen, and no ``*.gguf`` in the
        models folder. The main window then offers ways to get a capable model.
        """
        settings = self.settings
        if settings.model_source != "local" or settings.model.strip():
            return False
        folder = self.paths.models_dir
        return not (folder.is_dir() and any(folder.glob("*.gguf")))

    def active_model_file(self) -> Path | None:
        """The local model file in use (resolved), or None for a server or no model at all."""
        if self.settings.model_source != "local":
            return None
        try:
            return resolve_model(self.settings.model).expanduser().resolve()
        except ModelError:  # no model set and no embedded one
            return None

    def use_model(self, path: Path | None = None, server: bool = False) -> None:
        """Make ``path`` (None: the embedded model) or the configured server active, and save."""
        if server:
            self.save_settings(self.settings.replace(model_source="server"))
        else:
            self.save_settings(self.settings.replace(model_source="local",
                                                     model="" if path is None else str(path)))

    def backend_config(self, settings: Settings | None = None) -> BackendConfig:
        """What to load or connect to, as ``settings`` (default: the current ones) say.

        Raises ModelError when no local model can be found, InputError for a
        bad server address.
        """
        chosen = settings or self.settings
        if chosen.model_source == "server":
            if not chosen.server_url.strip():
                raise InputError("The model source is a server, but no server address is "
                                 "set. Enter it in Settings (e.g. http://127.0.0.1:11434/v1).")
            url = check_url(chosen.server_url)
            return ServerModel(url, chosen.server_model.strip(), self.secrets.get(url),
                               float(chosen.server_timeout), chosen.server_n_ctx or None)
        return LocalModel(resolve_model(chosen.model), chosen.n_ctx, chosen.n_threads,
                          chosen.n_gpu_layers, chosen.kv_cache, self.paths.prefix_states_dir,
                          chosen.prefix_cache_mb, chosen.prefix_disk_mb)

    def read_templates(self) -> Library:
        """Read the template folders again and return them; :attr:`library` is unchanged.

        Safe on any thread: the GUI reads on its own thread and sets
        :attr:`library` on its thread when the read is done.
        """
        return load_library(self.paths.templates_dir, cache=self.paths.template_cache)

    def reload_templates(self) -> Library:
        """Read the template folders again (after the user edited a file)."""
        self.library = self.read_templates()
        return self.library

    def save_settings(self, new: Settings) -> None:
        """Keep ``new`` and write it to the settings file."""
        settings_mod.save_settings(self.paths.config_file, new)
        self.settings = new

    def params_for(self, template: Template, max_tokens: int | None = None,
                   seed: int | None = None) -> Sampling:
        """Sampling for a run: the defaults, then the settings, then the template's own
        values, then what the caller asks for (``max_tokens``, ``seed``)."""
        settings = {"temperature": self.settings.temperature,
                    "max_tokens": self.settings.max_tokens}
        asked = {"max_tokens": max_tokens} if max_tokens else {}
        sampling = Sampling().overridden(settings).overridden(template.generation)
        return dataclasses.replace(sampling.overridden(asked), seed=seed)


def build_core(environ: Mapping[str, str] | None = None) -> Core:
    """Create the profile folders, read settings and load templates."""
    paths = user_paths(os.environ if environ is None else environ)
    folders = paths.ensure()
    loaded, problems = settings_mod.load_settings(paths.config_file)
    return Core(paths, loaded, problems,
                load_library(paths.templates_dir, cache=paths.template_cache), folders)


LOG_FILE = "assistant.log"
"""The log's name in the profile's log folder."""


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Message | None:
    """Log to a rotating file in the profile; llama.cpp's log goes there too.

    Returns None, or, when the log file cannot be opened, what to tell the
    user: warnings then go to the terminal, since a read-only log must not stop
    a command or the app.
    """
    path = log_dir / LOG_FILE
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000,
                                                       backupCount=3, encoding="utf-8")
    except OSError as exc:
        logging.getLogger().setLevel(level)
        return log_to_terminal(log_dir, exc)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    return None
