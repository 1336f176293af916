"""The settings dialog: each value is checked in place; OK only while all are valid.

The model source comes first: a local GGUF file (with its file, GPU layers,
context size and threads) or a model server (:mod:`assistant.gui.server_settings`);
only the rows of the chosen source are shown.

Values go through :func:`assistant.settings.check`, so the rules live in one
place; only the hotkey's (:func:`hotkey_problem`) are here, as they need Qt (its
policy, shared with start-up, is :func:`~assistant.gui.hotkey.shortcut.policy_problem`).
A browsed model file that is not a usable GGUF never becomes the selection:
the previous model stays selected, so OK stays usable for other changes, and
red text under the row names the file and the reason. Values that are valid
but will not do what the user expects get an amber notice instead
(:mod:`assistant.gui.settings_notices`), which does not block OK.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPalette, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import InputError
from assistant.gui.core_text import shown
from assistant.gui.hotkey.shortcut import HotkeyError, parse_shortcut, policy_problem
from assistant.gui.server_settings import ListModels, ServerSettings
from assistant.gui.settings_notices import setting_notices
from assistant.modelfiles import ModelFile, Origin, describe
from assistant.settings import KV_CACHE_TYPES, SPECS, Settings, check

LOCAL_KEYS = ("model", "n_gpu_layers", "n_ctx", "kv_cache", "n_threads", "prefix_cache_mb",
              "prefix_disk_mb")
"""Rows shown only for a local model; the server's own are in ServerSettings."""

_PORTABLE = QKeySequence.SequenceFormat.PortableText
_COLOURS = {"problem": "#c62828", "notice": "#8a5300", "note": "#5f6368"}
"""The text colour under a row: a problem blocks OK, a notice warns, a note explains."""
_MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta}


def hotkey_problem(text: str) -> str | None:
    """Why ``text`` (PortableText, e.g. "Ctrl+Alt+J") cannot be the global hotkey, or None.

    Empty is allowed and means no global hotkey, for desktops where the user
    binds ``assistant quick`` in the system settings instead.
    """
    if not text.strip():
        return None
    sequence = QKeySequence.fromString(text, _PORTABLE)
    # An empty QKeyCombination has Key_unknown: "not a key combination" below.
    combination = sequence[0] if sequence.count() else QKeyCombination()  # type: ignore[index]
    key = combination.key()
    translate = QCoreApplication.translate
    rules = (
        (sequence.count() > 1, translate("SettingsDialog", "{hotkey} is several key presses; "
                                         "a hotkey must be one combination, e.g. Ctrl+Alt+J.")),
        (key == Qt.Key.Key_unknown or key in _MODIFIER_KEYS, translate(
            "SettingsDialog", "{hotkey} is not a complete key combination. Click the field "
            "and press all the keys together, e.g. Ctrl+Alt+J.")),
    )
    found = next((message.format(hotkey=text) for broken, message in rules if broken), None)
    if found is not None:
        return found
    try:
        return policy_problem(parse_shortcut(text), text)
    except HotkeyError as exc:  # a key Qt knows but no hotkey backend can grab
        return shown(exc)


class SettingsDialog(QDialog):
    """Edits a copy of the settings; saving and applying them is the caller's job.

    Signals: none of its own, only QDialog's ``accepted``/``rejected``. After
    ``exec()`` returns Accepted, :meth:`result_settings` gives the new settings.
    """

    def __init__(self, settings: Settings, models: list[ModelFile], models_dir: Path,
                 hotkey_status: str = "", parent: QWidget | None = None, *,
                 gpu_supported: bool = False, key_place: tuple[str | None, str] = (None, ""),
                 stored_key: Callable[[str], str] = lambda _url: "",
                 list_models: ListModels | None = None,
                 saved_prompts: tuple[Callable[[], int], Callable[[], int]] | None = None
                 ) -> None:
        """``saved_prompts`` is (bytes on disk, clear them): the prepared-prompt store."""
        super().__init__(parent)
        self._settings, self._models_dir = settings, models_dir
        self._gpu_supported = gpu_supported
        self.source_box = QComboBox()
        self.source_box.setObjectName("modelSource")
        self.source_box.addItem("", "local")
        self.source_box.addItem("", "server")
        self.server = (ServerSettings(key_place, stored_key, list_models) if list_models
                       else ServerSettings(key_place, stored_key))
        self._columns: dict[str, QVBoxLayout] = {}
        # Index-aligned with model_box. Entry 0 is the embedded model, stored as
        # "" in the settings; its ModelFile is None when it is not installed.
        self._entries: list[ModelFile | None] = []
        self._refused: str | None = None  # why the last browsed file was not taken
        self._rows: dict[str, tuple[QLabel, QLabel, QLabel]] = {}  # label, help, error
        self.model_box = QComboBox()
        self.model_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.model_box.setMinimumContentsLength(36)
        for model in [next((m for m in models if m.origin is Origin.EMBEDDED), None),
                      *(m for m in models if m.origin is not Origin.EMBEDDED)]:
            self._add_entry(model)
        self.context_spin, self.threads_spin = QSpinBox(), QSpinBox()
        self.gpu_spin = QSpinBox()
        self.kv_box = QComboBox()
        self.kv_box.setObjectName("kvCache")
        for value in KV_CACHE_TYPES:
            self.kv_box.addItem("", value)
        self.gpu_spin.setEnabled(gpu_supported)
        self.temperature_spin, self.max_tokens_spin = QDoubleSpinBox(), QSpinBox()
        self.temperature_spin.setDecimals(2)
        self.ram_cache_spin, self.disk_cache_spin = QSpinBox(), QSpinBox()
        self._saved_prompts = saved_prompts
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearSavedPrompts")
        self.clear_button.setEnabled(saved_prompts is not None)
        self.clear_button.clicked.connect(self._clear_saved_prompts)
        self._spins: dict[str, QSpinBox | QDoubleSpinBox] = {
            "n_gpu_layers": self.gpu_spin, "n_ctx": self.context_spin,
            "n_threads": self.threads_spin, "prefix_cache_mb": self.ram_cache_spin,
            "prefix_disk_mb": self.disk_cache_spin, "temperature": self.temperature_spin,
            "max_tokens": self.max_tokens_spin}
        for (key, spin), step in zip(self._spins.items(), (1, 256, 1, 128, 512, 0.05, 100),
                                     strict=True):
            number: Any = int if isinstance(spin, QSpinBox) else float
            cast(Any, spin).setRange(number(SPECS[key].minimum), number(SPECS[key].maximum))
            cast(Any, spin).setSingleStep(number(step))
            # The editor's signal: the spin box's own only fires for acceptable text.
            spin.lineEdit().textChanged.connect(self._validate)
            # ...and the arrows change the value with the editor's signals blocked.
            spin.valueChanged.connect(lambda _value: self._validate())
        self.language_box, self.browse_button = QComboBox(), QPushButton()
        # Each language is named in itself, so anyone can find their own.
        for text, value in (("", "system"), ("简体中文", "zh_CN"), ("English", "en")):
            self.language_box.addItem(text, value)
        self.history_box = QCheckBox()
        self.history_box.setObjectName("keepHistory")
        self.hotkey_edit = QKeySequenceEdit()
        self.hotkey_edit.setClearButtonEnabled(True)
        self.hotkey_edit.setMaximumSequenceLength(1)
        self.status_line, self._status_label = QLineEdit(hotkey_status), QLabel()
        self.status_line.setReadOnly(True)
        model_row = QWidget()
        row = QHBoxLayout(model_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.model_box, 1)
        row.addWidget(self.browse_button)
        disk_row = QWidget()
        row = QHBoxLayout(disk_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.disk_cache_spin, 1)
        row.addWidget(self.clear_button)
        form = QFormLayout(self)
        self._form = form
        spins = self._spins
        for key, field in (("model_source", self.source_box), ("model", model_row),
                           ("n_gpu_layers", spins["n_gpu_layers"]), ("n_ctx", spins["n_ctx"]),
                           ("kv_cache", self.kv_box),
                           ("n_threads", spins["n_threads"]),
                           ("prefix_cache_mb", spins["prefix_cache_mb"]),
                           ("prefix_disk_mb", disk_row), ("server_url", self.server),
                           ("temperature", spins["temperature"]),
                           ("max_tokens", spins["max_tokens"]),
                           ("ui_language", self.language_box), ("hotkey", self.hotkey_edit),
                           ("history", self.history_box)):
            self._add_row(form, key, field)
        form.addRow(self._status_label, self.status_line)
        form.setRowVisible(self.status_line, bool(hotkey_status))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        # A custom button: Qt resets its standard buttons' texts on
        # LanguageChange, which would undo our own wording.
        self.restore_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ResetRole)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(lambda: self._show(Settings()))
        self.browse_button.clicked.connect(self._browse)
        self.model_box.currentIndexChanged.connect(self._model_changed)
        # Picking the selected model again also answers a refused file's message.
        self.model_box.activated.connect(self._model_changed)
        self.source_box.currentIndexChanged.connect(self._source_changed)
        self.server.changed.connect(self._validate)
        self.server.relayout.connect(self._schedule_fit)
        self.hotkey_edit.keySequenceChanged.connect(self._validate)
        self._show(settings)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Settings"))
        # The help texts repeat SPECS' descriptions as literals so that lupdate
        # sees them; a test checks that they still match SPECS.
        names = (self.tr("Model source"), self.tr("Model"), self.tr("GPU layers"),
                 self.tr("Context size"), self.tr("Context memory"), self.tr("Threads"), self.tr("Prepared prompts"),
                 self.tr("…kept on disk"), self.tr("Model server"),
                 self.tr("Temperature"), self.tr("Max answer tokens"), self.tr("UI language"),
                 self.tr("Global hotkey"), self.tr("History"))
        helps = (self.tr("Where the model runs: a local GGUF file, or a model server."),
                 self.tr("Path of the GGUF model file; empty means the embedded model."),
                 self.tr("Model layers put on the GPU: 0 = CPU only, -1 = all."),
                 self.tr("Context size in tokens: prompt, examples and answer together."),
                 self.tr("How the model keeps the context in memory: f16 (exact) or q8_0 (half "
                         "the memory, nearly the same answers)."),
                 self.tr("CPU threads for the model; 0 means one per physical core."),
                 self.tr("Memory in MB for the prepared prompts of recently used templates; 0 "
                         "keeps none."),
                 self.tr("Disk space in MB for prepared prompts kept across restarts; 0 keeps "
                         "none."),
                 self.tr("Address of an OpenAI-compatible server, e.g. "
                         "http://127.0.0.1:11434/v1 for Ollama."),
                 self.tr("Default randomness of answers (templates may set their own)."),
                 self.tr("Default longest answer, in tokens (templates may set their own)."),
                 self.tr("Language of the interface."),
                 self.tr("Global shortcut that opens the quick prompt, e.g. Ctrl+Alt+J."),
                 self.tr("Keep a history of runs (inputs and answers) in the history file."))
        self.history_box.setText(self.tr("Keep every run, to find it again"))
        for (label, help_label, _), name, help_text in zip(self._rows.values(), names, helps,
                                                            strict=True):
            label.setText(name)
            help_label.setText(help_text)
            label.setToolTip(help_text)
        self.source_box.setItemText(0, self.tr("Local GGUF file (runs on this computer)"))
        self.source_box.setItemText(1, self.tr("Model server (Ollama, LM Studio, llama-server, "
                                               "vLLM…)"))
        self.gpu_spin.setSpecialValueText(self.tr("All layers"))
        self.kv_box.setItemText(0, self.tr("f16: exact"))
        self.kv_box.setItemText(1, self.tr("q8_0: half the memory"))
        for spin in (self.ram_cache_spin, self.disk_cache_spin):
            spin.setSuffix(self.tr(" MB"))
            spin.setSpecialValueText(self.tr("None"))
        self._describe_saved_prompts()
        self.server.retranslate_ui()
        self._status_label.setText(self.tr("Hotkey status"))
        self.browse_button.setText(self.tr("Browse…"))
        self.threads_spin.setSpecialValueText(self.tr("Automatic (one per physical core)"))
        self.language_box.setItemText(0, self.tr("Follow the system"))
        self.restore_button.setText(self.tr("Restore defaults"))
        for index in range(len(self._entries)):
            self._describe_entry(index)
        self._validate()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def result_settings(self) -> Settings:
        """The edited settings, validated; raises InputError while a value is invalid."""
        if problems := self._problems():  # each already in the UI language
            raise InputError("{problems}", problems=" ".join(problems.values()))
        return self._settings.replace(**self._values())

    def choose_model_file(self, path: Path) -> bool:
        """Add ``path`` to the list and select it if it is a usable GGUF; say if it was.

        A refused file leaves the selection as it was; the row says why.
        """
        model = describe(path, Origin.EXPLICIT)
        if model.error is not None:
            self._refused = shown(model.error)
            self._validate()
            return False
        index = self._find(path)
        self.model_box.setCurrentIndex(index if index >= 0 else self._add_entry(model))
        self._model_changed()
        return True

    def api_key(self) -> str:
        """The server's API key as typed ("" for none)."""
        return self.server.api_key()

    def api_key_changed(self) -> bool:
        """True when the key differs from the one stored for the server's address."""
        return self.source() == "server" and self.server.api_key_changed()

    def source(self) -> str:
        """The chosen model source: "local" or "server"."""
        return str(self.source_box.currentData())

    def _add_row(self, form: QFormLayout, key: str, field: QWidget) -> None:
        label, help_label, error, column = QLabel(), QLabel(), QLabel(), QVBoxLayout()
        self._columns[key] = column
        column.setSpacing(2)
        column.addWidget(field)
        for text in (help_label, error):
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(text)
        help_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # grey, secondary
        self._rows[key] = label, help_label, error
        form.addRow(label, column)

    def _add_entry(self, model: ModelFile | None) -> int:
        index = len(self._entries)
        self._entries.append(model)
        self.model_box.addItem("", "" if index == 0 or model is None else str(model.path))
        item = cast(QStandardItemModel, self.model_box.model()).item(index)
        item.setEnabled(index == 0 or model is None or model.error is None)
        self._describe_entry(index)
        return index

    def _describe_entry(self, index: int) -> None:
        model = self._entries[index]
        if index == 0 or model is None:
            text = self.tr("Embedded model (SmolLM2-135M)")
            tip = "" if model is None else str(model.path)
        elif model.info is None:
            text = self.tr("{name} — cannot be used").format(name=model.path.name)
            tip = shown(model.error) if model.error else ""
        else:
            info, gigabytes = model.info, model.info.file_size / 1024 ** 3
            size = (self.tr("{size:.1f} GB").format(size=gigabytes) if gigabytes >= 1
                    else self.tr("{size:.0f} MB").format(size=info.file_size / 1024 ** 2))
            text = self.tr("{name} — {size}, {architecture}, {quantization}").format(
                name=model.path.name, size=size,
                architecture=info.architecture or self.tr("unknown architecture"),
                quantization=info.file_type or self.tr("unknown quantization"))
            tip = str(model.path)
        self.model_box.setItemText(index, text)
        self.model_box.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)

    def _find(self, path: Path) -> int:
        target = path.expanduser().resolve()
        return next((index for index, model in enumerate(self._entries)
                     if model is not None and model.path.expanduser().resolve() == target), -1)

    def _show(self, settings: Settings) -> None:
        self.source_box.setCurrentIndex(max(0, self.source_box.findData(settings.model_source)))
        self.server.show_settings(settings)
        self._source_changed()
        index = self._find(Path(settings.model)) if settings.model else 0
        if index < 0:
            index = self._add_entry(describe(Path(settings.model), Origin.EXPLICIT))
        self.model_box.setCurrentIndex(index)
        for key, spin in self._spins.items():
            spin.setValue(getattr(settings, key))
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(settings.ui_language)))
        self.kv_box.setCurrentIndex(max(0, self.kv_box.findData(settings.kv_cache)))
        self.hotkey_edit.setKeySequence(QKeySequence.fromString(settings.hotkey, _PORTABLE))
        self.history_box.setChecked(settings.history)
        self._model_changed()

    def _values(self) -> dict[str, Any]:
        numbers = {key: round(spin.value(), 2) for key, spin in self._spins.items()}
        return {"model_source": self.source(), "model": str(self.model_box.currentData() or ""),
                **numbers, **self.server.values(),
                "ui_language": str(self.language_box.currentData()),
                "kv_cache": str(self.kv_box.currentData()),
                "hotkey": self.hotkey_edit.keySequence().toString(_PORTABLE),
                "history": self.history_box.isChecked()}

    def _problems(self) -> dict[str, str]:
        """What is wrong with each invalid value; OK is disabled while any is."""
        problems: dict[str, str] = {}
        for key, value in self._values().items():
            if key in self._spins and not self._spins[key].hasAcceptableInput():
                problems[key] = self.tr("Enter a number from {minimum:g} to {maximum:g}.") \
                    .format(minimum=SPECS[key].minimum, maximum=SPECS[key].maximum)
                continue
            try:
                check(key, value)
            except InputError as exc:
                problems[key] = shown(exc)  # the core's words, in the UI language
                continue
            if key == "hotkey" and (problem := hotkey_problem(value)) is not None:
                problems[key] = problem
        if self.source() == "server":
            problems.update(self.server.problems())
        return problems

    def _validate(self) -> None:
        problems = self._problems()
        messages: dict[str, tuple[str, str]] = {}  # key: (text, kind), the strongest wins
        chosen = self._entries[max(0, self.model_box.currentIndex())]
        if self.source() == "local":
            messages.update((key, (text, "notice")) for key, text in setting_notices(
                self._values(), chosen.info if chosen is not None else None).items())
            if chosen is not None and chosen.error:
                # Why the configured model does not load; another one is a click away.
                messages["model"] = (self.tr("This model cannot be used: {reason}").format(
                    reason=shown(chosen.error)), "problem")
        if not self._gpu_supported:
            messages["n_gpu_layers"] = (self.tr(
                "This llama.cpp build runs on the CPU only. To use a GPU, install a CUDA or "
                "Metal build of llama-cpp-python (see the README), then restart."), "note")
        if self._refused is not None:  # not a value, so it does not block OK
            messages["model"] = (self.tr("The file was not added; the previous model is still "
                                      "selected. {reason}").format(reason=self._refused),
                              "problem")
        messages.update((key, (text, "problem")) for key, text in problems.items())
        hidden = self._hidden_rows()
        for key, (_, _, error) in self._rows.items():
            text, kind = messages.get(key, ("", "problem"))
            error.setText(text)
            style = f"color: {_COLOURS[kind]};"
            if error.styleSheet() != style:  # restyling on every keystroke costs
                error.setStyleSheet(style)
            # A hidden row's label must stay hidden too: setRowVisible hid it.
            error.setVisible(bool(text) and key not in hidden)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        self._schedule_fit()

    def _schedule_fit(self) -> None:
        # After the layout has taken the new texts into account.
        QTimer.singleShot(0, self, self.fit_height)

    def fit_height(self) -> None:
        """Make the dialog as tall as its rows need at its width: no text cut, no gap.

        Word-wrapped messages need height for their width, which a layout's
        minimum size does not include, so the dialog is resized by hand
        whenever a message appears or goes away.
        """
        layout = self.layout()
        if layout is None:
            return
        layout.activate()  # take the new texts into account before measuring
        width = self.width()
        needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        needed = max(needed, layout.totalMinimumSize().height())
        if needed > 0 and needed != self.height():
            self.resize(width, needed)

    def _describe_saved_prompts(self, freed: int | None = None) -> None:
        if freed is not None:
            self.clear_button.setText(self.tr("Cleared {size:.0f} MB").format(
                size=freed / 1024 ** 2))
            return
        usage = self._saved_prompts[0]() if self._saved_prompts is not None else 0
        self.clear_button.setText(self.tr("Clear ({size:.0f} MB)").format(
            size=usage / 1024 ** 2))

    def _clear_saved_prompts(self) -> None:
        if self._saved_prompts is not None:
            self._describe_saved_prompts(freed=self._saved_prompts[1]())

    def _hidden_rows(self) -> tuple[str, ...]:
        """The rows of the model source not chosen."""
        return LOCAL_KEYS if self.source() == "server" else ("server_url",)

    def _source_changed(self) -> None:
        hidden = self._hidden_rows()
        for key, column in self._columns.items():
            self._form.setRowVisible(column, key not in hidden)
        self._validate()

    def _model_changed(self) -> None:
        self._refused = None
        self._validate()

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a model file"),
                                              str(self._models_dir),
                                              self.tr("GGUF models (*.gguf);;All files (*)"))
        if name:
            self.choose_model_file(Path(name))
