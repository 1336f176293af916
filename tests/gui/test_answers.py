"""Answers belong to the run (and template) that made them."""

from __future__ import annotations

import datetime as dt

from assistant.backend import Sampling
from assistant.gui.answers import Answers
from assistant.gui.job import Job
from assistant.templating.library import load_library
from assistant.templating.render import RenderContext

LIBRARY = load_library(None)


def job(template_id: str) -> Job:
    return Job(LIBRARY.get(template_id), {}, True, Sampling(),
               RenderContext(dt.date(2026, 3, 2)))


def test_answers_are_kept_per_template_and_only_complete_ones_are_examples() -> None:
    answers = Answers()
    weekly = answers.start(job("weekly-report-en"))
    weekly.text = "## Done"
    assert not weekly.can_be_example  # still streaming
    weekly.done, weekly.ok = True, True
    assert weekly.can_be_example
    stopped = answers.start(job("proofread-en"))
    stopped.text, stopped.done, stopped.ok = "partial", True, False
    assert not stopped.can_be_example
    assert answers.of("weekly-report-en") is weekly and answers.of("proofread-en") is stopped
    assert answers.of("work-log-en") is None
    again = answers.start(job("weekly-report-en"))  # a new run replaces the template's answer
    assert answers.of("weekly-report-en") is again and again.text == ""
    again.text, again.done, again.ok = "x", True, True
    again.saved = True
    assert not again.can_be_example
