"""The history panel: find a past run as you type, open it, copy it, run it again.

It shows what :class:`~assistant.gui.history_log.HistoryLog` finds, newest
first: a search box (Chinese words inside sentences too, see
:mod:`assistant.history.query`), a template filter and a date filter. Every
search and read goes to the history's own thread; the panel shows the answer
of the latest search only, so fast typing never shows an older result last.
Opening and running again are the main window's business: the panel asks
for them with :attr:`HistoryPanel.open_requested` and ``rerun_requested``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.gui.history_log import HistoryLog
from assistant.history import Entry, EntryKind, EntrySummary, Outcome
from assistant.templating.library import Library

SEARCH_DELAY_MS = 150
"""Typing pauses this long before a search starts: one search per word, not per key."""

_ID_ROLE = Qt.ItemDataRole.UserRole
_DAYS = (None, 0, 7, 30)
"""The date filter's choices: any time, today, the last 7 and 30 days."""


class HistoryPanel(QWidget):
    """Past runs, searchable; Open, Run again, Copy, Delete and Clear all.

    Signals:
        open_requested(object): show this :class:`~assistant.history.Entry` in the form and
            answer pane.
        rerun_requested(object): show this Entry and run its template again.
        notice(str): a line for the status bar (copied, deleted).
        updated(): the list shows the answer of the latest search.
    """

    open_requested = Signal(object)
    rerun_requested = Signal(object)
    notice = Signal(str)
    updated = Signal()

    def __init__(self, history: HistoryLog, library: Library,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.history = history
        self._library = library
        self._search_serial = 0
        self._reads: dict[int, str] = {}
        """What each pending read is for: "open", "rerun" or "copy"."""
        self.search = QLineEdit()
        self.search.setObjectName("historySearch")
        self.search.setClearButtonEnabled(True)
        self.templates = QComboBox()
        self.templates.setObjectName("historyTemplate")
        self.when = QComboBox()
        self.when.setObjectName("historyWhen")
        self.list = QListWidget()
        self.list.setObjectName("historyList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #5f6368;")
        self.open_button, self.rerun_button, self.copy_button = \
            QPushButton(), QPushButton(), QPushButton()
        self.delete_button, self.clear_button = QPushButton(), QPushButton()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

        filters = QHBoxLayout()
        filters.addWidget(self.templates, 1)
        filters.addWidget(self.when)
        actions = QHBoxLayout()
        for button in (self.open_button, self.rerun_button, self.copy_button):
            actions.addWidget(button)
        actions.addStretch(1)
        second = QHBoxLayout()
        second.addStretch(1)
        second.addWidget(self.delete_button)
        second.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        layout.addLayout(second)

        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.templates.currentIndexChanged.connect(lambda _index: self.refresh())
        self.when.currentIndexChanged.connect(lambda _index: self.refresh())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.itemActivated.connect(lambda _item: self._read("open"))
        self.open_button.clicked.connect(lambda: self._read("open"))
        self.rerun_button.clicked.connect(lambda: self._read("rerun"))
        self.copy_button.clicked.connect(lambda: self._read("copy"))
        self.delete_button.clicked.connect(self._delete)
        self.clear_button.clicked.connect(self._clear)
        history.found.connect(self._on_found)
        history.opened.connect(self._on_opened)
        history.saved.connect(lambda _entry_id: self.refresh())
        history.changed.connect(self.refresh)
        self.retranslate_ui()
        self._update_buttons()

    # -- public API ----------------------------------------------------------

    def set_library(self, library: Library) -> None:
        """The templates changed: offer the new list in the template filter."""
        self._library = library
        self._fill_templates()

    @Slot()
    def refresh(self) -> None:
        """Search again with the box's text and the filters."""
        self._timer.stop()
        days = _DAYS[max(0, self.when.currentIndex())]
        since = None
        if days is not None:
            midnight = dt.datetime.combine(dt.date.today() - dt.timedelta(days=days), dt.time())
            since = midnight.astimezone(dt.UTC)
        template_id = self.templates.currentData()
        self._search_serial = self.history.search(self.search.text().strip(),
                                                  template_id or None, since)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.search.setPlaceholderText(self.tr("Search inputs and answers"))
        self.search.setAccessibleName(self.tr("Search the history"))
        self.when.blockSignals(True)
        index = max(0, self.when.currentIndex())
        self.when.clear()
        self.when.addItems([self.tr("Any time"), self.tr("Today"), self.tr("Last 7 days"),
                            self.tr("Last 30 days")])
        self.when.setCurrentIndex(index)
        self.when.blockSignals(False)
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Put the run's values and answer back in the form "
                                            "(Enter)"))
        self.rerun_button.setText(self.tr("Run again"))
        self.rerun_button.setToolTip(self.tr("Run the template again with the same values"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the answer"))
        self.delete_button.setText(self.tr("Delete"))
        self.clear_button.setText(self.tr("Clear all…"))
        self._fill_templates()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- internals -----------------------------------------------------------

    def _fill_templates(self) -> None:
        chosen = self.templates.currentData()
        self.templates.blockSignals(True)
        self.templates.clear()
        self.templates.addItem(self.tr("All templates"), "")
        for template in self._library.sorted():
            self.templates.addItem(f"{template.title}  ({template.id})", template.id)
        found = self.templates.findData(chosen) if chosen else 0
        self.templates.setCurrentIndex(max(0, found))
        self.templates.blockSignals(False)

    @Slot(int, object)
    def _on_found(self, serial: int, entries: Sequence[EntrySummary]) -> None:
        if serial != self._search_serial:
            return  # an older search: a newer one is on its way
        current = self._current_id()
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(self._describe(entry))
            item.setData(_ID_ROLE, entry.id)
            item.setToolTip(entry.output_snippet)
            self.list.addItem(item)
            if entry.id == current:
                self.list.setCurrentItem(item)
        filtered = bool(self.search.text().strip()) or self.templates.currentIndex() > 0 \
            or self.when.currentIndex() > 0
        self.empty.setText("" if entries else self.tr("Nothing matches.") if filtered else
                           self.tr("No runs yet. Every answer you get is kept here, to find "
                                   "again, copy or run again."))
        self.empty.setVisible(not entries)
        self._update_buttons()
        self.updated.emit()

    def _describe(self, entry: EntrySummary) -> str:
        when = entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        title = entry.template_title or entry.template_id
        marks = [self._outcome_text(o) for o in entry.outcomes if o is not Outcome.FINISHED]
        if entry.kind is EntryKind.COMPARE:
            marks.insert(0, self.tr("compare"))
        head = "  ·  ".join([when, title, *marks])
        arrow = f"{entry.input_snippet}  →  {entry.output_snippet}".strip(" →")
        return f"{head}\n{arrow}"

    def _outcome_text(self, outcome: Outcome) -> str:
        return {Outcome.LENGTH: self.tr("cut at the length limit"),
                Outcome.STOPPED: self.tr("stopped"),
                Outcome.FAILED: self.tr("failed")}.get(outcome, str(outcome))

    def _current_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(_ID_ROLE))

    def _update_buttons(self) -> None:
        chosen = self._current_id() is not None
        for button in (self.open_button, self.rerun_button, self.copy_button,
                       self.delete_button):
            button.setEnabled(chosen)
        self.clear_button.setEnabled(self.list.count() > 0)

    def _read(self, purpose: str) -> None:
        entry_id = self._current_id()
        if entry_id is not None:
            self._reads[self.history.open_entry(entry_id)] = purpose

    @Slot(int, object)
    def _on_opened(self, serial: int, entry: Entry | None) -> None:
        purpose = self._reads.pop(serial, None)
        if purpose is None:
            return
        if entry is None:
            self.notice.emit(self.tr("That run is no longer in the history."))
            self.refresh()
        elif purpose == "copy":
            QGuiApplication.clipboard().setText(entry.runs[0].output)
            self.notice.emit(self.tr("Copied the answer ({count} characters).")
                             .format(count=len(entry.runs[0].output)))
        else:
            (self.open_requested if purpose == "open" else self.rerun_requested).emit(entry)

    @Slot()
    def _delete(self) -> None:
        entry_id = self._current_id()
        if entry_id is not None:
            self.history.delete(entry_id)
            self.notice.emit(self.tr("Deleted from the history."))

    @Slot()
    def _clear(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Clear the history"),
            self.tr("Delete every run in the history? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.history.clear()
            self.notice.emit(self.tr("The history was cleared."))
