"""The global hotkey on Wayland: the XDG desktop portal's GlobalShortcuts interface.

Wayland lets no client grab keys; the desktop binds the shortcut for us and
sends ``Activated``. QtDBus cannot build ``BindShortcuts``' ``a(sa{sv})``
argument, so the pure-Python ``jeepney`` speaks D-Bus here.

:meth:`PortalHotkey.register` checks, at once and with a short timeout,
that a session bus and the interface exist (else the user is told how to
bind ``assistant quick`` by hand). The rest waits on the desktop, which may
ask the user to confirm the shortcut, so it runs on a thread with its own
blocking connection: CreateSession, BindShortcuts, then Activated signals,
each reported to the GUI thread through a queued signal. Closing the
connection ends the portal session.
Spec: https://flatpak.github.io/xdg-desktop-portal/docs/doc-org.freedesktop.portal.GlobalShortcuts.html
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from collections.abc import Mapping
from typing import Any

from jeepney import (  # type: ignore[import-untyped, unused-ignore]
    DBusAddress,
    MatchRule,
    Message,
    Properties,
    message_bus,
    new_method_call,
)
from jeepney.io.blocking import (  # type: ignore[import-untyped, unused-ignore]
    DBusConnection,
    open_dbus_connection,
)
from jeepney.wrappers import unwrap_msg  # type: ignore[import-untyped, unused-ignore]
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from assistant import messages
from assistant.gui.core_text import shown
from assistant.gui.hotkey.base import HotkeyBackend
from assistant.gui.hotkey.shortcut import HotkeyError, Shortcut, keysym_name

log = logging.getLogger(__name__)

PORTAL = DBusAddress("/org/freedesktop/portal/desktop", bus_name="org.freedesktop.portal.Desktop",
                     interface="org.freedesktop.portal.GlobalShortcuts")
SHORTCUT_ID = "quick-prompt"
CHECK_TIMEOUT = 3.0
"""Seconds the GUI thread may wait for the portal to answer at registration."""
_TRIGGER_MODIFIERS = {"Ctrl": "CTRL", "Alt": "ALT", "Shift": "SHIFT", "Meta": "LOGO"}


# messages.Message: in this module, Message is jeepney's D-Bus message.
NO_PORTAL = messages.Message.of(
    "No global-shortcut service is available on this desktop. Bind a shortcut to "
    "the command `assistant quick` in your desktop's keyboard settings (GNOME: Settings "
    "\u2192 Keyboard \u2192 Custom Shortcuts; KDE: System Settings \u2192 Shortcuts "
    "\u2192 Custom Shortcuts).")
"""What to do where no desktop portal offers global shortcuts."""


def no_portal_message() -> str:
    """:data:`NO_PORTAL` in the UI language."""
    return shown(NO_PORTAL)


def preferred_trigger(shortcut: Shortcut) -> str:
    """``shortcut`` in the XDG shortcuts spec's form: "CTRL+ALT+j"."""
    names = [_TRIGGER_MODIFIERS[name] for name in ("Ctrl", "Alt", "Shift", "Meta")
             if name in shortcut.modifiers]
    return "+".join([*names, keysym_name(shortcut.key)])


def create_session_message(token: str) -> Message:
    """``CreateSession(a{sv} options)``; ``token`` names the Request and the Session."""
    return new_method_call(PORTAL, "CreateSession", "a{sv}", (
        {"handle_token": ("s", token), "session_handle_token": ("s", token)},))


def bind_shortcuts_message(session: str, trigger: str, token: str) -> Message:
    """``BindShortcuts(o session, a(sa{sv}) shortcuts, s parent_window, a{sv} options)``."""
    description = QCoreApplication.translate("Hotkey", "Open the quick prompt")
    shortcuts = [(SHORTCUT_ID, {"description": ("s", description),
                                "preferred_trigger": ("s", trigger)})]
    return new_method_call(PORTAL, "BindShortcuts", "oa(sa{sv})sa{sv}",
                           (session, shortcuts, "", {"handle_token": ("s", token)}))


def request_path(unique_name: str, token: str) -> str:
    """The Request object the portal will answer on (predictable since portal 0.9)."""
    return f"/org/freedesktop/portal/desktop/request/{unique_name[1:].replace('.', '_')}/{token}"


def session_bus_address(environ: Mapping[str, str]) -> str | None:
    """The session bus as libdbus finds it: the variable, else the systemd user bus."""
    address = environ.get("DBUS_SESSION_BUS_ADDRESS")
    if address:
        return address
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.exists(os.path.join(runtime, "bus")):
        return f"unix:path={os.path.join(runtime, 'bus')}"
    return None


class PortalRefused(Exception):
    """A portal Request ended with a non-zero response (1: the user cancelled)."""


class PortalHotkey(HotkeyBackend):
    """Global hotkey bound by the desktop through the GlobalShortcuts portal.

    ``environ`` supplies the session bus address (the process environment by
    default). Errors after :meth:`register` returned arrive as ``failed``.

    Signals (besides HotkeyBackend's):
        bound(str): the desktop bound the shortcut and we listen for it; the
            text is the desktop's own description of the trigger it chose
            (the user may pick another than ours), "" if it gave none.
    """

    bound = Signal(str)
    _event = Signal(int, str, str)
    """(generation, kind, detail) from the D-Bus thread; kind is "bound",
    "activated", "refused" or "failed"."""

    def __init__(self, environ: Mapping[str, str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._environ = os.environ if environ is None else environ
        self._generation = 0
        self._connection: Any = None
        self._thread: threading.Thread | None = None
        self._event.connect(self._on_event, Qt.ConnectionType.QueuedConnection)

    @property
    def method(self) -> str:
        """Shown in Settings."""
        return QCoreApplication.translate("Hotkey", "XDG desktop portal (GlobalShortcuts)")

    def _grab(self, shortcut: Shortcut, text: str) -> None:
        address = session_bus_address(self._environ)
        if address is None:
            raise HotkeyError(NO_PORTAL)
        try:
            connection = open_dbus_connection(address)
        except (OSError, RuntimeError, ValueError) as exc:
            log.info("no session bus at %s: %s", address, exc)
            raise HotkeyError(NO_PORTAL) from exc
        try:
            version = unwrap_msg(connection.send_and_get_reply(
                Properties(PORTAL).get("version"), timeout=CHECK_TIMEOUT))[0][1]
            log.info("GlobalShortcuts portal version %s", version)
        except Exception as exc:  # no portal, no interface, a timeout: all mean the same
            connection.close()
            log.info("no GlobalShortcuts portal: %s", exc)
            raise HotkeyError(NO_PORTAL) from exc
        self._generation += 1
        self._connection = connection
        self._thread = threading.Thread(
            target=self._run, name="hotkey-portal", daemon=True,
            args=(connection, preferred_trigger(shortcut), self._generation))
        self._thread.start()

    def _release(self) -> None:
        self._generation += 1  # anything still queued from the old session is ignored
        connection, thread = self._connection, self._thread
        self._connection = self._thread = None
        if connection is None:
            return
        try:
            connection.sock.shutdown(socket.SHUT_RDWR)  # wakes the thread's blocking read
        except OSError:
            pass
        if thread is not None:
            thread.join(5)
        connection.close()

    def _run(self, connection: DBusConnection, trigger: str, generation: int) -> None:
        """The D-Bus thread: bind the shortcut, then report each activation."""
        try:
            token = f"assistant_{secrets.token_hex(8)}"
            session = _request(connection, create_session_message(token), token)
            handle = str(session["session_handle"][1])
            bind_token = f"assistant_{secrets.token_hex(8)}"
            bound = _request(connection, bind_shortcuts_message(handle, trigger, bind_token),
                             bind_token)
            rule = MatchRule(type="signal", interface=PORTAL.interface, member="Activated",
                             path=PORTAL.object_path)
            unwrap_msg(connection.send_and_get_reply(message_bus.AddMatch(rule)))
            with connection.filter(rule, bufsize=16) as signals:
                self._event.emit(generation, "bound", _trigger_description(bound))
                while True:
                    signal = connection.recv_until_filtered(signals)
                    if signal.body[0] == handle and signal.body[1] == SHORTCUT_ID:
                        self._event.emit(generation, "activated", "")
        except PortalRefused as exc:
            self._event.emit(generation, "refused", str(exc))
        except Exception as exc:  # noqa: BLE001 - a thread must not die silently: GUI says it
            self._event.emit(generation, "failed", f"{type(exc).__name__}: {exc}")

    @Slot(int, str, str)
    def _on_event(self, generation: int, kind: str, detail: str) -> None:
        if generation != self._generation:
            return  # from a session released since (the socket shutdown, a pause)
        if kind == "activated":
            self.activated.emit()
        elif kind == "bound":
            log.info("the desktop bound the hotkey to %r", detail)
            self.bound.emit(detail)
        elif kind == "refused":
            self._lost(QCoreApplication.translate(
                "Hotkey", "The desktop did not set up the hotkey {shortcut}. Try again from "
                "Settings, or bind the command `assistant quick` in your desktop's keyboard "
                "settings.").format(shortcut=self.shortcut))
        else:
            self._lost(QCoreApplication.translate(
                "Hotkey", "The desktop's global-shortcut service stopped answering ({error}); "
                "the hotkey {shortcut} no longer works. Restart the app, or bind the command "
                "`assistant quick` in your desktop's keyboard settings.").format(
                error=detail, shortcut=self.shortcut))


def _trigger_description(results: dict[str, Any]) -> str:
    """The desktop's description of our shortcut's trigger in BindShortcuts' results."""
    for shortcut_id, properties in results.get("shortcuts", ("", []))[1]:
        if shortcut_id == SHORTCUT_ID and "trigger_description" in properties:
            return str(properties["trigger_description"][1])
    return ""


def _request(connection: DBusConnection, message: Message, token: str) -> dict[str, Any]:
    """Call a portal method that answers with a Request; return the Response's results.

    The match rule is in place before the call, so a quick Response is not missed.
    """
    rule = MatchRule(type="signal", interface="org.freedesktop.portal.Request",
                     member="Response", path=request_path(connection.unique_name, token))
    unwrap_msg(connection.send_and_get_reply(message_bus.AddMatch(rule)))
    with connection.filter(rule) as responses:
        unwrap_msg(connection.send_and_get_reply(message))
        response, results = connection.recv_until_filtered(responses).body
    if response != 0:
        raise PortalRefused(f"response {response} to {token}")
    return dict(results)
