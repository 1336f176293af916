"""UiState: remembered values, recent and favourite templates, damaged files."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.state import MAX_RECENT, UiState


def test_values_recent_and_favourites_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    state = UiState(path)
    state.remember("weekly-report-zh", {"notes": "周一：修 bug", "tone": "简洁"})
    state.remember("proofread-en", {"text": "teh"})
    state.set_favourite("proofread-en", True)
    again = UiState(path)
    assert again.values("weekly-report-zh") == {"notes": "周一：修 bug", "tone": "简洁"}
    assert again.recent == ["proofread-en", "weekly-report-zh"]
    assert again.favourites == ["proofread-en"] and again.is_favourite("proofread-en")
    again.set_favourite("proofread-en", False)
    assert UiState(path).favourites == []


def test_recent_is_bounded_and_deduplicated(tmp_path: Path) -> None:
    state = UiState(tmp_path / "state.json")
    for index in range(MAX_RECENT + 3):
        state.remember(f"t{index}", {})
    state.remember("t5", {})
    assert len(state.recent) == MAX_RECENT
    assert state.recent[0] == "t5" and state.recent.count("t5") == 1


def test_damaged_file_is_kept_aside_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("{not json", encoding="utf-8")
    state = UiState(path)
    assert state.recent == []
    assert state.problem is not None and "state.json" in str(state.problem)
    assert (tmp_path / "state.json.bad").read_text(encoding="utf-8") == "{not json"


def test_remember_values_does_not_touch_recent(tmp_path: Path) -> None:
    state = UiState(tmp_path / "state.json")
    state.remember_values("proofread-en", {"text": "draft"})
    assert state.recent == []
    assert UiState(tmp_path / "state.json").values("proofread-en") == {"text": "draft"}


def test_lasting_values_leave_out_dates_and_the_named_field() -> None:
    from assistant.state import lasting_values
    from assistant.templating.library import load_library

    template = load_library(None).get("meeting-minutes-en")
    values = {"transcript": "notes", "topic": "Sync", "attendees": "Ann", "date": "2026-11-24"}
    assert lasting_values(template, values) == {"transcript": "notes", "topic": "Sync",
                                                "attendees": "Ann"}
    assert lasting_values(template, values, leave_out="transcript") == {"topic": "Sync",
                                                                        "attendees": "Ann"}


def test_a_draft_is_written_later_on_another_thread(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    import assistant.state

    writers: list[threading.Thread] = []
    write = assistant.state.write_atomic
    monkeypatch.setattr(assistant.state, "write_atomic",
                        lambda path, data, mode=None: (writers.append(threading.current_thread()),
                                                       write(path, data, mode)))
    state = UiState(tmp_path / "state.json")
    state.remember_values("proofread-en", {"text": "draft"}, later=True)
    assert state.flush()
    assert writers and threading.main_thread() not in writers
    assert UiState(tmp_path / "state.json").values("proofread-en") == {"text": "draft"}


def test_an_older_state_never_replaces_a_newer_one(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    import assistant.state

    path = tmp_path / "state.json"
    state = UiState(path)
    entered, go_on = threading.Event(), threading.Event()
    write = assistant.state.write_atomic

    def slow_on_the_writer(target: Path, data: str, mode: int | None = None) -> None:
        if threading.current_thread() is not threading.main_thread():
            entered.set()
            go_on.wait(10)
        write(target, data, mode)

    monkeypatch.setattr(assistant.state, "write_atomic", slow_on_the_writer)
    state.remember_values("proofread-en", {"text": "old draft"}, later=True)
    assert entered.wait(10)  # the writer holds the old state...
    state.remember_values("proofread-en", {"text": "newer"}, later=True)
    # ...while a newer one is queued and a newest is saved at once (it waits for the writer).
    at_once = threading.Thread(target=state.set_favourite, args=("proofread-en", True))
    at_once.start()
    go_on.set()
    at_once.join(10)
    assert state.flush()
    again = UiState(path)
    assert again.values("proofread-en") == {"text": "newer"} and again.favourites == ["proofread-en"]


def test_a_draft_that_cannot_be_written_is_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.state

    def full(_path: Path, _data: str, _mode: int | None = None) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(assistant.state, "write_atomic", full)
    state = UiState(tmp_path / "state.json")
    state.remember_values("proofread-en", {"text": "draft"}, later=True)
    assert state.flush()
    assert "could not save the window state" in caplog.text and "No space" in caplog.text
    assert state.values("proofread-en") == {"text": "draft"}  # kept for the next try


def test_remembering_later_writes_on_another_thread(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    path = tmp_path / "state.json"
    state = UiState(path)
    writers: list[str] = []
    real = UiState._write

    def spy(self: UiState, *args: object) -> None:
        writers.append(threading.current_thread().name)
        real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(UiState, "_write", spy)
    state.remember("proofread-en", {"text": "x" * 1_000_000}, later=True)
    assert state.flush(timeout_s=30)
    assert writers and threading.main_thread().name not in writers
    assert UiState(path).values("proofread-en") == {"text": "x" * 1_000_000}
    assert UiState(path).recent == ["proofread-en"]
