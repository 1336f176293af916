"""The one interface every platform's global hotkey implements.

The app holds one :class:`HotkeyBackend` and never asks which platform it
runs on: it calls :meth:`~HotkeyBackend.register`, connects
:attr:`~HotkeyBackend.activated` to the quick prompt, and shows
:attr:`~HotkeyBackend.method` in Settings and :meth:`~HotkeyBackend.status_text`
in the tray. A subclass only implements :meth:`~HotkeyBackend._grab` and
:meth:`~HotkeyBackend._release`; the bookkeeping (parse first, keep the old
shortcut when the new one is taken, pause) lives here once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from assistant.gui.hotkey.shortcut import HotkeyError, Shortcut, parse_shortcut, policy_message


class HotkeyBackend(QObject):
    """A global shortcut that works while another program has the focus.

    :meth:`register` raises :class:`HotkeyError` at once for everything it
    can know at once (bad text, key taken, no service); ``failed`` is for
    what goes wrong later (a portal that refuses, a lost X connection).

    Signals:
        activated(): the shortcut was pressed (delivered on the GUI thread).
        failed(str): the hotkey stopped working or could not be set up after
            :meth:`register` returned; the text is for the user.
    """

    activated = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._shortcut: Shortcut | None = None
        self._grabbed = False
        self._paused = False

    @property
    def method(self) -> str:
        """How this machine gets global shortcuts, for the settings dialog."""
        raise NotImplementedError

    @property
    def shortcut(self) -> str:
        """The registered shortcut's text as given to :meth:`register`; "" for none."""
        return self._text

    @property
    def paused(self) -> bool:
        """True while the tray's "Pause hotkey" has released the key to other programs."""
        return self._paused

    def register(self, sequence: str) -> None:
        """Use ``sequence`` (Qt portable text, e.g. "Ctrl+Alt+J") as the hotkey.

        An empty ``sequence`` means no hotkey. On failure the previous
        shortcut stays registered if it still can be (so a taken key chosen
        in Settings costs nothing) and HotkeyError says why. While paused,
        the text is only checked and kept; the key is grabbed on resume.
        """
        text = sequence.strip()
        shortcut = parse_shortcut(text) if text else None
        if shortcut is not None and (problem := policy_message(shortcut, text)) is not None:
            raise HotkeyError(problem)
        old_text, old_shortcut = self._text, self._shortcut
        self._release_grab()
        self._text, self._shortcut = "", None
        if shortcut is None:
            return
        try:
            if not self._paused:
                self._grab(shortcut, text)
                self._grabbed = True
        except HotkeyError:
            if old_shortcut is not None and not self._paused:
                try:
                    self._grab(old_shortcut, old_text)
                except HotkeyError:
                    pass  # the new problem is the one to report
                else:
                    self._grabbed = True
                    self._text, self._shortcut = old_text, old_shortcut
            raise
        self._text, self._shortcut = text, shortcut

    def unregister(self) -> None:
        """Give the key back to the system; :attr:`shortcut` becomes ""."""
        self._release_grab()
        self._text, self._shortcut = "", None

    def set_paused(self, paused: bool) -> None:
        """Pause (release the key, so other programs get it) or resume.

        Resuming grabs the key again and raises HotkeyError if another program
        took it in the meantime; the backend is then resumed but without a key.
        """
        self._paused = paused
        if paused:
            self._release_grab()
        elif self._shortcut is not None and not self._grabbed:
            self._grab(self._shortcut, self._text)
            self._grabbed = True

    def close(self) -> None:
        """Release the key and any connection; call once when the app quits."""
        self.unregister()

    def status_text(self) -> str:
        """One line for the tray's tooltip: the shortcut and how it is provided."""
        if not self._text:
            return QCoreApplication.translate("Hotkey", "No global hotkey is set.")
        if self._paused:
            return QCoreApplication.translate("Hotkey", "Hotkey {shortcut} is paused.").format(
                shortcut=self._text)
        return QCoreApplication.translate("Hotkey", "Hotkey: {shortcut} ({method})").format(
            shortcut=self._text, method=self.method)

    def _grab(self, shortcut: Shortcut, text: str) -> None:
        """Make the platform deliver ``shortcut``; raise HotkeyError naming ``text``."""
        raise NotImplementedError

    def _release(self) -> None:
        """Undo :meth:`_grab`. Must not raise: it also runs while cleaning up."""
        raise NotImplementedError

    def _lost(self, message: str) -> None:
        """For subclasses: the grab is gone for good; tell the app through ``failed``."""
        self._grabbed = False
        self.failed.emit(message)

    def _release_grab(self) -> None:
        if self._grabbed:
            self._grabbed = False
            self._release()


class NoHotkey(HotkeyBackend):
    """Where no global shortcut can be had (offscreen, minimal, unknown platforms).

    :meth:`register` keeps the text and does nothing else, so the app starts
    the same way everywhere; :attr:`method` tells the user what to do instead.
    """

    def __init__(self, platform_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.platform_name = platform_name

    @property
    def method(self) -> str:
        """Why there is no hotkey and the way around it."""
        return QCoreApplication.translate(
            "Hotkey", "none (the \u201c{platform}\u201d display has no global shortcuts): bind "
            "the command `assistant quick` in your desktop's keyboard settings").format(
            platform=self.platform_name or "?")

    def status_text(self) -> str:
        """Say that the hotkey does nothing here, rather than name a dead shortcut."""
        return QCoreApplication.translate("Hotkey", "No global hotkey: {method}").format(
            method=self.method)

    def _grab(self, shortcut: Shortcut, text: str) -> None:
        pass

    def _release(self) -> None:
        pass
