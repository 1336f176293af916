"""Prefix states on the real model: restored, never wrongly reused, same answers.

The template is small on purpose (a short system message and two short
examples) so that each evaluation of its prefix takes well under a second.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest

from assistant.backend import Sampling
from assistant.backend.llama import LlamaBackend, load_backend
from assistant.backend.prefix_store import PrefixStore
from assistant.prompt import Message, build_messages
from assistant.templating import parse_template

pytestmark = pytest.mark.model

MB = 1024 * 1024


def template(system: str = "You fix spelling. Answer with the fixed sentence only.") -> object:
    return parse_template(f'''+++
[[examples]]
text = "I has a apple."
output = "I have an apple."
[[examples]]
text = "She go to school."
output = "She goes to school."
+++
{{% block system %}}{system}{{% endblock %}}
{{% block prompt %}}Fix: {{{{ text }}}}{{% endblock %}}''', "fix", "fix.md")


def messages(text: str = "Their going tomorow.", system: str | None = None) -> list[Message]:
    chosen = template() if system is None else template(system)
    return build_messages(chosen, {"text": text})  # type: ignore[arg-type]


PARAMS = Sampling(temperature=0.8, max_tokens=24, seed=7)


def answer(backend: LlamaBackend, msgs: list[Message]) -> tuple[str, object]:
    stream = backend.stream(msgs, PARAMS)
    return "".join(stream), stream.stats


def store(folder: Path) -> PrefixStore:
    return PrefixStore(folder, 256 * MB, 1024 * MB)


def test_same_seed_same_answer_with_and_without_a_restored_prefix(model_path: Path,
                                                                  tmp_path: Path) -> None:
    folder = tmp_path / "states"
    plain = load_backend(model_path, n_ctx=1024)
    try:
        plain.warm(messages())
        expected, _ = answer(plain, messages())
    finally:
        plain.close()
    first = load_backend(model_path, n_ctx=1024, store=store(folder))
    try:
        first.warm(messages())
        assert first.last_prefix == "computed"
        made, _ = answer(first, messages())
    finally:
        first.close()
    second = load_backend(model_path, n_ctx=1024, store=store(folder))  # a new process, say
    try:
        restored, stats = answer(second, messages())
        assert second.last_prefix == "restored"
        prefix = second.prefix_tokens(messages())
        assert stats.cached_tokens >= len(prefix)  # type: ignore[attr-defined]
    finally:
        second.close()
    assert expected.strip() and made == expected and restored == expected


def test_a_template_is_warm_again_after_two_others_ran(model_path: Path) -> None:
    backend = load_backend(model_path, n_ctx=1024, store=PrefixStore(None, 256 * MB, 0))
    try:
        answer(backend, messages())
        answer(backend, messages(system="You are terse. Fix the grammar."))
        answer(backend, messages(system="Correct the sentence, nothing else."))
        _, stats = answer(backend, messages())
        assert backend.last_prefix == "restored"
        assert stats.cached_tokens >= len(backend.prefix_tokens(messages()))  # type: ignore[attr-defined]
    finally:
        backend.close()


def test_a_changed_template_is_read_again(model_path: Path, tmp_path: Path) -> None:
    backend = load_backend(model_path, n_ctx=1024, store=store(tmp_path))
    try:
        backend.warm(messages())
        backend.warm(messages(system="You fix spelling and grammar. Answer briefly."))
        assert backend.last_prefix == "computed"
    finally:
        backend.close()


def test_another_context_size_is_read_again(model_path: Path, tmp_path: Path) -> None:
    first = load_backend(model_path, n_ctx=1024, store=store(tmp_path))
    first.warm(messages())
    first.close()
    other = load_backend(model_path, n_ctx=2048, store=store(tmp_path))
    try:
        other.warm(messages())
        assert other.last_prefix == "computed"
    finally:
        other.close()


def test_another_kv_cache_type_is_read_again(model_path: Path, tmp_path: Path) -> None:
    first = load_backend(model_path, n_ctx=1024, store=store(tmp_path))
    first.warm(messages())
    first.close()
    other = load_backend(model_path, n_ctx=1024, store=store(tmp_path), kv_cache="q8_0")
    try:
        other.warm(messages())
        assert other.last_prefix == "computed"
        again, _ = answer(other, messages())
        assert again.strip()
    finally:
        other.close()


def test_a_changed_model_file_is_read_again(model_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "model.gguf"
    shutil.copyfile(model_path, copy)
    first = load_backend(copy, n_ctx=1024, store=store(tmp_path / "states"))
    first.warm(messages())
    first.close()
    later = os.stat(copy).st_mtime_ns + 5_000_000_000
    os.utime(copy, ns=(later, later))  # the file was replaced by another download
    second = load_backend(copy, n_ctx=1024, store=store(tmp_path / "states"))
    try:
        second.warm(messages())
        assert second.last_prefix == "computed"
    finally:
        second.close()


def test_a_corrupt_state_file_is_discarded_and_the_answer_is_right(
        model_path: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = tmp_path / "states"
    first = load_backend(model_path, n_ctx=1024, store=store(folder))
    first.warm(messages())
    expected, _ = answer(first, messages())
    first.close()
    (path,) = folder.glob("*/*.state")
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    path.write_bytes(bytes(raw))
    second = load_backend(model_path, n_ctx=1024, store=store(folder))
    try:
        with caplog.at_level(logging.WARNING, logger="assistant.backend.prefix_store"):
            got, _ = answer(second, messages())
        assert second.last_prefix == "computed"
        assert "discarding the saved prompt state" in caplog.text and "damaged" in caplog.text
        assert got == expected
    finally:
        second.close()
