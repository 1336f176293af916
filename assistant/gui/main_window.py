"""The main window: template picker, generated form, streaming answer.

A thin layer over the core (STYLE.md points 1, 6 and 12): prompts are built
by :func:`assistant.prompt.build_messages` through the budget planner in the
model worker; the window only collects values, starts and stops runs and
shows results. It never renders a template itself (runs, warm-ups and the
prompt inspector render on the model thread), so a slow template cannot
freeze it. Everything it uses is passed in by :mod:`assistant.gui.app`.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from assistant.backend import FinishReason, Stats
from assistant.budget import Plan
from assistant.gui import answer_actions as actions
from assistant.gui.answers import Answer, Answers
from assistant.gui.core_text import shown
from assistant.gui.drafts import Drafts
from assistant.gui.form import TemplateForm
from assistant.gui.form_room import FormRoom, error_banner
from assistant.gui.history_log import HistoryLog
from assistant.gui.model_chooser import ModelChooser
from assistant.gui.output_view import OutputView
from assistant.gui.override_notice import OverrideNotice
from assistant.gui.picker import TemplatePicker
from assistant.gui.result_panel import ResultPanel
from assistant.gui.run import Run
from assistant.gui.settings_panel import SettingsFlow
from assistant.gui.status import StatusBar, model_state_text, stats_text
from assistant.gui.template_folder import TemplateFolder
from assistant.gui.window_history import WindowHistory
from assistant.gui.window_menus import MenuSlots, WindowMenus
from assistant.gui.worker import Job, ModelController, ModelState
from assistant.state import UiState, lasting_values
from assistant.templating.model import Template
from assistant.templating.render import RenderContext
from assistant.wiring import Core

if TYPE_CHECKING:
    from assistant.gui.inspector import PromptInspector

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Pick a template, fill its form, run it, copy or save the answer.

    Signals:
        closed_to_tray(): the window was closed but the app keeps running.
        quit_requested(): File > Quit: the app should end.
    """

    closed_to_tray = Signal()
    quit_requested = Signal()

    def __init__(self, core: Core, state: UiState, controller: ModelController,
                 settings_flow: SettingsFlow, language: str,
                 history: HistoryLog | None = None) -> None:
        super().__init__()
        self.core, self.state, self.controller = core, state, controller
        self.settings_flow = settings_flow
        self.language = language
        self.hide_on_close = False
        """Set by the app when a tray icon exists: closing then only hides."""
        self._template: Template | None = None
        self.answers = Answers()
        """Each template's last answer: the pane shows the one of the template on screen."""
        self._plan: Plan | None = None
        self._run: Run | None = None
        """The last run followed here (Esc stops it)."""
        self.setObjectName("MainWindow")
        self.resize(1180, 780)

        self.picker = TemplatePicker(core.library, state, language=language[:2])
        self.form = TemplateForm(lambda: QGuiApplication.clipboard().text())
        self.output = OutputView()
        self.result = ResultPanel(self.output)  # the part of the answer that Copy takes
        self.title = QLabel()
        self.title.setObjectName("templateTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #5f6368;")
        self.banner = error_banner(self.open_settings)
        self.override_notice = OverrideNotice()  # the user's file of this id is broken

        self.run_button = QPushButton()
        self.run_button.setObjectName("runButton")
        self.run_button.setDefault(True)
        (self.stop_button, self.regenerate_button, self.copy_button, self.copy_all_button,
         self.save_button, self.example_button, self.inspect_button) = \
            (QPushButton() for _ in range(7))
        self.model_label = QLabel()
        self.stats_label = QLabel()
        self.models = ModelChooser(core, state, settings_flow, language, self)
        self.templates = TemplateFolder(core, self)
        self._build_layout()
        self.history = None if history is None else WindowHistory(self, history, self._left)
        self.menus = WindowMenus(self, MenuSlots(
            new_template=lambda: self.templates.new_template(self, self.language),
            open_folder=self.templates.open_folder, customize=lambda: None if self._template is None else self.templates.customize(
                self, self._template.id),
            save_answer=self.save_answer, quit=self.quit_requested.emit,
            inspect=self.show_inspector, compare=self.compare, models=self.models.open_page,
            settings=self.open_settings, about=lambda: actions.show_about(self),
            log_folder=lambda: actions.open_log_folder(self, core.paths.log_dir)))
        self._connect()
        self.retranslate_ui()
        self._update_buttons()
        first = state.recent[0] if state.recent else "weekly-report-" + language[:2]
        if not self.select_template(first) and core.library.templates:
            self.select_template(core.library.sorted()[0].id)

    # -- construction --------------------------------------------------------

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.run_button, self.stop_button, self.regenerate_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.inspect_button, self.example_button, self.copy_button,
                       self.copy_all_button, self.save_button):
            buttons.addWidget(button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.models.banner, self.banner, self.title, self.description,
                       self.override_notice, self.form):
            top_layout.addWidget(widget)
        top_layout.addLayout(buttons)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(top)
        right.addWidget(self.result)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        main = self._left = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.picker)
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        main.setSizes([280, 900])
        self.setCentralWidget(main)
        self.form_room = FormRoom(right, self.form, (self.models.banner, self.banner,
                                                     self.override_notice))
        self.setStatusBar(StatusBar(self))  # long messages elide instead of running on
        self.statusBar().addWidget(self.model_label, 1)
        self.statusBar().addPermanentWidget(self.stats_label)

    def _connect(self) -> None:
        self.picker.template_selected.connect(self.show_template)
        self.picker.template_activated.connect(lambda _id: self.form.focus_first())
        self.picker.customize_requested.connect(
            lambda template_id: self.templates.customize(self, template_id))
        self.templates.reloaded.connect(self._on_templates_reloaded)
        self.templates.created.connect(self._on_template_created)
        self.picker.open_file_requested.connect(self.templates.open_file)
        self.override_notice.open_requested.connect(self.templates.open_file)
        self.form.submit.connect(self.run)
        self.form.notice.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.templates.failed.connect(lambda text: self.statusBar().showMessage(
            self.tr("The template folder could not be read: {reason}").format(reason=text)))
        self.drafts = Drafts(self.form, self.state, self)
        self.run_button.clicked.connect(self.run)
        self.stop_button.clicked.connect(self.controller.stop)
        # Its own shortcut: a button's setText() replaces the button's shortcut
        # with the text's mnemonic, so retranslating would drop Esc.
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self,
                  lambda: None if self._run is None else self._run.cancel())
        self.regenerate_button.clicked.connect(self.run)  # fresh sampling, same values
        self.copy_button.clicked.connect(lambda: self._copy(whole=False))
        self.copy_all_button.clicked.connect(lambda: self._copy(whole=True))
        self.result.notice.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.result.changed.connect(self._keep_choice)
        self.save_button.clicked.connect(self.save_answer)
        self.example_button.clicked.connect(self.save_as_example)
        self.inspect_button.clicked.connect(self.show_inspector)
        c = self.controller
        c.state_changed.connect(self._on_state)
        c.model_loaded.connect(self._on_model_loaded)
        c.model_failed.connect(self._on_model_failed)
        c.model_notice.connect(lambda message: self.statusBar().showMessage(message, 20000))

    # -- texts ---------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every text of the window in the current language."""
        self.setWindowTitle(self.tr("Daily-work assistant"))
        self.run_button.setText(self.tr("Run"))
        self.run_button.setToolTip(self.tr("Run the template (Ctrl+Enter)"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop generating (Esc)"))
        self.regenerate_button.setText(self.tr("Regenerate"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the part that goes into your text"))
        self.copy_all_button.setText(self.tr("Copy all"))
        self.save_button.setText(self.tr("Save as .md…"))
        self.example_button.setText(self.tr("Save as example"))
        self.example_button.setToolTip(self.tr("Keep this answer as an example for this "
                                               "template: it is sent with future runs. Saved "
                                               "in your template folder, where you can edit it."))
        self.inspect_button.setText(self.tr("Prompt…"))
        self.inspect_button.setToolTip(self.tr("Show the exact prompt and its token count"))
        self.menus.retranslate()
        if self.history is not None:
            self.history.retranslate()
        self._on_state(self.controller.state)
        if self._template is not None:
            self._show_header(self._template)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- templates -----------------------------------------------------------

    def select_template(self, template_id: str) -> bool:
        """Select ``template_id`` in the picker and show its form."""
        if not self.picker.select(template_id):
            return False
        self.show_template(template_id)
        return True

    @Slot(str)
    def show_template(self, template_id: str) -> None:
        """Show ``template_id``'s form with the values last used with it."""
        template = self.core.library.templates.get(template_id)
        if template is None:
            return
        self.drafts.save()  # the draft of the template shown until now
        self._template = template
        self._show_header(template)
        self.override_notice.show_for(self.core.library, template_id)
        self.form.set_template(template, self.state.values(template_id))
        self._show_answer(self.answers.of(template_id))
        self._warm()
        self._update_buttons()

    def _show_answer(self, answer: Answer | None) -> None:
        """Put ``answer`` (a template's last one, maybe still streaming) in the pane."""
        self.result.begin()
        self.stats_label.clear()
        if answer is not None:
            self.output.append_chunk(answer.text)
            if answer.done:
                self.result.finish(answer.job, answer.ok, answer.choice)

    def show_past_answer(self, job: Job, text: str, complete: bool) -> None:
        """Show an answer from the history as ``job``'s template's last answer."""
        answer = self.answers.start(job)
        answer.text, answer.done, answer.ok = text, True, complete
        self._show_answer(answer)
        self._update_buttons()

    @Slot()
    def _keep_choice(self) -> None:
        if (answer := self._shown()) is not None and answer.done:
            answer.choice = self.result.choice()

    def _shown(self) -> Answer | None:
        """The answer in the pane: the last one of the template on screen."""
        return self.answers.of(self._template.id) if self._template is not None else None

    def _show_header(self, template: Template) -> None:
        self.title.setText(template.title)
        source = self.tr("your template") if template.source.value == "user" \
            else self.tr("built-in")
        self.description.setText(f"{template.description}  ·  {source}")

    @Slot()
    def _on_templates_reloaded(self) -> None:
        """Keep the user's place after the template folder changed."""
        library = self.core.library
        self.picker.set_library(library)
        if self._template is not None:
            self.override_notice.show_for(library, self._template.id)  # fixed, or broken now
            fresh = library.templates.get(self._template.id)
            if fresh is not None and fresh != self._template:
                values = self.form.values()
                self._template = fresh
                self._show_header(fresh)
                self.form.set_template(fresh, values)

    @Slot(str, str)
    def _on_template_created(self, path: str, status: str) -> None:
        self.select_template(Path(path).stem)
        self.statusBar().showMessage(status, 15000)  # long enough to read or copy the path

    # -- running -------------------------------------------------------------

    def _context(self) -> RenderContext:
        return RenderContext(dt.date.today(), self.language[:2])

    @Slot()
    def run(self, seed: int | None = None) -> None:
        """Start a run with the form's values (Ctrl+Enter)."""
        template = self._template
        if template is None or self.controller.busy:
            return
        missing = self.form.missing_required()
        if missing:
            names = self.tr(", ", "separator of a list").join(field.label for field in missing)
            self.statusBar().showMessage(self.tr("Fill in: {fields}").format(fields=names), 8000)
            self.form.focus_first()
            return
        values = self.form.values()
        self.state.remember(template.id, lasting_values(template, values), later=True)
        self.picker.refresh()
        job = Job(template, values, self.form.use_examples(),
                  self.core.params_for(template, seed=seed), self._context())
        if (started := self.controller.run(job)) is not None:
            self._follow(started)

    def _follow(self, run: Run) -> None:
        """Show ``run``'s answer as it streams: a run started here, or one handed over."""
        self._run = run
        answer = self.answers.start(run.job)
        answer.text = run.text
        run.planned.connect(self._on_planned)
        run.reading.connect(lambda done, total: answer is self._shown()
                            and self.output.show_reading(done, total))
        run.chunk.connect(lambda text: self._on_chunk(answer, text))
        run.finished.connect(lambda stats: self._on_finished(answer, stats))
        run.failed.connect(lambda message: self._on_run_failed(answer, message))
        if answer is self._shown():
            self._show_answer(answer)

    def _on_chunk(self, answer: Answer, text: str) -> None:
        answer.text += text
        if answer is self._shown():
            self.output.append_chunk(text)

    @Slot(object)
    def _on_planned(self, plan: Plan) -> None:
        self._plan = plan
        self.form.set_use_examples_count(plan.examples_used)
        if plan.notice:
            self.statusBar().showMessage(shown(plan.notice), 10000)

    def _on_finished(self, answer: Answer, stats: Stats) -> None:
        answer.done, answer.ok = True, stats.finish_reason is not FinishReason.CANCELLED
        if answer is self._shown():
            self.result.finish(answer.job, answer.ok)
            self.stats_label.setText(stats_text(stats))
        self._update_buttons()

    def _on_run_failed(self, answer: Answer, message: str) -> None:
        answer.done, answer.ok = True, False
        if answer is self._shown():
            self.result.finish(answer.job, ok=False)
        QMessageBox.warning(self, self.tr("Cannot run"), message)
        self._update_buttons()

    def _copy(self, whole: bool) -> None:
        """Copy the result (the accepted changes, the chosen version), or the whole answer."""
        actions.copy_text(self, self.output.markdown() if whole else self.result.text(),
                          whole or not self.result.has_result)

    @Slot()
    def save_answer(self) -> None:
        """Save the answer as a Markdown file."""
        if self.output.has_text:
            title = self._template.title if self._template else "answer"
            actions.save_markdown(self, title, self.output.markdown())

    @Slot()
    def save_as_example(self) -> None:
        """Keep the last answer, with its values, as an example (see actions.save_as_example)."""
        answer = self._shown()
        if answer is None or not answer.can_be_example:
            return
        job = answer.job
        current = self.core.library.templates.get(job.template.id, job.template)
        if actions.save_as_example(self, self.core.paths.templates_dir, current, job.values,
                                   answer.text):
            answer.saved = True  # once per answer
            self.templates.reload()
        self._update_buttons()

    @Slot()
    def compare(self) -> None:
        """Open the compare window on the form's values: with and without examples."""
        if self._template is not None:
            actions.open_compare(self, self._template, self.form.values())

    @property
    def inspector(self) -> PromptInspector:
        """The prompt inspector window, made on first use (it is rarely opened)."""
        return actions.inspector_of(self)

    @Slot()
    def show_inspector(self) -> None:
        """Show the exact prompt for the current values and where its tokens go."""
        if self._template is not None:
            actions.inspect_current(self, self.controller, self._template, self.form,
                                    self.core.params_for(self._template).max_tokens,
                                    self._context())

    # -- model ---------------------------------------------------------------

    def load_model(self) -> None:
        """Load the model chosen in the settings (on the model thread)."""
        self.settings_flow.load_model(self.controller)

    def _warm(self) -> None:
        template = self._template
        if template is not None and self.form.use_examples():
            self.controller.warm(template, self.form.values(), self._context())

    @Slot(str)
    def _on_state(self, state: str) -> None:
        self.model_label.setText(model_state_text(state, self.controller.model_name,
                                                  self.controller.n_ctx))
        self._update_buttons()

    @Slot(str, int)
    def _on_model_loaded(self, name: str, n_ctx: int) -> None:
        log.info("model ready: %s, context %d", name, n_ctx)
        self.banner.hide()
        self.models.update_banner()
        self._warm()

    @Slot(str)
    def _on_model_failed(self, message: str) -> None:
        # The reason already says what to do; the link is the way to do it.
        self.banner.setText(self.tr("The model could not be loaded: {reason} "
                                    "<a href='settings'>Open Settings</a>")
                            .format(reason=html.escape(message, quote=False)))
        self.banner.show()

    @Slot()
    def open_settings(self) -> None:
        """Open the settings dialog; apply what changed."""
        self.settings_flow.edit(self)

    def _update_buttons(self) -> None:
        running = self.controller.busy
        ready = self.controller.state == ModelState.READY
        self.run_button.setEnabled(ready and self._template is not None)
        self.stop_button.setEnabled(running)
        shown = self._shown()
        self.regenerate_button.setEnabled(ready and shown is not None)
        finished = shown is not None and shown.done and bool(shown.text)
        for button in (self.copy_button, self.copy_all_button, self.save_button):
            button.setEnabled(finished)
        self.example_button.setEnabled(shown is not None and shown.can_be_example)

    # -- closing -------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        """Hide to the tray, or stop generation and free the model before quitting."""
        self.drafts.flush()
        if self.hide_on_close:
            event.ignore()
            self.hide()
            self.closed_to_tray.emit()
            return
        self.models.shutdown()
        self.controller.shutdown()
        super().closeEvent(event)

    def bring_forward(self) -> None:
        """Show the window on top (second launch, tray, quick prompt hand-over)."""
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    @Slot(str, object, object)
    def open_with_values(self, template_id: str, values: dict[str, str],
                         running: Run | None = None) -> None:
        """Show ``template_id`` filled with ``values`` (from the quick prompt); ``running``:
        its run still going, whose answer so far and the rest then show here too."""
        if self.select_template(template_id):
            for name, value in values.items():
                if self._template is not None and self._template.field(name) is not None:
                    self.form.set_value(name, value)
            if running is not None and not running.done:
                running.handed_over = True
                self._follow(running)
                self._update_buttons()
        self.bring_forward()
