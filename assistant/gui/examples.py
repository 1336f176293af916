"""Few-shot examples in the GUI: the bar under the form and the window listing them.

Users decide whether to send a template's examples (they cost context and
time), so they need to see how many will be sent and what they are: each
example's field values, which become the user turn, and the answer the model
is shown for them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assistant.templating.model import Example, Template


class ExamplesBar(QWidget):
    """"Use examples" box, how many will be sent, and a button to view them.

    Signals:
        use_examples_changed(bool): the box was toggled.
    """

    use_examples_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._template: Template | None = None
        self._used: int | None = None
        self._dialog: ExamplesDialog | None = None
        self._check = QCheckBox(self)
        self._check.setChecked(True)
        self._check.toggled.connect(self._on_toggled)
        self._count = QLabel(self)
        self._count.setWordWrap(True)  # a long, translated text must not widen the window
        self._view = QPushButton(self)
        self._view.clicked.connect(self.show_examples)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._check)
        layout.addWidget(self._count, 1)
        layout.addWidget(self._view)
        self.retranslate_ui()

    def set_template(self, template: Template | None) -> None:
        """Count ``template``'s examples; an open examples window follows it."""
        self._template = template
        self._used = None
        if self._dialog is not None:
            if template is not None and template.examples:
                self._dialog.set_template(template)
            else:
                self._dialog.hide()
        self._update()

    def use_examples(self) -> bool:
        """Whether the user wants the examples sent."""
        return self._check.isChecked()

    def set_use_examples(self, on: bool) -> None:
        """Set the box; emits use_examples_changed if it changes."""
        self._check.setChecked(on)

    def set_used(self, used: int | None) -> None:
        """Only ``used`` examples fit the context (None: all of them)."""
        self._used = used
        self._update()

    @Slot()
    def show_examples(self) -> ExamplesDialog | None:
        """Open, or bring back, the non-modal window listing the examples."""
        if self._template is None or not self._template.examples:
            return None
        if self._dialog is None:
            self._dialog = ExamplesDialog(self._template, self)
        elif self._dialog.isVisible():
            self._dialog.set_template(self._template)
            self._dialog.raise_()
            self._dialog.activateWindow()
            return self._dialog
        self._dialog.set_template(self._template)
        self._dialog.show()
        return self._dialog

    def retranslate_ui(self) -> None:
        """Set every text of the bar in the current UI language."""
        self._check.setText(self.tr("Use examples"))
        self._check.setToolTip(self.tr(
            "Send the template's worked examples before your request. They improve the "
            "answer but take room in the context and make the run slower."))
        self._view.setText(self.tr("View examples…"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the UI language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot(bool)
    def _on_toggled(self, on: bool) -> None:
        self._update()
        self.use_examples_changed.emit(on)

    def _update(self) -> None:
        total = len(self._template.examples) if self._template is not None else 0
        self._check.setEnabled(total > 0)
        self._view.setEnabled(total > 0)
        count = total if self._check.isChecked() else 0
        used = self._used
        if count and used is not None and used < total:
            if used <= 0:
                text = self.tr("No examples will be sent (they do not fit the context)")
            else:
                text = self.tr(
                    "{used} of {total} examples will be sent (the rest do not fit the context)"
                ).format(used=used, total=total)
        elif count == 0:
            text = self.tr("No examples")
        elif count == 1:
            text = self.tr("1 example will be sent")
        else:
            text = self.tr("{count} examples will be sent").format(count=count)
        self._count.setText(text)


class ExamplesDialog(QDialog):
    """Shows each example of one template: its input values and expected output.

    Non-modal, so the user can keep filling the form beside it; the bar keeps
    one instance and points it at the current template with :meth:`set_template`.

    Signals: none.
    """

    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._template = template
        self._browser = QTextBrowser(self)
        self._browser.setOpenLinks(False)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._browser)
        layout.addWidget(self._buttons)
        self.resize(640, 560)
        self.retranslate_ui()

    def set_template(self, template: Template) -> None:
        """Show the examples of ``template`` instead."""
        self._template = template
        self.retranslate_ui()

    def template(self) -> Template:
        """The template whose examples are shown."""
        return self._template

    def text(self) -> str:
        """The shown content as plain text (what a screen reader or a test sees)."""
        return self._browser.toPlainText()

    def retranslate_ui(self) -> None:
        """Set the title and rebuild the content in the current UI language."""
        self.setWindowTitle(self.tr("Examples — {title}").format(title=self._template.title))
        self._browser.setHtml(self._html())

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the UI language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _html(self) -> str:
        examples = self._template.examples
        if not examples:
            return "<p>{}</p>".format(html.escape(self.tr("This template has no examples.")))
        parts = [self._example_html(number, example)
                 for number, example in enumerate(examples, start=1)]
        return "".join(parts)

    def _example_html(self, number: int, example: Example) -> str:
        palette = self.palette()
        muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
        shade = palette.color(QPalette.ColorRole.AlternateBase).name()
        heading = html.escape(self.tr("Example {number}").format(number=number))
        origin = html.escape(self.tr("From {origin}").format(origin=example.origin))
        rows = []
        for name, value in self._filled_values(example):
            rows.append(
                f'<tr><td valign="top" style="color:{muted}; padding-right:12px">'
                f"{html.escape(name)}</td>"
                f'<td style="white-space:pre-wrap">{html.escape(value)}</td></tr>'
            )
        values = (f'<table cellspacing="0" cellpadding="3">{"".join(rows)}</table>'
                  if rows else "")
        output_title = html.escape(self.tr("Expected output"))
        return (
            f'<h3 style="margin-top:{18 if number > 1 else 0}px">{heading}</h3>'
            f'<p style="color:{muted}; font-size:small">{origin}</p>'
            f"{values}"
            f"<p><b>{output_title}</b></p>"
            f'<table width="100%" cellspacing="0" cellpadding="8" bgcolor="{shade}"><tr>'
            f'<td style="white-space:pre-wrap">{html.escape(example.output)}</td>'
            "</tr></table>"
        )

    def _filled_values(self, example: Example) -> list[tuple[str, str]]:
        """(label, value) of the example's non-empty values, in form order."""
        shown: list[tuple[str, str]] = []
        for item in self._template.fields:
            value = example.values.get(item.name, "")
            if value.strip():
                shown.append((item.label or item.name, value))
        known = set(self._template.variables)
        shown.extend((name, value) for name, value in example.values.items()
                     if name not in known and value.strip())
        return shown
