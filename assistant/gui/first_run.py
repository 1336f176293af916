"""The first-run banner: while only the demo model is there, say so and offer better ones.

Calm and dismissible, never blocking: the embedded SmolLM2-135M runs every
template, but it cannot write Chinese and writes weak English. The three ways
out are one click each: download a recommended model, use a model server,
or choose a GGUF file already on the computer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

NOTICE = "first-run-models"
"""The name under which UiState remembers that the banner was closed."""


class FirstRunBanner(QFrame):
    """A strip above the form with three buttons and a close button.

    Signals:
        download_requested(): open the models page at the recommended models.
        server_requested(): open Settings with the model server chosen.
        file_requested(): choose a .gguf file.
        dismissed(): the user closed the banner for good.
    """

    download_requested = Signal()
    server_requested = Signal()
    file_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunBanner")
        self.setStyleSheet("QFrame#firstRunBanner { background: #e8f0fe; border: 1px solid "
                           "#c6dafc; border-radius: 4px; } QLabel { color: #174ea6; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.download_button = QPushButton()
        self.download_button.setObjectName("firstRunDownload")
        self.server_button = QPushButton()
        self.file_button = QPushButton()
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.text, 1)
        for button in (self.download_button, self.server_button, self.file_button,
                       self.close_button):
            row.addWidget(button)
        self.download_button.clicked.connect(self.download_requested)
        self.server_button.clicked.connect(self.server_requested)
        self.file_button.clicked.connect(self.file_requested)
        self.close_button.clicked.connect(self._dismiss)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.text.setText(self.tr("The built-in model is a small demo: it cannot write "
                                  "Chinese and its English is weak. For real work:"))
        self.download_button.setText(self.tr("Download a recommended model"))
        self.server_button.setText(self.tr("Use a model server"))
        self.file_button.setText(self.tr("Choose a GGUF file"))
        self.close_button.setToolTip(self.tr("Don't show this again"))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
