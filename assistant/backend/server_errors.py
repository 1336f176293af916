"""The messages of the server backend: every failure named with the address and what to do.

Kept apart from :mod:`assistant.backend.server` so the protocol code reads
straight through. The inputs are httpx's exceptions and responses; the
outputs are :class:`~assistant.errors.ModelError` texts for the user.
"""

from __future__ import annotations

import json
import socket
from typing import Any
from urllib.parse import urlsplit

import httpx

from assistant.errors import ModelError

CONNECT_TIMEOUT_S = 10.0
"""A server on the network answers a TCP connect in well under this."""


def cut_message(base: str, what: str, partial: bool) -> str:
    """The server ended an answer early; ``partial``: some text had arrived."""
    kept = " The answer so far is kept, but it is cut off." if partial else ""
    return f"The server at {base} {what} before the answer was complete.{kept}"


def malformed(base: str, url: str, text: str) -> str:
    """``url`` answered with something that is not the OpenAI API."""
    return (f"{url} sent something that is not an OpenAI-compatible answer "
            f"({snippet(text)}). Check that {base} is the server's API address, "
            "usually ending in /v1.")


def transport_error(base: str, timeout_s: float, url: str, exc: httpx.HTTPError,
                    partial: bool = False) -> ModelError:
    """What went wrong on the way to the server, in words, from httpx's exception."""
    host = urlsplit(base).hostname or base
    cause = _root_cause(exc)
    if isinstance(exc, httpx.ConnectTimeout):
        return ModelError(f"The server at {base} did not answer within {CONNECT_TIMEOUT_S:g} s. "
                          "Check the address and that the machine is on and reachable.")
    if isinstance(exc, httpx.ConnectError):
        if isinstance(cause, socket.gaierror):
            return ModelError(f"Cannot find the server {host!r} of {base} (the name does not "
                              "resolve). Check the address in Settings.")
        if isinstance(cause, ConnectionRefusedError):
            return ModelError(f"Nothing is listening at {base} (connection refused). Start the "
                              "server (for example 'ollama serve') or check the port.")
        return ModelError(f"Cannot connect to {base}: {cause or exc}. Check the address and "
                          "the network.")
    if isinstance(exc, httpx.ReadTimeout):
        if partial:
            return ModelError(cut_message(base, f"sent nothing for {timeout_s:g} s",
                                           True) + " Raise the server timeout in Settings if "
                              "the server is slow.")
        return ModelError(f"The server at {base} accepted the request but sent nothing for "
                          f"{timeout_s:g} s. It may still be loading the model or reading "
                          "a long prompt: try again, or raise the server timeout in Settings.")
    if isinstance(exc, httpx.TimeoutException):
        return ModelError(f"The server at {base} took too long ({exc.__class__.__name__}).")
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return ModelError(cut_message(base, "dropped the connection", partial)
                          if partial or isinstance(exc, httpx.RemoteProtocolError) else
                          f"The connection to {base} broke: {cause or exc}.")
    return ModelError(f"Talking to {url} failed: {cause or exc}.")


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
    """The server answered with an HTTP error: what it means and what to do."""
    code = response.status_code
    said = error_text(_json_or_text(response))
    server = f" (the server says: {said})" if said else ""
    if code in (401, 403):
        return ModelError(f"The server at {base} refused the API key ({code}){server}. Enter "
                          "the right key in Settings (or pass it with --api-key-env VAR).")
    if code == 404:
        hint = ("" if base.endswith("/v1") else
                f" OpenAI-compatible servers usually answer under /v1: try {base}/v1.")
        return ModelError(f"{url} was not found (404){server}. Check the address and the "
                          f"model name.{hint}")
    if code in (400, 413, 422) and _about_context(said):
        return ModelError(f"The prompt is too long for the model on {base}{server}. Shorten "
                          "the input, turn examples off, or lower the answer length; if the "
                          "server's context is larger than it says, set it in Settings.")
    if 400 <= code < 500:
        return ModelError(f"The server at {base} refused the request ({code}){server}.")
    return ModelError(f"The server at {base} failed ({code}){server}. Its own log says more; "
                      "the model may have crashed or run out of memory.")


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

