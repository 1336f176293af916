"""The user template folder as the window sees it: watch, reload, create, customise.

Edits made in any editor are picked up live: ``QFileSystemWatcher`` reports
the change and the library is read again after a short pause (editors often
write a file in several steps).

Opening a file or the folder can fail where the desktop has no program for
it; then :mod:`assistant.gui.file_notice` tells the user where the file is,
and the window's status line says it either way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from assistant.errors import AssistantError
from assistant.gui.core_text import shown
from assistant.gui.file_notice import Opener, open_or_explain, open_with_desktop
from assistant.templating.userfiles import customize, new_template
from assistant.wiring import Core

RELOAD_DELAY_MS = 300


class TemplateFolder(QObject):
    """Watches the user template folder and creates files in it.

    Signals:
        reloaded(): the core's library was read again.
        created(str, str): the path of a template file just created or
            customised, and a status line saying where it is and whether it
            was opened in the user's editor.
    """

    reloaded = Signal()
    created = Signal(str, str)

    def __init__(self, core: Core, parent: QObject | None = None,
                 opener: Opener = open_with_desktop) -> None:
        super().__init__(parent)
        self.core = core
        self.opener = opener
        """How files and the folder are opened; a test puts a fake here."""
        self.folder = core.paths.templates_dir
        self.folder.mkdir(parents=True, exist_ok=True)
        self.watcher = QFileSystemWatcher([str(self.folder)], self)
        self._timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.watcher.directoryChanged.connect(self._changed)
        self.watcher.fileChanged.connect(self._changed)
        self._watch_files()

    @Slot(str)
    def _changed(self, _path: str) -> None:
        self._timer.start()

    def _watch_files(self) -> None:
        files = {str(p) for p in self.folder.glob("*") if p.is_file()}
        fresh = sorted(files - set(self.watcher.files()))
        if fresh:
            self.watcher.addPaths(fresh)

    @Slot()
    def reload(self) -> None:
        """Read the template folders again."""
        self.core.reload_templates()
        self._watch_files()
        self.reloaded.emit()

    @Slot()
    def open_folder(self) -> None:
        """Show the folder in the system file manager, or say where it is."""
        self.folder.mkdir(parents=True, exist_ok=True)
        open_or_explain(self._window(), self.folder, self.opener, self.tr("Template folder"))

    @Slot(str)
    def open_file(self, path: str) -> None:
        """Open a template file (a broken one, to fix it) in the user's editor."""
        open_or_explain(self._window(), Path(path), self.opener, self.tr("Open template"))

    def _window(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def new_template(self, parent: QWidget, language: str) -> None:
        """Ask for a name, write a starter template and open it."""
        title, ok = QInputDialog.getText(parent, self.tr("New template"),
                                         self.tr("Name of the new template:"))
        if ok:
            self._create(parent, self.tr("New template"),
                         lambda: new_template(self.folder, title, language))

    def customize(self, parent: QWidget, template_id: str) -> None:
        """Copy a built-in into the folder (if not there yet) and open it."""
        self._create(parent, self.tr("Customize"), lambda: customize(template_id, self.folder))

    def _create(self, parent: QWidget, title: str, make: Callable[[], Path]) -> None:
        try:
            path = make()
        except AssistantError as exc:
            QMessageBox.warning(parent, title, shown(exc))
            return
        self.reload()
        if open_or_explain(parent, path, self.opener, title):
            status = self.tr("Opened {file} in your editor; changes are picked up when you save.")
        else:
            status = self.tr("Saved {file}; no editor could be opened, open it in any text "
                             "editor.")
        self.created.emit(str(path), status.format(file=path))
