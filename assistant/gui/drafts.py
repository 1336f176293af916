"""Keep what the user types in a form as a draft, per template, across restarts.

The draft is the template's remembered values in the UI state
(:class:`~assistant.state.UiState`, the same values a run remembers), so
showing the template again, in this session or the next, brings the text
back. It is saved one second after the last edit, not on every keystroke,
and the file is written on the state's writer thread: typing never waits
for the disk, even with a long paste. A pending draft is saved at once when
the form is about to show another template and when the window closes or the
app quits, so neither loses the last second of typing; a crash loses at most
that second.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot

from assistant.gui.form import TemplateForm
from assistant.state import UiState, lasting_values

DELAY_MS = 1000
"""How long after the last edit the draft is saved."""


class Drafts(QObject):
    """Saves ``form``'s values into ``state`` shortly after each edit."""

    def __init__(self, form: TemplateForm, state: UiState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._form, self._state = form, state
        self._pending = False
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self.save)
        form.changed.connect(self._on_changed)

    @Slot()
    def _on_changed(self) -> None:
        self._pending = True
        self._timer.start()

    @Slot()
    def save(self) -> None:
        """Save the form's values now if they changed since the last save.

        Call it before the form shows another template: the values saved are
        those of the template the form shows.
        """
        self._timer.stop()
        template = self._form.template()
        if not self._pending or template is None:
            return
        self._pending = False
        self._state.remember_values(template.id, lasting_values(template, self._form.values()),
                                    later=True)

    @Slot()
    def flush(self) -> None:
        """Save any pending draft and wait until the file is written (closing, quitting)."""
        self.save()
        self._state.flush()
