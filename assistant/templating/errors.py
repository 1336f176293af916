"""The errors a template file can cause, in one place for every module to raise.

Parsing, checking and rendering each find problems with a file; they all end
as a :class:`TemplateError` whose message names the file and line, so the
library, the CLI and the GUI handle one kind of error. This module imports
nothing of the templating package, so any of its modules can use it.
"""

from __future__ import annotations

from assistant.errors import InputError


class TemplateError(InputError):
    """A template file is wrong; the message names the file and line."""


class LimitExceeded(InputError):
    """A template went past a limit; the message says which, the caller says where.

    ``line`` is the body line when a parse-time check knows it; at render
    time the template frame in the traceback tells. The caller that knows
    the file turns it into a :class:`TemplateError`.
    """

    line: int | None = None

    def at(self, line: int | None) -> LimitExceeded:
        """This error, placed at body ``line`` unless it already has a place."""
        if self.line is None:
            self.line = line
        return self
