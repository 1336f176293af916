"""The settings of a model server: address, model, API key, timeout, context size.

A part of the settings dialog, shown when the model source is "server". A
preset fills the address of a usual local server; "Test connection" asks the
server for its models on a background thread (a slow or absent server must
never freeze the dialog) and offers them in the model box. The API key is
never written to the settings file: the dialog's caller stores it where
:class:`~assistant.secrets.SecretStore` says, and this widget says where.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assistant.backend.config import ServerModel, check_url
from assistant.errors import AssistantError
from assistant.gui.core_text import shown
from assistant.settings import SPECS, Settings

ListModels = Callable[[ServerModel], list[Any]]
""":func:`assistant.backend.server.list_models`, or a stand-in in tests."""

PRESETS: tuple[tuple[str, str], ...] = (
    ("Ollama", "http://127.0.0.1:11434/v1"),
    ("LM Studio", "http://127.0.0.1:1234/v1"),
    ("llama-server", "http://127.0.0.1:8080/v1"),
    ("Jan", "http://127.0.0.1:1337/v1"),
)
"""The usual local servers at their default addresses (also in the README)."""


def _default_list_models(config: ServerModel) -> list[Any]:
    from assistant.backend.server import list_models

    return list_models(config)


class _Probe(QObject):
    """Carries a background thread's answer back to the GUI thread.

    Signals:
        done(int, object): the probe's number and its list of models, or the
            error message (str) when it failed.
    """

    done = Signal(int, object)


class ServerSettings(QWidget):
    """Edits the ``server_*`` settings and the server's API key.

    Signals:
        changed(): a value changed (the dialog validates again).
        relayout(): a message appeared or went away (the dialog fits its height).
    """

    changed = Signal()
    relayout = Signal()

    def __init__(self, key_place: tuple[str | None, str] = (None, ""),
                 stored_key: Callable[[str], str] = lambda _: "",
                 list_models: ListModels = _default_list_models,
                 parent: QWidget | None = None) -> None:
        """``key_place`` is (keyring name or None, fallback file): where keys are kept."""
        super().__init__(parent)
        self._key_place = key_place
        self._stored_key = stored_key
        self._list_models = list_models
        self._loaded_key = ""
        """The stored key for the address shown, to tell whether the user changed it."""
        self._probe = _Probe(self)
        self._probe.done.connect(self._on_probe_done)
        self._probe_number = 0
        self.preset_box = QComboBox()
        for name, url in PRESETS:
            self.preset_box.addItem(name, url)
        self.preset_box.addItem("", "")  # "Other address", named in retranslate_ui
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("serverUrl")
        self.url_edit.setPlaceholderText("http://127.0.0.1:11434/v1")
        self.model_box = QComboBox()
        self.model_box.setObjectName("serverModel")
        self.model_box.setEditable(True)
        self.model_box.setMinimumContentsLength(24)
        self.test_button = QPushButton()
        self.test_button.setObjectName("testConnection")
        self.result_label = QLabel()
        self.result_label.setObjectName("connectionResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("serverKey")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_note = QLabel()
        self.key_note.setWordWrap(True)
        self.timeout_spin = QSpinBox()
        self.context_spin = QSpinBox()
        for key, spin, step in (("server_timeout", self.timeout_spin, 30),
                                ("server_n_ctx", self.context_spin, 1024)):
            spin.setRange(int(SPECS[key].minimum or 0), int(SPECS[key].maximum or 0))
            spin.setSingleStep(step)
            spin.valueChanged.connect(self.changed)
        self.labels = {key: QLabel() for key in ("preset", "server_url", "server_model",
                                                 "api_key", "server_timeout", "server_n_ctx")}

        url_row = QHBoxLayout()
        url_row.addWidget(self.preset_box)
        url_row.addWidget(self.url_edit, 1)
        model_line = QHBoxLayout()
        model_line.addWidget(self.model_box, 1)
        model_line.addWidget(self.test_button)
        model_row = QVBoxLayout()
        model_row.setSpacing(2)
        model_row.addLayout(model_line)
        model_row.addWidget(self.result_label)
        self.result_label.hide()
        key_column = QVBoxLayout()
        key_column.addWidget(self.key_edit)
        key_column.addWidget(self.key_note)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.labels["server_url"], url_row)
        form.addRow(self.labels["server_model"], model_row)

        form.addRow(self.labels["api_key"], key_column)
        form.addRow(self.labels["server_timeout"], self.timeout_spin)
        form.addRow(self.labels["server_n_ctx"], self.context_spin)
        self.key_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # grey

        self.preset_box.activated.connect(self._preset_chosen)
        self.url_edit.textChanged.connect(self._url_changed)
        self.model_box.currentTextChanged.connect(self.changed)
        self.key_edit.textChanged.connect(self.changed)
        self.test_button.clicked.connect(self.test_connection)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.labels["server_url"].setText(self.tr("Server address"))
        self.labels["server_model"].setText(self.tr("Server model"))
        self.labels["api_key"].setText(self.tr("API key"))
        self.labels["server_timeout"].setText(self.tr("Timeout"))
        self.labels["server_n_ctx"].setText(self.tr("Server context size"))
        self.preset_box.setItemText(len(PRESETS), self.tr("Other address"))
        self.url_edit.setToolTip(self.tr("Address of an OpenAI-compatible server, e.g. "
                                         "http://127.0.0.1:11434/v1 for Ollama."))
        self.model_box.setToolTip(self.tr("The server's model to use; empty means its only "
                                          "model."))
        editor = self.model_box.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("the server's only model"))
        self.test_button.setText(self.tr("Test connection"))
        self.key_edit.setPlaceholderText(self.tr("none (most local servers need no key)"))
        keyring_name, key_file = self._key_place
        if keyring_name:
            note = self.tr("Stored in the system keyring ({name}), never in the settings "
                           "file.").format(name=keyring_name)
        elif key_file:
            note = self.tr("No system keyring here: stored in {file}, which only you can "
                           "read; never in the settings file.").format(file=key_file)
        else:
            note = ""
        self.key_note.setText(note)
        self.timeout_spin.setSuffix(self.tr(" s"))
        self.timeout_spin.setToolTip(self.tr("Seconds to wait for the server to answer, and "
                                             "between two parts of an answer."))
        self.context_spin.setSpecialValueText(self.tr("As the server says"))
        self.context_spin.setToolTip(self.tr("The server model's context size in tokens; 0 "
                                             "means as the server says (if it says)."))

    # -- values ---------------------------------------------------------------

    def show_settings(self, settings: Settings) -> None:
        """Fill the fields from ``settings`` (and the key stored for its address)."""
        self.url_edit.setText(settings.server_url)
        self.model_box.setEditText(settings.server_model)
        self.timeout_spin.setValue(settings.server_timeout)
        self.context_spin.setValue(settings.server_n_ctx)
        self._load_key()

    def values(self) -> dict[str, Any]:
        """The ``server_*`` settings as edited."""
        return {"server_url": self.url_edit.text().strip(),
                "server_model": self.model_box.currentText().strip(),
                "server_timeout": self.timeout_spin.value(),
                "server_n_ctx": self.context_spin.value()}

    def problems(self) -> dict[str, str]:
        """What is wrong, by setting key (only the address can be)."""
        url = self.url_edit.text().strip()
        if not url:
            return {"server_url": self.tr("Enter the server's address, or pick one of the "
                                          "usual servers on the left.")}
        try:
            check_url(url)
        except AssistantError:
            return {"server_url": self.tr("{url} is not a server address: write it like "
                                          "http://127.0.0.1:11434/v1.").format(url=url)}
        return {}

    def api_key(self) -> str:
        """The key as typed ("" for none)."""
        return self.key_edit.text().strip()

    def api_key_changed(self) -> bool:
        """True when the key differs from the one stored for the address."""
        return self.api_key() != self._loaded_key

    def _load_key(self) -> None:
        url = self.url_edit.text().strip()
        try:
            self._loaded_key = self._stored_key(url) if url else ""
        except AssistantError as exc:
            self._loaded_key = ""
            self._say(shown(exc), problem=True)
        self.key_edit.setText(self._loaded_key)

    # -- presets and the address ------------------------------------------------

    @Slot(int)
    def _preset_chosen(self, index: int) -> None:
        url = self.preset_box.itemData(index)
        if url:
            self.url_edit.setText(url)
        else:
            self.url_edit.setFocus()

    @Slot(str)
    def _url_changed(self, text: str) -> None:
        index = self.preset_box.findData(text.strip().rstrip("/"))
        self.preset_box.setCurrentIndex(index if index >= 0 else len(PRESETS))
        typed = self.api_key() != self._loaded_key
        if not typed:  # follow the address with its own stored key
            self._load_key()
        self._say("")
        self.changed.emit()

    # -- test connection ----------------------------------------------------------

    @Slot()
    def test_connection(self) -> None:
        """Ask the server for its models, off the GUI thread."""
        if self.problems():
            self._say(next(iter(self.problems().values())), problem=True)
            return
        self._probe_number += 1
        number = self._probe_number
        config = ServerModel(check_url(self.url_edit.text()), api_key=self.api_key(),
                             timeout_s=float(min(self.timeout_spin.value(), 15)))
        self._say(self.tr("Connecting to {url}…").format(url=config.base_url))
        self.test_button.setEnabled(False)
        probe, list_models = self._probe, self._list_models

        def work() -> None:
            try:
                answer: object = list_models(config)
            except AssistantError as exc:
                answer = shown(exc)
            except Exception as exc:  # noqa: BLE001 - reported in the dialog, never lost
                answer = f"{type(exc).__name__}: {exc}"
            try:
                probe.done.emit(number, answer)
            except RuntimeError:
                pass  # the dialog was closed meanwhile: nobody is left to tell


        threading.Thread(target=work, name="test-connection", daemon=True).start()

    @Slot(int, object)
    def _on_probe_done(self, number: int, answer: object) -> None:
        if number != self._probe_number:
            return  # an older probe, for an address no longer shown
        self.test_button.setEnabled(True)
        if isinstance(answer, str):
            self._say(answer, problem=True)
            return
        models = [model.id for model in answer]  # type: ignore[attr-defined]
        if not models:
            self._say(self.tr("Connected, but the server offers no models."), problem=True)
            return
        current = self.model_box.currentText().strip()
        self.model_box.clear()
        self.model_box.addItems(models)
        self.model_box.setEditText(current if current else models[0])
        self._say(self.tr("Connected: {count} model(s): {names}").format(
            count=len(models), names=", ".join(models[:8]) + (" …" if len(models) > 8 else "")))
        self.changed.emit()

    def _say(self, text: str, problem: bool = False) -> None:
        """Show the connection result under the model row; an empty one takes no room."""
        self.result_label.setStyleSheet("color: #c62828;" if problem else "")
        self.result_label.setText(text)
        self.result_label.setVisible(bool(text))
        self.relayout.emit()
