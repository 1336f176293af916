"""The user template folder as the window sees it: watch, reload, create, customise.

Edits made in any editor are picked up live: ``QFileSystemWatcher`` reports
the change and the library is read again after a short pause (editors often
write a file in several steps). The folder is read on a thread of its own:
a changed file is checked in a child process first (see
:mod:`assistant.templating.vetting`), which takes a tenth of a second, and up
to a few seconds for a file that tries to hang; the window must not wait.

Opening a file or the folder can fail where the desktop has no program for
it; then :mod:`assistant.gui.file_notice` tells the user where the file is,
and the window's status line says it either way.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from assistant.errors import AssistantError
from assistant.gui.core_text import shown
from assistant.gui.file_notice import Opener, open_or_explain, open_with_desktop
from assistant.templating.library import Library
from assistant.templating.userfiles import customize, new_template
from assistant.wiring import Core

log = logging.getLogger(__name__)

RELOAD_DELAY_MS = 300


class TemplateFolder(QObject):
    """Watches the user template folder and creates files in it.

    Signals:
        reloaded(): the core's library was read again.
        failed(str): reading it failed for a reason no template explains
            (the library records a file's or the folder's problems itself).
        created(str, str): the path of a template file just created or
            customised, and a status line saying where it is and whether it
            was opened in the user's editor.
    """

    reloaded = Signal()
    failed = Signal(str)
    created = Signal(str, str)
    _loaded = Signal(object)  # from the reading thread: a Library, or the exception

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
        self._loaded.connect(self._on_loaded)
        self._reading = False
        self._again = False
        self._then: list[Callable[[], None]] = []
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
    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Read the template folders again, off this thread; ``reloaded`` says when.

        A request while a read is going on reads once more after it, so the
        last change is never missed; ``then`` runs after the read that
        includes this request.
        """
        if then is not None:
            self._then.append(then)
        if self._reading:
            self._again = True
            return
        self._reading, self._again = True, False
        threading.Thread(target=self._read, name="template-folder", daemon=True).start()

    @property
    def reading(self) -> bool:
        """True while the folder is being read."""
        return self._reading

    def _read(self) -> None:
        try:
            library: Library | BaseException = self.core.read_templates()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, not lost
            library = exc
        self._loaded.emit(library)

    @Slot(object)
    def _on_loaded(self, library: Library | BaseException) -> None:
        self._reading = False
        if self._again:
            # A change came in while reading: this result may predate it, so it
            # is neither used nor announced (a test waiting for ``reloaded``
            # after writing a file must see that file).
            self.reload()
            return
        if isinstance(library, BaseException):
            log.error("reading the template folder failed", exc_info=library)
            self.failed.emit(str(library))
            return
        self.core.library = library
        self._watch_files()
        self.reloaded.emit()
        if not self._reading:
            then, self._then = self._then, []
            for action in then:
                action()

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

        def announce() -> None:
            if open_or_explain(parent, path, self.opener, title):
                status = self.tr("Opened {file} in your editor; changes are picked up when "
                                 "you save.")
            else:
                status = self.tr("Saved {file}; no editor could be opened, open it in any "
                                 "text editor.")
            self.created.emit(str(path), status.format(file=path))

        self.reload(then=announce)
