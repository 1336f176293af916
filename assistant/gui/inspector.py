"""The prompt inspector: exactly what goes to the model, and where the tokens go.

Users tune templates and examples by looking at the real prompt, so nothing
here is prettified away: message bodies and the final prompt are shown as
plain text (special tokens, blank lines and all), and the token table uses
the model's own counts from :func:`assistant.budget.sections`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRectF, Qt, QTimer, Slot
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPainter,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from assistant.budget import Section
from assistant.prompt import Message, Part

Kind = Literal["system", "example_user", "example_answer", "input"]
_SHARE_ROLE = Qt.ItemDataRole.UserRole
_FREE_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def message_kinds(messages: Sequence[Message]) -> list[tuple[Kind, int]]:
    """What each message is, as ``build_messages`` said: ``(kind, example number)``."""
    kinds: list[tuple[Kind, int]] = []
    for message in messages:
        if message.part is Part.EXAMPLE:
            kinds.append(("example_user" if message.role == "user" else "example_answer",
                          message.example))
        else:
            kinds.append((str(message.part), 0))  # type: ignore[arg-type]  # "system"/"input"
    return kinds


class _ShareDelegate(QStyledItemDelegate):
    """Draws a section's share of the context as a bar left of its percentage."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        share = index.data(_SHARE_ROLE)
        if isinstance(share, float):
            palette = option.palette
            rect = QRectF(option.rect.adjusted(8, 8, -72, -8))
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.midlight())
            painter.drawRoundedRect(rect, 3, 3)
            rect.setWidth(rect.width() * min(1.0, max(0.0, share)))
            painter.setBrush(palette.mid() if index.data(_FREE_ROLE) else palette.highlight())
            painter.drawRoundedRect(rect, 3, 3)
            painter.restore()
        super().paint(painter, option, index)


class PromptInspector(QDialog):
    """Shows the messages, the final templated prompt and the token budget.

    Signals:
        None of its own; ``finished``/``rejected`` as any QDialog.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptInspector")
        self._messages: list[Message] = []
        self._final_prompt = ""
        self._sections: list[Section] = []
        self._n_ctx = 0
        self._estimated = False
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.notice_label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.notice_label.setObjectName("inspectorNotice")
        # Fixed colours on purpose: a warning must read the same in any theme.
        self.notice_label.setStyleSheet(
            "QLabel#inspectorNotice { background: #fff4ce; color: #5c4400;"
            " border: 1px solid #e8c65a; border-radius: 4px; padding: 8px 10px; }")
        self.notice_label.hide()
        self.messages_view = QTextEdit(readOnly=True, textInteractionFlags=(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard))
        self.messages_view.document().setDocumentMargin(10)
        self.prompt_view = QPlainTextEdit(readOnly=True)
        self.prompt_view.setFont(self._mono)
        self.whitespace_box = QCheckBox()
        self.whitespace_box.toggled.connect(self._show_whitespace)
        prompt_page = QWidget()
        prompt_layout = QVBoxLayout(prompt_page)
        prompt_layout.addWidget(self.prompt_view)
        prompt_layout.addWidget(self.whitespace_box)
        self.tokens_table = table = QTableWidget(0, 3)
        table.verticalHeader().hide()
        table.setShowGrid(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setAlternatingRowColors(True)
        table.setItemDelegateForColumn(2, _ShareDelegate(table))
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch)):
            table.horizontalHeader().setSectionResizeMode(column, mode)
        self.tabs = QTabWidget()
        for page in (self.messages_view, prompt_page, table):
            self.tabs.addTab(page, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton()
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_prompt)
        self.buttons.rejected.connect(self.reject)
        self._copied_timer = QTimer(self, singleShot=True, interval=1500)
        self._copied_timer.timeout.connect(self._reset_copy_text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 560)
        self.retranslate_ui()

    def show_prompt(self, messages: Sequence[Message], final_prompt: str,
                    sections: Sequence[Section], n_ctx: int | None, notice: str | None,
                    estimated: bool = False) -> None:
        """Show one prompt; ``notice`` (examples left out to fit) is shown on top.

        ``estimated`` marks token figures that are approximate (a model server,
        which has no tokenizer here); ``n_ctx`` is None when it is unknown.
        """
        self._messages = list(messages)
        self._final_prompt = final_prompt
        self._sections = list(sections)
        self._n_ctx = n_ctx or 0
        self._estimated = estimated
        self.notice_label.setText(notice or "")
        self.notice_label.setVisible(bool(notice))
        self.prompt_view.setPlainText(final_prompt)
        self._fill_messages()
        self._fill_tokens()

    @Slot()
    def copy_prompt(self) -> None:
        """Put the final prompt on the clipboard, exactly as the model sees it."""
        QGuiApplication.clipboard().setText(self._final_prompt)
        self.copy_button.setText(self.tr("Copied"))
        self._copied_timer.start()

    def retranslate_ui(self) -> None:
        """Set every user-visible text in the current language."""
        self.setWindowTitle(self.tr("Prompt inspector"))
        for tab, text in enumerate((self.tr("Messages"), self.tr("Final prompt"),
                                    self.tr("Tokens"))):
            self.tabs.setTabText(tab, text)
        self.whitespace_box.setText(self.tr("Show spaces and line breaks"))
        self.tokens_table.setHorizontalHeaderLabels(
            [self.tr("Part"), self.tr("Tokens"), self.tr("Share of context")])
        self._reset_copy_text()
        self._fill_messages()
        self._fill_tokens()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def header_for(self, kind: Kind, number: int) -> str:
        """The translated heading of one message."""
        if kind == "example_user":
            return self.tr("Example {n} — user").format(n=number)
        if kind == "example_answer":
            return self.tr("Example {n} — answer").format(n=number)
        return self.tr("System") if kind == "system" else self.tr("Your input")

    def section_label(self, section: Section) -> str:
        """The translated name of a budget section; unknown labels as they are."""
        if section.example:
            return self.tr("Example {i} of {n}").format(i=section.example, n=section.examples)
        label = section.label
        known = {
            "system": self.tr("System"),
            "input": self.tr("Your input"),
            "answer (max tokens)": self.tr("Answer (max tokens)"),
            "free": self.tr("Free"),
        }
        return known.get(label, label)

    def _fill_messages(self) -> None:
        document = self.messages_view.document()
        document.clear()
        palette = self.palette()
        cursor = QTextCursor(document)
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        body = QTextCharFormat()
        body.setFont(self._mono)
        empty = QTextCharFormat()
        empty.setFontItalic(True)
        empty.setForeground(palette.placeholderText())
        frame = QTextFrameFormat()
        frame.setBorder(1)
        frame.setBorderBrush(palette.mid())
        frame.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        frame.setBackground(palette.alternateBase())
        frame.setPadding(8)
        frame.setTopMargin(4)
        frame.setBottomMargin(6)
        cursor.beginEditBlock()
        for message, (kind, number) in zip(self._messages, message_kinds(self._messages)):
            heading.setForeground(palette.link() if kind == "input" else palette.text())
            cursor.insertText(self.header_for(kind, number), heading)
            cursor.insertFrame(frame)
            cursor.insertText(message.content or self.tr("(empty)"),
                              body if message.content else empty)
            cursor = document.rootFrame().lastCursorPosition()
            cursor.insertBlock()
        cursor.endEditBlock()
        # The view's own cursor moved along with the text inserted at it, and the
        # view scrolls to keep it in sight: back to the system message.
        self.messages_view.moveCursor(QTextCursor.MoveOperation.Start)
        self.messages_view.verticalScrollBar().setValue(0)

    def _fill_tokens(self) -> None:
        table = self.tokens_table
        table.setRowCount(0)
        if not self._sections:
            return
        n_ctx = max(1, self._n_ctx)
        used = sum(s.tokens for s in self._sections if s.label != "free")
        about = self.tr("about {count}") if self._estimated else "{count}"
        rows = [(self.section_label(s), about.format(count=s.tokens), s.tokens,
                 s.label == "free") for s in self._sections]
        if not self._n_ctx:
            total = self.tr("about {used} tokens; the context size is unknown")
        elif self._estimated:
            total = self.tr("about {used} of {n_ctx} tokens")
        else:
            total = self.tr("{used} of {n_ctx} tokens")
        rows.append((self.tr("Total"), total.format(used=used, n_ctx=self._n_ctx), used, False))
        table.setRowCount(len(rows))
        bold = QFont(table.font())
        bold.setBold(True)
        for row, (label, tokens_text, tokens, free) in enumerate(rows):
            share = tokens / n_ctx if self._n_ctx else 0.0
            cells = [QTableWidgetItem(label), QTableWidgetItem(tokens_text),
                     QTableWidgetItem(f"{share:.1%}" if self._n_ctx else "–")]
            cells[2].setData(_SHARE_ROLE, share)
            cells[2].setData(_FREE_ROLE, free)
            for column, cell in enumerate(cells):
                if column:
                    cell.setTextAlignment(_RIGHT)
                if row == len(rows) - 1:
                    cell.setFont(bold)
                table.setItem(row, column, cell)

    @Slot(bool)
    def _show_whitespace(self, show: bool) -> None:
        document = self.prompt_view.document()
        option = document.defaultTextOption()
        marks = QTextOption.Flag.ShowTabsAndSpaces | QTextOption.Flag.ShowLineAndParagraphSeparators
        option.setFlags(option.flags() | marks if show else option.flags() & ~marks)
        document.setDefaultTextOption(option)

    @Slot()
    def _reset_copy_text(self) -> None:
        self.copy_button.setText(self.tr("Copy prompt"))
