"""The picker's list widget: a grouped two-column tree whose headers cannot be picked.

Kept apart from :mod:`assistant.gui.picker`, which decides what the rows are;
this module only knows how rows of each kind look and how keys and clicks
pass over group headers.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QWidget,
)

ID_ROLE = int(Qt.ItemDataRole.UserRole)
"""Item data role holding the template id of a template or broken-file row."""
KIND_ROLE = ID_ROLE + 1  # GROUP, TEMPLATE, BROKEN or EMPTY
KEY_ROLE = ID_ROLE + 2  # the group key, the template id, or a broken file's path
GROUP, TEMPLATE, BROKEN, EMPTY = "group", "template", "broken", "empty"
_MOVES = QAbstractItemView.CursorAction
_FORWARD = {_MOVES.MoveDown, _MOVES.MoveNext, _MOVES.MovePageDown, _MOVES.MoveHome}
_BACKWARD = {_MOVES.MoveUp, _MOVES.MovePrevious, _MOVES.MovePageUp, _MOVES.MoveEnd}


def pickable(index: QModelIndex | QPersistentModelIndex) -> bool:
    """True for a template or broken-file row, False for headers and the "no match" line."""
    return index.data(KIND_ROLE) in (TEMPLATE, BROKEN)


class GroupedTree(QTreeWidget):
    """A two-column tree (title, hint) whose group headers keys and clicks skip.

    Headers stay enabled (a disabled parent would disable its rows), so the
    cursor movement and mouse presses are what pass them by.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, columnCount=2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setExpandsOnDoubleClick(False)
        self.setIndentation(12)
        self.setAllColumnsShowFocus(True)
        # By pixel, so the picker can put a row back exactly where it was on screen.
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(_Delegate(self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def moveCursor(self, cursorAction: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        index = super().moveCursor(cursorAction, modifiers)
        if not index.isValid() or pickable(index):
            return index
        steps = ((self.indexBelow, self.indexAbove) if cursorAction in _FORWARD
                 else (self.indexAbove, self.indexBelow) if cursorAction in _BACKWARD else ())
        for step in steps:
            candidate = step(index)
            while candidate.isValid() and not pickable(candidate):
                candidate = step(candidate)
            if candidate.isValid():
                return candidate
        return self.currentIndex()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if pickable(self.indexAt(event.position().toPoint())):
            super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if pickable(self.indexAt(event.position().toPoint())):
            super().mouseDoubleClickEvent(event)


class _Delegate(QStyledItemDelegate):
    """Air above group headers, and the hint column (language, "user") greyed."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        above = 8 if index.data(KIND_ROLE) == GROUP and index.row() > 0 else 0
        return QSize(size.width(), size.height() + 4 + above)

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() == 1:
            palette = QPalette(option.palette)
            palette.setColor(QPalette.ColorRole.Text,
                             palette.color(QPalette.ColorRole.PlaceholderText))
            option.palette = palette
