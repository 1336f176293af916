"""The error classes every layer raises, so one boundary can show them.

Each message is written for the person using the app: it names the file,
line or field and says what to do. It is a :class:`~assistant.messages.Message`
(a constant English pattern and its values), so ``str()`` gives English for
the CLI and the logs while the GUI shows it in the UI language. The CLI
turns :class:`InputError` into exit code 2 and :class:`ModelError` into exit
code 3; the GUI shows the same message in a dialog or status line.
"""

from __future__ import annotations

from assistant.messages import Message


class AssistantError(Exception):
    """Base of all errors meant to be shown to the user as they are.

    Raise it with a constant pattern and the values of its slots,
    ``InputError("{path}: file not found.", path=path)``, or with a
    :class:`Message` built elsewhere.
    """

    def __init__(self, message: str | Message, /, **params: object) -> None:
        self.message = message if isinstance(message, Message) \
            else Message.of(message, **params)
        """What went wrong, for any language."""
        super().__init__(self.message.render())

    def __reduce__(self) -> tuple[object, ...]:
        # Pickling an exception calls its class again with ``args`` (the
        # English text), which is no pattern; rebuild from the state instead,
        # so an error can cross a process boundary whatever its __init__ is.
        return _rebuild, (type(self), self.__dict__)


def _rebuild(cls: type[AssistantError], state: dict[str, object]) -> AssistantError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, error.message.render())
    return error


class InputError(AssistantError):
    """Bad input from the user: a template file, a field value, a setting."""


class ModelError(AssistantError):
    """The model could not be found, loaded or run."""


class Cancelled(AssistantError):
    """Generation was stopped on request; not a failure."""

    def __init__(self) -> None:
        super().__init__("Generation stopped.")
