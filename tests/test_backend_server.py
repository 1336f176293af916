"""The OpenAI-compatible server backend against a scripted server on 127.0.0.1.

What real servers rarely do on demand (drop the connection, send garbage,
hang, refuse the key) is played by ``tests/openai_stub.py``; the same
backend against llama-cpp-python's real server is in ``test_server_real.py``.
Every error must name the server's address and say what to do.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from openai_stub import CHUNKS, StubServer
from waits import PROCESS_S

from assistant.backend import CancelToken, Sampling, PrefixWarming, TokenCounting
from assistant.backend import server_errors
from assistant.backend.config import ServerModel, check_url, is_loopback
from assistant.backend.server import ServerBackend, connect, list_models
from assistant.budget import Estimate, counter_for, plan_prompt
from assistant.errors import InputError, ModelError
from assistant.prompt import Message

MESSAGES = [Message("system", "Be brief."), Message("user", "Example in"),
            Message("assistant", "Example out"), Message("user", "Their going tomorow.")]
PARAMS = Sampling(temperature=0.2, max_tokens=50, top_p=0.9, seed=7, stop=("###",))


def backend_for(stub: StubServer, **changes: Any) -> ServerBackend:
    return connect(ServerModel(stub.url, **changes))


def collect(backend: ServerBackend, cancel: CancelToken | None = None) -> tuple[list[str], Any]:
    stream = backend.stream(MESSAGES, PARAMS, cancel)
    return list(stream), stream.stats


def run_until_error(backend: ServerBackend) -> tuple[list[str], str]:
    got: list[str] = []
    with pytest.raises(ModelError) as caught:
        got.extend(backend.stream(MESSAGES, PARAMS))
    return got, str(caught.value)


# -- addresses ------------------------------------------------------------------

@pytest.mark.parametrize("url", ["127.0.0.1:11434", "ftp://host/v1", "http://", "", "  "])
def test_bad_addresses_are_refused_with_an_example(url: str) -> None:
    with pytest.raises(InputError, match="http://127.0.0.1:11434/v1"):
        check_url(url)


def test_good_address_loses_its_trailing_slash() -> None:
    assert check_url(" http://127.0.0.1:1234/v1/ ") == "http://127.0.0.1:1234/v1"


@pytest.mark.parametrize(("url", "loopback"), [
    ("http://127.0.0.1:1/v1", True), ("http://127.8.9.1/v1", True), ("http://[::1]:8/v1", True),
    ("http://localhost:1/v1", True), ("http://192.0.2.1/v1", False),
    ("https://gpu.example.com/v1", False)])
def test_loopback_detection(url: str, loopback: bool) -> None:
    assert is_loopback(url) is loopback


def test_api_key_never_in_repr() -> None:
    config = ServerModel("http://127.0.0.1:1/v1", "m", api_key="sk-secret-123")
    assert "sk-secret-123" not in repr(config)
    assert "sk-secret-123" not in config.describe()


# -- models -----------------------------------------------------------------------

def test_lists_models_with_their_context_sizes(stub: StubServer) -> None:
    stub.state.models = [
        {"id": "qwen2.5:7b", "object": "model"},
        {"id": "vllm-model", "max_model_len": 32768},
        {"id": "llama-server-model", "meta": {"n_ctx_train": 131072}},
        {"id": "lmstudio-model", "loaded_context_length": 8192, "max_context_length": 32768},
    ]
    models = list_models(ServerModel(stub.url))
    assert [(m.id, m.n_ctx) for m in models] == [
        ("qwen2.5:7b", None), ("vllm-model", 32768), ("llama-server-model", 131072),
        ("lmstudio-model", 8192)]


def test_the_only_model_is_used_when_none_is_named(stub: StubServer) -> None:
    backend = backend_for(stub)
    assert backend.model == "stub-model"
    assert backend.name == f"stub-model @ {stub.url.split('//')[1].split('/')[0]}"
    assert backend.n_ctx is None and backend.notice is None
    backend.close()


def test_several_models_need_a_choice(stub: StubServer) -> None:
    stub.state.models = [{"id": "a"}, {"id": "b"}]
    with pytest.raises(ModelError) as caught:
        backend_for(stub)
    assert "several models: a, b" in str(caught.value) and stub.url in str(caught.value)
    backend = backend_for(stub, model="b")
    assert backend.model == "b"
    backend.close()


def test_unknown_model_lists_what_the_server_has(stub: StubServer) -> None:
    stub.state.models = [{"id": "qwen2.5:latest"}, {"id": "llama3.2:3b"}]
    with pytest.raises(ModelError) as caught:
        backend_for(stub, model="mistral")
    message = str(caught.value)
    assert "no model 'mistral'" in message and "qwen2.5:latest, llama3.2:3b" in message
    # Ollama's short name for ":latest" is accepted.
    assert backend_for(stub, model="qwen2.5").model == "qwen2.5:latest"


def test_empty_model_list(stub: StubServer) -> None:
    stub.state.models = []
    with pytest.raises(ModelError, match="offers no models"):
        backend_for(stub)


def test_context_from_the_server_or_the_setting(stub: StubServer) -> None:
    stub.state.models = [{"id": "m", "max_model_len": 4096}]
    assert backend_for(stub).n_ctx == 4096
    assert backend_for(stub, n_ctx=2048).n_ctx == 2048
    assert backend_for(stub).notice is None


def test_model_list_that_is_a_web_page(stub: StubServer) -> None:
    stub.mode = "models-html"
    with pytest.raises(ModelError) as caught:
        list_models(ServerModel(stub.url))
    assert f"{stub.url}/models" in str(caught.value) and "/v1" in str(caught.value)


def test_model_list_refused_key(stub: StubServer) -> None:
    stub.mode = "models-401"
    with pytest.raises(ModelError) as caught:
        list_models(ServerModel(stub.url, api_key="wrong"))
    assert "refused the API key (401" in str(caught.value) and "Invalid API key" in str(
        caught.value)


def test_missing_v1_gets_a_hint(stub: StubServer) -> None:
    base = stub.url.removesuffix("/v1")
    with pytest.raises(ModelError) as caught:
        list_models(ServerModel(base))
    assert "(404" in str(caught.value) and f"try {base}/v1" in str(caught.value)


# -- streaming --------------------------------------------------------------------

def test_stream_sends_our_messages_and_reads_usage(stub: StubServer) -> None:
    backend = backend_for(stub, api_key="sk-test")
    chunks, stats = collect(backend)
    assert chunks == list(CHUNKS)
    body = stub.chat_requests[-1].body
    assert body["messages"] == [m.as_dict() for m in MESSAGES]
    assert body["model"] == "stub-model" and body["stream"] is True
    assert body["stream_options"] == {"include_usage": True}
    assert (body["temperature"], body["top_p"], body["max_tokens"], body["seed"], body["stop"]) \
        == (0.2, 0.9, 50, 7, ["###"])
    assert "top_k" not in body and "repeat_penalty" not in body
    assert stub.chat_requests[-1].headers["authorization"] == "Bearer sk-test"
    assert (stats.prompt_tokens, stats.completion_tokens, stats.cached_tokens) == (57, 3, 40)
    assert not stats.estimated and stats.finish_reason == "stop"
    assert stats.ttft_s is not None and stats.ttft_s >= 0 and stats.total_s >= stats.ttft_s


def test_without_usage_the_counts_are_marked_estimates(stub: StubServer) -> None:
    stub.mode = "no_usage"
    chunks, stats = collect(backend_for(stub))
    assert chunks == list(CHUNKS)
    assert stats.estimated and stats.completion_tokens == 3 and stats.prompt_tokens > 0
    assert stats.finish_reason == "length"


def test_a_server_that_ignores_stream_true(stub: StubServer) -> None:
    stub.mode = "json"
    chunks, stats = collect(backend_for(stub))
    assert chunks == ["All at once."] and stats.completion_tokens == 4


def test_no_key_no_authorization_header(stub: StubServer) -> None:
    collect(backend_for(stub))
    assert "authorization" not in stub.chat_requests[-1].headers


def test_server_backend_has_no_tokenizer_so_the_budget_estimates(stub: StubServer) -> None:
    from assistant.templating.library import load_library

    backend = backend_for(stub, n_ctx=4096)
    assert not isinstance(backend, TokenCounting) and not isinstance(backend, PrefixWarming)
    counter = counter_for(backend)
    assert isinstance(counter, Estimate) and counter.n_ctx == 4096
    template = load_library(None).get("proofread-en")
    plan = plan_prompt(counter, template, {"text": "hello"}, max_tokens=100)
    assert plan.estimated and plan.examples_used == plan.examples_available
    with pytest.raises(InputError, match="about"):
        plan_prompt(counter, template, {"text": "word " * 20000}, max_tokens=100)


def test_unknown_context_keeps_every_example(stub: StubServer) -> None:
    from assistant.templating.library import load_library

    template = load_library(None).get("weekly-report-zh")
    plan = plan_prompt(counter_for(backend_for(stub)), template, {"notes": "周一开会"},
                       max_tokens=100)
    assert plan.n_ctx is None and plan.examples_used == len(template.examples)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("hello world, this is a test", 5, 12), ("周报：本周完成了登录页的修复", 10, 20), ("", 0, 0)])
def test_estimate_is_in_a_sensible_range(text: str, low: int, high: int) -> None:
    assert low <= Estimate(None).count_text(text) <= high


# -- errors -----------------------------------------------------------------------

@pytest.mark.parametrize(("mode", "fragments"), [
    ("401", ["refused the API key (401", "Incorrect API key", "Settings", "--api-key-env"]),
    ("403", ["refused the API key (403", "forbidden for this key"]),
    ("404", ["was not found (404", "not found, try pulling it", "model name"]),
    ("500", ["failed (500", "llama runner process has terminated", "log"]),
    ("context", ["too long for the model", "maximum context length is 2048", "Shorten"]),
])
def test_http_errors_name_the_server_and_the_fix(stub: StubServer, mode: str,
                                                 fragments: list[str]) -> None:
    backend = backend_for(stub)
    stub.mode = mode
    got, message = run_until_error(backend)
    assert got == []
    assert stub.url in message
    for fragment in fragments:
        assert fragment in message


def test_dropped_connection_keeps_the_partial_answer(stub: StubServer) -> None:
    backend = backend_for(stub)
    stub.mode = "drop"
    got, message = run_until_error(backend)
    assert got == list(CHUNKS[:2])
    assert stub.url in message and "cut off" in message


def test_stream_that_ends_without_done(stub: StubServer) -> None:
    backend = backend_for(stub)
    stub.mode = "no_done"
    got, message = run_until_error(backend)
    assert got == [CHUNKS[0]] and "closed the connection" in message and "cut off" in message


def test_silent_stream_is_explained_by_asking_again(stub: StubServer) -> None:
    backend = backend_for(stub)
    stub.mode = "silent"
    got, message = run_until_error(backend)
    assert got == [] and "too long for the model" in message
    probe = stub.chat_requests[-1].body
    assert probe["stream"] is False and probe["max_tokens"] == 1
    assert probe["messages"] == stub.chat_requests[-2].body["messages"]


@pytest.mark.parametrize("mode", ["garbage", "html"])
def test_garbage_is_not_an_answer(stub: StubServer, mode: str) -> None:
    backend = backend_for(stub)
    stub.mode = mode
    got, message = run_until_error(backend)
    assert "not an OpenAI-compatible answer" in message and stub.url in message
    assert got == ([CHUNKS[0]] if mode == "garbage" else [])


def test_error_event_in_the_stream(stub: StubServer) -> None:
    backend = backend_for(stub)
    stub.mode = "error_event"
    got, message = run_until_error(backend)
    assert got == [CHUNKS[0]] and "CUDA out of memory" in message and stub.url in message


def test_nothing_sent_for_the_timeout(stub: StubServer) -> None:
    backend = backend_for(stub, timeout_s=0.5)
    stub.mode = "hang_before"
    got, message = run_until_error(backend)
    assert got == [] and "sent nothing for 0.5 s" in message and "timeout" in message


def test_timeout_between_chunks_keeps_the_partial_answer(stub: StubServer) -> None:
    backend = backend_for(stub, timeout_s=0.5)
    stub.mode = "hang_mid"
    got, message = run_until_error(backend)
    assert got == [CHUNKS[0]] and "cut off" in message and "0.5 s" in message


def test_connection_refused() -> None:
    with socket.socket() as probe:  # a port that nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    with pytest.raises(ModelError) as caught:
        connect(ServerModel(url))
    assert f"Nothing is listening at {url}" in str(caught.value)
    assert "ollama serve" in str(caught.value)


def test_name_that_does_not_resolve(monkeypatch: pytest.MonkeyPatch) -> None:
    """The resolver's failure is simulated: a real lookup would leave this machine."""
    real = socket.getaddrinfo

    def resolve(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "gpu-box.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(ModelError) as caught:
        connect(ServerModel("http://gpu-box.invalid:8000/v1"))
    assert "Cannot find the server 'gpu-box.invalid'" in str(caught.value)
    assert "http://gpu-box.invalid:8000/v1" in str(caught.value)


@pytest.fixture
def full_backlog() -> Iterator[str]:
    """A listening socket whose accept queue is full: new connections hang in SYN."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(3):
        filler = socket.socket()
        filler.setblocking(False)
        filler.connect_ex(("127.0.0.1", port))
        fillers.append(filler)
    yield f"http://127.0.0.1:{port}/v1"
    for filler in fillers:
        filler.close()
    listener.close()


def test_connect_timeout(full_backlog: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_errors, "CONNECT_TIMEOUT_S", 0.3)
    with pytest.raises(ModelError) as caught:
        connect(ServerModel(full_backlog))
    assert f"The server at {full_backlog} did not answer within 0.3 s" in str(caught.value)


# -- stop -------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["hang_before", "hang_after_headers"])
def test_stop_while_the_server_reads_the_prompt(stub: StubServer, mode: str) -> None:
    """Nothing has arrived yet, so no flag could be checked: the socket is shut down."""
    backend = backend_for(stub, timeout_s=60)
    stub.mode = mode
    cancel = CancelToken()
    started = threading.Event()
    result: dict[str, Any] = {}

    def consume() -> None:
        stream = backend.stream(MESSAGES, PARAMS, cancel)
        started.set()
        result["chunks"] = list(stream)
        result["stats"] = stream.stats

    worker = threading.Thread(target=consume)
    worker.start()
    assert started.wait(5)
    # The request must have reached the server before Stop is pressed.
    deadline_ok = threading.Event()
    for _ in range(500):
        if stub.chat_requests:
            deadline_ok.set()
            break
        deadline_ok.wait(0.01)
    assert stub.chat_requests, "the request never reached the server"
    cancel.cancel()
    worker.join(5)
    assert not worker.is_alive(), "Stop did not end the run at once"
    assert result["chunks"] == [] and result["stats"].finish_reason == "cancelled"
    assert stub.state.client_gone.wait(5), "the server never saw the connection close"


def test_stop_mid_answer_closes_the_stream(stub: StubServer) -> None:
    backend = backend_for(stub)
    stub.mode = "slow_stream"
    cancel = CancelToken()
    got: list[str] = []
    stream = backend.stream(MESSAGES, PARAMS, cancel)
    for chunk in stream:
        got.append(chunk)
        if len(got) == 5:
            cancel.cancel()
    assert len(got) == 5 and stream.stats.finish_reason == "cancelled"
    assert stub.state.client_gone.wait(5), "the server kept streaming to nobody"


def test_cancel_token_callbacks() -> None:
    token = CancelToken()
    calls: list[str] = []
    remove = token.on_cancel(lambda: calls.append("a"))
    token.on_cancel(lambda: calls.append("b"))
    remove()
    token.cancel()
    token.cancel()
    assert calls == ["b"]
    token.on_cancel(lambda: calls.append("late"))  # already cancelled: runs at once
    assert calls == ["b", "late"]


# -- the command line ------------------------------------------------------------

@pytest.mark.parametrize(("mode", "fragment", "partial"), [
    ("500", "failed (500", ""), ("drop", "cut off", "They're going"),
    ("garbage", "not an OpenAI-compatible answer", "They're"),
    ("401", "refused the API key", ""), ("context", "too long for the model", "")])
def test_cli_server_errors_exit_3_with_the_address(stub: StubServer, tmp_path: Any, mode: str,
                                                   fragment: str, partial: str) -> None:
    import json
    import os
    import subprocess
    import sys

    stub.mode = mode
    env = {**os.environ, "ASSISTANT_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "run", "proofread-en", "--server", stub.url,
         "--set", "text=Their going.", "--json"],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=PROCESS_S,
        check=False)
    assert done.returncode == 3, done.stderr
    assert stub.url in done.stderr and fragment in done.stderr
    assert "Traceback" not in done.stderr
    data = json.loads(done.stdout)
    assert data["complete"] is False and fragment in data["error"]
    assert data["output"].startswith(partial)
