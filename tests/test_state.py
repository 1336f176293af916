"""UiState: remembered values, recent and favourite templates, damaged files."""

from __future__ import annotations

from pathlib import Path

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
