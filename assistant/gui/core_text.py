"""Shows the core's messages in the UI language.

The core hands the GUI :class:`~assistant.messages.Message` objects (inside
errors, notices and settings problems) rather than finished English text.
Here their patterns go through Qt's translation under the context
``"Core"``, which ``python3 -m assistant.gui.i18n update`` fills from the
source, so a message reads in the language the user chose, nested parts
included. Logs keep the English ``str()``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from assistant.errors import AssistantError
from assistant.messages import Message

CONTEXT = "Core"
"""The translation context of every core message pattern."""


def translate_pattern(pattern: str) -> str:
    """``pattern`` in the UI language (itself when there is no translation)."""
    return QCoreApplication.translate(CONTEXT, pattern) if pattern else pattern


def shown(item: AssistantError | Message) -> str:
    """The text to show for an error or message, in the UI language."""
    message = item.message if isinstance(item, AssistantError) else item
    return message.render(translate_pattern)
