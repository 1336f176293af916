"""Each template's last answer in a window, tied to the run that made it.

The answer pane shows the answer of the template on screen, not whatever ran
last: switching from the weekly report to the minutes shows the minutes' last
answer (or none), and "Save as example" files an answer under the template and
values that produced it. Plain Python, so the rules are tested without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.gui.job import Job


@dataclass
class Answer:
    """One run's answer as it streams and after it ends."""

    job: Job
    text: str = ""
    done: bool = False
    ok: bool = False
    """It ended normally: not stopped, not failed (only such an answer is an example)."""
    saved: bool = False
    """Saved as an example already."""
    choice: tuple[int, frozenset[int]] | None = None
    """The version picked and the changes rejected in it, kept while another template is shown."""

    @property
    def can_be_example(self) -> bool:
        """A finished, complete, non-empty answer not saved yet."""
        return self.done and self.ok and not self.saved and bool(self.text.strip())


class Answers:
    """The last answer per template id."""

    def __init__(self) -> None:
        self._by_template: dict[str, Answer] = {}

    def start(self, job: Job) -> Answer:
        """A run of ``job`` began (or was handed over): it replaces its template's answer."""
        answer = self._by_template[job.template.id] = Answer(job)
        return answer

    def of(self, template_id: str) -> Answer | None:
        """The last answer of ``template_id`` (maybe still streaming), or None."""
        return self._by_template.get(template_id)
