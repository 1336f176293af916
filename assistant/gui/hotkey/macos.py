"""The global hotkey on macOS: Carbon's ``RegisterEventHotKey`` through ctypes.

Carbon hot keys are still the only global-shortcut API that needs no
accessibility permission (an ``NSEvent`` global monitor does). The C macro
``InstallApplicationEventHandler`` is not a symbol in the framework, so its
expansion is called: ``InstallEventHandler(GetApplicationEventTarget(), ...)``.

Key codes are positions on the ANSI (US) keyboard, as Carbon defines them in
``HIToolbox/Events.h`` (``kVK_ANSI_J`` = 0x26 and so on); on another layout
the same physical key is grabbed.

Qt's names on macOS: "Ctrl" is the Command key and "Meta" is the Control
key (Qt swaps them so that "Ctrl+C" means copy everywhere), "Alt" is Option.

Nothing touches the Carbon framework at import time, so the module imports
(and is tested with a fake ``carbon``) on any system.
"""

from __future__ import annotations

import ctypes
from typing import Any, Protocol, cast

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from assistant.gui.hotkey.base import HotkeyBackend
from assistant.gui.hotkey.shortcut import HotkeyError, Shortcut

CARBON_PATH = "/System/Library/Frameworks/Carbon.framework/Carbon"


def four_cc(code: str) -> int:
    """A Mac OSType such as 'keyb' as the 32-bit number Carbon takes."""
    return int.from_bytes(code.encode("ascii"), "big")


CMD_KEY, SHIFT_KEY, OPTION_KEY, CONTROL_KEY = 0x0100, 0x0200, 0x0800, 0x1000
MODIFIER_FLAGS = {"Ctrl": CMD_KEY, "Shift": SHIFT_KEY, "Alt": OPTION_KEY, "Meta": CONTROL_KEY}
"""Qt's "Ctrl" is Command and "Meta" is Control on macOS."""

EVENT_CLASS_KEYBOARD = four_cc("keyb")
EVENT_HOT_KEY_PRESSED = 5
PARAM_DIRECT_OBJECT = four_cc("----")
TYPE_EVENT_HOT_KEY_ID = four_cc("hkid")
SIGNATURE = four_cc("DAsn")
"""Marks our hot key's id, so a stray hot key event is not taken for ours."""
HOTKEY_ID = 1
NO_ERR, EVENT_NOT_HANDLED_ERR, EVENT_HOT_KEY_EXISTS_ERR = 0, -9874, -9878

_ANSI = "ASDFHGZXCV\0BQWERYT123465=97-80]OU[IP\0LJ'K;\\,/NM."
KEY_CODES = {char: code for code, char in enumerate(_ANSI) if char != "\0"} | {
    "`": 0x32, "Return": 0x24, "Tab": 0x30, "Space": 0x31, "Backspace": 0x33, "Esc": 0x35,
    "Enter": 0x4C, "Ins": 0x72, "Home": 0x73, "PgUp": 0x74, "Del": 0x75, "End": 0x77,
    "PgDown": 0x79, "Left": 0x7B, "Right": 0x7C, "Down": 0x7D, "Up": 0x7E,
    "F1": 0x7A, "F2": 0x78, "F3": 0x63, "F4": 0x76, "F5": 0x60, "F6": 0x61, "F7": 0x62,
    "F8": 0x64, "F9": 0x65, "F10": 0x6D, "F11": 0x67, "F12": 0x6F, "F13": 0x69, "F14": 0x6B,
    "F15": 0x71, "F16": 0x6A, "F17": 0x40, "F18": 0x4F, "F19": 0x50, "F20": 0x5A}
"""Carbon virtual key codes (kVK_*); ``_ANSI`` lists kVK_ANSI_A (0) to kVK_ANSI_Period."""
SHIFTED = dict(zip('~!@#$%^&*()_+{}|:"<>?', "`1234567890-=[]\\;',./", strict=True))
"""Qt may name Cmd+Shift+1 "Ctrl+Shift+!": the key under a shifted symbol (US layout)."""


class EventHotKeyID(ctypes.Structure):
    """Carbon's ``EventHotKeyID``."""

    _fields_ = [("signature", ctypes.c_uint32), ("id", ctypes.c_uint32)]


class EventTypeSpec(ctypes.Structure):
    """Carbon's ``EventTypeSpec``."""

    _fields_ = [("eventClass", ctypes.c_uint32), ("eventKind", ctypes.c_uint32)]


EventHandlerProc = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_void_p, ctypes.c_void_p,
                                    ctypes.c_void_p)
"""``OSStatus (*)(EventHandlerCallRef, EventRef, void *userData)``."""


class Carbon(Protocol):
    """The Carbon functions used, as ctypes exposes them (pointers by ``byref``)."""

    def GetApplicationEventTarget(self) -> int | None: ...
    def InstallEventHandler(self, target: int | None, handler: Any, count: int, types: Any,
                            user_data: Any, out_ref: Any, /) -> int: ...
    def RemoveEventHandler(self, ref: int | None, /) -> int: ...
    def RegisterEventHotKey(self, code: int, modifiers: int, hotkey_id: EventHotKeyID,
                            target: int | None, options: int, out_ref: Any, /) -> int: ...
    def UnregisterEventHotKey(self, ref: int | None, /) -> int: ...
    def GetEventParameter(self, event: int | None, name: int, wanted_type: int,
                          out_type: Any, size: int, out_size: Any, out_data: Any, /) -> int: ...


def load_carbon() -> Carbon:
    """The real Carbon framework with argument types set."""
    dll = ctypes.CDLL(CARBON_PATH)
    void_p, uint32, status = ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int32
    signatures: dict[str, tuple[Any, list[Any]]] = {
        "GetApplicationEventTarget": (void_p, []),
        "InstallEventHandler": (status, [void_p, EventHandlerProc, uint32,
                                         ctypes.POINTER(EventTypeSpec), void_p,
                                         ctypes.POINTER(void_p)]),
        "RemoveEventHandler": (status, [void_p]),
        "RegisterEventHotKey": (status, [uint32, uint32, EventHotKeyID, void_p, uint32,
                                         ctypes.POINTER(void_p)]),
        "UnregisterEventHotKey": (status, [void_p]),
        "GetEventParameter": (status, [void_p, uint32, uint32, void_p, ctypes.c_size_t,
                                       void_p, void_p]),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(dll, name)
        function.restype, function.argtypes = restype, argtypes
    return cast(Carbon, dll)


def key_code(shortcut: Shortcut, text: str) -> int:
    """Carbon's key code for ``shortcut.key``; HotkeyError if a Mac has no such key."""
    key = SHIFTED.get(shortcut.key, shortcut.key)
    code = KEY_CODES.get(key)
    if code is None:
        raise HotkeyError("{shortcut}: a Mac keyboard has no {key} key. Pick a different "
                          "shortcut in Settings.", shortcut=text, key=shortcut.key)
    return code


class MacHotkey(HotkeyBackend):
    """Global hotkey through Carbon's ``RegisterEventHotKey``.

    ``carbon`` defaults to the real framework, loaded on first use; tests
    pass a fake with the same functions.
    """

    _pressed = Signal()
    """Emitted inside the Carbon callback; queued to ``activated`` so the
    app's slots run after Carbon's dispatch has returned."""

    def __init__(self, carbon: Carbon | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._carbon = carbon
        self._hotkey_ref = ctypes.c_void_p()
        self._handler_ref = ctypes.c_void_p()
        # ctypes frees a callback object that Python no longer references,
        # and Carbon would then call freed memory: keep it on self.
        self._callback = EventHandlerProc(self._on_event)
        self._pressed.connect(self.activated, Qt.ConnectionType.QueuedConnection)

    @property
    def method(self) -> str:
        """Shown in Settings."""
        return QCoreApplication.translate("Hotkey", "macOS Carbon hot key")

    def _api(self) -> Carbon:
        if self._carbon is None:
            self._carbon = load_carbon()
        return self._carbon

    def _grab(self, shortcut: Shortcut, text: str) -> None:
        code = key_code(shortcut, text)
        modifiers = 0
        for name in shortcut.modifiers:
            modifiers |= MODIFIER_FLAGS[name]
        carbon = self._api()
        target = carbon.GetApplicationEventTarget()
        if not self._handler_ref.value:
            spec = EventTypeSpec(EVENT_CLASS_KEYBOARD, EVENT_HOT_KEY_PRESSED)
            status = carbon.InstallEventHandler(target, self._callback, 1, ctypes.byref(spec),
                                                None, ctypes.byref(self._handler_ref))
            if status != NO_ERR:
                raise self._refused(text, status)
        status = carbon.RegisterEventHotKey(code, modifiers, EventHotKeyID(SIGNATURE, HOTKEY_ID),
                                            target, 0, ctypes.byref(self._hotkey_ref))
        if status == EVENT_HOT_KEY_EXISTS_ERR:
            raise HotkeyError.taken(text)
        if status != NO_ERR:
            raise self._refused(text, status)

    def _release(self) -> None:
        if self._carbon is None:
            return
        if self._hotkey_ref.value:
            self._carbon.UnregisterEventHotKey(self._hotkey_ref.value)
            self._hotkey_ref.value = None
        if self._handler_ref.value:
            self._carbon.RemoveEventHandler(self._handler_ref.value)
            self._handler_ref.value = None

    @staticmethod
    def _refused(text: str, status: int) -> HotkeyError:
        return HotkeyError("macOS refused the hotkey {shortcut} (error {code}). Pick a "
                           "different shortcut in Settings.", shortcut=text, code=status)

    def _on_event(self, _call: int | None, event: int | None, _data: int | None) -> int:
        """The Carbon handler: ours if the event carries our hot key id."""
        if self._carbon is None:
            return EVENT_NOT_HANDLED_ERR
        hotkey_id = EventHotKeyID()
        status = self._carbon.GetEventParameter(event, PARAM_DIRECT_OBJECT,
                                                TYPE_EVENT_HOT_KEY_ID, None,
                                                ctypes.sizeof(hotkey_id), None,
                                                ctypes.byref(hotkey_id))
        if status != NO_ERR or (hotkey_id.signature, hotkey_id.id) != (SIGNATURE, HOTKEY_ID):
            return EVENT_NOT_HANDLED_ERR
        self._pressed.emit()
        return NO_ERR
