"""Paste on X11: press the keys with the XTEST extension (python-xlib).

Which keys depends on the window: terminals keep Ctrl+V for the program
running in them (in a shell it quotes the next key), so they paste with
Ctrl+Shift+V, and rxvt-unicode with Ctrl+Alt+V. A window says what program
it is in its ``WM_CLASS`` property (ICCCM section 4.1.2.5), which only the
client's top-level window carries: the input focus is often a child of it
(a toolkit's focus proxy), and some window managers focus their own frame
around it, so the search goes up from the focus window and then down.

A connection of our own is opened for each paste and closed after it, so
nothing is left to go stale between two Replaces. The focus is read, the
keys are chosen and pressed in one go, right after the popup has closed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from Xlib import XK, X  # type: ignore[import-untyped, unused-ignore]
from Xlib import error as xerror  # type: ignore[import-untyped, unused-ignore]
from Xlib.display import Display  # type: ignore[import-untyped, unused-ignore]
from Xlib.ext import xtest  # type: ignore[import-untyped, unused-ignore]

from assistant.gui.paste.base import PasteError, Paster

Keys = tuple[str, ...]
"""Key names, modifiers first, as the user reads them: ("Ctrl", "Shift", "V")."""

PASTE: Keys = ("Ctrl", "V")
TERMINAL_PASTE: Keys = ("Ctrl", "Shift", "V")
URXVT_PASTE: Keys = ("Ctrl", "Alt", "V")
"""rxvt-unicode's built-in clipboard paste (9.20 and later). Ctrl+Shift
there starts its ISO 14755 code input instead."""

TERMINALS = frozenset({
    # WM_CLASS instance or class names, lower case; one per terminal is enough.
    "xterm", "uxterm",  # no clipboard key by default; Ctrl+Shift+V is the usual binding
    "gnome-terminal", "gnome-terminal-server", "kgx", "org.gnome.console", "ptyxis",
    "org.gnome.ptyxis", "com.raggesilver.blackbox", "terminal", "io.elementary.terminal",
    "konsole", "yakuake", "xfce4-terminal", "mate-terminal", "lxterminal", "qterminal",
    "deepin-terminal", "terminator", "tilix", "guake", "tilda", "sakura", "terminology",
    "alacritty", "kitty", "org.wezfurlong.wezterm", "wezterm", "foot", "footclient",
    "st", "st-256color", "com.mitchellh.ghostty", "ghostty", "contour", "rio",
    "com.system76.cosmicterm", "cosmic-term", "hyper", "tabby", "cool-retro-term",
})
"""Terminals that paste the clipboard with Ctrl+Shift+V.

Eterm and aterm are missing on purpose: they have no key for the clipboard
at all, so Ctrl+V is as good as any.
"""

PASTE_KEYS_BY_CLASS: Mapping[str, Keys] = {name: TERMINAL_PASTE for name in TERMINALS} | {
    "urxvt": URXVT_PASTE, "urxvt-256color": URXVT_PASTE, "rxvt-unicode": URXVT_PASTE}

KEYSYMS = {"Ctrl": "Control_L", "Shift": "Shift_L", "Alt": "Alt_L", "V": "v"}
"""The X keysym pressed for each key name."""

MAX_DEPTH = 8
"""How far up or down the window tree to look for WM_CLASS; toolkits nest
two or three levels, window manager frames one or two."""
MAX_WINDOWS = 256
"""How many windows the downward search reads at most (one round trip each)."""


def label(keys: Keys) -> str:
    """``("Ctrl", "Shift", "V")`` as the user reads it: ``"Ctrl+Shift+V"``."""
    return "+".join(keys)


def paste_keys(wm_class: Iterable[str] | None) -> Keys:
    """The keys that paste the clipboard in a window of this WM_CLASS.

    Both parts (instance and class) are tried, without regard to case:
    gnome-terminal says ("gnome-terminal-server", "Gnome-terminal"),
    Alacritty ("Alacritty", "Alacritty"), WezTerm
    ("org.wezfurlong.wezterm", ...).
    """
    for name in wm_class or ():
        keys = PASTE_KEYS_BY_CLASS.get(name.lower())
        if keys is not None:
            return keys
    return PASTE


def focus_window(display: Any) -> Any:
    """The window that gets the keys we press; PasteError if there is none.

    With the focus on the root window or on ``PointerRoot`` (the X server's
    default, e.g. with no window manager) keys go to the window under the
    pointer.
    """
    focus = display.get_input_focus().focus
    root = display.screen().root
    if focus == X.PointerRoot or not isinstance(focus, int) and focus.id == root.id:
        focus = root.query_pointer().child
    if isinstance(focus, int):  # X.NONE: keys go nowhere
        raise PasteError("No window has the keyboard focus, so the assistant did not press "
                         "Ctrl+V. The answer is on the clipboard: click where it belongs and "
                         "press Ctrl+V (Ctrl+Shift+V in a terminal).")
    return focus


def client_class(window: Any) -> tuple[str, ...] | None:
    """The WM_CLASS of the application window that ``window`` belongs to, if any.

    None when no window near it has one, or when it closed meanwhile.
    """
    try:
        return _class_above(window) or _class_below(window)
    except xerror.XError:  # BadWindow: it closed while we looked
        return None


def _class_above(window: Any) -> tuple[str, ...] | None:
    for _ in range(MAX_DEPTH):
        wm_class = window.get_wm_class()
        if wm_class:
            return tuple(wm_class)
        tree = window.query_tree()
        if isinstance(tree.parent, int) or tree.parent.id == tree.root.id:
            return None
        window = tree.parent
    return None


def _class_below(window: Any) -> tuple[str, ...] | None:
    level, read = [window], 0
    for _ in range(MAX_DEPTH):
        below = []
        for parent in level:
            for child in parent.query_tree().children:
                wm_class = child.get_wm_class()
                read += 1
                if wm_class:
                    return tuple(wm_class)
                if read >= MAX_WINDOWS:
                    return None
                below.append(child)
        if not below:
            return None
        level = below
    return None


class X11Paster(Paster):
    """Presses the focused window's paste keys through XTEST.

    ``connect`` (python-xlib's ``Display``) and ``fake_input`` (XTEST's) are
    parameters so that tests can record what would be pressed.
    """

    def __init__(self, display_name: str | None = None,
                 connect: Callable[[str | None], Any] = Display,
                 fake_input: Callable[..., None] = xtest.fake_input) -> None:
        self.display_name = display_name
        self._connect = connect
        self._fake_input = fake_input

    def paste(self) -> None:
        """Press Ctrl+V, or the terminal's own paste keys, in the focused window."""
        try:
            display = self._connect(self.display_name)
        except _UNREACHABLE as error:
            raise _unreachable(error) from error
        try:
            try:
                window = focus_window(display)
                keys = paste_keys(client_class(window))
            except (xerror.ConnectionClosedError, OSError) as error:
                raise _unreachable(error) from error
            self._press(display, keys)
        finally:
            try:
                display.close()
            except (xerror.ConnectionClosedError, OSError):
                pass  # the server is gone; nothing is left to close

    def _press(self, display: Any, keys: Keys) -> None:
        shown = label(keys)
        if not display.has_extension("XTEST"):
            raise PasteError("The X server has no XTEST extension, so the assistant cannot "
                             "press {keys}. The answer is on the clipboard: press {keys}.",
                             keys=shown)
        codes = []
        for key in keys:
            code = display.keysym_to_keycode(XK.string_to_keysym(KEYSYMS[key]))
            if not code:
                raise PasteError("The keyboard layout has no {key} key, so the assistant "
                                 "cannot press {keys}. The answer is on the clipboard: press "
                                 "{keys}.", key=key, keys=shown)
            codes.append(code)
        # FakeInput has no reply: an error comes back later, to the handler.
        errors: list[Any] = []
        display.set_error_handler(lambda error, request=None: errors.append(error))
        try:
            for code in codes:
                self._fake_input(display, X.KeyPress, code)
            for code in reversed(codes):
                self._fake_input(display, X.KeyRelease, code)
            display.sync()
        except (xerror.ConnectionClosedError, OSError) as error:
            errors.append(error)
        if errors:
            raise PasteError("The X server did not take the keys {keys} ({error}). The answer "
                             "is on the clipboard: press {keys}.", keys=shown, error=errors[0])


_UNREACHABLE = (xerror.DisplayError, xerror.XauthError, xerror.XNoAuthError,
                xerror.ConnectionClosedError, OSError)


def _unreachable(error: Exception) -> PasteError:
    return PasteError("Could not reach the X server to press Ctrl+V ({error}). The answer is "
                      "on the clipboard: press Ctrl+V (Ctrl+Shift+V in a terminal).",
                      error=error)
