"""The global hotkey on Windows: ``RegisterHotKey`` and a native event filter.

``RegisterHotKey(NULL, id, ...)`` makes Windows post ``WM_HOTKEY`` to the
calling thread's message queue, which is the GUI thread's; Qt's event
dispatcher hands every message it takes from that queue to the application's
native event filters, where :class:`HotkeyFilter` picks ours out.

Known limit: a thread message (no window handle) is dropped while a native
modal loop runs, e.g. while a window is being dragged
(https://learn.microsoft.com/en-us/windows/win32/api/winuser/nf-winuser-postthreadmessagew,
Remarks); the key then does nothing until the drag ends.

Nothing here touches ``ctypes.WinDLL`` at import time, so the module imports
(and is tested with a fake ``user32``) on any system.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Protocol, cast

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QByteArray,
    QCoreApplication,
    QObject,
    Qt,
    Signal,
)

from assistant.gui.hotkey.base import HotkeyBackend
from assistant.gui.hotkey.shortcut import HotkeyError, Shortcut

WM_HOTKEY = 0x0312
MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN = 0x0001, 0x0002, 0x0004, 0x0008
MOD_NOREPEAT = 0x4000
"""Windows itself drops the repeats of a held key (Windows 7 and later)."""
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
HOTKEY_ID = 0x0A55
"""Our id for RegisterHotKey; applications must use 0x0000 to 0xBFFF."""

MODIFIER_FLAGS = {"Ctrl": MOD_CONTROL, "Alt": MOD_ALT, "Shift": MOD_SHIFT, "Meta": MOD_WIN}
"""Qt's "Meta" is the Windows key on Windows."""

VIRTUAL_KEYS = {
    "Esc": 0x1B, "Tab": 0x09, "Backspace": 0x08, "Return": 0x0D, "Enter": 0x0D, "Ins": 0x2D,
    "Del": 0x2E, "Pause": 0x13, "Print": 0x2C, "Home": 0x24, "End": 0x23, "Left": 0x25,
    "Up": 0x26, "Right": 0x27, "Down": 0x28, "PgUp": 0x21, "PgDown": 0x22, "Space": 0x20,
    "Menu": 0x5D,
} | {chr(code): code for code in range(0x30, 0x3A)} | {
    chr(code): code for code in range(0x41, 0x5B)} | {
    f"F{number}": 0x6F + number for number in range(1, 25)}
"""Virtual-key codes that are the same on every layout; punctuation asks VkKeyScanW."""


class User32(Protocol):
    """The three user32.dll functions used, as ctypes exposes them."""

    def RegisterHotKey(self, hwnd: int | None, hotkey_id: int, modifiers: int,
                       vk: int, /) -> int: ...

    def UnregisterHotKey(self, hwnd: int | None, hotkey_id: int, /) -> int: ...

    def VkKeyScanW(self, char: str, /) -> int: ...


class NativeFilterHost(Protocol):
    """Where native event filters are installed: the QCoreApplication."""

    def installNativeEventFilter(
            self, filter_object: QAbstractNativeEventFilter, /) -> None: ...

    def removeNativeEventFilter(
            self, filter_object: QAbstractNativeEventFilter, /) -> None: ...


class MSG(ctypes.Structure):
    """The Win32 ``MSG`` structure that Qt passes as "windows_generic_MSG"."""

    _fields_ = [("hwnd", ctypes.c_void_p), ("message", ctypes.c_uint32),
                ("wParam", ctypes.c_size_t), ("lParam", ctypes.c_ssize_t),
                ("time", ctypes.c_uint32), ("pt_x", ctypes.c_int32), ("pt_y", ctypes.c_int32)]


def load_user32() -> tuple[User32, Callable[[], int]]:
    """The real user32.dll with argument types set, and ``ctypes.get_last_error``.

    ``use_last_error`` keeps GetLastError's value safe from Python's own calls.
    """
    if sys.platform != "win32":
        raise HotkeyError("RegisterHotKey exists only on Windows.")
    dll = ctypes.WinDLL("user32", use_last_error=True)
    dll.RegisterHotKey.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint, ctypes.c_uint]
    dll.RegisterHotKey.restype = ctypes.c_int
    dll.UnregisterHotKey.argtypes = [ctypes.c_void_p, ctypes.c_int]
    dll.UnregisterHotKey.restype = ctypes.c_int
    dll.VkKeyScanW.argtypes = [ctypes.c_wchar]
    dll.VkKeyScanW.restype = ctypes.c_short
    return cast(User32, dll), ctypes.get_last_error


class HotkeyFilter(QAbstractNativeEventFilter):
    """Calls ``on_hotkey`` for ``WM_HOTKEY`` messages carrying ``hotkey_id``."""

    def __init__(self, hotkey_id: int, on_hotkey: Callable[[], None]) -> None:
        super().__init__()
        self.hotkey_id = hotkey_id
        self.on_hotkey = on_hotkey

    def nativeEventFilter(self, eventType: QByteArray | bytes | bytearray | memoryview,
                          message: int) -> object:
        """PySide6 wants ``(handled, result)`` back; ours is consumed, all else passes."""
        kind = eventType.data() if isinstance(eventType, QByteArray) else bytes(eventType)
        if kind == b"windows_generic_MSG" and message:
            msg = MSG.from_address(int(message))
            if msg.message == WM_HOTKEY and msg.wParam == self.hotkey_id:
                self.on_hotkey()
                return True, 0
        return False, 0


class WindowsHotkey(HotkeyBackend):
    """Global hotkey through ``RegisterHotKey``; must live on the GUI thread.

    ``user32``/``last_error`` and ``filter_host`` default to the real DLL and
    the running QCoreApplication; tests pass fakes.
    """

    _pressed = Signal()
    """Emitted inside the native filter; queued to ``activated`` so the app's
    slots run after Windows' message dispatch has returned."""

    def __init__(self, user32: User32 | None = None, last_error: Callable[[], int] | None = None,
                 filter_host: NativeFilterHost | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._user32 = user32
        self._last_error = last_error or (lambda: 0)
        self._host = filter_host
        self._filter = HotkeyFilter(HOTKEY_ID, self._pressed.emit)
        self._pressed.connect(self.activated, Qt.ConnectionType.QueuedConnection)

    @property
    def method(self) -> str:
        """Shown in Settings."""
        return QCoreApplication.translate("Hotkey", "Windows RegisterHotKey")

    def _api(self) -> User32:
        if self._user32 is None:
            self._user32, self._last_error = load_user32()
        return self._user32

    def _filter_host(self) -> NativeFilterHost:
        if self._host is None:
            app = QCoreApplication.instance()
            if app is None:
                raise HotkeyError("The global hotkey needs the application to be running.")
            self._host = app
        return self._host

    def virtual_key(self, shortcut: Shortcut, text: str) -> int:
        """The virtual-key code of ``shortcut.key`` on the current keyboard layout."""
        code = VIRTUAL_KEYS.get(shortcut.key)
        if code is None and len(shortcut.key) == 1:
            scanned = self._api().VkKeyScanW(shortcut.key)
            code = scanned & 0xFF if scanned != -1 else None
        if code is None:
            raise HotkeyError("{shortcut}: the key {key} is not on this keyboard layout. Pick a "
                              "different shortcut in Settings.", shortcut=text, key=shortcut.key)
        return code

    def _grab(self, shortcut: Shortcut, text: str) -> None:
        flags = MOD_NOREPEAT
        for name in shortcut.modifiers:
            flags |= MODIFIER_FLAGS[name]
        vk = self.virtual_key(shortcut, text)
        host = self._filter_host()
        if not self._api().RegisterHotKey(None, HOTKEY_ID, flags, vk):
            error = self._last_error()
            if error == ERROR_HOTKEY_ALREADY_REGISTERED:
                raise HotkeyError.taken(text)
            raise HotkeyError("Windows refused the hotkey {shortcut} (error {code}). Pick a "
                              "different shortcut in Settings.", shortcut=text, code=error)
        host.installNativeEventFilter(self._filter)

    def _release(self) -> None:
        if self._host is not None:
            self._host.removeNativeEventFilter(self._filter)
        if self._user32 is not None:
            self._user32.UnregisterHotKey(None, HOTKEY_ID)
