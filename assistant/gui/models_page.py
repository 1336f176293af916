"""The models page: what is on this computer, and getting a capable model onto it.

Top: every model found (the embedded demo, the models folder, a file chosen
elsewhere, the configured server) with what its header says; the active one
is marked. Add a ``.gguf`` by dialog or by dropping it here (copied into the
models folder, or used where it is), remove one, make one active.

Bottom: the recommended models and their downloads
(:mod:`assistant.gui.catalog_section`); a model downloaded there becomes
active.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.catalog import Catalog, Source
from assistant.errors import InputError
from assistant.gguf import GGUFError, read_gguf
from assistant.gui.background import BackgroundJob
from assistant.gui.catalog_section import CatalogSection, size_text
from assistant.gui.core_text import shown
from assistant.modelfiles import ModelFile, Origin, discover
from assistant.wiring import Core

_PATH_ROLE = Qt.ItemDataRole.UserRole
class ModelsPage(QDialog):
    """Lists, adds, removes, downloads and activates models.

    Signals:
        active_changed(): the active model changed (it is saved; the caller reloads).
        added(object): list of paths now in the models folder, after a copy finished.
    """

    active_changed = Signal()
    added = Signal(object)

    def __init__(self, core: Core, catalog: Catalog, machine: tuple[int, int], language: str,
                 environ: dict[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelsPage")
        self.core = core
        self.environ = dict(os.environ if environ is None else environ)
        self.copier = BackgroundJob(self)
        self._activate_copies = False
        self.resize(900, 640)
        self.setAcceptDrops(True)

        self.installed = QTreeWidget()
        self.installed.setObjectName("installedModels")
        self.installed.setRootIsDecorated(False)
        self.installed.setColumnCount(7)
        self.installed.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.installed.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.installed.setMinimumHeight(110)
        self.add_button, self.use_button = QPushButton(), QPushButton()
        self.remove_button, self.folder_button = QPushButton(), QPushButton()
        self.installed_box = QGroupBox()
        installed_buttons = QHBoxLayout()
        for button in (self.add_button, self.use_button, self.remove_button):
            installed_buttons.addWidget(button)
        installed_buttons.addStretch(1)
        installed_buttons.addWidget(self.folder_button)
        self.drop_hint = QLabel()
        self.drop_hint.setStyleSheet("color: #5f6368;")
        column = QVBoxLayout(self.installed_box)
        column.addWidget(self.installed)
        column.addWidget(self.drop_hint)
        column.addLayout(installed_buttons)

        self.catalog_box = CatalogSection(core, catalog, machine, language, self.environ)
        self.catalog_box.downloaded.connect(self._on_downloaded)
        # The section's parts, for callers and tests that speak to the page.
        section = self.catalog_box
        self.recommended, self.download_button = section.recommended, section.download_button
        self.cancel_button, self.progress = section.cancel_button, section.progress
        self.progress_label, self.source_box = section.progress_label, section.source_box
        self.expect_label, self.job = section.expect_label, section.job

        self.close_button = QPushButton()
        layout = QVBoxLayout(self)
        layout.addWidget(self.installed_box, 1)
        layout.addWidget(self.catalog_box, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

        self.add_button.clicked.connect(self.add_by_dialog)
        self.use_button.clicked.connect(self.use_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.folder_button.clicked.connect(self._open_folder)
        self.installed.itemSelectionChanged.connect(self._update_buttons)
        self.installed.itemDoubleClicked.connect(lambda *_: self.use_selected())
        self.close_button.clicked.connect(self.close)
        self.copier.finished.connect(self._on_copied)
        self.copier.failed.connect(self._on_copy_failed)
        self.retranslate_ui()
        self.refresh()

    # -- texts ------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Models"))
        self.installed_box.setTitle(self.tr("On this computer"))
        self.installed.setHeaderLabels([self.tr("Model"), self.tr("Where"), self.tr("Size"),
                                        self.tr("Architecture"), self.tr("Parameters"),
                                        self.tr("Quantization"), self.tr("Context")])
        self.drop_hint.setText(self.tr("Drop .gguf files here to add them."))
        self.add_button.setText(self.tr("Add GGUF file…"))
        self.use_button.setText(self.tr("Make active"))
        self.remove_button.setText(self.tr("Remove…"))
        self.folder_button.setText(self.tr("Open models folder"))
        self.close_button.setText(self.tr("Close"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- the list of installed models ----------------------------------------------

    def refresh(self) -> None:
        """Read the models folder and the settings again."""
        self._fill_installed()
        self.catalog_box.refresh()
        self._update_buttons()

    def _active_path(self) -> Path | None:
        return self.core.active_model_file()

    def _fill_installed(self) -> None:
        self.installed.clear()
        active = self._active_path()
        bold = QFont(self.installed.font())
        bold.setBold(True)
        where = {Origin.EMBEDDED: self.tr("built in (demo)"),
                 Origin.FOLDER: self.tr("models folder"), Origin.EXPLICIT: self.tr("chosen file")}
        for found in discover(self.core.paths.models_dir, self.core.settings.model):
            item = QTreeWidgetItem(self._installed_cells(found, where[found.origin]))
            item.setData(0, _PATH_ROLE, str(found.path))
            item.setToolTip(0, shown(found.error) if found.error else str(found.path))
            if found.error:
                item.setDisabled(True)
            if active is not None and found.path.resolve() == active:
                item.setText(0, "✓ " + item.text(0))
                for column in range(item.columnCount()):
                    item.setFont(column, bold)
            self.installed.addTopLevelItem(item)
        settings = self.core.settings
        if settings.server_url.strip():
            name = settings.server_model or self.tr("the server's only model")
            item = QTreeWidgetItem([f"{name} @ {settings.server_url}", self.tr("model server"),
                                    "", "", "", "", ""])
            item.setData(0, _PATH_ROLE, "server")
            if settings.model_source == "server":
                item.setText(0, "✓ " + item.text(0))
                for column in range(item.columnCount()):
                    item.setFont(column, bold)
            self.installed.addTopLevelItem(item)
        for column in range(1, self.installed.columnCount()):
            self.installed.resizeColumnToContents(column)

    def _installed_cells(self, found: ModelFile, where: str) -> list[str]:
        info = found.info
        if info is None:
            return [found.path.name, where, self.tr("cannot be used"), "", "", "", ""]
        template = "" if info.chat_template else self.tr(" · no chat template (ChatML used)")
        return [found.path.name + template, where, size_text(info.file_size),
                info.architecture or "?", info.size_label or "?", info.file_type or "?",
                str(info.context_length or "?")]

    def _selected_installed(self) -> str | None:
        items = self.installed.selectedItems()
        return str(items[0].data(0, _PATH_ROLE)) if items else None

    def _update_buttons(self) -> None:
        chosen = self._selected_installed()
        self.use_button.setEnabled(chosen is not None)
        self.remove_button.setEnabled(chosen is not None and not self._is_embedded(chosen))

    def _is_embedded(self, path: str | None) -> bool:
        return any(m.origin is Origin.EMBEDDED and str(m.path) == path
                   for m in discover(None))

    @Slot()
    def use_selected(self) -> None:
        """Make the selected model active."""
        chosen = self._selected_installed()
        if chosen is None:
            return
        if chosen == "server":
            self.core.use_model(server=True)
        else:
            self.core.use_model(None if self._is_embedded(chosen) else Path(chosen))
        self.refresh()
        self.active_changed.emit()

    @Slot()
    def remove_selected(self) -> None:
        """Remove the selected model: delete a file of the models folder (after asking)."""
        chosen = self._selected_installed()
        if chosen is None or self._is_embedded(chosen):
            return
        settings = self.core.settings
        if chosen == "server":
            self.core.save_settings(settings.replace(server_url="", server_model="",
                                                     model_source="local"))
            self.refresh()
            self.active_changed.emit()
            return
        path = Path(chosen)
        active = self._active_path() == path.resolve()
        inside = path.parent.resolve() == self.core.paths.models_dir.resolve()
        if inside:
            answer = QMessageBox.question(
                self, self.tr("Remove model"),
                self.tr("Delete {file} ({size}) from the models folder? This cannot be "
                        "undone.").format(file=path.name, size=size_text(path.stat().st_size)))
            if answer != QMessageBox.StandardButton.Yes:
                return
            try:
                path.unlink()
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Remove model"), self.tr(
                    "Could not delete {file}: {reason}").format(file=path, reason=exc.strerror))
                return
        if active or settings.model == chosen:
            self.core.use_model(None)  # back to the embedded model
            self.active_changed.emit()
        self.refresh()

    # -- adding files -------------------------------------------------------------

    @Slot()
    def add_by_dialog(self) -> None:
        """Choose .gguf files and add them."""
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add GGUF model"),
                                                str(Path.home()),
                                                self.tr("GGUF models (*.gguf)"))
        self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path], copy: bool | None = None,
                  activate: bool = False) -> list[Path]:
        """Add usable GGUF files; ``copy`` None asks (copy into the folder, or use in place).

        Returns the paths usable at once (already in the folder, or used in
        place); copies run off the GUI thread and end with :attr:`added`. A
        file that is no GGUF model is refused with its reason. ``activate``
        makes the (first) added model active.
        """
        added: list[Path] = []
        copies: list[tuple[Path, Path]] = []
        for path in paths:
            try:
                read_gguf(path)
            except GGUFError as exc:
                QMessageBox.warning(self, self.tr("Add GGUF model"), shown(exc))
                continue
            target = self.core.paths.models_dir / path.name
            if path.resolve().parent == self.core.paths.models_dir.resolve():
                added.append(path)
                continue
            keep_copy = copy if copy is not None else self._ask_copy(path)
            if keep_copy is None:
                continue
            if not keep_copy:
                self.core.use_model(path)
                self.active_changed.emit()
                added.append(path)
                continue
            if target.exists():
                QMessageBox.information(self, self.tr("Add GGUF model"), self.tr(
                    "{file} is already in the models folder.").format(file=path.name))
                added.append(target)
                continue
            copies.append((path, target))
        if activate and added and not copies:
            self.core.use_model(added[0])
            self.active_changed.emit()
        if copies:
            self._activate_copies = activate and not added
            self.progress_label.setText(self.tr("Copying {files} into the models folder…")
                                        .format(files=", ".join(p.name for p, _ in copies)))
            self.copier.start(lambda _cancel, _report: _copy_all(copies), "copy")
        self.refresh()
        return added

    @Slot(object)
    def _on_copied(self, targets: list[Path]) -> None:
        self.progress_label.setText(self.tr("Added {files}.").format(
            files=", ".join(t.name for t in targets)))
        if self._activate_copies and targets:
            self.core.use_model(targets[0])
            self.active_changed.emit()
        self.refresh()
        self.added.emit(targets)

    @Slot(str, bool)
    def _on_copy_failed(self, message: str, _resumable: bool) -> None:
        QMessageBox.warning(self, self.tr("Add GGUF model"), message)
        self.refresh()

    def _ask_copy(self, path: Path) -> bool | None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Add GGUF model"), self.tr(
            "Copy {file} ({size}) into the models folder, or use it where it is?").format(
            file=path.name, size=size_text(path.stat().st_size)), parent=self)
        copy = box.addButton(self.tr("Copy"), QMessageBox.ButtonRole.AcceptRole)
        in_place = box.addButton(self.tr("Use where it is"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return True if clicked is copy else False if clicked is in_place else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dragged .gguf files."""
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() and u.toLocalFile().lower().endswith(".gguf")
                        for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Add the dropped files (copied into the models folder)."""
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.add_files(paths, copy=True)

    @Slot()
    def _open_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.core.paths.models_dir)))

    def source(self) -> Source:
        """The download source picked."""
        return self.catalog_box.source()

    @Slot(object)
    def _on_downloaded(self, path: Path) -> None:
        self.core.use_model(path)
        self.refresh()
        self.active_changed.emit()

    def shutdown(self, timeout_s: float = 10.0) -> None:
        """Stop a running download (its partial file is kept for next time)."""
        self.catalog_box.shutdown(timeout_s)


def _copy_all(pairs: list[tuple[Path, Path]]) -> list[Path]:
    """Copy each file beside its target under a temporary name, then rename: never half a file."""
    done = []
    for source, target in pairs:
        partial = target.with_name(target.name + ".part")
        try:
            shutil.copyfile(source, partial)
            os.replace(partial, target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise InputError("Could not copy {source} into {folder}: {reason}.", source=source,
                             folder=target.parent, reason=exc.strerror or str(exc)) from None
        done.append(target)
    return done
