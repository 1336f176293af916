"""The GlobalShortcuts portal backend: its messages, and a fake portal on a private bus.

No desktop portal runs here, so a small fake answers on a private
``dbus-daemon``: it speaks the real wire protocol (Request objects, Response
signals, Activated), which is what the backend's thread has to get right.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from jeepney import (  # type: ignore[import-untyped, unused-ignore]
    DBusAddress,
    HeaderFields,
    MessageType,
    Parser,
    message_bus,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped, unused-ignore]
from jeepney.wrappers import unwrap_msg  # type: ignore[import-untyped, unused-ignore]
from pytestqt.qtbot import QtBot

from assistant.gui.hotkey import HotkeyError, parse_shortcut
from assistant.gui.hotkey.portal import (
    PORTAL,
    PortalHotkey,
    bind_shortcuts_message,
    create_session_message,
    no_portal_message,
    preferred_trigger,
    request_path,
)

NO_PORTAL = ("No global-shortcut service is available on this desktop. Bind a shortcut to the "
             "command `assistant quick` in your desktop's keyboard settings (GNOME: Settings "
             "\u2192 Keyboard \u2192 Custom Shortcuts; KDE: System Settings \u2192 Shortcuts "
             "\u2192 Custom Shortcuts).")
SESSION = "/org/freedesktop/portal/desktop/session/1_7/tok"


def round_trip(message: Any) -> Any:
    """``message`` marshalled to bytes and parsed back, as the bus would see it."""
    parser = Parser()
    parser.add_data(message.serialise(serial=1))
    return parser.get_next_message()


def test_bind_shortcuts_marshals_its_array_of_structs() -> None:
    sent = round_trip(bind_shortcuts_message(SESSION, "CTRL+ALT+j", "bind1"))
    fields = sent.header.fields
    assert fields[HeaderFields.signature] == "oa(sa{sv})sa{sv}"
    assert (fields[HeaderFields.destination], fields[HeaderFields.path],
            fields[HeaderFields.interface], fields[HeaderFields.member]) == (
        "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
        "org.freedesktop.portal.GlobalShortcuts", "BindShortcuts")
    assert sent.body == (SESSION, [("quick-prompt", {
        "description": ("s", "Open the quick prompt"),
        "preferred_trigger": ("s", "CTRL+ALT+j")})], "", {"handle_token": ("s", "bind1")})


def test_create_session_names_request_and_session() -> None:
    sent = round_trip(create_session_message("tok"))
    assert sent.header.fields[HeaderFields.signature] == "a{sv}"
    assert sent.body == ({"handle_token": ("s", "tok"), "session_handle_token": ("s", "tok")},)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Ctrl+Alt+J", "CTRL+ALT+j"), ("Meta+Shift+F1", "SHIFT+LOGO+F1"),
    ("Ctrl+Space", "CTRL+space"), ("Alt+Ctrl+PgUp", "CTRL+ALT+Prior"), ("Ctrl+,", "CTRL+comma"),
])
def test_preferred_trigger_follows_the_shortcuts_spec(text: str, trigger: str) -> None:
    assert preferred_trigger(parse_shortcut(text)) == trigger


def test_request_path_is_derived_from_the_unique_name() -> None:
    assert request_path(":1.42", "tok") == "/org/freedesktop/portal/desktop/request/1_42/tok"


@pytest.mark.parametrize("environ", [
    {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/dbus-socket"},
    {"DBUS_SESSION_BUS_ADDRESS": "tcp:host=localhost,port=1"},
    {"XDG_RUNTIME_DIR": "/nonexistent"},
    {},
])
def test_no_session_bus_gives_the_instructions(qtbot: QtBot, environ: dict[str, str]) -> None:
    backend = PortalHotkey(environ)
    with pytest.raises(HotkeyError) as caught:
        backend.register("Ctrl+Alt+J")
    assert str(caught.value) == NO_PORTAL == no_portal_message()
    assert backend.shortcut == ""


@pytest.fixture
def bus() -> Iterator[str]:
    """A private session bus (a real dbus-daemon) for this test only."""
    if not shutil.which("dbus-daemon"):
        pytest.fail("dbus-daemon is needed (apt-get install dbus-daemon; see .ci/run)")
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()  # printed once it listens
    yield address
    daemon.terminate()
    daemon.wait(10)


class FakePortal:
    """Owns org.freedesktop.portal.Desktop and answers like xdg-desktop-portal."""

    def __init__(self, address: str, interface: bool = True, bind_response: int = 0) -> None:
        self.interface, self.bind_response = interface, bind_response
        self.binds: list[Any] = []
        self.session = ""
        self.connection = open_dbus_connection(address)
        unwrap_msg(self.connection.send_and_get_reply(message_bus.RequestName(PORTAL.bus_name)))
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        try:
            while True:
                message = self.connection.receive()
                if message.header.message_type == MessageType.method_call:
                    self._answer(message)
        except OSError:
            pass  # closed by stop()

    def _answer(self, call: Any) -> None:
        fields, send = call.header.fields, self.connection.send
        member, sender = fields[HeaderFields.member], fields[HeaderFields.sender]
        if member == "Get" and self.interface and call.body[0] == PORTAL.interface:
            send(new_method_return(call, "v", (("u", 1),)))
        elif member == "CreateSession":
            options = call.body[0]
            self.session = (f"/org/freedesktop/portal/desktop/session/"
                            f"{sender[1:].replace('.', '_')}/{options['session_handle_token'][1]}")
            self._respond(call, options["handle_token"][1], 0,
                          {"session_handle": ("s", self.session)})
        elif member == "BindShortcuts":
            self.binds.append(call.body)
            shortcuts = [("quick-prompt", {"trigger_description": ("s", "Ctrl+Alt+J")})]
            self._respond(call, call.body[3]["handle_token"][1], self.bind_response,
                          {"shortcuts": ("a(sa{sv})", shortcuts)})
        else:
            send(new_error(call, "org.freedesktop.DBus.Error.InvalidArgs", "s", ("no",)))

    def _respond(self, call: Any, token: str, response: int, results: dict[str, Any]) -> None:
        path = request_path(call.header.fields[HeaderFields.sender], token)
        self.connection.send(new_method_return(call, "o", (path,)))
        request = DBusAddress(path, interface="org.freedesktop.portal.Request")
        self.connection.send(new_signal(request, "Response", "ua{sv}", (response, results)))

    def activate(self, shortcut_id: str = "quick-prompt", session: str = "") -> None:
        self.connection.send(new_signal(PORTAL, "Activated", "osta{sv}",
                                        (session or self.session, shortcut_id, 0, {})))

    def stop(self) -> None:
        self.connection.sock.shutdown(2)
        self.thread.join(10)
        self.connection.close()


@pytest.fixture
def portal(bus: str) -> Iterator[FakePortal]:
    fake = FakePortal(bus)
    yield fake
    fake.stop()


@pytest.fixture
def backend(bus: str, qtbot: QtBot) -> Iterator[PortalHotkey]:
    hotkey = PortalHotkey({"DBUS_SESSION_BUS_ADDRESS": bus})
    yield hotkey
    hotkey.close()


def test_binds_then_activates(qtbot: QtBot, portal: FakePortal, backend: PortalHotkey) -> None:
    with qtbot.waitSignal(backend.bound, timeout=10000) as bound:
        backend.register("Ctrl+Alt+J")
    assert bound.args == ["Ctrl+Alt+J"]
    assert portal.binds[0][1] == [("quick-prompt", {
        "description": ("s", "Open the quick prompt"),
        "preferred_trigger": ("s", "CTRL+ALT+j")})]
    with qtbot.waitSignal(backend.activated, timeout=10000):
        portal.activate()
    with qtbot.assertNotEmitted(backend.activated, wait=200):
        portal.activate(shortcut_id="something-else")
        portal.activate(session="/org/freedesktop/portal/desktop/session/1_99/other")
    assert backend.status_text() == ("Hotkey: Ctrl+Alt+J (XDG desktop portal "
                                     "(GlobalShortcuts))")


def test_pause_ends_the_session_and_resume_binds_again(qtbot: QtBot, portal: FakePortal,
                                                       backend: PortalHotkey) -> None:
    with qtbot.waitSignal(backend.bound, timeout=10000):
        backend.register("Ctrl+Alt+J")
    backend.set_paused(True)
    with qtbot.assertNotEmitted(backend.activated, wait=200):
        portal.activate()
    with qtbot.waitSignal(backend.bound, timeout=10000):
        backend.set_paused(False)
    assert len(portal.binds) == 2
    with qtbot.waitSignal(backend.activated, timeout=10000):
        portal.activate()


def test_desktop_refusal_is_reported_later(qtbot: QtBot, bus: str,
                                           backend: PortalHotkey) -> None:
    fake = FakePortal(bus, bind_response=1)  # the user cancelled the desktop's dialog
    try:
        with qtbot.waitSignal(backend.failed, timeout=10000) as failed:
            backend.register("Ctrl+Alt+J")
    finally:
        fake.stop()
    assert failed.args[0].startswith("The desktop did not set up the hotkey Ctrl+Alt+J.")


@pytest.mark.parametrize("interface", [False, None], ids=["no-interface", "no-portal"])
def test_bus_without_global_shortcuts_gives_the_instructions(
        qtbot: QtBot, bus: str, backend: PortalHotkey, interface: bool | None) -> None:
    fake = FakePortal(bus, interface=False) if interface is False else None
    try:
        with pytest.raises(HotkeyError) as caught:
            backend.register("Ctrl+Alt+J")
    finally:
        if fake is not None:
            fake.stop()
    assert str(caught.value) == NO_PORTAL
