"""An unexpected exception is shown, logged and survived, instead of vanishing.

Qt calls Python slots from C++: an exception raised in one does not end the
app, it goes to ``sys.excepthook``, whose default prints to a terminal the
user does not have. Threads go to ``threading.excepthook``. Both are
replaced here: the exception is logged with its traceback, and a dialog on
the GUI thread says what happened, where the log is, and offers "Copy
details" for a bug report. The app keeps running. While one dialog is open,
more errors are counted into it rather than stacked in a pile of windows.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


class CrashReporter(QObject):
    """Installs the hooks; shows one dialog at a time.

    Signals:
        reported(str): an unexpected error was shown (its one-line summary).
    """

    reported = Signal(str)
    _arrived = Signal(str, str)
    """From any thread: the summary and the whole traceback, queued to the GUI thread."""

    def __init__(self, log_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.dialog: QMessageBox | None = None
        self._more = 0
        self._arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous = sys.excepthook, threading.excepthook

    def install(self) -> None:
        """Catch what no code caught, in the GUI thread and in other threads."""
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        """Put the previous hooks back (tests, and quitting)."""
        sys.excepthook, threading.excepthook = self._previous

    def _hook(self, kind: type[BaseException], value: BaseException,
              tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, value, tb)
            return
        log.critical("unexpected error", exc_info=(kind, value, tb))
        summary = f"{kind.__name__}: {value}"[:300]
        self._arrived.emit(summary, "".join(traceback.format_exception(kind, value, tb)))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self._hook(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        self.reported.emit(summary)
        if self.dialog is not None:  # one is open: count this one into it
            self._more += 1
            self.dialog.setInformativeText(self._informative())
            return
        parent = QGuiApplication.focusWindow()
        widget = next((w for w in _top_levels() if w.windowHandle() is parent), None)
        dialog = self.dialog = QMessageBox(QMessageBox.Icon.Warning,
                                           self.tr("Something went wrong"), "", parent=widget)
        dialog.setObjectName("crashDialog")
        dialog.setText(self.tr("Something went wrong: {error}").format(error=summary))
        self._more = 0
        dialog.setInformativeText(self._informative())
        dialog.setDetailedText(details)
        copy = dialog.addButton(self.tr("Copy details"), QMessageBox.ButtonRole.ActionRole)
        dialog.addButton(QMessageBox.StandardButton.Ok)
        # For a bug report; the box closes after it, as any of its buttons does.
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(
            f"{summary}\n\n{details}"))
        dialog.finished.connect(self._closed)
        dialog.open()

    def _informative(self) -> str:
        text = self.tr("The assistant keeps running. The details are also in the log: "
                       "{path}").format(path=self.log_file)
        if self._more:
            text += "\n\n" + self.tr("{count} more errors came after this one; they are in "
                                     "the log too.").format(count=self._more)
        return text

    @Slot()
    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None


def _top_levels() -> list[QWidget]:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]
