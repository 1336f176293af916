"""The one interface every platform's paste keystroke implements.

Replace puts the answer on the clipboard and then needs the *other* window
to paste it, which only a keystroke in that window can do. A
:class:`Paster` presses that keystroke; when it cannot, it raises
:class:`PasteError` with a message that says which keys the user should
press, because the answer is still on the clipboard for them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from assistant.errors import AssistantError


class PasteError(AssistantError):
    """The answer could not be pasted into the other window by us.

    The message always ends with the keys that paste by hand: the caller
    leaves the answer on the clipboard for exactly that.
    """


class Paster(ABC):
    """Presses the paste keys in the window that has the keyboard focus.

    The caller closes its own popup first and waits for the focus to go back
    to the user's window; :meth:`paste` then sends the keys at once.
    """

    @abstractmethod
    def paste(self) -> None:
        """Press the paste keys; raise :class:`PasteError` saying what to press instead."""


class NoPaster(Paster):
    """Where no app may press keys in another app's window (Wayland, offscreen).

    :meth:`paste` always raises, so that Replace tells the user to press the
    keys instead of pressing them into the wrong window.
    """

    def __init__(self, platform_name: str, wayland: bool = False) -> None:
        self.platform_name = platform_name
        self.wayland = wayland

    def paste(self) -> None:
        """Say why nothing was pressed and what the user presses instead."""
        if self.wayland:
            raise PasteError("This desktop does not let apps press keys in other windows "
                             "(Wayland). The answer is on the clipboard: press Ctrl+V "
                             "(Ctrl+Shift+V in a terminal).")
        raise PasteError("Pasting by itself does not work on the \u201c{platform}\u201d "
                         "display. The answer is on the clipboard: press Ctrl+V.",
                         platform=self.platform_name or "?")
