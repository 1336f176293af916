"""Paste on macOS: Cmd+V as Quartz keyboard events (ApplicationServices, ctypes).

Since macOS 10.14 the system drops events that an app posts into other
apps unless the user has allowed it under Accessibility, and it does so
silently. So :func:`AXIsProcessTrusted` is asked first, and a refusal is a
:class:`PasteError` that says where to allow the app. The permission
belongs to the app the user started, which for ``python3 -m assistant`` is
the terminal (or Python itself).

Apple's ``CGEventCreateKeyboardEvent`` documentation asks for every key of
a combination, modifiers included, to go down and up; the flags are set on
each event as well, so that a key the user still holds (Option, say) does
not turn Cmd+V into something else. All four events are made before the
first is posted: a failure then leaves no key down.

Nothing touches the frameworks at import time, so the module imports (and
is tested with a fake) on any system.
"""

from __future__ import annotations

import ctypes
from types import SimpleNamespace
from typing import Protocol, cast

from assistant.gui.paste.base import PasteError, Paster

APPLICATION_SERVICES = ("/System/Library/Frameworks/ApplicationServices.framework/"
                        "ApplicationServices")
CORE_FOUNDATION = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"

KVK_COMMAND, KVK_ANSI_V = 0x37, 0x09
"""Carbon key codes (``HIToolbox/Events.h``): the left Command key and V."""
EVENT_FLAG_MASK_COMMAND = 0x00100000
"""``kCGEventFlagMaskCommand``."""
HID_EVENT_TAP = 0
"""``kCGHIDEventTap``: where events from the keyboard enter the system."""

_CMD = EVENT_FLAG_MASK_COMMAND
CMD_V = ((KVK_COMMAND, True, _CMD), (KVK_ANSI_V, True, _CMD), (KVK_ANSI_V, False, _CMD),
         (KVK_COMMAND, False, 0))
"""(key code, key down, flags) for each event, in order."""


class Quartz(Protocol):
    """The functions used from ApplicationServices and CoreFoundation, as ctypes has them."""

    def AXIsProcessTrusted(self) -> bool: ...
    def CGEventCreateKeyboardEvent(self, source: int | None, key: int, down: bool,
                                   /) -> int | None: ...
    def CGEventSetFlags(self, event: int | None, flags: int, /) -> None: ...
    def CGEventPost(self, tap: int, event: int | None, /) -> None: ...
    def CFRelease(self, ref: int | None, /) -> None: ...


def load_quartz() -> Quartz:
    """The real frameworks' functions with argument types set."""
    services = ctypes.CDLL(APPLICATION_SERVICES)
    foundation = ctypes.CDLL(CORE_FOUNDATION)
    void_p = ctypes.c_void_p
    trusted = services.AXIsProcessTrusted
    trusted.restype, trusted.argtypes = ctypes.c_bool, []
    create = services.CGEventCreateKeyboardEvent
    create.restype, create.argtypes = void_p, [void_p, ctypes.c_uint16, ctypes.c_bool]
    set_flags = services.CGEventSetFlags
    set_flags.restype, set_flags.argtypes = None, [void_p, ctypes.c_uint64]
    post = services.CGEventPost
    post.restype, post.argtypes = None, [ctypes.c_uint32, void_p]
    release = foundation.CFRelease
    release.restype, release.argtypes = None, [void_p]
    return cast(Quartz, SimpleNamespace(
        AXIsProcessTrusted=trusted, CGEventCreateKeyboardEvent=create,
        CGEventSetFlags=set_flags, CGEventPost=post, CFRelease=release))


class MacPaster(Paster):
    """Presses Cmd+V in the frontmost app with Quartz events.

    ``quartz`` defaults to the real frameworks, loaded on first use; tests
    pass a fake with the same functions.
    """

    def __init__(self, quartz: Quartz | None = None) -> None:
        self._quartz = quartz

    def _api(self) -> Quartz:
        if self._quartz is None:
            try:
                self._quartz = load_quartz()
            except (OSError, AttributeError) as error:
                raise PasteError("Could not load macOS's ApplicationServices to press Cmd+V "
                                 "({error}). The answer is on the clipboard: press Cmd+V.",
                                 error=error) from error
        return self._quartz

    def paste(self) -> None:
        """Post Cmd+V; PasteError if the Accessibility permission is missing."""
        quartz = self._api()
        if not quartz.AXIsProcessTrusted():
            raise PasteError("macOS lets an app press keys in other apps only with the "
                             "Accessibility permission. Allow the assistant (or the terminal "
                             "you start it from) in System Settings \u2192 Privacy & Security "
                             "\u2192 Accessibility. The answer is on the clipboard: press "
                             "Cmd+V.")
        events: list[int] = []
        try:
            for code, down, flags in CMD_V:
                event = quartz.CGEventCreateKeyboardEvent(None, code, down)
                if not event:
                    raise PasteError("macOS could not make the key events for Cmd+V. The "
                                     "answer is on the clipboard: press Cmd+V.")
                events.append(event)
                quartz.CGEventSetFlags(event, flags)
            for event in events:
                quartz.CGEventPost(HID_EVENT_TAP, event)
        finally:
            for event in events:
                quartz.CFRelease(event)
