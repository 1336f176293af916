"""The answer pane with what goes back into the document: the result.

While a run streams, the panel is the plain :class:`OutputView`. When it has
ended normally, the template's ``result`` is taken from the answer
(:func:`assistant.results.extract`): the section Copy and Replace take, or,
for ``result = "*"``, the alternative picked in the "Version" box. For a
template that ``rewrites`` a field, the result is shown as tracked changes
against that field's value, with a Changes / Answer toggle back to the
answer as written. A stopped or failed answer is only shown: half a
correction must not offer to delete the rest of the user's text.

Used by the main window and the quick prompt alike; strings use the
``ResultPanel`` translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.changes import compare
from assistant.gui.changes_view import ChangesView
from assistant.gui.core_text import shown
from assistant.gui.output_view import OutputView
from assistant.gui.worker import Job
from assistant.results import Result, extract

Choice = tuple[int, frozenset[int]]
"""The version picked (its index) and the numbers of the changes rejected in it."""


class ResultPanel(QWidget):
    """The answer (``output``) and, once a run ended, its result and tracked changes.

    Signals:
        notice(str): the answer does not have the expected form; says what is used instead.
        changed(): the text to copy changed (another version, a change accepted or rejected).
    """

    notice = Signal(str)
    changed = Signal()

    def __init__(self, output: OutputView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPanel")
        self.output = output
        self.changes = ChangesView()
        self.changes.changed.connect(self.changed)
        self._result: Result | None = None
        self._original: str | None = None
        self._track = False
        self.stack = QStackedWidget()
        self.stack.addWidget(output)
        self.stack.addWidget(self.changes)
        self.version_label = QLabel()
        self.versions = QComboBox()
        self.versions.setObjectName("resultVersions")
        self.version_label.setBuddy(self.versions)
        self.versions.currentIndexChanged.connect(self._show_part)
        self.changes_button, self.answer_button = QPushButton(), QPushButton()
        self.views = QButtonGroup(self)
        for button in (self.changes_button, self.answer_button):
            button.setCheckable(True)
            button.setFlat(True)
            self.views.addButton(button)
        self.changes_button.toggled.connect(self._on_view)
        self.bar = QWidget()
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.version_label, self.versions):
            row.addWidget(widget)
        row.addWidget(self.changes.header, 1)  # the count and Accept all / Reject all
        self._filler = QWidget()  # keeps the toggle on the right when there is no count
        row.addWidget(self._filler, 1)
        row.addSpacing(12)
        row.addWidget(self.changes_button)
        row.addWidget(self.answer_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)
        self.bar.hide()
        self.retranslate_ui()

    # -- public API ----------------------------------------------------------

    def begin(self) -> None:
        """A new answer starts streaming: show the plain answer pane."""
        self.output.begin()
        self._result, self._original, self._track = None, None, False
        self.bar.hide()
        self.stack.setCurrentWidget(self.output)

    def finish(self, job: Job, ok: bool, choice: Choice | None = None) -> str | None:
        """The answer of ``job`` ended (``ok``: normally); show its result. Returns the notice.

        ``choice``: what the user picked when this answer was shown before
        (see :meth:`choice`), so that going to another template and back
        keeps the version and the rejected changes.
        """
        self.output.finish()
        if not ok or not self.output.has_text:
            return None
        template = job.template
        self._result = extract(self.output.markdown(), template.result)
        self._original = job.values.get(template.rewrites) if template.rewrites else None
        parts = self._result.parts
        self.versions.blockSignals(True)
        self.versions.clear()
        self.versions.addItems([part.title for part in parts])
        self.versions.blockSignals(False)
        for widget in (self.version_label, self.versions):
            widget.setVisible(len(parts) > 1)
        version, rejected = choice if choice is not None else (0, frozenset())
        version = version if 0 <= version < len(parts) else 0
        self.versions.blockSignals(True)
        self.versions.setCurrentIndex(version)
        self.versions.blockSignals(False)
        self._show_part(version, rejected)
        if self._result.notice is None:
            return None
        text = shown(self._result.notice)
        self.notice.emit(text)
        return text

    @property
    def has_result(self) -> bool:
        """True when the result is a part of the answer, not all of it."""
        return self._result is not None and not self._result.whole

    @property
    def tracked(self) -> bool:
        """True when the result is shown as tracked changes (Copy takes the accepted ones)."""
        return self._track

    def text(self) -> str:
        """What Copy and Replace take: the accepted text, the chosen version or the answer."""
        if self._result is None:
            return self.output.markdown()
        if self.tracked:
            return self.changes.text()
        return self._result.parts[max(0, self.versions.currentIndex())].text

    def choice(self) -> Choice:
        """The version shown and the changes rejected in it, to give back to :meth:`finish`."""
        return max(0, self.versions.currentIndex()), self.changes.rejected

    def show_changes(self, changes: bool) -> None:
        """Show the tracked changes (True) or the answer as written (False)."""
        (self.changes_button if changes else self.answer_button).setChecked(True)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.version_label.setText(self.tr("&Version:"))
        self.versions.setToolTip(self.tr("The version that Copy and Replace take"))
        self.changes_button.setText(self.tr("Changes"))
        self.changes_button.setToolTip(self.tr("Show the result as changes to your text"))
        self.answer_button.setText(self.tr("Answer"))
        self.answer_button.setToolTip(self.tr("Show the answer as the model wrote it"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- internals -----------------------------------------------------------

    @Slot(int)
    def _show_part(self, index: int, rejected: frozenset[int] = frozenset()) -> None:
        result = self._result
        if result is None or index < 0:
            return
        # A malformed answer (notice) is no new version of the text: no changes then.
        track = self._track = self._original is not None and result.notice is None
        if self._original is not None and track:
            self.changes.set_pieces(compare(self._original, result.parts[index].text), rejected)
        for button in (self.changes_button, self.answer_button):
            button.setVisible(track)
        self.bar.setVisible(track or len(result.parts) > 1)
        self.show_changes(track)
        self._on_view(track)
        self.changed.emit()

    @Slot(bool)
    def _on_view(self, changes: bool) -> None:
        self.stack.setCurrentWidget(self.changes if changes and self.tracked else self.output)
        self.changes.header.setVisible(self.tracked)
        self._filler.setVisible(not self.tracked)
