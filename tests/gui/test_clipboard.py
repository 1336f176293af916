"""Clipboard capture, snapshot/restore in every format, and the Replace loop."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QClipboard, QColor, QGuiApplication, QImage
from pytestqt.qtbot import QtBot
from waits import UI_MS

from assistant.gui.clipboard import (
    PSEUDO_TARGETS,
    capture_text,
    copy_mime,
    replace_selection,
    restore,
    snapshot,
)
from assistant.gui.paste import PasteError

CUSTOM = "application/x-test"


@pytest.fixture
def clipboard(qtbot: QtBot) -> Iterator[QClipboard]:
    board = QGuiApplication.clipboard()
    board.clear()
    yield board
    board.clear()


def picture() -> QImage:
    image = QImage(5, 4, QImage.Format.Format_ARGB32)
    image.fill(QColor("transparent"))
    image.setPixelColor(1, 2, QColor(10, 200, 30))
    return image


def rich() -> QMimeData:
    """Everything a user might have copied, at once."""
    data = QMimeData()
    data.setText("plain 文字")
    data.setHtml("<p><b>rich</b> 文字</p>")
    data.setImageData(picture())
    data.setUrls([QUrl("file:///tmp/report.odt")])
    data.setColorData(QColor("#123456"))
    data.setData(CUSTOM, b"\x00\x01binary\xff")
    return data


def assert_rich(data: QMimeData | None) -> None:
    assert data is not None
    assert data.text() == "plain 文字"
    assert data.html() == "<p><b>rich</b> 文字</p>"
    image = data.imageData()
    assert isinstance(image, QImage)
    assert image.size() == picture().size()
    assert image.pixelColor(1, 2) == QColor(10, 200, 30)
    assert data.urls() == [QUrl("file:///tmp/report.odt")]
    assert data.colorData() == QColor("#123456")
    assert bytes(data.data(CUSTOM).data()) == b"\x00\x01binary\xff"


def test_snapshot_and_restore_keep_every_format(clipboard: QClipboard) -> None:
    clipboard.setMimeData(rich())
    saved = snapshot(clipboard)
    clipboard.setText("the answer")
    assert clipboard.text() == "the answer"
    restore(clipboard, saved)
    assert_rich(clipboard.mimeData())


def test_snapshot_does_not_follow_the_clipboard(clipboard: QClipboard) -> None:
    clipboard.setText("before")
    saved = snapshot(clipboard)
    clipboard.setText("after")
    assert saved.text() == "before"


def test_saved_data_can_be_restored_twice(clipboard: QClipboard) -> None:
    clipboard.setMimeData(rich())
    saved = snapshot(clipboard)
    for answer in ("first", "second"):
        clipboard.setText(answer)
        restore(clipboard, saved)
        assert_rich(clipboard.mimeData())


def test_restoring_nothing_empties_the_clipboard(clipboard: QClipboard) -> None:
    saved = snapshot(clipboard)
    assert saved.formats() == []
    clipboard.setText("the answer")
    restore(clipboard, saved)
    assert clipboard.text() == ""


def test_x11_pseudo_targets_are_not_copied() -> None:
    source = QMimeData()
    for target in PSEUDO_TARGETS:
        source.setData(target, b"x")
    source.setData("text/plain", b"kept")
    assert copy_mime(source).formats() == ["text/plain"]


@pytest.mark.parametrize(("text", "expected"), [
    ("copied words", ("copied words", "clipboard")),
    ("", ("", "")),
    ("  \n ", ("", "")),
])
def test_capture_falls_back_to_the_clipboard(clipboard: QClipboard, text: str,
                                             expected: tuple[str, str]) -> None:
    assert not clipboard.supportsSelection(), "offscreen has no primary selection"
    clipboard.setText(text)
    assert capture_text(clipboard) == expected


def test_replace_pastes_the_answer_then_restores(qtbot: QtBot, clipboard: QClipboard) -> None:
    clipboard.setMimeData(rich())
    seen_by_paste: list[str] = []
    pending = replace_selection(clipboard, "the answer",
                                lambda: seen_by_paste.append(clipboard.text()),
                                restore_after_ms=10)
    assert clipboard.text() == "the answer", "the answer must wait for the other app"
    with qtbot.waitSignal(pending.restored, timeout=5000) as restored:
        pass
    assert restored.args == [True]
    assert seen_by_paste == ["the answer"]
    assert_rich(clipboard.mimeData())


def test_a_newer_copy_by_the_user_is_kept(qtbot: QtBot, clipboard: QClipboard) -> None:
    clipboard.setText("old")
    pending = replace_selection(clipboard, "the answer", lambda: None, restore_after_ms=10)
    clipboard.setText("copied meanwhile")
    with qtbot.waitSignal(pending.restored, timeout=5000) as restored:
        pass
    assert restored.args == [False]
    assert clipboard.text() == "copied meanwhile"


def test_failed_paste_restores_at_once(clipboard: QClipboard) -> None:
    clipboard.setMimeData(rich())

    def paste() -> None:
        raise PasteError("no X11 here")

    with pytest.raises(PasteError, match="no X11"):
        replace_selection(clipboard, "the answer", paste, restore_after_ms=60_000)
    assert_rich(clipboard.mimeData())


def test_restore_now_is_immediate_and_once(qtbot: QtBot, clipboard: QClipboard) -> None:
    clipboard.setText("old")
    pending = replace_selection(clipboard, "the answer", lambda: None, restore_after_ms=60_000)
    with qtbot.waitSignal(pending.restored, timeout=UI_MS) as restored:
        pending.restore_now()
        pending.restore_now()
    assert restored.args == [True]
    assert clipboard.text() == "old"

