"""Paste on Windows: Ctrl+V through ``SendInput`` (user32, ctypes).

All four key events go in one ``SendInput`` call, so the user's own typing
cannot come between them. ``SendInput`` returns how many events it
inserted; fewer than four means Windows refused, typically because the
window in front runs as administrator and we do not (User Interface
Privilege Isolation, which neither the count nor GetLastError names:
https://learn.microsoft.com/en-us/windows/win32/api/winuser/nf-winuser-sendinput,
Remarks). Keys that went down before the refusal are sent up again, so that
Ctrl does not stay held for the user.

Terminals need nothing special here: Windows Terminal and the console host
both paste with Ctrl+V.

Nothing here touches ``ctypes.WinDLL`` at import time, so the module imports
(and is tested with a fake ``user32``) on any system.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Sequence
from typing import Any, Protocol, cast

from assistant.gui.paste.base import PasteError, Paster

INPUT_KEYBOARD = 1
KEYEVENTF_KEYUP = 0x0002
VK_CONTROL = 0x11
VK_V = 0x56
"""Virtual-key codes are the same on every layout; apps read Ctrl+V from them."""
MAPVK_VK_TO_VSC = 0

CTRL_V = ((VK_CONTROL, 0), (VK_V, 0), (VK_V, KEYEVENTF_KEYUP), (VK_CONTROL, KEYEVENTF_KEYUP))
"""(virtual key, flags) for each event, in order."""


class KEYBDINPUT(ctypes.Structure):
    """Win32 ``KEYBDINPUT``; fixed-size types, so the layout is right on any host."""

    _fields_ = [("wVk", ctypes.c_uint16), ("wScan", ctypes.c_uint16),
                ("dwFlags", ctypes.c_uint32), ("time", ctypes.c_uint32),
                ("dwExtraInfo", ctypes.c_size_t)]


class MOUSEINPUT(ctypes.Structure):
    """Win32 ``MOUSEINPUT``: the union's largest member, so it sets ``sizeof(INPUT)``."""

    _fields_ = [("dx", ctypes.c_int32), ("dy", ctypes.c_int32),
                ("mouseData", ctypes.c_uint32), ("dwFlags", ctypes.c_uint32),
                ("time", ctypes.c_uint32), ("dwExtraInfo", ctypes.c_size_t)]


class HARDWAREINPUT(ctypes.Structure):
    """Win32 ``HARDWAREINPUT``."""

    _fields_ = [("uMsg", ctypes.c_uint32), ("wParamL", ctypes.c_uint16),
                ("wParamH", ctypes.c_uint16)]


class INPUT_UNION(ctypes.Union):
    """The anonymous union inside ``INPUT``."""

    _fields_ = [("mi", MOUSEINPUT), ("ki", KEYBDINPUT), ("hi", HARDWAREINPUT)]


class INPUT(ctypes.Structure):
    """Win32 ``INPUT``; SendInput fails unless ``cbSize`` is exactly its size."""

    _fields_ = [("type", ctypes.c_uint32), ("u", INPUT_UNION)]


class User32(Protocol):
    """The two user32.dll functions used, as ctypes exposes them."""

    def SendInput(self, count: int, inputs: Any, size: int, /) -> int: ...

    def MapVirtualKeyW(self, code: int, map_type: int, /) -> int: ...


def load_user32() -> tuple[User32, Callable[[], int]]:
    """The real user32.dll with argument types set, and ``ctypes.get_last_error``."""
    if sys.platform != "win32":
        raise PasteError("Pressing Ctrl+V through SendInput works only on Windows. The "
                         "answer is on the clipboard: press Ctrl+V.")
    dll = ctypes.WinDLL("user32", use_last_error=True)
    dll.SendInput.argtypes = [ctypes.c_uint, ctypes.POINTER(INPUT), ctypes.c_int]
    dll.SendInput.restype = ctypes.c_uint
    dll.MapVirtualKeyW.argtypes = [ctypes.c_uint, ctypes.c_uint]
    dll.MapVirtualKeyW.restype = ctypes.c_uint
    return cast(User32, dll), ctypes.get_last_error


class WindowsPaster(Paster):
    """Presses Ctrl+V in the foreground window with ``SendInput``.

    ``user32``/``last_error`` default to the real DLL, loaded on first use;
    tests pass a fake that records the events.
    """

    def __init__(self, user32: User32 | None = None,
                 last_error: Callable[[], int] | None = None) -> None:
        self._user32 = user32
        self._last_error = last_error or (lambda: 0)

    def _api(self) -> User32:
        if self._user32 is None:
            self._user32, self._last_error = load_user32()
        return self._user32

    def paste(self) -> None:
        """Send Ctrl+V; PasteError if Windows did not take all four events."""
        user32 = self._api()
        sent = self._send(user32, CTRL_V)
        if sent == len(CTRL_V):
            return
        error = self._last_error()
        stuck = _still_down(CTRL_V[:max(sent, 0)])
        if stuck:
            self._send(user32, [(vk, KEYEVENTF_KEYUP) for vk in stuck])
        raise PasteError("Windows did not let the assistant press Ctrl+V (error {code}); it "
                         "refuses when the window you came from runs as administrator. The "
                         "answer is on the clipboard: press Ctrl+V.", code=error)

    @staticmethod
    def _send(user32: User32, strokes: Sequence[tuple[int, int]]) -> int:
        inputs = (INPUT * len(strokes))()
        for item, (vk, flags) in zip(inputs, strokes, strict=True):
            item.type = INPUT_KEYBOARD
            item.u.ki = KEYBDINPUT(wVk=vk, wScan=user32.MapVirtualKeyW(vk, MAPVK_VK_TO_VSC),
                                   dwFlags=flags)
        return int(user32.SendInput(len(strokes), inputs, ctypes.sizeof(INPUT)))


def _still_down(sent: Sequence[tuple[int, int]]) -> list[int]:
    """Keys pressed but not released in ``sent``, the last pressed first."""
    down: list[int] = []
    for vk, flags in sent:
        if flags & KEYEVENTF_KEYUP:
            if vk in down:
                down.remove(vk)
        else:
            down.append(vk)
    return down[::-1]
