"""Pasting into the user's window: one small interface, one backend per kind of desktop.

Use::

    paster = paster_for()                 # picks by QGuiApplication.platformName()
    try:
        replace_selection(clipboard, answer, paster.paste)
    except PasteError as exc:             # the answer goes back on the clipboard
        show(exc)                         # the message says which keys to press

=========================  ==============================================  ===========
``platformName()``         backend                                         module
=========================  ==============================================  ===========
xcb                        :class:`X11Paster` (XTEST; Ctrl+Shift+V in      ``x11``
                           terminals, read from the window's WM_CLASS)
xcb in a Wayland session   :class:`NoPaster` (XTEST reaches X windows      ``base``
                           only, and X may not know which window is in
                           front: a wrong window would get the keys)
wayland                    :class:`NoPaster`: no protocol lets an app      ``base``
                           press keys in another app
windows                    :class:`WindowsPaster` (SendInput)              ``windows``
cocoa                      :class:`MacPaster` (Quartz events; needs the    ``macos``
                           Accessibility permission)
anything else              :class:`NoPaster`                               ``base``
=========================  ==============================================  ===========

Backends are imported only when chosen, so python-xlib (a Linux only
dependency) is never imported on Windows or macOS.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtGui import QGuiApplication

from assistant.gui.paste.base import NoPaster, PasteError, Paster

__all__ = ["NoPaster", "PasteError", "Paster", "paster_for"]


def paster_for(platform_name: str | None = None,
               environ: Mapping[str, str] = os.environ) -> Paster:
    """The paster for this machine; never raises, and touches no display or DLL yet.

    ``platform_name`` defaults to ``QGuiApplication.platformName()`` (so a
    QGuiApplication must exist); ``environ`` gives DISPLAY and the session
    type, so tests can choose them.
    """
    name = QGuiApplication.platformName() if platform_name is None else platform_name
    wayland_session = (environ.get("XDG_SESSION_TYPE") == "wayland"
                       or bool(environ.get("WAYLAND_DISPLAY")))
    if name.startswith("wayland") or name == "xcb" and wayland_session:
        return NoPaster(name, wayland=True)
    if name == "xcb":
        from assistant.gui.paste.x11 import X11Paster

        return X11Paster(environ.get("DISPLAY"))
    if name == "windows":
        from assistant.gui.paste.windows import WindowsPaster

        return WindowsPaster()
    if name == "cocoa":
        from assistant.gui.paste.macos import MacPaster

        return MacPaster()
    return NoPaster(name)
