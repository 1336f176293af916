"""Each template's last answer in a window, tied to the run that made it.

The answer pane shows the answer of the template on screen, not whatever ran
last: switching from the weekly report to the minutes shows the minutes' last
answer (or none), and "Save as example" files an answer under the template and
values that produced it. Plain Python, so the rules are tested without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.gui.worker import Job


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
    """The last answer per template id; the running one is also :attr:`running`."""

    def __init__(self) -> None:
        self._by_template: dict[str, Answer] = {}
        self.running: Answer | None = None

    def start(self, job: Job) -> Answer:
        """A run of ``job`` began: it replaces its template's previous answer."""
        answer = self._by_template[job.template.id] = self.running = Answer(job)
        return answer

    def of(self, template_id: str) -> Answer | None:
        """The last answer of ``template_id`` (maybe still streaming), or None."""
        return self._by_template.get(template_id)

    def add(self, text: str) -> Answer | None:
        """A chunk of the running answer; None when nothing runs here."""
        if self.running is not None:
            self.running.text += text
        return self.running

    def end(self, ok: bool) -> Answer | None:
        """The running answer ended (``ok``: normally); it is no longer running."""
        answer, self.running = self.running, None
        if answer is not None:
            answer.done, answer.ok = True, ok
        return answer
