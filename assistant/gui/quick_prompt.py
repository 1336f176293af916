"""The quick prompt: a small frameless popup over whatever the user is doing.

Opened by the global hotkey with the selected (or copied) text: type two
letters to pick a template, Enter to run, watch the answer stream, Enter again
to copy it. Templates that need more than the text show a compact form. It
shares the model with the main window through the same controller and the
same prompt assembly; only one run happens at a time.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QCursor, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.backend import FinishReason, Stats
from assistant.fuzzy import rank
from assistant.gui.form import TemplateForm
from assistant.gui.output_view import OutputView
from assistant.gui.override_notice import OverrideNotice
from assistant.gui.result_panel import ResultPanel
from assistant.gui.run import Run
from assistant.gui.text_limits import MAX_FIELD_CHARS, LimitedTextEdit, refused_size
from assistant.gui.worker import Job, ModelController
from assistant.state import UiState, lasting_values
from assistant.templating.model import Template
from assistant.templating.render import RenderContext
from assistant.wiring import Core

log = logging.getLogger(__name__)


class QuickPrompt(QWidget):
    """The popup. Call :meth:`open_with` with the captured text.

    Signals:
        copied(str): the answer was put on the clipboard (Copy).
        replace_requested(str): the user chose Replace; the app pastes it back.
        open_in_main(str, object, object): template id, field values and, while this
            popup's run is going, that :class:`~assistant.gui.run.Run` (else None).
        open_file_requested(str): the user wants to fix the broken template file at this path.
    """

    copied = Signal(str)
    replace_requested = Signal(str)
    open_in_main = Signal(str, object, object)
    open_file_requested = Signal(str)

    def __init__(self, core: Core, state: UiState, controller: ModelController,
                 language: str = "en") -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("QuickPrompt")
        self.core, self.state, self.controller = core, state, controller
        self.language = language
        self._template: Template | None = None
        self._answered = False
        self._run: Run | None = None  # the last run started here
        self._no_match: QListWidgetItem | None = None  # the "nothing matches" line, if shown
        self.resize(640, 520)
        self.setStyleSheet("#QuickPrompt { border: 1px solid #9aa0a6; background: palette(window); }")

        self.text = LimitedTextEdit()  # a 20 MB paste is refused, as in the main form
        self.text.setObjectName("quickText")
        self.text.setMaximumHeight(110)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a1c12;")
        self.search = QLineEdit()
        self.search.setObjectName("quickSearch")
        self.matches = QListWidget()
        self.matches.setObjectName("quickMatches")
        self.matches.setMaximumHeight(150)  # about six rows; the rest scroll
        self.matches.setWordWrap(True)  # the "nothing matches" line is a sentence
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.override_notice = OverrideNotice()  # the chosen template's user file is broken
        self.form = TemplateForm(lambda: QGuiApplication.clipboard().text())
        self.form.hide()
        self.output = OutputView()
        self.result = ResultPanel(self.output)  # the answer, or its result as tracked changes
        self.copy_button = QPushButton()
        self.copy_button.setDefault(True)
        self.replace_button = QPushButton()
        self.copy_all_button = QPushButton()  # shown when Copy takes only a part
        self.main_button = QPushButton()
        self.status = QLabel()

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.main_button, self.copy_all_button, self.replace_button,
                       self.copy_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        for widget in (self.text, self.notice, self.search, self.matches, self.override_notice,
                       self.form, self.result):
            layout.addWidget(widget)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._refresh_matches)
        self.search.installEventFilter(self)
        self.matches.itemActivated.connect(lambda _item: self.run())
        self.matches.currentItemChanged.connect(lambda *_: self._update_main_button())
        self.matches.currentItemChanged.connect(lambda *_: self._show_override())
        self.override_notice.open_requested.connect(self._open_file)
        self.text.too_long.connect(self._paste_too_long)
        self.form.notice.connect(self._say)
        self.form.submit.connect(self.run)
        self.copy_button.clicked.connect(self.copy_answer)
        self.copy_all_button.clicked.connect(lambda: self.copy_answer(whole=True))
        self.replace_button.clicked.connect(self._replace)
        self.main_button.clicked.connect(self._open_in_main)
        self.result.notice.connect(self._say)
        self.retranslate_ui()
        self._set_answered(False)

    # -- texts ---------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Quick prompt"))
        self.text.setPlaceholderText(self.tr("Nothing was selected or copied. Type or paste "
                                             "the text here."))
        self.search.setPlaceholderText(self.tr("Template: type a few characters, then press Enter"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the answer and close (Enter)"))
        self.copy_all_button.setText(self.tr("Copy all"))
        self.copy_all_button.setToolTip(self.tr("Copy the whole answer, with the model's "
                                                "notes, and close"))
        self.replace_button.setText(self.tr("Replace"))
        self.replace_button.setToolTip(self.tr("Paste the answer over the selection, then "
                                               "restore your clipboard"))
        self.main_button.setText(self.tr("Open in main window"))
        self.main_button.setToolTip(self.tr("Open the template with your text in the main "
                                            "window, where all its fields are"))
        self._show_no_match()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- opening -------------------------------------------------------------

    def open_with(self, text: str) -> None:
        """Show the popup on the screen with the pointer, holding ``text``.

        While a quick run is going, the popup is only brought forward: pressing
        the hotkey again never starts a second run.
        """
        if not (self.isVisible() and self.running):
            size = refused_size(0, 0, text, MAX_FIELD_CHARS)
            text = text if size is None else ""
            self.text.setPlainText(text)  # a huge selection would freeze the popup for seconds
            self.notice.setText(self.tr("The selected text is too long: {size} characters, and "
                                        "at most {limit} are taken. Select a shorter part.")
                                .format(size=f"{size:,}", limit=f"{MAX_FIELD_CHARS:,}")
                                if size is not None else "" if text.strip() else
                                self.tr("No text was captured: type or paste it above."))
            self.notice.setVisible(not text.strip())
            self.search.clear()
            self.form.hide()
            self._template = None
            self.result.begin()
            self._set_answered(False)
            self._refresh_matches("")
        self._place()
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus()

    @Slot(int)
    def _paste_too_long(self, size: int) -> None:
        """A paste into the text box was refused: say so, with both sizes."""
        self._say(self.tr("With this paste the text would be {size} characters long, and at "
                          "most {limit} are taken. Paste a shorter part.")
                  .format(size=f"{size:,}", limit=f"{MAX_FIELD_CHARS:,}"))

    @Slot(str)
    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def _show_override(self) -> None:
        """Say so when the chosen template is the built-in because the user's file is broken."""
        chosen = self._chosen()
        self.override_notice.show_for(self.core.library, chosen.id if chosen else None)

    @Slot(str)
    def _open_file(self, path: str) -> None:
        """Hand the broken file to the app to open; out of the way, unless a run is going."""
        self.open_file_requested.emit(path)
        if not self.running:
            self.close()

    def _place(self) -> None:
        pointer = QCursor.pos()
        screen = QGuiApplication.screenAt(pointer) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        x = min(max(area.left(), pointer.x() - self.width() // 2), area.right() - self.width())
        y = min(max(area.top(), pointer.y() - 40), area.bottom() - self.height())
        self.move(QPoint(x, y))

    @Slot(str)
    def _refresh_matches(self, query: str) -> None:
        """List every template matching ``query``; all of them when nothing is typed.

        With nothing typed the list is a menu: recently used templates first,
        then those in the UI language (a Chinese user sees 周报 before Weekly
        report), then the rest; it scrolls, so none is out of reach.
        """
        self.matches.clear()
        self._no_match = None
        for match in rank(query, self.core.library.templates.values(), self.state.recent,
                          self.language):
            item = QListWidgetItem(f"{match.template.title}   ·  {match.template.category}")
            item.setData(Qt.ItemDataRole.UserRole, match.template.id)
            self.matches.addItem(item)
        if self.matches.count():
            self.matches.setCurrentRow(0)
        elif query.strip():
            # An empty list looks broken; say that the letters matched nothing.
            self._no_match = QListWidgetItem()
            self._no_match.setFlags(Qt.ItemFlag.ItemIsEnabled)  # legible, not pickable
            self.matches.addItem(self._no_match)
            self._show_no_match()
        self._update_main_button()

    def _show_no_match(self) -> None:
        if self._no_match is not None:
            self._no_match.setText(self.tr("No template matches “{query}”. Try fewer letters, "
                                           "another word, or the pinyin initials of a "
                                           "Chinese title.")
                                   .format(query=self.search.text().strip()))

    def _chosen(self) -> Template | None:
        """The template of the current row of the list, if any."""
        item = self.matches.currentItem()
        template_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return self.core.library.templates.get(template_id) if template_id else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """Up/Down in the search box move through the matches; Enter runs."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self._no_match is None:
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.matches.count() - 1, self.matches.currentRow() + step))
                self.matches.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._answered:
                    self.copy_answer()
                else:
                    self.run()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._answered:
            self.copy_answer()
            return
        super().keyPressEvent(event)

    # -- running -------------------------------------------------------------

    @Slot()
    def run(self) -> None:
        """Run the chosen template on the text (or ask for its other fields first)."""
        if self.controller.busy:
            self.status.setText(self.tr("The model is busy; wait or stop the other run."))
            return
        chosen = self._chosen()
        if chosen is None or chosen.input_field is None:
            return
        text = self.text.toPlainText()
        if self._template is None or chosen.id != self._template.id:
            # A newly chosen template: fill its form with the text and the
            # values used last time; show the form only if something is missing.
            self._template = chosen
            self.form.set_template(chosen, {**self.state.values(chosen.id),
                                            chosen.input_field: text})
            self._update_main_button()
        values = {**self.form.values(), chosen.input_field: text}
        missing = [f for f in self.form.missing_required() if f.name != chosen.input_field]
        if missing:
            self.form.show()
            self.form.focus_first()
            self.status.setText(self.tr("Fill in the fields, then press Ctrl+Enter."))
            return
        self.state.remember(chosen.id, lasting_values(chosen, values, chosen.input_field),
                            later=True)
        job = Job(chosen, values, True, self.core.params_for(chosen),
                  RenderContext(dt.date.today(), self.language[:2]))
        self.result.begin()
        self._set_answered(False)
        run = self.controller.run(job)
        if run is None:
            self.status.setText(self.tr("The model is not ready yet."))
            return
        self._run = run
        run.chunk.connect(self.output.append_chunk)
        run.reading.connect(self.output.show_reading)
        run.finished.connect(self._on_finished)
        run.failed.connect(self._on_failed)
        self.status.setText(self.tr("Generating with {name}…")
                            .format(name=self.controller.model_name))

    def _let_go(self, run: Run) -> None:
        """Stop showing ``run`` here, and stop answering for it."""
        run.chunk.disconnect(self.output.append_chunk)
        run.reading.disconnect(self.output.show_reading)
        run.finished.disconnect(self._on_finished)
        run.failed.disconnect(self._on_failed)
        self._run = None

    @property
    def running(self) -> bool:
        """True while a run started here is going."""
        return self._run is not None and not self._run.done

    @Slot(object)
    def _on_finished(self, stats: Stats) -> None:
        log.info("quick run finished: %s, %d tokens", stats.finish_reason,
                 stats.completion_tokens)
        ok = stats.finish_reason is not FinishReason.CANCELLED
        assert self._run is not None  # set before the run's signals were connected
        self.result.finish(self._run.job, ok)
        self.status.setText(self.tr("Enter copies the answer · Esc closes")
                            if ok else self.tr("Stopped."))
        self._set_answered(self.output.has_text)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.output.finish()
        self.status.setText(message)

    def _set_answered(self, answered: bool) -> None:
        self._answered = answered
        for button in (self.copy_button, self.replace_button):
            button.setEnabled(answered)
        self.copy_all_button.setVisible(answered and self.result.has_result)
        self._update_main_button()
        if answered:
            self.copy_button.setFocus()

    def _update_main_button(self) -> None:
        # Whenever there is a template to open: before a run (for its full
        # form), during one and after it.
        self.main_button.setEnabled(self._template is not None or self._chosen() is not None)

    # -- actions -------------------------------------------------------------

    @Slot()
    def copy_answer(self, whole: bool = False) -> None:
        """Copy the result (with only the accepted changes), or the ``whole`` answer, and close."""
        if not self._answered:
            return
        answer = self.output.markdown() if whole else self.result.text()
        QGuiApplication.clipboard().setText(answer)
        self.copied.emit(answer)
        self.close()

    @Slot()
    def _replace(self) -> None:
        if self._answered:
            answer = self.result.text()
            self.close()
            self.replace_requested.emit(answer)

    @Slot()
    def _open_in_main(self) -> None:
        """Hand the template and the text to the main window, and a running answer too.

        The template shown here (run, running or waiting for its form) goes,
        else the one picked in the list. During a run the main window takes
        the run over (its answer so far and the rest as it streams) and the
        popup closes without stopping it. Where nothing takes it (no main
        window), the popup stays open: closing would stop the run.
        """
        template = self._template or self._chosen()
        if template is None:
            return
        values = self.form.values() if template is self._template else \
            self.state.values(template.id)
        if template.input_field is not None:
            values[template.input_field] = self.text.toPlainText()
        run = self._run if self.running else None
        self.open_in_main.emit(template.id, values, run)
        if run is not None and run.handed_over:
            self._let_go(run)  # the main window has it now: closing must not stop it
        if self.running:
            self.status.setText(self.tr("Opened in the main window. The answer is still "
                                        "being written here; copy it when it is done."))
        else:
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        """Esc or closing stops a quick run that is still going."""
        if self._run is not None and self.running:
            self._run.cancel()
        super().closeEvent(event)
