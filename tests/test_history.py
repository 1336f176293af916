"""Tests for assistant.history: a real SQLite file in a temporary folder.

The store must keep every field of a run, find words in English and Chinese
(两字 words inside a sentence too) whatever the user types, and never lose a
committed run: not to ``kill -9``, not to a damaged file (moved aside, a new
history started), not to a full disk (reported with the file's path).
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from waits import PROCESS_S

from assistant.history import (
    EntryKind,
    HistoryError,
    HistoryStore,
    Outcome,
    RunRecord,
    StoredMessage,
    schema,
    template_hash,
)
from assistant.templating import Template, parse_template

T0 = datetime(2025, 3, 3, 9, 30, 15, 123456, tzinfo=UTC)


def record(text: str = "Some notes.", output: str = "An answer.", **changes: object
           ) -> RunRecord:
    """A run whose every field differs from its default."""
    run = RunRecord(
        started_at=T0, template_id="weekly-report-zh", template_title="周报",
        template_hash=template_hash("body"), values={"notes": text, "tone": "正式"},
        examples_used=1,
        messages=(StoredMessage("system", "你是助理。", "system", 0),
                  StoredMessage("user", "例子", "example", 1),
                  StoredMessage("assistant", "例子的回答", "example", 1),
                  StoredMessage("user", f"整理：{text}", "input", 0)),
        model="qwen2.5-3b", model_source="file:/models/qwen2.5-3b.gguf",
        settings={"temperature": 0.3, "max_tokens": 800, "top_p": 0.95, "top_k": 40,
                  "repeat_penalty": 1.05, "seed": None},
        output=output, outcome=Outcome.STOPPED, error="Generation stopped.",
        stats={"prompt_tokens": 120, "completion_tokens": 7, "ttft_s": 0.25,
               "finish_reason": "cancelled", "estimated": False},
        variant="with examples")
    return dataclasses.replace(run, **changes)  # type: ignore[arg-type]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "数据 data" / "history.sqlite3"


@pytest.fixture
def store(path: Path) -> Iterator[HistoryStore]:
    opened, notices = HistoryStore.open(path)
    assert notices == []
    yield opened
    opened.close()


def ids(store: HistoryStore, text: str | None = None, **filters: object) -> list[int]:
    return [summary.id for summary in store.search(text, **filters)]  # type: ignore[arg-type]


# --- round trip ----------------------------------------------------------------


def test_every_field_round_trips(store: HistoryStore, path: Path) -> None:
    original = record("本周完成：导出功能\n下周计划：联调", "## 本周完成\n- 导出")
    for item in dataclasses.fields(RunRecord):  # else a lost field could pass unseen
        if item.name != "id":
            assert getattr(original, item.name) != item.default, item.name
    entry_id = store.add([original])
    store.close()
    reopened, _ = HistoryStore.open(path)
    with reopened:
        entry = reopened.get(entry_id)
    assert entry is not None
    assert entry.id == entry_id and entry.kind is EntryKind.RUN and entry.created_at == T0
    (run,) = entry.runs
    assert isinstance(run.id, int)
    assert dataclasses.replace(run, id=None) == original
    assert list(run.values) == ["notes", "tone"]  # the form's order
    assert run.started_at.tzinfo is not None


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        record(started_at=datetime(2025, 3, 3, 9, 30))


def test_new_file_is_wal_at_the_current_version(store: HistoryStore, path: Path) -> None:
    store.add([record()])
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION


def test_unknown_entry_is_none(store: HistoryStore) -> None:
    assert store.get(42) is None
    assert store.delete(42) is False


# --- search --------------------------------------------------------------------


def test_english_is_found_case_insensitively(store: HistoryStore) -> None:
    first = store.add([record("Finished the Weekly Report export.", "Done.")])
    store.add([record("Lunch with the team.", "Noted.")])
    for query in ("weekly", "WEEKLY", "rEpOrT", "exp", "Re"):
        assert ids(store, query) == [first], query


def test_chinese_word_inside_a_sentence(store: HistoryStore) -> None:
    report = store.add([record("本周周报已提交给经理。", "好的。")])
    store.add([record("下午开会讨论预算。", "会议纪要如下。")])
    assert ids(store, "周报") == [report]  # two characters: no trigram to look up
    assert ids(store, "经理") == [report]
    assert ids(store, "周报已提交给经理") == [report]  # a longer phrase, through the index
    assert ids(store, "已提交") == [report]
    assert ids(store, "月报") == []


def test_output_is_searched_too(store: HistoryStore) -> None:
    minutes = store.add([record("下午开会。", "会议纪要如下：预算通过。")])
    assert ids(store, "会议纪要") == [minutes]
    assert ids(store, "预算") == [minutes]


def test_terms_are_and_ed(store: HistoryStore) -> None:
    both = store.add([record("周报 export", "done")])
    store.add([record("周报 only", "x")])
    store.add([record("export only", "x")])
    assert ids(store, "周报 export") == [both]
    assert ids(store, "  周报   EXPORT ") == [both]
    assert ids(store, "周报 done") == [both]  # one term in the input, one in the output
    assert ids(store, "周报 missing") == []


TRICKY = ['He said "OR" NEAR(x) col: *star* 100% a_c -not ^caret \\back',
          "plain text abc 1000 aXc"]


@pytest.mark.parametrize("query", ['"', '""', "OR", "or", "*", "*star*", "%", "_", "a_c",
                                   "100%", "10%", ":", "col:", "NEAR(x)", "-not", "^caret",
                                   "\\", "\\back", '"OR"', "AND", "abc", "aXc"])
def test_syntax_characters_match_literally(store: HistoryStore, query: str) -> None:
    added = {store.add([record(text, "")]): text for text in TRICKY}
    expected = sorted(i for i, text in added.items() if query.casefold() in text.casefold())
    assert sorted(ids(store, query)) == expected


def test_blank_search_lists_everything_newest_first(store: HistoryStore) -> None:
    older = store.add([record(started_at=T0)])
    newer = store.add([record(started_at=T0 + timedelta(hours=1))])
    same_time = store.add([record(started_at=T0 + timedelta(hours=1))])
    assert ids(store) == [same_time, newer, older]
    assert ids(store, "   ") == [same_time, newer, older]
    assert ids(store, limit=2) == [same_time, newer]
    assert ids(store, limit=2, offset=2) == [older]


def test_filter_by_template(store: HistoryStore) -> None:
    report = store.add([record("本周周报", template_id="weekly-report-zh")])
    proof = store.add([record("本周周报", template_id="proofread-zh")])
    assert ids(store, template_id="proofread-zh") == [proof]
    assert ids(store, "周报", template_id="weekly-report-zh") == [report]
    assert ids(store, template_id="nothing") == []


def test_filter_by_date(store: HistoryStore) -> None:
    march = store.add([record(started_at=datetime(2025, 3, 1, 23, 59, tzinfo=UTC))])
    april = store.add([record(started_at=datetime(2025, 4, 1, tzinfo=UTC))])
    may = store.add([record(started_at=datetime(2025, 5, 1, tzinfo=UTC))])
    assert ids(store, since=datetime(2025, 4, 1, tzinfo=UTC)) == [may, april]  # inclusive
    assert ids(store, until=datetime(2025, 4, 1, tzinfo=UTC)) == [march]  # exclusive
    east = timezone(timedelta(hours=8))  # 2 March 00:00 there is 1 March 16:00 UTC
    assert ids(store, since=datetime(2025, 3, 2, tzinfo=east),
               until=datetime(2025, 4, 2, tzinfo=east)) == [april, march]


def test_summary_shows_snippets_and_outcomes(store: HistoryStore) -> None:
    long_line = "长" * 300
    store.add([record(text=f"\n  {long_line}\nsecond line", output="first\nsecond",
                      values={"tone": "正式", "notes": f"\n  {long_line}\nsecond line"})])
    (summary,) = store.search()
    assert summary.input_snippet.startswith("长") and summary.input_snippet.endswith("…")
    assert len(summary.input_snippet) <= 100
    assert summary.output_snippet == "first"
    assert summary.outcomes == (Outcome.STOPPED,) and summary.template_title == "周报"


# --- delete, clear, compare ------------------------------------------------------


def fts_rows(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT count(*) FROM runs_fts").fetchone()[0])


def test_delete_removes_the_entry_and_its_index_rows(store: HistoryStore, path: Path) -> None:
    gone = store.add([record("本周周报")])
    kept = store.add([record("会议纪要")])
    assert store.delete(gone) is True
    assert store.get(gone) is None and store.delete(gone) is False
    assert ids(store, "周报") == [] and ids(store) == [kept]
    assert fts_rows(path) == 1


def test_clear_deletes_everything_and_ids_are_not_reused(store: HistoryStore,
                                                         path: Path) -> None:
    last = max(store.add([record()]) for _ in range(3))
    assert store.count() == 3
    assert store.clear() == 3
    assert store.count() == 0 and ids(store) == [] and ids(store, "notes") == []
    assert fts_rows(path) == 0
    assert store.add([record()]) > last  # an old id never points at a new entry


def test_compare_is_one_entry_of_two_runs(store: HistoryStore, path: Path) -> None:
    with_examples = record("本周周报", "甲", variant="with examples", outcome=Outcome.FINISHED,
                           error=None)
    without = record("本周周报", "乙", variant="without examples", examples_used=0,
                     messages=with_examples.messages[:1] + with_examples.messages[3:],
                     outcome=Outcome.FAILED, error="The server closed the connection.")
    entry_id = store.add([with_examples, without], EntryKind.COMPARE)
    assert store.count() == 1
    entry = store.get(entry_id)
    assert entry is not None and entry.kind is EntryKind.COMPARE
    assert [dataclasses.replace(run, id=None) for run in entry.runs] == [with_examples, without]
    (summary,) = store.search("乙")
    assert summary.id == entry_id and summary.kind is EntryKind.COMPARE
    assert summary.outcomes == (Outcome.FINISHED, Outcome.FAILED)
    assert summary.variants == ("with examples", "without examples")
    assert store.delete(entry_id)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM runs").fetchone()[0] == 0


def test_entry_kind_and_run_count_must_agree(store: HistoryStore) -> None:
    with pytest.raises(ValueError):
        store.add([record(), record()])
    with pytest.raises(ValueError):
        store.add([record()], EntryKind.COMPARE)
    with pytest.raises(ValueError):
        store.add([])
    assert store.count() == 0


def test_two_threads_share_one_store(store: HistoryStore) -> None:
    def write(name: str) -> None:
        for number in range(40):
            store.add([record(f"{name} {number}")])

    with ThreadPoolExecutor(max_workers=2) as pool:
        writers = [pool.submit(write, name) for name in ("甲", "乙")]
        while not all(writer.done() for writer in writers):
            store.search("甲")  # this thread reads while the others write
        for writer in writers:
            writer.result()  # re-raises what failed in a writer
    assert store.count() == 80 and len(ids(store, "乙", limit=100)) == 40


# --- a damaged, newer or unwritable file ----------------------------------------


CORRUPT_NAME = re.compile(r"history\.sqlite3\.corrupt-\d{8}-\d{6}(-\d+)?$")


def test_garbage_file_is_moved_aside_and_a_new_history_started(path: Path) -> None:
    garbage = b"These are my meeting notes, not a database.\n" * 100
    path.parent.mkdir(parents=True)
    path.write_bytes(garbage)
    path.with_name(path.name + "-wal").write_bytes(b"old wal")
    store, notices = HistoryStore.open(path)
    with store:
        (moved,) = [p for p in path.parent.iterdir() if CORRUPT_NAME.search(p.name)]
        assert moved.read_bytes() == garbage
        assert moved.with_name(moved.name + "-wal").read_bytes() == b"old wal"
        (notice,) = notices
        assert str(path) in str(notice) and str(moved) in str(notice)
        assert "new history" in str(notice)
        entry_id = store.add([record()])
        assert store.get(entry_id) is not None
    reopened, notices = HistoryStore.open(path)
    reopened.close()
    assert notices == []


def test_damaged_pages_are_found_and_moved_aside(path: Path) -> None:
    store, _ = HistoryStore.open(path)
    with store:
        for number in range(50):
            store.add([record(f"run {number} " + "字" * 500)])
    data = bytearray(path.read_bytes())  # closing checkpointed the WAL into the file
    page = 4096
    assert len(data) > 8 * page
    data[2 * page: 6 * page] = b"\xa5" * (4 * page)  # header intact, tables torn
    path.write_bytes(bytes(data))
    store, notices = HistoryStore.open(path)
    with store:
        assert len(notices) == 1 and store.count() == 0
    assert [p for p in path.parent.iterdir() if CORRUPT_NAME.search(p.name)]


def test_file_of_a_newer_version_is_refused_and_left_alone(path: Path) -> None:
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE future (x)")
        db.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(HistoryError) as caught:
        HistoryStore.open(path)
    message = str(caught.value)
    assert str(path) in message and "newer version" in message
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if CORRUPT_NAME.search(p.name)]


def test_full_disk_is_reported_with_the_path(store: HistoryStore, path: Path) -> None:
    kept = store.add([record()])
    # A real SQLITE_FULL: the file may not grow past its current size. (The
    # tests run as root, so file modes cannot make the file read-only.)
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(HistoryError) as caught:
        store.add([record("大" * 200_000)])
    message = str(caught.value)
    assert str(path) in message and "disk is full" in message
    assert ids(store) == [kept]  # the failed entry left nothing behind
    assert store.get(kept) is not None


def test_file_in_place_of_the_folder_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(HistoryError) as caught:
        HistoryStore.open(blocker / "history.sqlite3")
    assert str(blocker / "history.sqlite3") in str(caught.value)


def test_folder_in_place_of_the_file_is_reported(path: Path) -> None:
    path.mkdir(parents=True)
    with pytest.raises(HistoryError) as caught:
        HistoryStore.open(path)
    assert str(path) in str(caught.value)
    assert "cannot be opened or written" in str(caught.value)


# --- kill -9 ----------------------------------------------------------------------


WRITER = """
import sys
from datetime import UTC, datetime
from pathlib import Path

from assistant.history import HistoryStore, Outcome, RunRecord

store, _ = HistoryStore.open(Path(sys.argv[1]))
number = 0
while True:
    number += 1
    store.add([RunRecord(datetime.now(UTC), "t", "T", "h", {"text": f"run {number}"}, 0, (),
                         "m", "file:/m.gguf", {}, "字" * 2000, Outcome.FINISHED)])
    print(f"committed {number}", flush=True)
"""


def test_kill_9_loses_no_committed_run(path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(path)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reported = 0
    try:
        assert child.stdout is not None
        while reported < 20:  # each line comes after add() returned: a committed run
            line = child.stdout.readline()
            assert line, child.stderr.read() if child.stderr else "the writer ended"
            reported = int(line.split()[1])
    finally:
        child.kill()  # SIGKILL, most likely in the middle of the next write
        child.wait(timeout=PROCESS_S)
    assert child.returncode == -9
    store, notices = HistoryStore.open(path)
    with store:
        assert notices == []
        found = {(entry := store.get(s.id)) and entry.runs[0].values["text"]
                 for s in store.search(limit=10_000)}
    assert {f"run {n}" for n in range(1, reported + 1)} <= found
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA quick_check").fetchall() == [("ok",)]


# --- recording: what a run's pieces become --------------------------------------


TEMPLATE_TEXT = '''+++
title = "{title}"
input = "text"
[[examples]]
text = "A."
output = "{output}"
+++
{body}'''


def parsed(title: str = "Revise", output: str = "B.",
           body: str = "Revise: {{ text }}") -> Template:

    text = TEMPLATE_TEXT.replace("{title}", title).replace("{output}", output) \
        .replace("{body}", body)
    return parse_template(text, "revise", "revise.md")


def test_template_hash_follows_the_prompt_not_the_title() -> None:
    from assistant.history.recording import template_hash as of

    base = of(parsed())
    assert len(base) == 64 and base == of(parsed())
    assert of(parsed(title="Another title")) == base
    assert of(parsed(body="Rewrite: {{ text }}")) != base
    assert of(parsed(output="C.")) != base


@pytest.mark.parametrize(("reason", "failed", "expected"), [
    ("stop", False, Outcome.FINISHED), ("length", False, Outcome.LENGTH),
    ("cancelled", False, Outcome.STOPPED), ("stop", True, Outcome.FAILED),
    ("", True, Outcome.FAILED), ("cancelled", True, Outcome.FAILED)])
def test_outcome_of_a_run(reason: str, failed: bool, expected: Outcome) -> None:
    from assistant.history.recording import outcome

    assert outcome(reason, failed) is expected


def test_model_source_names_the_file_or_the_server_and_model() -> None:
    from assistant.backend.config import LocalModel, ServerModel
    from assistant.history.recording import model_source

    assert model_source(LocalModel(Path("/models/x.gguf"))) == "file:/models/x.gguf"
    assert model_source(ServerModel("http://127.0.0.1:11434/v1", "qwen2.5:7b")) == \
        "server:http://127.0.0.1:11434/v1 qwen2.5:7b"


@pytest.mark.parametrize(("text", "shown"), [
    ("## Corrected text\nThe report is late.\n", "The report is late."),
    ("# Minutes\n## Decisions\n- One format for Q4", "One format for Q4"),
    ("### 1. Formal\n> Delivery moves by a week.", "Delivery moves by a week."),
    ("## 修改后全文\n我们明天开会。", "我们明天开会。"),
    ("## Only a heading", "## Only a heading"),
    ("", ""),
])
def test_the_list_shows_the_first_line_that_says_something(text: str, shown: str) -> None:
    from assistant.history.records import snippet

    assert snippet(text) == shown
