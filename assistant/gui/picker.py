"""The template picker: a search box, a language filter and a grouped list.

It is the first thing a user touches, so it is built for the keyboard: type to
filter, Down to reach the list, Enter to start. Favourites and recent
templates come from :class:`UiState`; broken files stay listed with their
error instead of vanishing, first of all under "Needs fixing", so a user who
breaks their own template sees it at once and why.

Rows do not move under the pointer on their own: a run adds its template to
Recent only when the list is next filtered or shown, and a rebuild keeps the
current row where it was on screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, Signal, Slot
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QStyle,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant import fuzzy
from assistant.gui import core_text
from assistant.gui.picker_details import PickerDetails
from assistant.gui.picker_view import (
    BROKEN,
    EMPTY,
    GROUP,
    ID_ROLE,
    KEY_ROLE,
    KIND_ROLE,
    TEMPLATE,
    GroupedTree,
    pickable,
)
from assistant.state import UiState
from assistant.templating.library import Library
from assistant.templating.model import Source, Template

__all__ = ["ID_ROLE", "TemplatePicker"]


class TemplatePicker(QWidget):
    """Find a template by typing, by language, or among favourites and recent ones.

    A template has a row in its category and may have more in Favourites and
    Recent; moving between rows of one template does not emit again, so the
    window does not reload a half-filled form.

    Signals:
        template_selected(str): the user made another template current (click or keys).
        template_activated(str): double-click or Enter on a template; focus the form.
        customize_requested(str): "Customize…" on a built-in; copy it to the user folder.
        open_file_requested(str): "Open the file" under a broken user file; its path.
    """

    template_selected = Signal(str)
    template_activated = Signal(str)
    customize_requested = Signal(str)
    open_file_requested = Signal(str)

    def __init__(self, library: Library, state: UiState, parent: QWidget | None = None,
                 language: str = "") -> None:
        super().__init__(parent)
        self._library, self._state = library, state
        self._preferred = language  # language ("zh", "en") whose categories are listed first
        self._current: tuple[str, str, str] | None = None  # group key, kind, key of the row
        self._announced: str | None = None  # the template the window last heard of
        self._quiet = False  # True while the code, not the user, moves the cursor
        self._recent = state.recent  # as listed; catches up in _catch_up()
        self._search = QLineEdit(self, clearButtonEnabled=True)
        self._language = QComboBox(self)
        for code in ("", "zh", "en"):
            self._language.addItem("", code)
        self._tree = GroupedTree(self)
        self._details = PickerDetails(self)
        self._favourite_action = QAction(self)
        self._customize_action = QAction(self)
        for widget, name in ((self._search, "search"), (self._language, "language"),
                             (self._tree, "templates")):
            widget.setObjectName(name)  # for style sheets and tests

        filters = QHBoxLayout()
        filters.addWidget(self._search, 1)
        filters.addWidget(self._language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self._tree, 1)
        layout.addWidget(self._details)

        self._search.textChanged.connect(self._on_filter_changed)
        self._language.currentIndexChanged.connect(self._on_filter_changed)
        self._details.open_requested.connect(self.open_file_requested)
        self._tree.currentItemChanged.connect(self._on_current_changed)
        self._tree.itemActivated.connect(self._on_activated)
        self._tree.customContextMenuRequested.connect(self._on_context_menu)
        self._favourite_action.triggered.connect(self._toggle_favourite)
        self._customize_action.triggered.connect(self._customize)
        self._search.installEventFilter(self)
        self._tree.installEventFilter(self)
        self.retranslate_ui()

    # -- public API ------------------------------------------------------------

    def set_preferred_language(self, language: str) -> None:
        """List the categories of templates in ``language`` ("zh", "en") first."""
        if language != self._preferred:
            self._preferred = language
            self._rebuild()

    def set_library(self, library: Library) -> None:
        """Show a reloaded library, keeping the current template and the search text."""
        self._library = library
        self._rebuild()

    def refresh(self) -> None:
        """Re-read favourites from the state; recent templates join later.

        A run moves its template to the top of Recent, which would push every
        row down just as the user reaches for the next one. The list takes
        the new recent ones when it is next filtered or shown (see
        :meth:`_catch_up`), when the rows change anyway.
        """
        self._rebuild()

    def select(self, template_id: str) -> bool:
        """Make ``template_id`` current; False if there is no such usable template.

        The caller chose it, so ``template_selected`` is not emitted.
        """
        row = self._find(TEMPLATE, template_id)
        if row is not None:
            self._announced = template_id
            self._make_current(row)
        return row is not None

    def current_id(self) -> str | None:
        """The current template's id; None when nothing or a broken file is current."""
        return self._current[2] if self._current and self._current[1] == TEMPLATE else None

    def focus_search(self) -> None:
        """Put the keyboard in the search box, its text selected (for a Ctrl+F shortcut)."""
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def context_menu(self, template_id: str) -> QMenu:
        """The context menu of a template row; public so a test can trigger its actions."""
        menu = QMenu(self)
        self._favourite_action.setData(template_id)
        self._favourite_action.setText(
            self.tr("Remove from favourites") if self._state.is_favourite(template_id)
            else self.tr("Add to favourites"))
        menu.addAction(self._favourite_action)
        template = self._library.templates.get(template_id)
        if template is not None and template.source is Source.BUILTIN:
            self._customize_action.setData(template_id)
            menu.addAction(self._customize_action)
        return menu

    def retranslate_ui(self) -> None:
        """Set every text in the current UI language."""
        self._search.setPlaceholderText(self.tr("Search templates…"))
        self._search.setAccessibleName(self.tr("Search templates"))
        self._language.setAccessibleName(self.tr("Language"))
        self._language.setItemText(0, self.tr("All languages"))
        self._language.setItemText(1, self.tr("Chinese"))
        self._language.setItemText(2, self.tr("English"))
        self._tree.setAccessibleName(self.tr("Templates"))
        self._customize_action.setText(self.tr("Customize…"))
        self._details.retranslate_ui()
        self._rebuild()  # group titles, hints and the description

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        # Shown again (from the tray, say): the user has not aimed at a row yet.
        if self._catch_up():
            self._rebuild()
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keys that join the search box and the list into one keyboard flow."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key, text = event.key(), event.text()
        if watched is self._search and key == Qt.Key.Key_Down:
            self._tree.setFocus(Qt.FocusReason.OtherFocusReason)
            rows = self._visible_rows(TEMPLATE, BROKEN)
            if rows and not any(row is self._tree.currentItem() for row in rows):
                self._tree.setCurrentItem(rows[0])  # a user move: emits template_selected
            return True
        if watched is self._search and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            rows = self._visible_rows(TEMPLATE)
            if rows:
                self._tree.setCurrentItem(rows[0])
                self._on_activated(rows[0], 0)
            return True
        if watched is self._tree:
            first = self._visible_rows(TEMPLATE, BROKEN)[:1]
            if key == Qt.Key.Key_Up and first and self._tree.currentItem() is first[0]:
                self._search.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            extra = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                          | Qt.KeyboardModifier.KeypadModifier)
            if not extra and text.isprintable() and text.strip():
                # Typing in the list goes on searching rather than jumping by first letter.
                self._search.setFocus(Qt.FocusReason.OtherFocusReason)
                self._search.insert(text)
                return True
        return super().eventFilter(watched, event)

    # -- rows --------------------------------------------------------------------

    def _rebuild(self) -> None:
        """Recreate all rows from the library and the state, keeping the current row.

        The current row also keeps its place on screen where the list can
        scroll that far: rows added above it (a favourite, a file that broke)
        do not push it from under the pointer.
        """
        previous, self._current, self._quiet = self._current, None, True
        before = self._tree.currentItem()
        rect = self._tree.visualItemRect(before) if before is not None else QRect()
        top = rect.top() if self._tree.viewport().rect().intersects(rect) else None
        found: QTreeWidgetItem | None = None
        try:
            self._tree.clear()
            templates = self._library.templates
            if self._library.errors:
                # First, not last: a broken file at the bottom of a long list goes unseen.
                group = self._add_group("broken", self.tr("Needs fixing"), [])
                group.setIcon(0, self._warning_icon())
                for error in self._library.errors:
                    row = self._add_row(group, BROKEN, error.path, error.template_id,
                                        [Path(error.path).name], core_text.shown(error.message))
                    row.setIcon(0, self._warning_icon())
            self._add_group("favourites", self.tr("Favourites"),
                            [templates[i] for i in self._state.favourites if i in templates])
            self._add_group("recent", self.tr("Recent"),
                            [templates[i] for i in self._recent if i in templates])
            categories: dict[str, list[Template]] = {}
            for template in templates.values():
                categories.setdefault(template.category, []).append(template)

            def order(name: str) -> tuple[bool, bool, str]:
                # Categories in the UI language first: a Chinese user sees 报告
                # before Reports.
                native = any(t.language == self._preferred for t in categories[name])
                return (not native, name == "", name.casefold())

            for name in sorted(categories, key=order):
                members = sorted(categories[name], key=lambda t: (t.title.casefold(), t.id))
                self._add_group(f"category:{name}", name or self.tr("Other"), members)
            empty = QTreeWidgetItem(self._tree, [self.tr("No template matches")])
            empty.setData(0, KIND_ROLE, EMPTY)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            empty.setFirstColumnSpanned(True)
            self._tree.expandAll()
            if previous is not None:
                group_key, kind, key = previous
                found = self._find(kind, key, group_key)
                if found is None and kind == TEMPLATE:  # it broke: show why
                    found = next((r for r in self._rows() if r.data(0, KIND_ROLE) == BROKEN
                                  and r.data(0, ID_ROLE) == key), None)
                if found is not None:
                    self._make_current(found)
        finally:
            self._quiet = False
        if self.current_id() is None:
            self._announced = None
        self._apply_filter()
        if found is not None and top is not None:
            bar = self._tree.verticalScrollBar()
            bar.setValue(bar.value() + self._tree.visualItemRect(found).top() - top)
        self._show_description()

    def _add_group(self, key: str, title: str, templates: list[Template]) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self._tree, [title])
        group.setData(0, KIND_ROLE, GROUP)
        group.setData(0, KEY_ROLE, key)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setFirstColumnSpanned(True)
        group.setTextAlignment(0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        for template in templates:
            hint = template.language
            if template.source is Source.USER:
                hint = (self.tr("{language} · user").format(language=template.language)
                        if template.language else self.tr("user"))
            self._add_row(group, TEMPLATE, template.id, template.id,
                          [template.title or template.id, hint],
                          template.description or template.title)
        return group

    @staticmethod
    def _add_row(group: QTreeWidgetItem, kind: str, key: str, template_id: str,
                 texts: list[str], tooltip: str) -> QTreeWidgetItem:
        row = QTreeWidgetItem(group, texts)
        for role, value in ((KIND_ROLE, kind), (KEY_ROLE, key), (ID_ROLE, template_id)):
            row.setData(0, role, value)
        for column in (0, 1):
            row.setToolTip(column, tooltip)
        return row

    def _groups(self) -> list[QTreeWidgetItem]:
        """Top-level rows: the groups and, last, the "no match" line."""
        count = self._tree.topLevelItemCount()
        return [top for i in range(count) if (top := self._tree.topLevelItem(i)) is not None]

    def _rows(self, group: QTreeWidgetItem | None = None) -> list[QTreeWidgetItem]:
        """Template and broken rows of ``group`` or of all groups, hidden ones too."""
        groups = self._groups() if group is None else [group]
        return [row for top in groups for i in range(top.childCount())
                if (row := top.child(i)) is not None]

    def _visible_rows(self, *kinds: str) -> list[QTreeWidgetItem]:
        return [row for top in self._groups() if not top.isHidden() for row in self._rows(top)
                if row.data(0, KIND_ROLE) in kinds and not row.isHidden()]

    @staticmethod
    def _group_of(row: QTreeWidgetItem) -> str:
        parent = row.parent()
        return "" if parent is None else str(parent.data(0, KEY_ROLE))

    def _find(self, kind: str, key: str, group: str = "") -> QTreeWidgetItem | None:
        """The row for ``key``: in ``group`` if there, else its category row, else any."""
        rows = [row for row in self._rows()
                if row.data(0, KIND_ROLE) == kind and row.data(0, KEY_ROLE) == key]
        return min(rows, default=None, key=lambda row: (
            self._group_of(row) != group, not self._group_of(row).startswith("category:")))

    def _make_current(self, row: QTreeWidgetItem) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            self._tree.setCurrentItem(row)
            self._tree.scrollToItem(row)
        finally:
            self._quiet = quiet
        self._remember(row)

    def _remember(self, row: QTreeWidgetItem) -> None:
        self._current = (self._group_of(row), str(row.data(0, KIND_ROLE)),
                         str(row.data(0, KEY_ROLE)))
        self._show_description()

    # -- reacting ------------------------------------------------------------------

    def _catch_up(self) -> bool:
        """List the state's recent templates now; True if that changed the list."""
        changed, self._recent = self._recent != self._state.recent, self._state.recent
        return changed

    @Slot()
    def _on_filter_changed(self) -> None:
        # The rows change under the user's own hand here: a good moment for Recent.
        if self._catch_up():
            self._rebuild()
        else:
            self._apply_filter()

    @Slot()
    def _apply_filter(self) -> None:
        """Hide rows that do not match the search text and the language."""
        needle = self._search.text().strip().casefold()
        language = str(self._language.currentData() or "")
        anything = False
        for top in self._groups():
            if top.data(0, KIND_ROLE) == EMPTY:
                top.setHidden(anything)
                continue
            for row in self._rows(top):
                row.setHidden(not self._matches(row, needle, language))
            shown = any(not row.isHidden() for row in self._rows(top))
            top.setHidden(not shown)
            anything = anything or shown

    def _matches(self, row: QTreeWidgetItem, needle: str, language: str) -> bool:
        template = self._library.templates.get(str(row.data(0, ID_ROLE)))
        if row.data(0, KIND_ROLE) == BROKEN or template is None:
            # A broken file has no language; it stays listed until fixed.
            return needle in f"{row.text(0)} {row.data(0, ID_ROLE)}".casefold()
        if language and template.language.split("-")[0].lower() != language:
            return False
        # The quick prompt's rule, plus plain words of the description.
        return fuzzy.score(needle, template) is not None \
            or needle in template.description.casefold()

    def _show_description(self) -> None:
        _, kind, key = self._current or ("", "", "")
        template = self._library.templates.get(key) if kind == TEMPLATE else None
        error = next((e for e in self._library.errors if e.path == key and kind == BROKEN),
                     None)
        if error is not None:
            self._details.show_error(error)
        elif template is not None:
            self._details.show_text(template.description
                                    or self.tr("This template has no description."))
        else:
            self._details.show_text(self.tr("Pick a template to see what it does."), False)

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_current_changed(self, row: QTreeWidgetItem | None,
                            _previous: QTreeWidgetItem | None) -> None:
        if self._quiet or row is None or not pickable(self._tree.indexFromItem(row)):
            return
        self._remember(row)
        template_id = self.current_id()
        if template_id is not None and template_id != self._announced:
            self._announced = template_id
            self.template_selected.emit(template_id)

    @Slot(QTreeWidgetItem, int)
    def _on_activated(self, row: QTreeWidgetItem, _column: int) -> None:
        if row.data(0, KIND_ROLE) == TEMPLATE:
            self.template_activated.emit(str(row.data(0, KEY_ROLE)))

    @Slot(QPoint)
    def _on_context_menu(self, position: QPoint) -> None:
        row = self._tree.itemAt(position)
        if row is not None and row.data(0, KIND_ROLE) == TEMPLATE:
            menu = self.context_menu(str(row.data(0, KEY_ROLE)))
            menu.exec(self._tree.viewport().mapToGlobal(position))
            menu.deleteLater()

    @Slot()
    def _toggle_favourite(self) -> None:
        template_id = str(self._favourite_action.data())
        self._state.set_favourite(template_id, not self._state.is_favourite(template_id))
        self.refresh()

    @Slot()
    def _customize(self) -> None:
        self.customize_requested.emit(str(self._customize_action.data()))

    def _warning_icon(self) -> QIcon:
        return self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
