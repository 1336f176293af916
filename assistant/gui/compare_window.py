"""The compare window: one input, two variants, both answers side by side.

The default pair is the template with its examples against the same
template without them: the product's claim (a few examples make a small
model follow the format) made visible. The other side may instead be
another template, which gets the same input, or another model file, loaded
beside the current one for its run and closed after it. Both run one after
the other on the one model thread, with the same seed, each with its
figures; the differences can be highlighted; the pair is kept in the
history as one entry and can be saved as Markdown
(:func:`assistant.compare.markdown`).
"""

from __future__ import annotations

import datetime as dt
import html
import random
from collections.abc import Mapping

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assistant.backend import Stats
from assistant.backend.config import BackendConfig, LocalModel
from assistant.changes import Change, Same, compare
from assistant.compare import Side, carried_values, markdown, model_name
from assistant.errors import AssistantError
from assistant.gui import answer_actions as actions
from assistant.gui.core_text import shown
from assistant.gui.history_log import HistoryLog
from assistant.gui.job import Job
from assistant.gui.output_view import OutputView
from assistant.gui.run import Run
from assistant.gui.status import stats_text
from assistant.gui.worker import ModelController
from assistant.history import Outcome
from assistant.modelfiles import discover
from assistant.templating.model import Template
from assistant.templating.render import RenderContext
from assistant.wiring import Core

_ONLY_HERE = {0: "color:#b3261e; background-color:#fde7e9;",
              1: "color:#1e6b34; background-color:#e3f3e6;"}
"""How text that only one side has is marked: red on the left, green on the right."""


def differences_html(left: str, right: str) -> tuple[str, str]:
    """Both answers as HTML, with what only one of them says marked (word by word)."""
    sides: tuple[list[str], list[str]] = ([], [])
    for piece in compare(left, right):
        if isinstance(piece, Same):
            for out in sides:
                out.append(html.escape(piece.text))
        elif isinstance(piece, Change):
            for index, text in enumerate((piece.old, piece.new)):
                if text:
                    sides[index].append(f'<span style="{_ONLY_HERE[index]}">'
                                        f"{html.escape(text)}</span>")
    left_html, right_html = (f'<div style="white-space:pre-wrap;">{"".join(out)}</div>'
                             for out in sides)
    return left_html, right_html


class _Column(QWidget):
    """One side: its name, its answer (rendered, or with the differences marked), figures."""

    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.output = OutputView()
        self.marked = QTextBrowser()
        self.marked.document().setDocumentMargin(12)
        self.views = QStackedWidget()
        self.views.addWidget(self.output)
        self.views.addWidget(self.marked)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.views, 1)
        layout.addWidget(self.figures)


class CompareWindow(QWidget):
    """Runs a template's input through two variants and shows both answers.

    Signals:
        finished(): both sides ended (or the compare was stopped or failed).
    """

    finished = Signal()

    def __init__(self, core: Core, controller: ModelController, history: HistoryLog | None,
                 language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("compareWindow")
        self.core, self.controller, self.history = core, controller, history
        self.language = language
        self.resize(1100, 700)
        self._template: Template | None = None
        self._values: dict[str, str] = {}
        self._runs: list[Run] = []
        self._labels: list[str] = []
        self._pending: tuple[Job, BackendConfig | None] | None = None
        self.against = QComboBox()
        self.against.setObjectName("compareAgainst")
        self.other = QComboBox()
        self.other.setObjectName("compareTemplate")
        self.models = QComboBox()
        self.models.setObjectName("compareModel")
        self.against_label = QLabel()
        self.against_label.setBuddy(self.against)
        self.run_button, self.stop_button = QPushButton(), QPushButton()
        self.highlight = QCheckBox()
        self.export_button = QPushButton()
        self.status = QLabel()
        self.columns = (_Column(), _Column())
        top = QHBoxLayout()
        for widget in (self.against_label, self.against, self.other, self.models):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.run_button)
        top.addWidget(self.stop_button)
        grid = QGridLayout()
        for index, column in enumerate(self.columns):
            grid.addWidget(column, 0, index)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.highlight)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        layout.addLayout(bottom)
        self.against.currentIndexChanged.connect(lambda _index: self._show_other())
        self.other.currentIndexChanged.connect(lambda _index: self._show_other())
        self.models.currentIndexChanged.connect(lambda _index: self._show_other())
        self.run_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.highlight.toggled.connect(lambda _on: self._show_differences())
        self.export_button.clicked.connect(self.export)
        self.retranslate_ui()
        self._update_buttons()

    # -- public API ----------------------------------------------------------

    def set_input(self, template: Template, values: Mapping[str, str]) -> None:
        """Compare ``template`` on ``values``; the default other side is without examples."""
        self._template, self._values = template, dict(values)
        self.setWindowTitle(self.tr("Compare: {title}").format(title=template.title))
        self.other.clear()
        for other in self.core.library.sorted():
            if other.id != template.id and other.input_field is not None:
                self.other.addItem(f"{other.title}  ({other.id})", other.id)
        self._fill_models()
        self.against.setCurrentIndex(0 if template.examples else 1)
        self._show_other()
        for column in self.columns:
            column.output.begin()
            column.figures.clear()
            column.views.setCurrentWidget(column.output)
        self._runs, self._labels = [], []
        self._update_buttons()

    @Slot()
    def start(self) -> None:
        """Run both sides, the first now and the second when it has ended."""
        template = self._template
        if template is None or self.controller.busy:
            self.status.setText(self.tr("The model is busy; wait or stop the other run."))
            return
        seed = random.randrange(1, 2**31)  # the same for both: only the variant differs
        context = RenderContext(dt.date.today(), self.language[:2])
        params = self.core.params_for(template, seed=seed)
        try:
            other, config = self._other(), self._other_model()
        except AssistantError as exc:  # the file went away since the list was made
            self.status.setText(shown(exc))
            return
        if self.against.currentIndex() == 2 and config is None:
            self.status.setText(self.tr("Pick the other model first: put .gguf files in the "
                                        "models folder, or download one in Tools → Models."))
            return
        if other is not None:
            second = Job(other, carried_values(template, self._values, other), True,
                         self.core.params_for(other, seed=seed), context)
        else:  # the same template: without examples, or on the other model
            second = Job(template, self._values, config is not None, params, context)
        self._labels = self._titles()
        for column in self.columns:
            column.output.begin()
            column.figures.clear()
            column.views.setCurrentWidget(column.output)
        self.highlight.setChecked(False)
        self._runs = []
        self._pending = second, config
        self._start(Job(template, self._values, True, params, context), None)

    @Slot()
    def stop(self) -> None:
        """Stop the side that runs and do not start the other."""
        self._pending = None
        if self._runs and not self._runs[-1].done:
            self._runs[-1].cancel()

    @Slot()
    def export(self) -> None:
        """Save both answers, the input and the figures as one Markdown file."""
        if self._template is None or len(self._runs) != 2:
            return
        sides = [Side(label, run.text, stats_text(run.stats or Stats()))
                 for label, run in zip(self._labels, self._runs, strict=True)]
        title = self.tr("{first} / {second}").format(first=self._labels[0],
                                                     second=self._labels[1])
        actions.save_markdown(self, f"{self._template.title} compare",
                              markdown(f"{self._template.title}: {title}", self._values, sides))

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.against_label.setText(self.tr("Compare with:"))
        index = max(0, self.against.currentIndex())
        self.against.blockSignals(True)
        self.against.clear()
        self.against.addItems([self.tr("The same template without examples"),
                               self.tr("Another template"), self.tr("Another model")])
        self.against.setCurrentIndex(index)
        self.against.blockSignals(False)
        self.run_button.setText(self.tr("Compare"))
        self.stop_button.setText(self.tr("Stop"))
        self.highlight.setText(self.tr("Highlight differences"))
        self.export_button.setText(self.tr("Save as .md…"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        """Closing stops a compare that is still going."""
        self.stop()
        super().closeEvent(event)

    @property
    def running(self) -> bool:
        """True while a side runs or the second one is still to come."""
        return self._pending is not None or (bool(self._runs) and not self._runs[-1].done)

    # -- internals -----------------------------------------------------------

    def _start(self, job: Job, config: BackendConfig | None) -> None:
        run = self.controller.run(job, config)
        if run is None:
            self._pending = None
            self.status.setText(self.tr("The model is not ready yet."))
            self._update_buttons()
            return
        run.in_compare = True  # kept below as one entry of two, not alone
        column = self.columns[len(self._runs)]
        self._runs.append(run)
        run.chunk.connect(column.output.append_chunk)
        run.reading.connect(column.output.show_reading)
        run.ended.connect(lambda: self._on_ended(run, column))
        self.status.setText(self.tr("Running {label}…").format(
            label=self._labels[len(self._runs) - 1]))
        self._update_buttons()

    def _on_ended(self, run: Run, column: _Column) -> None:
        column.output.finish()
        column.figures.setText(run.error or "" if run.outcome is Outcome.FAILED
                               else stats_text(run.stats or Stats()))
        pending, self._pending = self._pending, None
        if pending is not None and run.outcome is not Outcome.STOPPED:
            self._start(*pending)
            return
        if len(self._runs) == 2 and self.history is not None:
            self.history.record_pair(list(zip(self._runs, self._labels, strict=True)))
        self.status.setText(self.tr("Done.") if len(self._runs) == 2 and
                            all(r.complete for r in self._runs) else self.tr("Stopped."))
        self._update_buttons()
        self.finished.emit()

    def _other(self) -> Template | None:
        """The other template, when the other side is one."""
        if self.against.currentIndex() != 1:
            return None
        return self.core.library.templates.get(self.other.currentData() or "")

    def _other_model(self) -> BackendConfig | None:
        """The other model, when the other side is one (the settings, with that file)."""
        path = self.models.currentData() if self.against.currentIndex() == 2 else None
        if not path:
            return None
        settings = self.core.settings.replace(model_source="local", model=str(path))
        return self.core.backend_config(settings)

    def _fill_models(self) -> None:
        """The model files found (the models folder, the embedded one), but the loaded one."""
        current = self.controller.config
        loaded = current.path if isinstance(current, LocalModel) else None
        self.models.clear()
        for found in discover(self.core.paths.models_dir, self.core.settings.model):
            if found.error is None and found.path != loaded:
                self.models.addItem(found.path.stem, str(found.path))

    def _titles(self) -> list[str]:
        other = self._other()
        try:
            config = self._other_model()
        except AssistantError:
            config = None  # said when the compare starts
        if self._template is not None and other is not None:
            return [self._template.title, other.title]
        if config is not None and self.controller.config is not None:
            return [model_name(self.controller.config), model_name(config)]
        return [self.tr("With examples"), self.tr("Without examples")]

    def _show_other(self) -> None:
        """Show the template or model choice when it matters, and what each column holds."""
        self.other.setVisible(self.against.currentIndex() == 1)
        self.models.setVisible(self.against.currentIndex() == 2)
        if not self.running:
            for column, title in zip(self.columns, self._titles(), strict=True):
                column.title.setText(title)

    def _show_differences(self) -> None:
        on = self.highlight.isChecked() and len(self._runs) == 2
        if on:
            for column, marked in zip(self.columns, differences_html(
                    self._runs[0].text, self._runs[1].text), strict=True):
                column.marked.setHtml(marked)
        for column in self.columns:
            column.views.setCurrentWidget(column.marked if on else column.output)

    def _update_buttons(self) -> None:
        running = bool(self._runs) and not self._runs[-1].done
        both = len(self._runs) == 2 and all(run.done for run in self._runs)
        self.run_button.setEnabled(self._template is not None and not running)
        self.stop_button.setEnabled(running)
        self.highlight.setEnabled(both)
        self.export_button.setEnabled(both)
