"""The models page's lower half: recommended models, and downloading one.

The catalogue's models with the one that fits this computer marked, each
with what to expect; a download from the source picked (ModelScope by
default for a Chinese UI) shows its speed and the time left, can be
cancelled and resumed (also after a restart), and is verified before it gets
its name. The download runs on a :class:`~assistant.gui.background.BackgroundJob`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant import modelstore
from assistant.catalog import Catalog, CatalogModel, Source, default_source
from assistant.errors import AssistantError, Cancelled
from assistant.gui.background import BackgroundJob
from assistant.gui.core_text import shown
from assistant.wiring import Core

_ID_ROLE = Qt.ItemDataRole.UserRole
_SOURCE_NAMES = {Source.HUGGINGFACE: "Hugging Face", Source.HF_MIRROR: "hf-mirror.com",
                 Source.MODELSCOPE: "ModelScope"}


def size_text(count: float) -> str:
    """Bytes as "1.2 GB" or "940 MB"."""
    return f"{count / 1024 ** 3:.1f} GB" if count >= 1024 ** 3 else f"{count / 1024 ** 2:.0f} MB"


class CatalogSection(QGroupBox):
    """The recommended models and their downloads.

    Signals:
        downloaded(object): the path of a model that was downloaded and verified.
    """

    downloaded = Signal(object)

    def __init__(self, core: Core, catalog: Catalog, machine: tuple[int, int], language: str,
                 environ: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.catalog = core, catalog
        self.ram, self.cores = machine
        self.language = language
        self.environ = environ
        self.job = BackgroundJob(self)
        self._busy = False
        """A download is going (set when started, cleared by its last signal)."""
        self._selected_complete = False
        """The selected catalogue model is downloaded already."""

        self.recommended = QTreeWidget()
        self.recommended.setObjectName("catalogModels")
        self.recommended.setRootIsDecorated(False)
        self.recommended.setColumnCount(6)
        self.recommended.header().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.recommended.setMinimumHeight(110)
        self.machine_label = QLabel()
        self.expect_label = QLabel()
        self.expect_label.setWordWrap(True)
        self.source_box = QComboBox()
        self.source_box.setObjectName("downloadSource")
        for source in Source:
            self.source_box.addItem(_SOURCE_NAMES[source], source.value)
        self.source_box.setCurrentIndex(self.source_box.findData(default_source(language).value))
        self.download_button, self.cancel_button = QPushButton(), QPushButton()
        self.download_button.setObjectName("downloadButton")
        self.url_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setObjectName("downloadProgress")
        self.progress_label = QLabel()
        self.progress_label.setObjectName("downloadStatus")
        self.progress_label.setWordWrap(True)
        self.progress_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        source_row = QHBoxLayout()
        self.source_label = QLabel()
        source_row.addWidget(self.source_label)
        source_row.addWidget(self.source_box)
        source_row.addStretch(1)
        source_row.addWidget(self.url_button)
        download_row = QHBoxLayout()
        download_row.addWidget(self.progress, 1)
        download_row.addWidget(self.download_button)
        download_row.addWidget(self.cancel_button)
        column = QVBoxLayout(self)
        column.addWidget(self.machine_label)
        column.addWidget(self.recommended)
        column.addWidget(self.expect_label)
        column.addLayout(source_row)
        column.addLayout(download_row)
        column.addWidget(self.progress_label)

        self.recommended.itemSelectionChanged.connect(self._catalog_selected)
        self.source_box.currentIndexChanged.connect(self._catalog_selected)
        self.download_button.clicked.connect(self.download_selected)
        self.cancel_button.clicked.connect(self.job.cancel)
        self.url_button.clicked.connect(self.download_from_address)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self._on_done)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setTitle(self.tr("Recommended models"))
        self.recommended.setHeaderLabels([self.tr("Model"), self.tr("Download"),
                                          self.tr("RAM needed"), self.tr("Languages"),
                                          self.tr("Licence"), self.tr("On this computer")])
        self.machine_label.setText(self.tr("This computer: {ram:.0f} GB of RAM, {cores} "
                                           "cores.").format(ram=self.ram / 1024 ** 3,
                                                            cores=self.cores))
        self.source_label.setText(self.tr("Download from"))
        self.url_button.setText(self.tr("Download from an address…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def source(self) -> Source:
        """The download source picked."""
        return Source(self.source_box.currentData())

    def refresh(self) -> None:
        """List the catalogue again (what is downloaded may have changed)."""
        selected = self._selected_catalog()
        self.recommended.clear()
        best = self.catalog.recommended(self.ram, self.cores)
        folder = self.core.paths.models_dir
        for model in self.catalog.models:
            if model.downloaded_in(folder) is not None:
                state = self.tr("downloaded")
            elif model is best:
                state = self.tr("recommended")
            elif not model.enough_ram(self.ram):
                state = self.tr("needs more RAM")
            elif self.cores < model.min_cores:
                state = self.tr("slow on {cores} cores").format(cores=self.cores)
            else:
                state = self.tr("runs here")
            item = QTreeWidgetItem([f"{model.name} ({model.quantization})",
                                    self.tr("about {size}").format(
                                        size=size_text(model.size_mb * 1024 ** 2)),
                                    f"{model.ram_gb:g} GB", " / ".join(model.languages),
                                    model.license, state])
            item.setData(0, _ID_ROLE, model.id)
            if model is best:
                font = QFont(self.recommended.font())
                font.setBold(True)
                item.setFont(0, font)
                item.setFont(5, font)
            self.recommended.addTopLevelItem(item)
            if model.id == (selected.id if selected else best.id if best else None):
                item.setSelected(True)
        for column in range(1, self.recommended.columnCount()):
            self.recommended.resizeColumnToContents(column)
        self._catalog_selected()

    def _selected_catalog(self) -> CatalogModel | None:
        items = self.recommended.selectedItems()
        if not items:
            return None
        return next((m for m in self.catalog.models
                     if m.id == items[0].data(0, _ID_ROLE)), None)

    @Slot()
    def _catalog_selected(self) -> None:
        model = self._selected_catalog()
        if model is None:
            self.expect_label.clear()
        else:
            laptop = (self.tr("Runs on a 2-core laptop.") if model.min_cores <= 2
                      else self.tr("Too slow for a 2-core laptop."))
            self.expect_label.setText(f"{model.expectation(self.language)} {laptop}")
        complete = False
        if not self._busy:
            plan = self._plan(model) if model else None
            complete = plan is not None and not plan.started() and all(
                job.dest.exists() for job in plan.files)
            if plan is not None and plan.started():
                self.download_button.setText(self.tr("Resume ({size} already here)").format(
                    size=size_text(plan.done_bytes())))
            elif complete:
                self.download_button.setText(self.tr("Downloaded"))
            else:
                self.download_button.setText(self.tr("Download"))
        self._selected_complete = complete
        self._update_buttons()

    def _plan(self, model: CatalogModel, checksums: bool = False
              ) -> modelstore.DownloadPlan | None:
        try:
            return modelstore.plan_catalog(model, self.source(), self.core.paths.models_dir,
                                           self.environ, checksums=checksums)
        except AssistantError as exc:
            self.progress_label.setText(shown(exc))
            return None

    @Slot()
    def download_selected(self) -> None:
        """Download (or resume) the selected catalogue model from the chosen source."""
        model = self._selected_catalog()
        if model is None or self._busy:
            return
        environ, source = self.environ, self.source()
        folder = self.core.paths.models_dir
        self._start(lambda cancel, report: self._fetch(
            modelstore.plan_catalog(model, source, folder, environ), cancel, report),
            model.name)

    @Slot()
    def download_from_address(self) -> None:
        """Ask for the address of a .gguf file and download it."""
        url, ok = QInputDialog.getText(self, self.tr("Download from an address"), self.tr(
            "Address of the .gguf file (a Hugging Face or ModelScope file page works too):"))
        if not ok or not url.strip():
            return
        try:
            plan = modelstore.plan_url(url, self.core.paths.models_dir)
        except AssistantError as exc:
            QMessageBox.warning(self, self.tr("Download from an address"), shown(exc))
            return
        self._start(lambda cancel, report: self._fetch(plan, cancel, report), plan.title)

    def _fetch(self, plan: modelstore.DownloadPlan, cancel: Any,
               report: Callable[[Any], None]) -> Path:
        """On the job's thread: fetch every file of the plan; the model's path."""
        modelstore.run(plan, cancel, report)
        if cancel.cancelled:
            raise Cancelled()
        return plan.path

    def _start(self, job: Callable[[Any, Callable[[Any], None]], Path], title: str) -> None:
        self.progress.setRange(0, 0)
        self.progress_label.setText(self.tr("Starting the download of {name}…").format(
            name=title))
        self._busy = self.job.start(job, "download")
        self._update_buttons()

    @Slot(object)
    def _on_progress(self, report: Any) -> None:
        total, done = report.total, report.done
        if total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))
        if report.phase == "checking":
            text = self.tr("{file}: checking the part downloaded before… {done}").format(
                file=report.file, done=size_text(done))
        elif report.phase == "verifying":
            text = self.tr("{file}: verifying…").format(file=report.file)
        else:
            eta = report.eta_s
            left = (self.tr("{minutes:.0f} min left").format(minutes=eta / 60) if eta and
                    eta >= 90 else self.tr("{seconds:.0f} s left").format(seconds=eta)
                    if eta is not None else "")
            text = self.tr("{file}: {done} of {total} · {speed}/s · {left}").format(
                file=report.file, done=size_text(done),
                total=size_text(total) if total else self.tr("unknown size"),
                speed=size_text(report.speed_bps), left=left)
        self.progress_label.setText(text)

    @Slot(object)
    def _on_done(self, path: Path) -> None:
        self._busy = False
        self.progress.setRange(0, 1000)
        self.progress.setValue(1000)
        self.progress_label.setText(self.tr("Downloaded and verified: {file}. It is now the "
                                            "active model.").format(file=path.name))
        self.downloaded.emit(path)
        self.refresh()

    @Slot(str, bool)
    def _on_failed(self, message: str, resumable: bool) -> None:
        self._busy = False
        self.progress.setRange(0, 1000)
        hint = self.tr(" Press Resume to continue.") if resumable else ""
        self.progress_label.setText(message + hint)
        self._catalog_selected()

    @Slot()
    def _on_cancelled(self) -> None:
        self._busy = False
        self.progress.setRange(0, 1000)
        self.progress_label.setText(self.tr("Download stopped; what was downloaded is kept. "
                                            "Press Resume to continue."))
        self._catalog_selected()

    def _update_buttons(self) -> None:
        running = self._busy
        self.cancel_button.setEnabled(running)
        self.download_button.setEnabled(not running and bool(self.recommended.selectedItems())
                                        and not self._selected_complete)
        self.url_button.setEnabled(not running)

    def shutdown(self, timeout_s: float = 10.0) -> None:
        """Stop a running download (its partial file is kept for next time)."""
        self.job.cancel()
        self.job.wait(timeout_s)
