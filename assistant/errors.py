"""The error classes every layer raises, so one boundary can show them.

Each message is written for the person using the app: it names the file,
line or field and says what to do. The CLI turns :class:`InputError` into
exit code 2 and :class:`ModelError` into exit code 3; the GUI shows the same
text in a dialog or status line.
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base of all errors meant to be shown to the user as they are."""


class InputError(AssistantError):
    """Bad input from the user: a template file, a field value, a setting."""


class ModelError(AssistantError):
    """The model could not be found, loaded or run."""


class Cancelled(AssistantError):
    """Generation was stopped on request; not a failure."""

    def __init__(self) -> None:
        super().__init__("Generation stopped.")
