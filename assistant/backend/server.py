"""The OpenAI-compatible server backend: the only module that speaks HTTP to a model.

Ollama, LM Studio, Jan, llama.cpp's ``llama-server``, vLLM and llama-cpp-python's
own server all answer ``POST /v1/chat/completions`` with server-sent events, and
list their models at ``GET /v1/models``. Our messages go as they are (system,
examples as real user/assistant turns, the input); the server applies its
model's chat template.

httpx does the HTTP (a dependency for this: timeouts per phase, so "the server
stopped sending for N s" is one setting; the usual proxy variables; precise
exception types to build messages from). The official ``openai`` client was
not used: it retries by default, which turns "nothing is listening" into a
long wait, and folds transport errors into its own types.

What this backend cannot do, it does not pretend to: there is no local
tokenizer, so it has no :class:`~assistant.backend.TokenCounting` and the
budget estimates; usage figures come from the server's ``usage`` when it
sends them (``stream_options.include_usage``), time to first token and
decode speed are measured here.

Stop works at once, also while the server is still reading the prompt and has
sent nothing: the cancel token shuts the connection's socket down, which
unblocks the read and tells the server to stop generating.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from assistant import messages
from assistant.backend import (
    CancelToken,
    FinishReason,
    ReadProgress,
    Sampling,
    Stats,
    TextStream,
    server_errors,
)
from assistant.backend.config import ServerModel, check_url, is_loopback
from assistant.backend.server_errors import (
    cut_message,
    error_text,
    malformed,
    snippet,
    status_error,
    transport_error,
)
from assistant.budget import Estimate
from assistant.errors import ModelError
from assistant.netstop import SocketStopper
from assistant.prompt import Message

log = logging.getLogger(__name__)


# Fields in which servers announce a model's context size in /v1/models:
# vLLM "max_model_len"; LM Studio "max_context_length"/"loaded_context_length";
# llama-server "meta.n_ctx_train"; others "context_length".
_CONTEXT_KEYS = ("loaded_context_length", "max_model_len", "context_length",
                 "max_context_length", "context_window")


@dataclass(frozen=True)
class ServerModelInfo:
    """One entry of a server's model list."""

    id: str
    n_ctx: int | None = None
    owned_by: str = ""


class _Connection:
    """One httpx client per server; every request opens its own connection.

    No keep-alive: each run then has its own socket, which the trace hook
    hands to :meth:`stream` so that Stop can shut exactly that socket down.
    """

    def __init__(self, config: ServerModel) -> None:
        self.config = config
        self.base_url = check_url(config.base_url)
        headers = {"Accept": "application/json"}
        if config.api_key:
            headers["Authorization"] = f"Bearer {config.api_key}"
        self.client = httpx.Client(
            headers=headers,
            timeout=httpx.Timeout(config.timeout_s, connect=server_errors.CONNECT_TIMEOUT_S),
            limits=httpx.Limits(max_keepalive_connections=0),
            # Proxy variables are for the outside world; a server on this
            # machine is never reached through a proxy.
            trust_env=not is_loopback(self.base_url),
            follow_redirects=False,
        )

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path}"

    def close(self) -> None:
        self.client.close()


def list_models(config: ServerModel) -> list[ServerModelInfo]:
    """The models the server at ``config.base_url`` offers (``GET /models``).

    Raises :class:`ModelError` naming the address and what to do.
    """
    connection = _Connection(config)
    try:
        return _list_models(connection)
    finally:
        connection.close()


def _list_models(connection: _Connection) -> list[ServerModelInfo]:
    url = connection.url("models")
    try:
        response = connection.client.get(url)
    except httpx.HTTPError as exc:
        raise transport_error(connection.base_url, connection.config.timeout_s, url,
                              exc) from None
    if response.status_code != 200:
        raise status_error(connection.base_url, url, response)
    try:
        data = response.json()
        entries = data["data"] if isinstance(data, dict) else data
        models = [_model_info(entry) for entry in entries]
    except (ValueError, KeyError, TypeError):
        raise ModelError(
            "{url} answered, but not with an OpenAI-compatible model list "
            "({snippet}). Check that the address is the server's API, "
            "usually ending in /v1.", url=url, snippet=snippet(response.text)) from None
    return models


def _model_info(entry: Any) -> ServerModelInfo:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise TypeError("not a model entry")
    n_ctx = None
    meta = entry.get("meta")
    sources: list[dict[str, Any]] = [entry, meta if isinstance(meta, dict) else {}]
    for source in sources:
        for key in (*_CONTEXT_KEYS, "n_ctx", "n_ctx_train"):
            value = source.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                n_ctx = value
                break
        if n_ctx:
            break
    return ServerModelInfo(entry["id"], n_ctx, str(entry.get("owned_by") or ""))


def connect(config: ServerModel) -> ServerBackend:
    """Check the server answers and has the model; return a backend for it.

    With no model named, the server's only model is used; a server with
    several asks the user to pick one.
    """
    connection = _Connection(config)
    try:
        models = _list_models(connection)
        chosen = _choose(connection, models)
    except BaseException:
        connection.close()
        raise
    # With no size known, long inputs are checked by the server itself; the
    # status bar and the inspector say "context size unknown".
    n_ctx = config.n_ctx or chosen.n_ctx
    log.info("connected to %s, model %s, context %s", connection.base_url, chosen.id,
             n_ctx or "unknown")
    return ServerBackend(connection, chosen.id, n_ctx, None)


def _choose(connection: _Connection, models: list[ServerModelInfo]) -> ServerModelInfo:
    wanted = connection.config.model.strip()
    names = ", ".join(m.id for m in models[:12]) + (" …" if len(models) > 12 else "")
    if wanted:
        for model in models:
            # Ollama lists "qwen2.5:latest" for what users call "qwen2.5".
            if model.id in (wanted, f"{wanted}:latest"):
                return model
        if models:
            raise ModelError("The server at {base} has no model {wanted!r}. It has: {names}. "
                             "Pick one in Settings (or with --server-model).",
                             base=connection.base_url, wanted=wanted, names=names)
        raise ModelError("The server at {base} has no model {wanted!r}. It offers no models. "
                         "Pick one in Settings (or with --server-model).",
                         base=connection.base_url, wanted=wanted)
    if not models:
        raise ModelError("The server at {base} offers no models. Load one "
                         "there first (Ollama: 'ollama pull qwen2.5:3b').",
                         base=connection.base_url)
    if len(models) > 1:
        raise ModelError("The server at {base} offers several models: "
                         "{names}. Pick one in Settings (or with --server-model).",
                         base=connection.base_url, names=names)
    return models[0]


class ServerBackend:
    """A model on an OpenAI-compatible server. Build it with :func:`connect`."""

    def __init__(self, connection: _Connection, model: str, n_ctx: int | None,
                 notice: messages.Message | None) -> None:
        self._connection = connection
        self.model = model
        self._n_ctx = n_ctx
        self.notice = notice
        self._estimate = Estimate(n_ctx)

    @property
    def n_ctx(self) -> int | None:
        return self._n_ctx

    @property
    def name(self) -> str:
        return f"{self.model} @ {self._connection.config.host}"

    @property
    def base_url(self) -> str:
        """The server's API address, as configured."""
        return self._connection.base_url

    def stream(self, messages: Sequence[Message], params: Sampling,
               cancel: CancelToken | None = None,
               progress: ReadProgress | None = None) -> TextStream:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [m.as_dict() for m in messages],
            "temperature": params.temperature,
            "top_p": params.top_p,
            "max_tokens": params.max_tokens,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        # top_k and repeat_penalty are not in the OpenAI API; strict servers
        # refuse unknown fields, so they are not sent.
        if params.seed is not None:
            body["seed"] = params.seed
        if params.stop:
            body["stop"] = list(params.stop)
        stats = Stats(prompt_tokens=self._estimate.count_tokens(messages), estimated=True)
        chunks = self._run(body, cancel or CancelToken(), stats)
        return TextStream(chunks, stats, chunks.close)

    def _run(self, body: dict[str, Any], cancel: CancelToken,
             stats: Stats) -> Generator[str, None, None]:
        connection = self._connection
        url = connection.url("chat/completions")
        start = time.perf_counter()
        first = last = None
        chunks = events = 0
        ended = False
        stopper = SocketStopper()
        remove = cancel.on_cancel(stopper.stop)
        try:
            with connection.client.stream("POST", url, json=body,
                                          extensions={"trace": stopper.trace}) as response:
                if response.status_code != 200:
                    response.read()
                    raise status_error(connection.base_url, url, response)
                for data in _events(connection, url, response):
                    if data is None:  # [DONE]
                        ended = True
                        break
                    events += 1
                    if "error" in data:
                        raise ModelError("The server at {base} reported an error while "
                                         "answering: {said}", base=connection.base_url,
                                         said=error_text(data))
                    _read_usage(data, stats)
                    for choice in data.get("choices") or ():
                        text = (choice.get("delta") or choice.get("message") or {}).get("content")
                        if choice.get("finish_reason"):
                            stats.finish_reason = FinishReason.of(choice["finish_reason"])
                        if text:
                            now = time.perf_counter()
                            if first is None:
                                first = now
                                stats.ttft_s = now - start
                            last = now
                            chunks += 1
                            yield text
                    if cancel.cancelled:
                        stats.finish_reason = FinishReason.CANCELLED
                        return
                if not ended and not stats.finish_reason and not cancel.cancelled:
                    if not events:
                        # Some servers (llama-cpp-python's) answer 200 and then end
                        # the stream without a word when the request fails, e.g.
                        # a prompt too long: ask once more, unstreamed, to learn why.
                        raise _reason_for_silence(connection, url, body)
                    raise ModelError(cut_message(connection.base_url, True, closed=True))
        except httpx.HTTPError as exc:
            if cancel.cancelled:
                stats.finish_reason = FinishReason.CANCELLED
                return
            raise transport_error(connection.base_url, connection.config.timeout_s, url, exc,
                                  first is not None) from None
        finally:
            remove()
            stats.total_s = time.perf_counter() - start
            if first is not None and last is not None:
                stats.decode_s = last - first
            if stats.estimated:
                stats.completion_tokens = chunks
            if cancel.cancelled:
                stats.finish_reason = FinishReason.CANCELLED
            elif not stats.finish_reason:
                stats.finish_reason = FinishReason.STOP

    def close(self) -> None:
        self._connection.close()


def _reason_for_silence(connection: _Connection, url: str, body: dict[str, Any]) -> ModelError:
    """The error a server gives unstreamed for a request whose stream ended empty."""
    silent = ModelError("The server at {base} ended the answer before sending "
                        "anything. Its own log says why.", base=connection.base_url)
    probe = {**body, "stream": False, "max_tokens": 1}
    probe.pop("stream_options", None)
    try:
        response = connection.client.post(url, json=probe)
    except httpx.HTTPError:
        return silent
    if response.status_code != 200:
        return status_error(connection.base_url, url, response)
    return silent


def _events(connection: _Connection, url: str,
            response: httpx.Response) -> Iterator[dict[str, Any] | None]:
    """Parsed ``data:`` payloads of a server-sent event stream; None for ``[DONE]``.

    A server that ignored ``stream: true`` and sent one JSON answer is
    accepted too: that answer is yielded as a single event.
    """
    kind = response.headers.get("content-type", "")
    if "text/event-stream" not in kind:
        response.read()
        try:
            whole = response.json()
        except ValueError:
            whole = None
        if not isinstance(whole, dict) or not ("choices" in whole or "error" in whole):
            raise ModelError(malformed(connection.base_url, url, response.text))
        yield whole
        yield None
        return
    for payload in _sse_data(response.iter_lines()):
        if payload.strip() == "[DONE]":
            yield None
            return
        try:
            data = json.loads(payload)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise ModelError(malformed(connection.base_url, url, payload))
        yield data


def _sse_data(lines: Iterable[str]) -> Iterator[str]:
    """The data of each server-sent event (the WHATWG rules, data field only)."""
    data: list[str] = []
    for line in lines:
        if not line:
            if data:
                yield "\n".join(data)
                data = []
            continue
        if line.startswith(":"):  # a comment, e.g. a keep-alive ping
            continue
        name, _, value = line.partition(":")
        if name == "data":
            data.append(value.removeprefix(" "))
    # An event not ended by a blank line is incomplete (the connection broke
    # in the middle of it) and is dropped, as the SSE rules say; only a bare
    # "[DONE]" is taken, from servers that skip the final blank line.
    if data == ["[DONE]"]:
        yield data[0]


def _read_usage(data: dict[str, Any], stats: Stats) -> None:
    usage = data.get("usage")
    if isinstance(usage, dict) and isinstance(usage.get("completion_tokens"), int):
        stats.prompt_tokens = int(usage.get("prompt_tokens") or 0)
        stats.completion_tokens = int(usage["completion_tokens"])
        stats.estimated = False
        details = usage.get("prompt_tokens_details")
        if isinstance(details, dict) and isinstance(details.get("cached_tokens"), int):
            stats.cached_tokens = details["cached_tokens"]
    timings = data.get("timings")  # llama-server
    if isinstance(timings, dict) and isinstance(timings.get("cache_n"), int):
        stats.cached_tokens = timings["cache_n"]
