"""The llama.cpp backend on the real embedded model (SmolLM2-135M)."""

from __future__ import annotations

import logging
import struct
from pathlib import Path
from typing import Any

import pytest

from assistant.backend import CancelToken, Sampling
from assistant.backend.llama import LlamaBackend, load_backend
from assistant.budget import plan_prompt
from assistant.errors import ModelError
from assistant.prompt import Message, build_messages
from assistant.templating.library import load_library

pytestmark = pytest.mark.model

SHORT = [Message("system", "You answer in one short sentence."),
         Message("user", "What is a weekly report?")]
PARAMS = Sampling(max_tokens=16, temperature=0.0, seed=7)


def test_stream_yields_chunks_and_stats(llama: LlamaBackend) -> None:
    stream = llama.stream(SHORT, PARAMS)
    chunks = list(stream)
    assert len(chunks) > 1, "the answer should arrive in several chunks"
    assert "".join(chunks).strip()
    stats = stream.stats
    assert stats.prompt_tokens == llama.count_tokens(SHORT)
    assert 0 < stats.completion_tokens <= PARAMS.max_tokens
    assert stats.finish_reason in ("stop", "length")
    assert stats.ttft_s is not None and stats.ttft_s > 0
    assert stats.decode_tps is not None and stats.decode_tps > 0


def test_token_count_matches_llama_cpp_chat_completion(llama: LlamaBackend) -> None:
    """Our chat-template formatting gives the same tokens llama-cpp-python would."""
    raw: Any = llama._llama  # the library's own chat path, for comparison only
    usage = raw.create_chat_completion([m.as_dict() for m in SHORT], max_tokens=1)["usage"]
    assert llama.count_tokens(SHORT) == usage["prompt_tokens"]
    assert llama.format_prompt(SHORT).endswith("<|im_start|>assistant\n")


def test_same_seed_same_answer(llama: LlamaBackend) -> None:
    params = Sampling(max_tokens=24, temperature=0.8, seed=123)
    first = "".join(llama.stream(SHORT, params))
    second = "".join(llama.stream(SHORT, params))
    assert first == second


def test_fixed_prefix_is_reused_from_cache(llama: LlamaBackend) -> None:
    template = load_library(None).get("proofread-en")
    one = build_messages(template, {"text": "Their is a problem."})
    two = build_messages(template, {"text": "We has two meeting tomorow."})
    list(llama.stream(one, Sampling(max_tokens=4, seed=1)))
    stream = llama.stream(two, Sampling(max_tokens=4, seed=1))
    list(stream)
    prefix = llama.count_tokens(two[:-1])
    assert stream.stats.cached_tokens >= prefix - 3
    assert stream.stats.cached_tokens < stream.stats.prompt_tokens


def test_warm_fills_the_cache_before_a_run(llama: LlamaBackend) -> None:
    template = load_library(None).get("weekly-report-en")
    list(llama.stream(SHORT, Sampling(max_tokens=2)))  # something else in the cache
    messages = build_messages(template, {"notes": "Fixed the login bug."})
    llama.warm(messages)
    stream = llama.stream(messages, Sampling(max_tokens=4, seed=1))
    list(stream)
    assert stream.stats.cached_tokens >= llama.count_tokens(messages[:-1]) - 3


class CancelAfterChecks(CancelToken):
    """Turns cancelled after the backend asked ``after`` times.

    The abort callback asks while llama.cpp evaluates the prompt, so a small
    ``after`` cancels in the middle of prompt processing.
    """

    def __init__(self, after: int) -> None:
        super().__init__()
        self.after = after
        self.checks = 0

    @property
    def cancelled(self) -> bool:
        self.checks += 1
        return self.checks > self.after


def test_cancel_during_prompt_processing(llama: LlamaBackend) -> None:
    long_input = [Message("user", "Summarise: " + "the meeting covered budgets. " * 250)]
    prompt_tokens = llama.count_tokens(long_input)
    assert prompt_tokens > 1200  # several 512-token batches
    token = CancelAfterChecks(after=20)
    stream = llama.stream(long_input, Sampling(max_tokens=16), token)
    chunks = list(stream)
    assert chunks == []
    assert stream.stats.finish_reason == "cancelled"
    raw: Any = llama._llama
    assert raw.n_tokens < prompt_tokens, "prompt processing should have stopped part-way"
    # The model is still usable after an abort.
    assert "".join(llama.stream(SHORT, PARAMS)).strip()


def test_cancel_during_decoding(llama: LlamaBackend) -> None:
    token = CancelToken()
    stream = llama.stream(SHORT, Sampling(max_tokens=32, temperature=0.0), token)
    received = []
    for chunk in stream:
        received.append(chunk)
        token.cancel()
    assert len(received) == 1
    assert stream.stats.finish_reason == "cancelled"
    assert stream.stats.completion_tokens < 32


def test_real_tokenizer_budget_drops_examples(llama: LlamaBackend) -> None:
    template = load_library(None).get("weekly-report-en")
    values = {"notes": "Mon: fixed login bug. Tue: planning. Thu: payment API integration."}
    bare = llama.count_tokens(build_messages(template, values, use_examples=False))
    full = llama.count_tokens(build_messages(template, values))
    assert full > bare + 100
    max_tokens = llama.n_ctx - bare - 5  # room for the input but not for every example
    plan = plan_prompt(llama, template, values, max_tokens=max_tokens)
    assert plan.examples_used < len(template.examples)
    assert plan.notice and "Left out" in str(plan.notice)
    assert plan.prompt_tokens + max_tokens <= llama.n_ctx


def test_missing_model_file(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="Model file not found: .*nothing.gguf"):
        load_backend(tmp_path / "nothing.gguf")


def test_not_a_gguf_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.gguf"
    path.write_text("these are my meeting notes, not a model", encoding="utf-8")
    with pytest.raises(ModelError, match="notes.gguf.*not a GGUF"):
        load_backend(path)


def test_truncated_gguf(tmp_path: Path, model_path: Path) -> None:
    path = tmp_path / "partial.gguf"
    with model_path.open("rb") as source:
        path.write_bytes(source.read(40 << 20))  # an interrupted 98 MB download
    with pytest.raises(ModelError, match="partial.gguf.*incomplete"):
        load_backend(path)


def test_llama_cpp_refusal_is_reported_and_logged(tmp_path: Path,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    """A well-formed GGUF that llama.cpp cannot use: its own reason is quoted."""
    key, value = b"general.architecture", b"llama"
    data = (b"GGUF" + struct.pack("<IQQ", 3, 0, 1)
            + struct.pack("<Q", len(key)) + key + struct.pack("<I", 8)
            + struct.pack("<Q", len(value)) + value)
    path = tmp_path / "empty.gguf"
    path.write_bytes(data + b"\x00" * (32 - len(data) % 32))
    with caplog.at_level(logging.DEBUG, logger="assistant.llama_cpp"):
        with pytest.raises(ModelError) as caught:
            load_backend(path)
    message = str(caught.value)
    assert "empty.gguf: llama.cpp could not load this model" in message
    assert len(message) > len(f"{path}: llama.cpp could not load this model: ") + 10
    assert any(r.name == "assistant.llama_cpp" and r.levelno >= logging.WARNING
               for r in caplog.records), "llama.cpp's own error should reach Python logging"


def test_closed_backend_says_so(model_path: Path) -> None:
    backend = load_backend(model_path, n_ctx=512)
    backend.close()
    with pytest.raises(ModelError, match="closed"):
        backend.count_tokens(SHORT)


def test_llama_cpp_log_levels_follow_ggml_h(caplog: pytest.LogCaptureFixture) -> None:
    """INFO chatter stays at DEBUG; WARN and ERROR keep their weight (ggml.h's enum)."""
    from assistant.backend import llama as module

    with caplog.at_level(logging.DEBUG, logger="assistant.llama_cpp"):
        for level, text in ((2, b"info line\n"), (3, b"warn line\n"), (4, b"error line\n"),
                            (4, b"error start "), (5, b"continued\n")):
            module._LOG._on_log(level, text, None)  # type: ignore[arg-type]
    levels = {r.getMessage(): r.levelno for r in caplog.records}
    assert levels["info line"] == logging.DEBUG
    assert levels["warn line"] == logging.WARNING
    assert levels["error line"] == logging.ERROR
    assert levels["error start continued"] == logging.ERROR
    assert "error line" in module._LOG.recent


@pytest.mark.model
def test_gpu_layers_on_a_cpu_only_build_load_on_the_cpu(model_path: Path) -> None:
    from assistant.backend import llama as llama_mod

    assert not llama_mod.gpu_offload_supported(), "this test machine has no GPU build"
    backend = load_backend(model_path, n_ctx=512, n_gpu_layers=-1)
    try:
        assert backend.notice is None
        assert backend.count_text("hello") > 0
    finally:
        backend.close()


@pytest.mark.model
def test_failed_gpu_offload_falls_back_to_the_cpu_and_says_so(
        model_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A GPU that runs out of memory is simulated: llama.cpp's load then fails."""
    from assistant.backend import llama as llama_mod

    real_load = llama_mod._load
    asked: list[int] = []

    def load(path: Path, n_ctx: int, threads: int, n_gpu_layers: int,
             kv_cache: str = "f16") -> object:
        asked.append(n_gpu_layers)
        if n_gpu_layers:
            raise ModelError("{path}: llama.cpp could not load this model: cudaMalloc failed: "
                             "out of memory", path=path)
        return real_load(path, n_ctx, threads, n_gpu_layers, kv_cache)

    monkeypatch.setattr(llama_mod, "gpu_offload_supported", lambda: True)
    monkeypatch.setattr(llama_mod, "_load", load)
    backend = load_backend(model_path, n_ctx=512, n_gpu_layers=33)
    try:
        assert asked == [33, 0]
        assert backend.notice is not None
        notice = str(backend.notice)
        assert "out of memory" in notice and "runs on the CPU" in notice
        assert "GPU layers" in notice
    finally:
        backend.close()


@pytest.mark.model
def test_long_prompt_reports_reading_progress_and_stops_inside(llama: Any) -> None:
    long_text = "Summarise: " + "The project review covered budgets and hiring. " * 120
    seen: list[tuple[int, int]] = []
    stream = llama.stream([Message("user", long_text)], Sampling(max_tokens=3, seed=1),
                          progress=lambda done, total: seen.append((done, total)))
    assert "".join(stream) is not None
    totals = {total for _, total in seen}
    assert totals == {stream.stats.prompt_tokens}
    reads = [done for done, _ in seen]
    assert reads == sorted(reads) and len(reads) >= 3 and reads[-1] >= reads[0] + 512
    assert stream.stats.completion_tokens == 3, "reading in batches must not count as output"

    cancel = CancelToken()
    stopped = llama.stream([Message("user", long_text + " Again.")],
                           Sampling(max_tokens=16, seed=1), cancel,
                           progress=lambda done, total: cancel.cancel() if done else None)
    assert "".join(stopped) == ""
    assert stopped.stats.finish_reason == "cancelled"


def test_an_8_bit_context_takes_half_the_memory_and_keeps_the_answer(model_path: Path) -> None:
    """q8_0 keys and values: the same greedy answer here, in about half the bytes."""
    import llama_cpp

    from assistant.prompt import build_messages

    template = load_library(None).get("proofread-en")
    msgs = build_messages(template, {"text": "Their going to the meeting tomorow, and they "
                                             "has prepared the slides allready."})
    params = Sampling(temperature=0.0, max_tokens=24, seed=3)
    results = {}
    for kind in ("f16", "q8_0"):
        backend = load_backend(model_path, n_ctx=1024, kv_cache=kind)
        try:
            stream = backend.stream(msgs, params)
            text = "".join(stream)
            llama = backend._model()  # the state's size is what the KV cache holds now
            results[kind] = (text, llama_cpp.llama_state_get_size(llama.ctx))
        finally:
            backend.close()
    (exact, exact_bytes), (small, small_bytes) = results["f16"], results["q8_0"]
    assert exact.strip()
    assert small[:40] == exact[:40]
    assert small_bytes < 0.7 * exact_bytes
