"""Answers belong to the run (and template) that made them."""

from __future__ import annotations

import datetime as dt

from assistant.backend import GenerationParams
from assistant.gui.answers import Answers
from assistant.gui.worker import Job
from assistant.templating.library import load_library
from assistant.templating.render import RenderContext

LIBRARY = load_library(None)


def job(template_id: str) -> Job:
    return Job(LIBRARY.get(template_id), {}, True, GenerationParams(),
               RenderContext(dt.date(2026, 3, 2)))


def test_answers_are_kept_per_template_and_only_complete_ones_are_examples() -> None:
    answers = Answers()
    weekly = answers.start(job("weekly-report-en"))
    answers.add("## Done")
    assert not weekly.can_be_example  # still streaming
    answers.end(ok=True)
    assert weekly.can_be_example and answers.running is None
    stopped = answers.start(job("proofread-en"))
    answers.add("partial")
    answers.end(ok=False)
    assert not stopped.can_be_example
    assert answers.of("weekly-report-en") is weekly and answers.of("proofread-en") is stopped
    assert answers.of("work-log-en") is None
    again = answers.start(job("weekly-report-en"))  # a new run replaces the template's answer
    assert answers.of("weekly-report-en") is again and again.text == ""
    assert answers.add("x") is again
    answers.end(ok=True)
    assert answers.add("late chunk") is None  # nothing runs: nothing is changed
    again.saved = True
    assert not again.can_be_example
