"""The llama.cpp backend: the only module that imports ``llama_cpp``.

It hides ``Llama.create_completion``'s union return type behind
:class:`~assistant.backend.TextStream`, and adds what the app needs around it:

* the GGUF's own chat template, applied here so the exact prompt text and its
  token count are known before a run (for the budget and the inspector);
* llama.cpp's log routed to Python logging, so real errors are kept and
  nothing is printed to the terminal behind the user's back;
* cancellation between chunks *and* inside prompt processing, through
  llama.cpp's abort callback, where a long input can take many seconds;
* prefix reuse: the fixed part of a prompt (system and examples) stays in the
  KV cache between runs, and :meth:`LlamaBackend.warm` fills it ahead of time;
  its state is kept in a :class:`~assistant.backend.prefix_store.PrefixStore`
  (RAM and disk), so switching templates, or a new ``assistant run`` process,
  restores it in milliseconds instead of reading it again;
* Ctrl+C while a model loads or a prompt is read on the main thread (the
  CLI) stops llama.cpp promptly instead of being lost inside a ctypes
  callback (see :mod:`assistant.backend.interrupt`).
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import logging
import threading
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from typing import Any

import llama_cpp
import psutil
from llama_cpp.llama_chat_format import Jinja2ChatFormatter

from assistant import messages
from assistant.backend import (
    CancelToken,
    FinishReason,
    ReadProgress,
    Sampling,
    Stats,
    TextStream,
)
from assistant.backend.interrupt import Interrupts
from assistant.backend.llama_log import LlamaLog
from assistant.backend.prefix_store import ModelIdentity, PrefixStore
from assistant.errors import Cancelled, InputError, ModelError
from assistant.gguf import GGUFError, GGUFInfo, read_gguf
from assistant.prompt import Message

log = logging.getLogger("assistant.llama_cpp")

CHATML_FALLBACK = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n"
    "{{ message['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
"""Used only for a GGUF without a chat template; the model list says so."""

_SENTINEL = "\u2063ASSISTANT-INPUT\u2063"
"""Stands in for the user's input to find where the fixed prompt prefix ends."""

_LOG = LlamaLog()
# Kept referenced: llama.cpp holds only the raw function pointer.
_LOG_CALLBACK = llama_cpp.llama_log_callback(_LOG._on_log)
llama_cpp.llama_log_set(_LOG_CALLBACK, ctypes.c_void_p(0))


def physical_cores() -> int:
    """One thread per physical core: llama.cpp slows down on hyper-threads."""
    return psutil.cpu_count(logical=False) or psutil.cpu_count() or 1


class LlamaBackend:
    """A loaded GGUF model. Build it with :func:`load_backend`."""

    def __init__(self, llama: llama_cpp.Llama, info: GGUFInfo, notice: messages.Message | None = None,
                 store: PrefixStore | None = None, identity: ModelIdentity | None = None) -> None:
        self._llama: llama_cpp.Llama | None = llama
        self.info = info
        self.notice = notice
        """What the user should know about how the model was loaded (a failed GPU offload)."""
        self.store = store
        self.identity = identity
        self.last_prefix = ""
        """How the last prefix was made ready: "live", "restored", "computed" or ""."""
        self._lock = threading.Lock()
        self._cancel: CancelToken | None = None
        template = info.chat_template
        self.chat_template_from_file = template is not None
        eos = llama.token_eos()
        self._formatter = Jinja2ChatFormatter(
            template=template or CHATML_FALLBACK,
            eos_token=self._piece(eos),
            bos_token=self._piece(llama.token_bos()),
            stop_token_ids=[eos],
        )
        # Keep a reference: llama.cpp holds only the raw function pointer.
        self._abort_callback = llama_cpp.ggml_abort_callback(self._should_abort)
        llama_cpp.llama_set_abort_callback(llama.ctx, self._abort_callback, None)

    # -- facts -------------------------------------------------------------

    @property
    def n_ctx(self) -> int:
        return self._model().n_ctx()

    @property
    def name(self) -> str:
        # The file name, which the user chose and recognises; general.name is
        # often a training-run label ("Smollm2 135M 8k Lc100K Mix1 Ep2").
        return self.info.path.stem

    @property
    def path(self) -> Path:
        """The GGUF file this backend runs."""
        return self.info.path

    # -- prompts and tokens ------------------------------------------------

    def format_prompt(self, messages: Sequence[Message]) -> str:
        return self._formatter(messages=[m.as_dict() for m in messages]).prompt  # type: ignore[misc]

    def tokenize_prompt(self, messages: Sequence[Message]) -> list[int]:
        """The exact tokens the model will process for ``messages``."""
        text = self.format_prompt(messages)
        # The chat template writes the special tokens (BOS included) itself.
        return self._model().tokenize(text.encode("utf-8"), add_bos=False, special=True)

    def count_tokens(self, messages: Sequence[Message]) -> int:
        return len(self.tokenize_prompt(messages))

    def count_text(self, text: str) -> int:
        return len(self._model().tokenize(text.encode("utf-8"), add_bos=False, special=False))

    # -- running -----------------------------------------------------------

    def stream(self, messages: Sequence[Message], params: Sampling,
               cancel: CancelToken | None = None,
               progress: ReadProgress | None = None) -> TextStream:
        tokens = self.tokenize_prompt(messages)
        if len(tokens) >= self.n_ctx:
            raise InputError("The prompt is {tokens} tokens but the model's context holds "
                             "{n_ctx}. Shorten the input or raise the context size in Settings.",
                             tokens=len(tokens), n_ctx=self.n_ctx)
        stats = Stats(prompt_tokens=len(tokens))
        token = cancel or CancelToken()
        prefix = self.prefix_tokens(messages) if len(messages) > 1 else []
        chunks = self._run(tokens, prefix, params, token, stats, progress)
        return TextStream(chunks, stats, chunks.close)

    def _run(self, tokens: list[int], prefix: list[int], params: Sampling,
             cancel: CancelToken, stats: Stats,
             progress: ReadProgress | None = None) -> Generator[str, None, None]:
        if not self._lock.acquire(blocking=False):
            raise ModelError("The model is already generating; wait or stop that run first.")
        llama = self._model()
        start = time.perf_counter()
        first: float | None = None
        completion: Iterator[Any] | None = None
        self._cancel = cancel
        guard = Interrupts(cancel)
        # The counters of this run only, even when it stops before the reset below.
        llama_cpp.llama_perf_context_reset(llama.ctx)
        try:
            with guard:
                cached = _reusable_prefix(list(llama.input_ids[: llama.n_tokens]), tokens)
                if prefix and tokens[: len(prefix)] == prefix and \
                        self._ensure_prefix(prefix) != "computed":
                    cached = _reusable_prefix(list(llama.input_ids[: llama.n_tokens]), tokens)
                stats.cached_tokens = cached
                if progress is not None:
                    self._read(tokens, progress)
            llama_cpp.llama_perf_context_reset(llama.ctx)
            completion = llama.create_completion(  # type: ignore[assignment]
                prompt=tokens,
                max_tokens=params.max_tokens,
                temperature=params.temperature,
                top_p=params.top_p,
                top_k=params.top_k,
                repeat_penalty=params.repeat_penalty,
                seed=params.seed,
                stop=[self._piece(llama.token_eos()), *params.stop],
                stream=True,
            )
            assert completion is not None
            for chunk in guard.each(completion):
                choice = chunk["choices"][0]
                if choice.get("finish_reason"):
                    stats.finish_reason = FinishReason.of(choice["finish_reason"])
                text = choice["text"]
                if text:
                    if first is None:
                        first = time.perf_counter()
                        stats.ttft_s = first - start
                    yield text
                if cancel.cancelled:
                    stats.finish_reason = FinishReason.CANCELLED
                    break
        except RuntimeError as exc:
            # llama_decode returns 2 when the abort callback stopped it.
            if not cancel.cancelled:
                raise ModelError("The model failed while generating: {exc}", exc=exc) from exc
            stats.finish_reason = FinishReason.CANCELLED
        finally:
            self._cancel = None
            if completion is not None:
                completion.close()  # type: ignore[attr-defined]
            self._record(stats, start, len(tokens))
            self._lock.release()

    def _record(self, stats: Stats, start: float, prompt: int) -> None:
        llama = self._model()
        perf = llama_cpp.llama_perf_context(llama.ctx)
        stats.total_s = time.perf_counter() - start
        if not stats.finish_reason:
            stats.finish_reason = FinishReason.STOP
        # Every generated token is evaluated in turn, and so counted in the
        # context after the prompt, except the last one when the run ends on
        # the length limit or is stopped after it. (llama.cpp's n_eval counts
        # single-token decodes: a prompt that was all cached but its last
        # token adds one, and a run stopped while reading the prompt must say
        # 0 generated, not that.)
        generated = max(0, llama.n_tokens - prompt)
        if stats.ttft_s is not None and stats.finish_reason is not FinishReason.STOP:
            generated += 1
        stats.completion_tokens = generated
        stats.decode_s = float(perf.t_eval_ms) / 1000.0 if generated else 0.0

    def _read(self, tokens: list[int], progress: ReadProgress) -> None:
        """Evaluate a long prompt batch by batch here, reporting after each batch.

        Prompts that fit one batch are left to the completion. The last two
        tokens are always left to it too: it evaluates them as one batch, so
        llama.cpp's counters still tell prompt tokens from generated ones.
        Stop works inside a batch (the abort callback).
        """
        llama = self._model()
        done = _common_prefix(list(llama.input_ids[: llama.n_tokens]), tokens[:-1])
        total, step = len(tokens), max(1, llama.n_batch)
        progress(done, total)
        if total - done <= step:
            return
        llama.n_tokens = done
        while done < total - 2:
            batch = tokens[done: min(done + step, total - 2)]
            llama.eval(batch)
            done += len(batch)
            progress(done, total)

    def warm(self, messages: Sequence[Message]) -> None:
        """Make the fixed prefix (system and examples) ready in the KV cache.

        From the prefix store when it has it, else by evaluating it (and then
        storing it). Skipped quietly while a run holds the model.
        """
        if not messages or not self._lock.acquire(blocking=False):
            return
        try:
            prefix = self.prefix_tokens(messages)
            if prefix:
                self._ensure_prefix(prefix)
        finally:
            self._lock.release()

    def prefix_tokens(self, messages: Sequence[Message]) -> list[int]:
        """The tokens of everything before the last message, as the full prompt starts.

        The prefix is found by formatting the messages with a sentinel in place
        of the last user message. Its last token is left out: it may merge
        with the input once the input is there.
        """
        stand_in = [*messages[:-1], Message("user", _SENTINEL)]
        text = self.format_prompt(stand_in)
        prefix = text[: text.index(_SENTINEL)]
        return self._model().tokenize(prefix.encode("utf-8"), add_bos=False, special=True)[:-1]

    def _ensure_prefix(self, prefix: list[int]) -> str:
        """Put ``prefix`` in the KV cache; say how: "live", "restored" or "computed".

        Called with the model's lock held (by a run or a warm-up).
        """
        llama = self._model()
        same = _common_prefix(list(llama.input_ids[: llama.n_tokens]), prefix)
        if same == len(prefix):
            outcome = "live"
        elif self._restore(prefix):
            outcome = "restored"
        else:
            llama.n_tokens = same
            llama.eval(prefix[same:])
            # llama.cpp books queued work in its perf counters only when it
            # synchronises; do it now so the next run's figures are its own.
            llama_cpp.llama_synchronize(llama.ctx)
            self._save(prefix)
            outcome = "computed"
        self.last_prefix = outcome
        return outcome

    def _restore(self, prefix: list[int]) -> bool:
        store, identity = self.store, self.identity
        if store is None or identity is None:
            return False
        state = store.get(identity, prefix)
        if state is None:
            return False
        llama = self._model()
        buffer = (ctypes.c_uint8 * len(state)).from_buffer_copy(state)
        read = llama_cpp.llama_state_set_data(llama.ctx, buffer, len(state))
        if read != len(state):
            log.warning("a saved prompt state did not load (%d of %d bytes); reading the "
                        "prompt again", read, len(state))
            store.discard(identity, prefix)
            llama.n_tokens = 0  # the next evaluation clears the KV cache from 0
            return False
        llama.input_ids[: len(prefix)] = prefix
        llama.n_tokens = len(prefix)
        return True

    def _save(self, prefix: list[int]) -> None:
        store, identity = self.store, self.identity
        if store is None or identity is None:
            return
        llama = self._model()
        size = llama_cpp.llama_state_get_size(llama.ctx)
        buffer = (ctypes.c_uint8 * size)()
        written = llama_cpp.llama_state_get_data(llama.ctx, buffer, size)
        store.put(identity, prefix, bytes(buffer)[:written])

    def close(self) -> None:
        """Free the model's memory now rather than at garbage collection."""
        llama, self._llama = self._llama, None
        if llama is not None:
            llama_cpp.llama_set_abort_callback(llama.ctx, llama_cpp.ggml_abort_callback(), None)
            llama.close()

    # -- helpers -----------------------------------------------------------

    def _should_abort(self, _data: ctypes.c_void_p) -> bool:
        cancel = self._cancel
        return cancel is not None and cancel.cancelled

    def _model(self) -> llama_cpp.Llama:
        if self._llama is None:
            raise ModelError("The model was closed; load it again.")
        return self._llama

    def _piece(self, token: int) -> str:
        if token < 0:
            return ""
        return self._model().detokenize([token], special=True).decode("utf-8", errors="replace")


def _common_prefix(a: list[int], b: list[int]) -> int:
    same = 0
    for left, right in zip(a, b):
        if left != right:
            break
        same += 1
    return same


def _reusable_prefix(held: list[int], tokens: list[int]) -> int:
    """Prompt tokens a run takes from the KV cache, as ``Llama.generate`` decides.

    When the whole prompt is cached, its last token is evaluated again to get
    fresh logits.
    """
    same = _common_prefix(held, tokens)
    return same - 1 if same == len(tokens) and same > 0 else same


def gpu_offload_supported() -> bool:
    """True when this llama.cpp build can put layers on a GPU (CUDA, Metal, Vulkan…)."""
    return bool(llama_cpp.llama_supports_gpu_offload())


def load_backend(path: Path, n_ctx: int = 4096, n_threads: int = 0,
                 n_gpu_layers: int = 0, store: PrefixStore | None = None,
                 kv_cache: str = "f16") -> LlamaBackend:
    """Load ``path`` or raise :class:`ModelError` saying which file and why.

    The header is checked first in pure Python, so a missing, foreign or
    truncated file gets a precise message instead of llama.cpp's generic one.
    ``n_ctx`` is capped at the context length the model was trained for.
    ``n_gpu_layers`` (-1 = all) is ignored by a CPU-only build; when offloading
    fails (usually: not enough GPU memory) the model is loaded on the CPU
    instead and the backend's :attr:`~LlamaBackend.notice` says so, so the
    app stays usable. ``kv_cache`` "q8_0" stores the context in 8-bit blocks:
    half the memory of "f16" (at 4,096 tokens of the embedded model, 42 MB
    less), with answers that stay nearly the same.
    """
    try:
        info = read_gguf(path)
    except GGUFError as exc:
        raise ModelError(exc.message) from None
    trained = info.context_length
    if trained and n_ctx > trained:
        log.info("n_ctx %d exceeds %s's trained context %d; using %d",
                 n_ctx, path.name, trained, trained)
        n_ctx = trained
    threads = n_threads or physical_cores()
    notice: messages.Message | None = None
    offload = n_gpu_layers if gpu_offload_supported() else 0
    try:
        llama = _load(path, n_ctx, threads, offload, kv_cache)
    except ModelError as exc:
        if offload == 0:
            raise
        log.warning("GPU offload of %s failed, loading on the CPU: %s", path.name, exc)
        llama = _load(path, n_ctx, threads, 0, kv_cache)
        notice = messages.Message.of(
            "The model could not be put on the GPU ({error}); it runs on the CPU. Lower 'GPU "
            "layers' in Settings, or set it to 0.", error=exc)
    identity = ModelIdentity.of(path, llama.n_ctx(), offload if notice is None else 0,
                                llama_cpp.__version__, kv_cache)
    return LlamaBackend(llama, info, notice, store, identity)


_KV_TYPES = {"f16": 1, "q8_0": 8}  # ggml_type numbers: GGML_TYPE_F16, GGML_TYPE_Q8_0


class _Llama(llama_cpp.Llama):
    """A ``Llama`` whose loading stops as soon as ``keep_loading()`` says False.

    llama.cpp asks its load progress callback whether to go on; llama-cpp-python
    has no parameter for it, so it is put into the model parameters when
    ``Llama.__init__`` assigns them.
    """

    def __init__(self, *, keep_loading: Callable[[], bool], **kwargs: Any) -> None:
        # Kept on the object: llama.cpp holds only the raw function pointer.
        self._progress = llama_cpp.llama_progress_callback(lambda _done, _data: keep_loading())
        super().__init__(**kwargs)

    @property
    def model_params(self) -> Any:
        return self.__dict__["_model_params"]

    @model_params.setter
    def model_params(self, params: Any) -> None:
        params.progress_callback = self._progress
        self.__dict__["_model_params"] = params


def _load(path: Path, n_ctx: int, threads: int, n_gpu_layers: int,
          kv_cache: str = "f16") -> llama_cpp.Llama:
    """Load the model; Ctrl+C on the main thread stops it (Cancelled, or KeyboardInterrupt)."""
    _LOG.recent.clear()
    chatter = io.StringIO()
    log.info("loading %s (context %d, %d threads, %d GPU layers)", path.name, n_ctx, threads,
             n_gpu_layers)
    with Interrupts() as guard:
        llama = _load_llama(path, n_ctx, threads, n_gpu_layers, kv_cache, chatter, guard)
        if guard.interrupted:  # it came too late to stop the load itself
            llama.close()
            raise Cancelled()
    return llama


def _load_llama(path: Path, n_ctx: int, threads: int, n_gpu_layers: int, kv_cache: str,
                chatter: io.StringIO, guard: Interrupts) -> llama_cpp.Llama:
    try:
        # verbose=False would redirect the process's stdout/stderr file
        # descriptors during loading (hiding other threads' output too); with
        # our log callback installed, verbose=True only prints a few Python
        # lines, which are captured here and logged.
        with contextlib.redirect_stderr(chatter):
            llama = _Llama(model_path=str(path), n_ctx=n_ctx, n_threads=threads,
                           n_threads_batch=threads, n_gpu_layers=n_gpu_layers,
                           type_k=_KV_TYPES[kv_cache], type_v=_KV_TYPES[kv_cache],
                           # llama.cpp stores a quantised V cache only with it.
                           flash_attn=kv_cache != "f16", verbose=True,
                           keep_loading=lambda: not guard.interrupted)
    except (ValueError, RuntimeError, OSError) as exc:
        if guard.interrupted:
            raise Cancelled() from None
        detail = ("; ".join(_LOG.recent) or str(exc)).rstrip(".")
        if kv_cache != "f16":
            raise ModelError("{path}: llama.cpp could not load this model: {detail}. The 8-bit "
                             "context memory (Settings, 'Context memory' = q8_0) may not work "
                             "with this model or build: try f16.", path=path, detail=detail) \
                from None
        raise ModelError("{path}: llama.cpp could not load this model: {detail}.",
                         path=path, detail=detail) from None
    finally:
        for line in chatter.getvalue().splitlines():
            log.debug("%s", line)
    llama.verbose = False
    return llama
