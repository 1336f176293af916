"""The messages of the server backend: every failure named with the address and what to do.

Kept apart from :mod:`assistant.backend.server` so the protocol code reads
straight through. The inputs are httpx's exceptions and responses; the
outputs are :class:`~assistant.errors.ModelError` errors (or their
:class:`~assistant.messages.Message`) for the user: one whole sentence per
variant, so that translators see complete sentences.
"""

from __future__ import annotations

import json
import socket
from typing import Any
from urllib.parse import urlsplit

import httpx

from assistant.errors import ModelError
from assistant.messages import Message

CONNECT_TIMEOUT_S = 10.0
"""A server on the network answers a TCP connect in well under this."""


def cut_message(base: str, partial: bool, *, closed: bool = False) -> Message:
    """The server dropped (or, ``closed``, closed) the connection before the answer was complete.

    ``partial``: some text had arrived.
    """
    if closed:
        if partial:
            return Message.of("The server at {base} closed the connection before the answer "
                              "was complete. The answer so far is kept, but it is cut off.",
                              base=base)
        return Message.of("The server at {base} closed the connection before the answer was "
                          "complete.", base=base)
    if partial:
        return Message.of("The server at {base} dropped the connection before the answer was "
                          "complete. The answer so far is kept, but it is cut off.", base=base)
    return Message.of("The server at {base} dropped the connection before the answer was "
                      "complete.", base=base)


def malformed(base: str, url: str, text: str) -> Message:
    """``url`` answered with something that is not the OpenAI API."""
    return Message.of("{url} sent something that is not an OpenAI-compatible answer "
                      "({snippet}). Check that {base} is the server's API address, "
                      "usually ending in /v1.", url=url, snippet=snippet(text), base=base)


def transport_error(base: str, timeout_s: float, url: str, exc: httpx.HTTPError,
                    partial: bool = False) -> ModelError:
    """What went wrong on the way to the server, in words, from httpx's exception."""
    host = urlsplit(base).hostname or base
    cause = _root_cause(exc)
    detail = str(cause or exc)
    if isinstance(exc, httpx.ConnectTimeout):
        return ModelError("The server at {base} did not answer within {timeout:g} s. "
                          "Check the address and that the machine is on and reachable.",
                          base=base, timeout=CONNECT_TIMEOUT_S)
    if isinstance(exc, httpx.ConnectError):
        if isinstance(cause, socket.gaierror):
            return ModelError("Cannot find the server {host!r} of {base} (the name does not "
                              "resolve). Check the address in Settings.", host=host, base=base)
        if isinstance(cause, ConnectionRefusedError):
            return ModelError("Nothing is listening at {base} (connection refused). Start the "
                              "server (for example 'ollama serve') or check the port.", base=base)
        return ModelError("Cannot connect to {base}: {detail}. Check the address and "
                          "the network.", base=base, detail=detail)
    if isinstance(exc, httpx.ReadTimeout):
        if partial:
            return ModelError("The server at {base} sent nothing for {timeout:g} s before the "
                              "answer was complete. The answer so far is kept, but it is cut "
                              "off. Raise the server timeout in Settings if the server is slow.",
                              base=base, timeout=timeout_s)
        return ModelError("The server at {base} accepted the request but sent nothing for "
                          "{timeout:g} s. It may still be loading the model or reading "
                          "a long prompt: try again, or raise the server timeout in Settings.",
                          base=base, timeout=timeout_s)
    if isinstance(exc, httpx.TimeoutException):
        return ModelError("The server at {base} took too long ({kind}).", base=base,
                          kind=type(exc).__name__)
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        if partial or isinstance(exc, httpx.RemoteProtocolError):
            return ModelError(cut_message(base, partial))
        return ModelError("The connection to {base} broke: {detail}.", base=base, detail=detail)
    return ModelError("Talking to {url} failed: {detail}.", url=url, detail=detail)


def _root_cause(exc: BaseException) -> BaseException | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    found = None
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError):
            found = current
        current = current.__cause__ or current.__context__
    return found


def status_error(base: str, url: str, response: httpx.Response) -> ModelError:
    """The server answered with an HTTP error: what it means and what to do.

    Each sentence comes with and without what the server said about it.
    """
    code = response.status_code
    said = error_text(_json_or_text(response))
    if code in (401, 403):
        if said:
            return ModelError("The server at {base} refused the API key ({code}) (the server "
                              "says: {said}). Enter the right key in Settings (or pass it with "
                              "--api-key-env VAR).", base=base, code=code, said=said)
        return ModelError("The server at {base} refused the API key ({code}). Enter the right "
                          "key in Settings (or pass it with --api-key-env VAR).",
                          base=base, code=code)
    if code == 404:
        return _not_found(base, url, said)
    if code in (400, 413, 422) and _about_context(said):
        if said:
            return ModelError("The prompt is too long for the model on {base} (the server says: "
                              "{said}). Shorten the input, turn examples off, or lower the "
                              "answer length; if the server's context is larger than it says, "
                              "set it in Settings.", base=base, said=said)
        return ModelError("The prompt is too long for the model on {base}. Shorten the input, "
                          "turn examples off, or lower the answer length; if the server's "
                          "context is larger than it says, set it in Settings.", base=base)
    if 400 <= code < 500:
        if said:
            return ModelError("The server at {base} refused the request ({code}) (the server "
                              "says: {said}).", base=base, code=code, said=said)
        return ModelError("The server at {base} refused the request ({code}).",
                          base=base, code=code)
    if said:
        return ModelError("The server at {base} failed ({code}) (the server says: {said}). Its "
                          "own log says more; the model may have crashed or run out of memory.",
                          base=base, code=code, said=said)
    return ModelError("The server at {base} failed ({code}). Its own log says more; the model "
                      "may have crashed or run out of memory.", base=base, code=code)


def _not_found(base: str, url: str, said: str) -> ModelError:
    """404: with a hint to add /v1 when the address lacks it."""
    if base.endswith("/v1"):
        if said:
            return ModelError("{url} was not found (404) (the server says: {said}). Check the "
                              "address and the model name.", url=url, said=said)
        return ModelError("{url} was not found (404). Check the address and the model name.",
                          url=url)
    if said:
        return ModelError("{url} was not found (404) (the server says: {said}). Check the "
                          "address and the model name. OpenAI-compatible servers usually "
                          "answer under /v1: try {base}/v1.", url=url, said=said, base=base)
    return ModelError("{url} was not found (404). Check the address and the model name. "
                      "OpenAI-compatible servers usually answer under /v1: try {base}/v1.",
                      url=url, base=base)


def _about_context(text: str) -> bool:
    words = text.lower()
    return "context" in words or "too long" in words or "maximum" in words and "token" in words


def _json_or_text(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return response.text


def error_text(data: Any) -> str:
    """The message inside OpenAI-, Ollama- or FastAPI-style error bodies."""
    if isinstance(data, dict):
        error = data.get("error", data.get("detail", data.get("message")))
        if isinstance(error, dict):
            return snippet(str(error.get("message") or error), 300)
        if error is not None:
            return snippet(error if isinstance(error, str) else json.dumps(error), 300)
        return snippet(json.dumps(data), 300)
    return snippet(str(data), 300)


def snippet(text: str, limit: int = 120) -> str:
    """``text`` on one line, cut to ``limit`` characters."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"

