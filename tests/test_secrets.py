"""API keys: in a keyring backend when there is one, else in a 0600 file; never in settings."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest

from assistant.errors import InputError
from assistant.secrets import SERVICE, SecretStore, system_keyring

URL = "http://127.0.0.1:11434/v1"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A real keyring backend class that keeps passwords in memory."""

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.items[(service, username)]


@pytest.fixture
def file_store(tmp_path: Path) -> SecretStore:
    return SecretStore(tmp_path / "config" / "credentials.toml")


def test_file_store_round_trip_and_mode(file_store: SecretStore) -> None:
    assert file_store.get(URL) == "" and not file_store.uses_keyring
    file_store.set(URL, "sk-abc")
    file_store.set("http://gpu-box:8000/v1", 'quote " and \\ backslash')
    assert file_store.get(URL) == "sk-abc"
    assert file_store.get("http://gpu-box:8000/v1") == 'quote " and \\ backslash'
    mode = stat.S_IMODE(file_store.fallback_file.stat().st_mode)
    assert mode == 0o600, oct(mode)
    assert "readable only by you" in file_store.location
    assert [p.name for p in file_store.fallback_file.parent.iterdir()] == ["credentials.toml"]


def test_empty_key_removes_it(file_store: SecretStore) -> None:
    file_store.set(URL, "sk-abc")
    file_store.set(URL, "")
    assert file_store.get(URL) == ""
    assert "sk-abc" not in file_store.fallback_file.read_text(encoding="utf-8")


def test_broken_file_names_itself(file_store: SecretStore) -> None:
    file_store.fallback_file.parent.mkdir(parents=True)
    file_store.fallback_file.write_text("[keys\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        file_store.get(URL)
    assert str(file_store.fallback_file) in str(caught.value)


def test_keyring_store(tmp_path: Path) -> None:
    ring = MemoryKeyring()
    store = SecretStore(tmp_path / "credentials.toml", ring)
    assert store.uses_keyring and "system keyring" in store.location
    store.set(URL, "sk-ring")
    assert ring.items == {(SERVICE, URL): "sk-ring"}
    assert store.get(URL) == "sk-ring"
    store.set(URL, "")
    assert ring.items == {} and store.get(URL) == ""
    assert not (tmp_path / "credentials.toml").exists(), "nothing may go to the file"


@pytest.fixture
def global_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


def test_system_keyring_is_used_only_when_it_can_store(global_keyring: None) -> None:
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    assert system_keyring() is None
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    assert system_keyring() is ring
