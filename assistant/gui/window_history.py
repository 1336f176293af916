"""The main window's history tab: a past run back in the form, or run again.

Kept out of :mod:`assistant.gui.main_window` so the window stays one
concern (a template's form and its answer); this module turns a history
:class:`~assistant.history.Entry` into what the window shows: the template
selected, the form filled with the run's values, the answer as it was.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from assistant.gui.history_log import HistoryLog
from assistant.gui.history_panel import HistoryPanel
from assistant.gui.job import Job
from assistant.history import Entry, Outcome
from assistant.history.recording import template_hash
from assistant.templating.render import RenderContext

if TYPE_CHECKING:
    from assistant.gui.main_window import MainWindow


class WindowHistory(QObject):
    """Puts the history panel in a tab beside the template picker and answers its requests."""

    def __init__(self, window: MainWindow, history: HistoryLog, splitter: QSplitter) -> None:
        super().__init__(window)
        self.window = window
        self.panel = HistoryPanel(history, window.core.library)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("leftTabs")
        picker: QWidget = window.picker
        index = splitter.indexOf(picker)
        self.tabs.addTab(picker, "")
        self.tabs.addTab(self.panel, "")
        splitter.insertWidget(index, self.tabs)
        self.tabs.currentChanged.connect(self._on_tab)
        self.panel.open_requested.connect(self.show_entry)
        self.panel.rerun_requested.connect(self.run_again)
        self.panel.notice.connect(lambda text: window.statusBar().showMessage(text, 8000))
        window.templates.reloaded.connect(
            lambda: self.panel.set_library(window.core.library))
        self.retranslate()

    def retranslate(self) -> None:
        """Tab titles in the current language."""
        self.tabs.setTabText(0, self.tr("Templates"))
        self.tabs.setTabText(1, self.tr("History"))

    @Slot(int)
    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.panel:
            self.panel.refresh()
            self.panel.search.setFocus()

    @Slot(object)
    def show_entry(self, entry: Entry) -> bool:
        """Show ``entry``'s (first) run: its template, its values and its answer."""
        record = entry.runs[0]
        window = self.window
        template = window.core.library.templates.get(record.template_id)
        if template is None or not window.select_template(record.template_id):
            window.statusBar().showMessage(
                self.tr("The template {id} of this run is no longer there.")
                .format(id=record.template_id), 10000)
            return False
        for name, value in record.values.items():
            if template.field(name) is not None:
                window.form.set_value(name, value)
        job = Job(template, dict(record.values), record.examples_used > 0,
                  window.core.params_for(template),
                  RenderContext(dt.date.today(), window.language[:2]))
        complete = record.outcome in (Outcome.FINISHED, Outcome.LENGTH)
        window.show_past_answer(job, record.output, complete)
        if record.template_hash != template_hash(template):
            window.statusBar().showMessage(
                self.tr("The template was changed since this run: running it again may give "
                    "another kind of answer."), 10000)
        return True

    @Slot(object)
    def run_again(self, entry: Entry) -> None:
        """Show ``entry`` and run its template again with the same values."""
        if self.show_entry(entry):
            self.window.run()

