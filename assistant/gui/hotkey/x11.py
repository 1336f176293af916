"""The global hotkey on X11: a passive key grab on the root window (python-xlib).

A separate X connection of our own holds the grab, so Qt's connection and
its event handling stay untouched; a ``QSocketNotifier`` on that connection's
socket reads the events on the GUI thread, with no thread of our own.

Three classic traps are handled here:

* NumLock and CapsLock are modifiers to X: a grab of Ctrl+Alt+J does not
  fire while NumLock is on. The key is grabbed with every lock combination.
* Another program holding the key makes ``XGrabKey`` fail with BadAccess,
  but only asynchronously; a ``sync()`` with an error catcher turns that into
  a :class:`HotkeyError` before :meth:`register` returns.
* Holding the key down repeats it: a repeat is a KeyPress without a
  KeyRelease before it or, without "detectable autorepeat", one with the
  same timestamp as the KeyRelease just before it. Only the first counts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, Slot
from Xlib import XK, X  # type: ignore[import-untyped, unused-ignore]
from Xlib import error as xerror  # type: ignore[import-untyped, unused-ignore]
from Xlib.display import Display  # type: ignore[import-untyped, unused-ignore]

from assistant.gui.core_text import shown
from assistant.gui.hotkey.base import HotkeyBackend
from assistant.gui.hotkey.shortcut import HotkeyError, Shortcut, keysym_name

REPEAT_WINDOW_MS = 1000
"""A press this soon after the last one, with no release between, is autorepeat.

It bounds the damage if a KeyRelease is ever lost: the next press after a
second counts again. X's default repeat delay is 660 ms.
"""


class X11Hotkey(HotkeyBackend):
    """Global hotkey through ``XGrabKey`` on the root window of ``display_name``.

    The X connection opens on the first :meth:`register`, so creating this
    object never fails; a missing X server is a HotkeyError from register.
    """

    def __init__(self, display_name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.display_name = display_name
        self._display: Any = None
        self._notifier: QSocketNotifier | None = None
        self._grabs: list[tuple[int, int]] = []
        self._held = False
        self._last_press = 0
        self._released_at: int | None = None

    @property
    def method(self) -> str:
        """Shown in Settings."""
        return QCoreApplication.translate("Hotkey", "X11 key grab")

    def close(self) -> None:
        """Release the key and close our X connection."""
        super().close()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._display is not None:
            display, self._display = self._display, None
            try:
                display.close()
            except (xerror.ConnectionClosedError, OSError):
                pass

    def _connect(self) -> Any:
        if self._display is None:
            try:
                display = Display(self.display_name)
            except (xerror.DisplayError, OSError) as exc:
                raise HotkeyError("Cannot connect to the X server for the global hotkey "
                                  "({error}). Bind the command `assistant quick` in your "
                                  "desktop's keyboard settings instead.", error=exc) from exc
            self._display = display
            self._notifier = QSocketNotifier(display.fileno(), QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._read_events)
        return self._display

    def _grab(self, shortcut: Shortcut, text: str) -> None:
        display = self._connect()
        keycode = display.keysym_to_keycode(XK.string_to_keysym(keysym_name(shortcut.key)))
        if not keycode:
            raise HotkeyError("{shortcut}: the key {key} is not on this keyboard layout. Pick a "
                              "different shortcut in Settings.", shortcut=text, key=shortcut.key)
        masks = _modifier_masks(display)
        mask = 0
        for name in shortcut.modifiers:
            mask |= masks[name]
        locks = (0, X.LockMask, masks["NumLock"], X.LockMask | masks["NumLock"])
        grabs = [(keycode, mask | lock) for lock in locks]
        catcher = xerror.CatchError()
        root = display.screen().root
        for code, modifiers in grabs:
            root.grab_key(code, modifiers, True, X.GrabModeAsync, X.GrabModeAsync,
                          onerror=catcher)
        display.sync()
        problem = catcher.get_error()
        if problem is not None:
            for code, modifiers in grabs:
                root.ungrab_key(code, modifiers)
            display.sync()
            if isinstance(problem, xerror.BadAccess):
                raise HotkeyError.taken(text)
            raise HotkeyError("The X server refused the hotkey {shortcut} ({error}). Pick a "
                              "different shortcut in Settings.", shortcut=text, error=problem)
        self._grabs, self._held = grabs, False
        # sync() may have read events into python-xlib's queue; the socket
        # notifier will not fire for those.
        self._read_events()

    def _release(self) -> None:
        grabs, self._grabs = self._grabs, []
        if self._display is None or not grabs:
            return
        try:
            root = self._display.screen().root
            for code, modifiers in grabs:
                root.ungrab_key(code, modifiers)
            self._display.sync()
        except (xerror.ConnectionClosedError, OSError):
            pass  # the server is gone, and the grab with it

    @Slot()
    def _read_events(self) -> None:
        display = self._display
        if display is None:
            return
        try:
            while display.pending_events():
                self._handle(display.next_event())
        except (xerror.ConnectionClosedError, OSError) as exc:
            if self._notifier is not None:
                self._notifier.setEnabled(False)
            self._display, self._grabs = None, []
            self._lost(QCoreApplication.translate(
                "Hotkey", "The connection to the X server was lost ({error}); the global "
                "hotkey no longer works. Restart the app.").format(error=exc))

    def _handle(self, event: Any) -> None:
        codes = {code for code, _ in self._grabs}
        if event.type == X.KeyPress and event.detail in codes:
            since = (event.time - self._last_press) & 0xFFFFFFFF
            repeat = self._held and since < REPEAT_WINDOW_MS or event.time == self._released_at
            self._held, self._last_press = True, event.time
            if not repeat:
                self.activated.emit()
        elif event.type == X.KeyRelease and event.detail in codes:
            # Without detectable autorepeat, X sends a release and a press
            # with one timestamp for each repeat; see the press above.
            self._held, self._released_at = False, event.time
        elif event.type == X.MappingNotify and event.request != X.MappingPointer:
            self._remap(event)

    def _remap(self, event: Any) -> None:
        """The keyboard layout changed: the key may have a new keycode, so grab again."""
        self._display.refresh_keyboard_mapping(event)
        if not self._grabs or self._shortcut is None:
            return
        self._release()
        try:
            self._grab(self._shortcut, self._text)
        except HotkeyError as exc:
            self._lost(shown(exc))


def _modifier_masks(display: Any) -> dict[str, int]:
    """X modifier masks for Qt's names, read from the server's modifier map.

    Alt, Super (Qt's Meta) and NumLock are usually Mod1, Mod4 and Mod2, but
    xmodmap and some layouts move them; the defaults are for a failed lookup.
    """
    mapping = display.get_modifier_mapping()

    def mask_of(default: int, *names: str) -> int:
        wanted = {XK.string_to_keysym(name) for name in names}
        for index, keycodes in enumerate(mapping):
            if any(code and display.keycode_to_keysym(code, 0) in wanted for code in keycodes):
                return int(1 << index)
        return default

    return {"Ctrl": X.ControlMask, "Shift": X.ShiftMask,
            "Alt": mask_of(X.Mod1Mask, "Alt_L", "Alt_R"),
            "Meta": mask_of(X.Mod4Mask, "Super_L", "Super_R"),
            "NumLock": mask_of(X.Mod2Mask, "Num_Lock")}
