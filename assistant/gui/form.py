"""The form where the user fills in one template's fields.

One row per field, in the template's order, so the form looks like the
template file reads; each free-text field can be filled from the clipboard in
one click, because most chores start from text copied out of another program.
Below the fields sits the few-shot bar (:mod:`assistant.gui.examples`).

A field refuses a paste or fill that would make its text too long, and says
so with both sizes (one rule for every field, :mod:`assistant.gui.text_limits`):
a 20 MB paste would freeze the window for seconds and could never fit a
model's context anyway, and a line field must not cut it silently either.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from assistant.gui.examples import ExamplesBar, ExamplesDialog
from assistant.gui.text_limits import (
    MAX_FIELD_CHARS,
    LimitedLineEdit,
    LimitedTextEdit,
    refused_size,
)
from assistant.templating.model import Field, FieldKind, Template

Editor = QPlainTextEdit | QLineEdit | QComboBox | QDateEdit

TEXT_LINES = 5
INPUT_LINES = 8
ISO_DATE = "yyyy-MM-dd"
_SUBMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _TextEdit(LimitedTextEdit):
    """A multi-line field whose preferred height is a number of text lines.

    QPlainTextEdit's own size hint (192 px) is too tall for secondary fields
    and too short for the main input.
    """

    def __init__(self, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self.setTabChangesFocus(True)  # Tab moves through the form, as in any dialog
        self.setMinimumHeight(self.sizeHint().height())

    def sizeHint(self) -> QSize:
        """Room for ``lines`` lines of text plus frame and document margins."""
        hint = super().sizeHint()
        margins = self.contentsMargins()
        height = (self.fontMetrics().lineSpacing() * self._lines
                  + round(2 * self.document().documentMargin())
                  + margins.top() + margins.bottom())
        return QSize(hint.width(), height)


class TemplateForm(QWidget):
    """Edits the values of one template's fields and the few-shot choice.

    Signals:
        changed(): a value was edited (not emitted while :meth:`set_template`
            fills the form); the window saves the values and recounts tokens.
        use_examples_changed(bool): the "Use examples" box was toggled.
        submit(): Ctrl+Enter was pressed in a field; the window starts the run.
        notice(str): something to tell the user, e.g. that a paste was too long.
    """

    changed = Signal()
    use_examples_changed = Signal(bool)
    submit = Signal()
    notice = Signal(str)

    def __init__(self, clipboard_text: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clipboard_text = clipboard_text
        self._template: Template | None = None
        self._editors: dict[str, Editor] = {}
        self._paste_buttons: dict[QToolButton, str] = {}
        self._required_labels: list[QLabel] = []
        self._undeclared_labels: list[QLabel] = []
        self._loading = False

        self._fields = QWidget()
        self._layout = QFormLayout(self._fields)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._fields)
        self._scroll = scroll

        self._examples = ExamplesBar(self)
        self._examples.use_examples_changed.connect(self.use_examples_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._examples)
        self.retranslate_ui()

    # -- public API ------------------------------------------------------------------

    def template(self) -> Template | None:
        """The template being filled in, or None after :meth:`clear`."""
        return self._template

    def set_template(self, template: Template, values: Mapping[str, str]) -> None:
        """Rebuild the form for ``template``; ``values`` win over field defaults.

        Names in ``values`` that the template does not have are ignored: saved
        values may predate an edit of the template file.
        """
        self._remove_rows()
        self._template = template
        self._loading = True
        try:
            for item in template.fields:
                self._add_row(template, item, values.get(item.name))
        finally:
            self._loading = False
        self._examples.set_template(template)
        self.retranslate_ui()

    def clear(self) -> None:
        """Show no template: no rows, example controls disabled."""
        self._remove_rows()
        self._template = None
        self._examples.set_template(None)

    def values(self) -> dict[str, str]:
        """Current values by field name: dates as yyyy-mm-dd, choices as the option text."""
        return {name: _read(editor) for name, editor in self._editors.items()}

    def set_value(self, name: str, text: str) -> bool:
        """Put ``text`` into field ``name`` (undoable with Ctrl+Z); emits changed().

        False when the text is too long for the field: the field keeps its
        text and :attr:`notice` says why.
        """
        editor = self._editors.get(name)
        if editor is None:
            raise KeyError(f"The form has no field {name!r}; its fields: {list(self._editors)}.")
        if isinstance(editor, QPlainTextEdit | QLineEdit):
            line = _one_line(text) if isinstance(editor, QLineEdit) else text
            size = refused_size(0, 0, line, _limit(editor))
            if size is not None:
                self._refuse(editor, size)
                return False
        _write(editor, text, undoable=True)
        return True

    def missing_required(self) -> list[Field]:
        """The required fields that are still empty, in form order."""
        if self._template is None:
            return []
        current = self.values()
        return [item for item in self._template.required_fields
                if not current.get(item.name, "").strip()]

    def focus_first(self) -> None:
        """Focus the first empty required field, else the template's input field."""
        if self._template is None or not self._editors:
            return
        missing = self.missing_required()
        name = (missing[0].name if missing
                else self._template.input_field or self._template.fields[0].name)
        editor = self._editors.get(name) or next(iter(self._editors.values()))
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self._scroll.ensureWidgetVisible(editor)

    def use_examples(self) -> bool:
        """Whether the user wants the template's examples sent."""
        return self._examples.use_examples()

    def set_use_examples(self, on: bool) -> None:
        """Restore the user's saved choice; emits use_examples_changed if it changes."""
        self._examples.set_use_examples(on)

    def set_use_examples_count(self, used: int | None) -> None:
        """Say that only ``used`` examples fit the context (None: all of them).

        Reset by :meth:`set_template`.
        """
        self._examples.set_used(used)

    def hidden_height(self) -> int:
        """How much taller the form must be to show every field without scrolling.

        The window makes room when a banner pushes the form down (see
        :mod:`assistant.gui.form_room`).
        """
        return self._scroll.verticalScrollBar().maximum()

    @Slot()
    def show_examples(self) -> ExamplesDialog | None:
        """Open (or raise) the non-modal examples window; None without examples."""
        return self._examples.show_examples()

    def retranslate_ui(self) -> None:
        """Set every text this widget owns (field labels come from the template)."""
        for button in self._paste_buttons:
            self._translate_paste_button(button)
        for label in self._required_labels:
            label.setToolTip(self.tr("Required"))
        for label in self._undeclared_labels:
            label.setToolTip(self.tr(
                "The template uses this value but does not describe it; fill it in if needed."))

    # -- Qt overrides --------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the UI language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in any field submits; the key never reaches the field."""
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in _SUBMIT_KEYS
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.submit.emit()
            return True
        return super().eventFilter(watched, event)

    # -- building rows -------------------------------------------------------------------

    def _add_row(self, template: Template, item: Field, value: str | None) -> None:
        editor = self._make_editor(item, template.input_field == item.name)
        # Like resolve_values: an empty non-text value means the default.
        if value is None or (not value.strip() and item.kind is not FieldKind.TEXT):
            value = item.default
        _write(editor, item.default, undoable=False)  # a stale choice falls back to it
        _write(editor, value, undoable=False)
        self._editors[item.name] = editor
        editor.installEventFilter(self)
        for child in editor.findChildren(QLineEdit):  # the date edit's inner line edit
            child.installEventFilter(self)
        editor.setAccessibleName(item.label)

        label = QLabel()
        if item.required:
            star = '<span style="color:#d32f2f">&nbsp;*</span>'
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setText(html.escape(item.label) + star)
            self._required_labels.append(label)
        else:
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setText(item.label)
        if not item.declared:
            self._undeclared_labels.append(label)
        label.setBuddy(editor)

        if isinstance(editor, QPlainTextEdit | QLineEdit):
            row = QWidget()
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(4)
            box.addWidget(editor, 1)
            button = QToolButton(row)
            icon = QIcon.fromTheme(QIcon.ThemeIcon.EditPaste)
            button.setIcon(icon)
            button.setAutoRaise(not icon.isNull())  # a text-only button needs its frame
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field
            button.clicked.connect(self._paste_from_clipboard)
            self._paste_buttons[button] = item.name
            box.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self._layout.addRow(label, row)
        else:
            self._layout.addRow(label, editor)

    def _make_editor(self, item: Field, is_input: bool) -> Editor:
        if item.kind is FieldKind.LINE:
            line = LimitedLineEdit()
            line.setPlaceholderText(item.placeholder)
            line.textChanged.connect(self._on_edited)
            line.too_long.connect(lambda size: self._refuse(line, size))
            return line
        if item.kind is FieldKind.CHOICE:
            combo = QComboBox()
            if item.default not in item.options:
                combo.addItem("")  # no default: "not chosen" must stay possible
            combo.addItems(list(item.options))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            combo.currentIndexChanged.connect(self._on_edited)
            return combo
        if item.kind is FieldKind.DATE:
            date = QDateEdit()
            date.setCalendarPopup(True)
            date.setDisplayFormat(ISO_DATE)
            date.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            date.dateChanged.connect(self._on_edited)
            return date
        text = _TextEdit(INPUT_LINES if is_input else TEXT_LINES)
        text.setPlaceholderText(item.placeholder)
        # Only the main input takes the extra height of a tall window.
        vertical = QSizePolicy.Policy.Expanding if is_input else QSizePolicy.Policy.Preferred
        text.setSizePolicy(QSizePolicy.Policy.Expanding, vertical)
        text.textChanged.connect(self._on_edited)
        text.too_long.connect(lambda size: self._refuse(text, size))
        return text

    def _refuse(self, editor: QPlainTextEdit | QLineEdit, size: int) -> None:
        """Say, at the field and through :attr:`notice`, that ``size`` characters is too many."""
        label, limit = editor.accessibleName(), _limit(editor)
        message = self.tr("The text is too long for “{field}”: {size} characters, and a field "
                          "takes at most {limit}. Paste a shorter part.").format(
            field=label, size=f"{size:,}", limit=f"{limit:,}")
        QToolTip.showText(editor.mapToGlobal(editor.rect().topLeft()), message, editor)
        self.notice.emit(message)

    def _remove_rows(self) -> None:
        self._editors.clear()
        self._paste_buttons.clear()
        self._required_labels.clear()
        self._undeclared_labels.clear()
        while self._layout.rowCount():
            self._layout.removeRow(0)  # deletes the row's widgets now, not later

    def _translate_paste_button(self, button: QToolButton) -> None:
        # Text shows when the desktop theme has no paste icon (e.g. Windows).
        button.setText(self.tr("Paste"))
        button.setToolTip(self.tr("Fill from clipboard"))

    # -- slots --------------------------------------------------------------------------

    @Slot()
    def _on_edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    @Slot()
    def _paste_from_clipboard(self) -> None:
        button = self.sender()
        if not isinstance(button, QToolButton) or button not in self._paste_buttons:
            return
        text = self._clipboard_text()
        if not text.strip():
            QToolTip.showText(button.mapToGlobal(button.rect().bottomLeft()),
                              self.tr("The clipboard is empty"), button)
            return
        self.set_value(self._paste_buttons[button], text)


def _limit(editor: QPlainTextEdit | QLineEdit) -> int:
    """The most characters ``editor`` takes."""
    if isinstance(editor, QLineEdit):
        return editor.maxLength()
    return editor.limit if isinstance(editor, LimitedTextEdit) else MAX_FIELD_CHARS


def _one_line(text: str) -> str:
    """``text`` for a single-line field: pasted paragraphs joined by spaces, not cut off."""
    lines = text.splitlines()
    return " ".join(p.strip() for p in lines if p.strip()) if len(lines) > 1 else text


def _read(editor: Editor) -> str:
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QLineEdit):
        return editor.text()
    if isinstance(editor, QComboBox):
        return editor.currentText()
    return editor.date().toString(ISO_DATE)


def _write(editor: Editor, text: str, *, undoable: bool) -> None:
    """Show ``text`` in ``editor``; ``undoable`` keeps the old content in Ctrl+Z."""
    if isinstance(editor, QPlainTextEdit):
        if undoable:
            cursor = editor.textCursor()
            cursor.select(cursor.SelectionType.Document)
            cursor.insertText(text)
            editor.setTextCursor(cursor)
        else:
            editor.setPlainText(text)
    elif isinstance(editor, QLineEdit):
        line = _one_line(text)
        if undoable:
            editor.selectAll()
            editor.insert(line)
        else:
            editor.setText(line)
    elif isinstance(editor, QComboBox):
        index = editor.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            editor.setCurrentIndex(index)
    else:
        date = QDate.fromString(text.strip(), ISO_DATE)
        editor.setDate(date if date.isValid() else QDate.currentDate())
