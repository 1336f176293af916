"""API keys for model servers: in the system keyring, else in a file only the user can read.

A key is never written to ``settings.toml`` (which users copy, share and paste
into bug reports) and never logged. Where the platform has a keyring (the
macOS Keychain, Windows Credential Manager, the Secret Service of GNOME or
KDE) the ``keyring`` library stores it there; where none is available (a
minimal Linux desktop, a headless machine) it goes to ``credentials.toml``
beside the settings, created with mode 0600 so other users cannot read it.
:attr:`SecretStore.location` says which, for the settings dialog.

Keys are stored per server address, so switching between a team server and
a local one keeps each key.
"""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path
from typing import Any

from assistant import tomlwrite
from assistant.atomic import write_atomic
from assistant.errors import InputError

log = logging.getLogger(__name__)

SERVICE = "daily-assistant"
"""The keyring service name; the user name is the server address."""


def system_keyring() -> Any | None:
    """The platform keyring backend, or None when there is no usable one.

    ``keyring`` always returns *some* backend; the ones with priority 0 or less
    (``fail.Keyring``, ``null.Keyring``, an empty chain) cannot store anything.
    """
    try:
        import keyring
        import keyring.errors
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
        priority = float(backend.priority)
    except Exception as exc:  # noqa: BLE001 - a broken keyring setup must not stop the app
        log.warning("the system keyring cannot be used: %s", exc)
        return None
    return backend if priority > 0 else None


class SecretStore:
    """Read and write API keys by server address."""

    def __init__(self, fallback_file: Path, keyring_backend: Any | None = None) -> None:
        self.fallback_file = fallback_file
        self._keyring = keyring_backend

    @classmethod
    def for_profile(cls, config_dir: Path) -> SecretStore:
        """The store of a profile: the system keyring when there is one."""
        return cls(config_dir / "credentials.toml", system_keyring())

    @property
    def uses_keyring(self) -> bool:
        """True when keys go to the system keyring."""
        return self._keyring is not None

    @property
    def keyring_name(self) -> str | None:
        """The keyring's name ("SecretService Keyring", "macOS Keyring"…), or None."""
        if self._keyring is None:
            return None
        return str(getattr(self._keyring, "name", type(self._keyring).__name__))

    @property
    def location(self) -> str:
        """Where keys are kept, in English words for the CLI and logs."""
        if self._keyring is not None:
            return f"the system keyring ({self.keyring_name})"
        return f"{self.fallback_file} (readable only by you)"

    def get(self, url: str) -> str:
        """The key stored for ``url``, or "" when there is none."""
        if not url:
            return ""
        if self._keyring is not None:
            try:
                return self._keyring.get_password(SERVICE, url) or ""
            except Exception as exc:  # noqa: BLE001 - backends raise their own types
                raise InputError("The system keyring could not be read ({error}). Unlock it, or "
                                 "pass the key with --api-key-env VAR.", error=exc) from None
        return self._read_file().get(url, "")

    def set(self, url: str, key: str) -> None:
        """Keep ``key`` for ``url``; an empty key removes it."""
        if not url:
            return
        if self._keyring is not None:
            try:
                if key:
                    self._keyring.set_password(SERVICE, url, key)
                elif self._keyring.get_password(SERVICE, url) is not None:
                    self._keyring.delete_password(SERVICE, url)
            except Exception as exc:  # noqa: BLE001 - backends raise their own types
                raise InputError("The system keyring did not take the key ({error}).",
                                 error=exc) from None
            return
        keys = self._read_file()
        if key:
            keys[url] = key
        else:
            keys.pop(url, None)
        self._write_file(keys)

    def _read_file(self) -> dict[str, str]:
        try:
            text = self.fallback_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise InputError("{path}: cannot read the stored API keys ({reason}).",
                             path=self.fallback_file, reason=str(exc.strerror)) from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError("{path}: not valid TOML ({error}). Fix it, or delete "
                             "it and enter the keys again in Settings.", path=self.fallback_file,
                             error=exc) from None
        table = data.get("keys", {})
        return {str(k): v for k, v in table.items() if isinstance(v, str)} \
            if isinstance(table, dict) else {}

    def _write_file(self, keys: dict[str, str]) -> None:
        path = self.fallback_file
        text = ("# API keys of model servers, by address. Only you can read this file.\n"
                "[keys]\n" + tomlwrite.table(keys))
        try:
            # mkstemp creates the file 0600: never readable by others, not even briefly.
            write_atomic(path, text, mode=0o600)
        except OSError as exc:
            raise InputError("{path}: cannot store the API key ({reason}).", path=path,
                             reason=str(exc.strerror)) from None
