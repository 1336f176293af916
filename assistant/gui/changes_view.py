"""Tracked changes: the result as edits to the user's text, taken or left one by one.

The comparison itself is :mod:`assistant.changes` (plain Python); this view
only draws it and keeps which changes the user rejected. Deletions are struck
through in red, insertions green, unchanged text plain. Each change is a link:
a click, or Tab to it and Enter, toggles it (QTextBrowser moves the keyboard
focus through links), and hovering says what it does. What Copy and Replace
take is :meth:`ChangesView.text`: the original with the accepted changes.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QUrl, Signal, Slot
from PySide6.QtGui import QCursor, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from assistant.changes import Change, Piece, Same, apply, changes

_SCHEME = "change"
_DELETED = "color:#b3261e; background-color:#fde7e9; text-decoration:line-through;"
_INSERTED = "color:#1e6b34; background-color:#e3f3e6; text-decoration:none;"
_LEFT_OUT = "color:#9aa0a6; text-decoration:line-through;"
"""A rejected change's new text: shown faintly, so the user can take it back."""


def _marked(text: str, breaks: bool) -> str:
    """``text`` as HTML; a change of only spaces or line breaks gets visible marks."""
    if text and not text.strip():
        marks = html.escape(text.replace(" ", "␣").replace("\t", "→").replace("\n", "¶"))
        return marks + ("<br>" * text.count("\n") if breaks else "")
    return html.escape(text).replace("\n", "<br>")


def changes_html(pieces: Sequence[Piece], rejected: Iterable[int], plain: str) -> str:
    """The document of ``pieces``; ``plain`` is the colour of unchanged text."""
    left = set(rejected)
    out: list[str] = []
    for piece in pieces:
        if isinstance(piece, Same):
            out.append(_marked(piece.text, True) if piece.text.strip() else
                       html.escape(piece.text).replace("\n", "<br>"))
            continue
        inner = []
        if piece.number in left:
            if piece.old:
                inner.append(f'<span style="color:{plain}; text-decoration:none;">'
                             f'{_marked(piece.old, True)}</span>')
            if piece.new:
                inner.append(f'<span style="{_LEFT_OUT}">{_marked(piece.new, False)}</span>')
        else:
            if piece.old:
                inner.append(f'<span style="{_DELETED}">{_marked(piece.old, False)}</span>')
            if piece.new:
                inner.append(f'<span style="{_INSERTED}">{_marked(piece.new, True)}</span>')
        out.append(f'<a href="{_SCHEME}:{piece.number}" style="text-decoration:none;">'
                   f'{"".join(inner)}</a>')
    return f'<div style="white-space:pre-wrap; line-height:140%;">{"".join(out)}</div>'


class ChangesView(QWidget):
    """The result as tracked changes, with Accept all / Reject all and a count.

    Signals:
        changed(): a change was accepted or rejected (the text to copy changed).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changesView")
        self._pieces: list[Piece] = []
        self._rejected: set[int] = set()
        self.browser = QTextBrowser()
        self.browser.setObjectName("changesText")
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(12)
        self.browser.anchorClicked.connect(self._on_anchor)
        self.browser.highlighted.connect(self._on_hover)
        self.count = QLabel()
        self.count.setObjectName("changesCount")
        self.accept_all_button = QPushButton()
        self.reject_all_button = QPushButton()
        self.accept_all_button.clicked.connect(lambda: self.set_all(accepted=True))
        self.reject_all_button.clicked.connect(lambda: self.set_all(accepted=False))
        self.header = QWidget()
        """The count and Accept all / Reject all; a panel may move it into its own bar."""
        row = QHBoxLayout(self.header)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.count, 1)
        row.addWidget(self.accept_all_button)
        row.addWidget(self.reject_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.browser, 1)
        self.retranslate_ui()

    # -- public API ----------------------------------------------------------

    def set_pieces(self, pieces: Iterable[Piece], rejected: Iterable[int] = ()) -> None:
        """Show a new comparison with every change accepted but the ``rejected`` numbers."""
        self._pieces = list(pieces)
        self._rejected = set(rejected) & {change.number for change in self.changes}
        self._render()

    @property
    def changes(self) -> list[Change]:
        """The changes shown, in order."""
        return changes(self._pieces)

    @property
    def rejected(self) -> frozenset[int]:
        """The numbers of the changes the user rejected."""
        return frozenset(self._rejected)

    def text(self) -> str:
        """The original text with the accepted changes: what goes back into the document."""
        return apply(self._pieces, self._rejected)

    def toggle(self, number: int) -> None:
        """Reject change ``number`` if it is accepted, accept it if rejected."""
        if number not in {change.number for change in self.changes}:
            return
        self._rejected ^= {number}
        self._render(focus=number)
        self.changed.emit()

    def set_all(self, accepted: bool) -> None:
        """Accept (or reject) every change."""
        self._rejected = set() if accepted else {change.number for change in self.changes}
        self._render()
        self.changed.emit()

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.accept_all_button.setText(self.tr("Accept all"))
        self.reject_all_button.setText(self.tr("Reject all"))
        self.browser.setAccessibleName(self.tr("Tracked changes"))
        hint = self.tr("Click a change, or Tab to it and press Enter, to accept or reject it.")
        self.browser.setAccessibleDescription(hint)
        self.count.setToolTip(hint)
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- internals -----------------------------------------------------------

    def _show_count(self) -> None:
        total = len(self.changes)
        if total == 0:
            self.count.setText(self.tr("No changes: the result is the same as your text."))
        else:
            self.count.setText(self.tr("{accepted} of {total} changes accepted")
                               .format(accepted=total - len(self._rejected), total=total))
        for button in (self.accept_all_button, self.reject_all_button):
            button.setEnabled(total > 0)

    def _render(self, focus: int | None = None) -> None:
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        plain = self.palette().text().color().name()
        self.browser.setHtml(changes_html(self._pieces, self._rejected, plain))
        bar.setValue(position)
        if focus is not None and self.browser.hasFocus():
            self._focus_change(focus)
        self._show_count()

    def _focus_change(self, number: int) -> None:
        """Select change ``number`` again, so the keyboard user goes on from it."""
        href, block = f"{_SCHEME}:{number}", self.browser.document().begin()
        start = end = -1
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.charFormat().anchorHref() == href:
                    start = fragment.position() if start < 0 else start
                    end = fragment.position() + fragment.length()
                fragments += 1
            block = block.next()
        if start >= 0:
            cursor = QTextCursor(self.browser.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            self.browser.setTextCursor(cursor)

    def _number(self, url: QUrl) -> int | None:
        if url.scheme() != _SCHEME:
            return None
        try:
            return int(url.path())
        except ValueError:
            return None

    @Slot(QUrl)
    def _on_anchor(self, url: QUrl) -> None:
        number = self._number(url)
        if number is not None:
            self.toggle(number)

    @Slot(QUrl)
    def _on_hover(self, url: QUrl) -> None:
        number = self._number(url)
        change = next((c for c in self.changes if c.number == number), None)
        if change is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), self.describe(change), self.browser)

    def describe(self, change: Change) -> str:
        """What ``change`` does and what a click does to it, for its tooltip."""
        if not change.old:
            what = self.tr("Insert “{new}”").format(new=change.new)
        elif not change.new:
            what = self.tr("Delete “{old}”").format(old=change.old)
        else:
            what = self.tr("“{old}” → “{new}”").format(old=change.old, new=change.new)
        if change.number in self._rejected:
            return self.tr("{change}: rejected. Click to accept it.").format(change=what)
        return self.tr("{change}: accepted. Click to reject it.").format(change=what)
