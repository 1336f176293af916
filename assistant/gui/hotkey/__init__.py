"""Global hotkey: one small interface, one backend per kind of desktop.

Use::

    hotkey = create_hotkey_backend()          # picks by QGuiApplication.platformName()
    hotkey.activated.connect(open_quick_prompt)
    hotkey.failed.connect(lambda text: tray.set_status(text, problem=True))
    try:
        hotkey.register(settings.hotkey)      # "" means no hotkey
    except HotkeyError as exc:                # the app still starts; the tray says why
        tray.set_status(str(exc), problem=True)
    settings dialog: hotkey.method; tray tooltip: hotkey.status_text()

=========================  =========================================  =================
``platformName()``         backend                                    module
=========================  =========================================  =================
xcb                        :class:`X11Hotkey` (XGrabKey, python-xlib)  ``x11``
xcb in a Wayland session   :class:`PortalHotkey` (an X grab there only
                           sees keys while an X window has the focus)  ``portal``
wayland                    :class:`PortalHotkey` (jeepney)             ``portal``
windows                    :class:`WindowsHotkey` (RegisterHotKey)     ``windows``
cocoa                      :class:`MacHotkey` (Carbon)                 ``macos``
anything else              :class:`NoHotkey`                           ``base``
=========================  =========================================  =================

Backends are imported only when chosen, so python-xlib and jeepney (Linux
only dependencies) are never imported on Windows or macOS.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from assistant.gui.hotkey.base import HotkeyBackend, NoHotkey
from assistant.gui.hotkey.shortcut import HotkeyError, Shortcut, parse_shortcut

__all__ = ["HotkeyBackend", "HotkeyError", "NoHotkey", "Shortcut", "create_hotkey_backend",
           "parse_shortcut"]


def create_hotkey_backend(platform_name: str | None = None,
                          environ: Mapping[str, str] = os.environ,
                          parent: QObject | None = None) -> HotkeyBackend:
    """The backend for this machine; never raises, even without an X server or bus.

    ``platform_name`` defaults to ``QGuiApplication.platformName()`` (so a
    QGuiApplication must exist); ``environ`` gives DISPLAY, the session type
    and the D-Bus address, so tests can choose them.
    """
    name = QGuiApplication.platformName() if platform_name is None else platform_name
    wayland_session = (environ.get("XDG_SESSION_TYPE") == "wayland"
                       or bool(environ.get("WAYLAND_DISPLAY")))
    if name.startswith("wayland") or name == "xcb" and wayland_session:
        from assistant.gui.hotkey.portal import PortalHotkey

        return PortalHotkey(environ, parent)
    if name == "xcb":
        from assistant.gui.hotkey.x11 import X11Hotkey

        return X11Hotkey(environ.get("DISPLAY"), parent)
    if name == "windows":
        from assistant.gui.hotkey.windows import WindowsHotkey

        return WindowsHotkey(parent=parent)
    if name == "cocoa":
        from assistant.gui.hotkey.macos import MacHotkey

        return MacHotkey(parent=parent)
    return NoHotkey(name, parent)
