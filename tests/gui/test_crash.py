"""An unexpected exception in a slot or a thread is shown, logged and survived."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from waits import UI_MS

from assistant.gui.crash import CrashReporter


@pytest.fixture
def reporter(qtbot: QtBot, tmp_path: Path) -> Iterator[CrashReporter]:
    crash = CrashReporter(tmp_path / "logs" / "assistant.log")
    crash.install()
    yield crash
    crash.uninstall()
    if crash.dialog is not None:
        crash.dialog.done(0)


def boom() -> None:
    raise ValueError("the template list broke")


def test_an_error_in_a_slot_is_shown_with_the_log_and_the_app_goes_on(
        qtbot: QtBot, reporter: CrashReporter, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.CRITICAL), qtbot.waitSignal(reporter.reported,
                                                              timeout=UI_MS) as shown:
        QTimer.singleShot(0, boom)
    assert shown.args == ["ValueError: the template list broke"]
    dialog = reporter.dialog
    assert dialog is not None and dialog.isVisible()
    assert "the template list broke" in dialog.text()
    assert str(reporter.log_file) in dialog.informativeText()
    assert "Traceback" in dialog.detailedText() and "boom" in dialog.detailedText()
    assert any("unexpected error" in r.message and r.exc_info for r in caplog.records)
    ticked: list[bool] = []
    QTimer.singleShot(0, lambda: ticked.append(True))  # the event loop still runs
    qtbot.waitUntil(lambda: ticked == [True], timeout=UI_MS)


def test_copy_details_copies_the_summary_and_the_traceback(qtbot: QtBot,
                                                       reporter: CrashReporter) -> None:
    with qtbot.waitSignal(reporter.reported, timeout=UI_MS):
        QTimer.singleShot(0, boom)
    dialog = reporter.dialog
    assert dialog is not None
    copy = next(b for b in dialog.buttons() if b.text() == "Copy details")
    copy.click()
    assert QApplication.clipboard().text().startswith("ValueError: the template list broke")
    assert "Traceback" in QApplication.clipboard().text()
    qtbot.waitUntil(lambda: reporter.dialog is None, timeout=UI_MS)  # closed after it


def test_more_errors_are_counted_into_the_open_dialog(qtbot: QtBot,
                                                      reporter: CrashReporter) -> None:
    with qtbot.waitSignal(reporter.reported, timeout=UI_MS):
        QTimer.singleShot(0, boom)
    first = reporter.dialog
    for _ in range(2):
        with qtbot.waitSignal(reporter.reported, timeout=UI_MS):
            QTimer.singleShot(0, boom)
    assert reporter.dialog is first
    assert first is not None and "2 more errors came after this one" in first.informativeText()


def test_an_error_in_a_thread_is_shown_too(qtbot: QtBot, reporter: CrashReporter) -> None:
    with qtbot.waitSignal(reporter.reported, timeout=UI_MS) as shown:
        worker = threading.Thread(target=boom)
        worker.start()
        worker.join(UI_MS / 1000)
    assert shown.args == ["ValueError: the template list broke"]
