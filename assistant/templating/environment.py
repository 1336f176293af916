"""The one Jinja environment every template is compiled in, made on first use.

Its options decide what every template may do and how its text comes out,
so they are set here and nowhere else: this is the only place that builds a
:class:`~.sandbox.GuardedEnvironment`. Importing Jinja costs about 30 ms,
and a start-up that finds every template in the parsed-template cache needs
no Jinja at all, so nothing imports it until a body is parsed or rendered.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.templating.sandbox import GuardedEnvironment


@functools.cache
def environment() -> GuardedEnvironment:
    """The sandboxed environment: strict undefined names, no autoescape, bounded costs.

    Users edit and share templates, so a template must not reach Python
    internals, nor spend unbounded time or memory (see :mod:`.sandbox`), and
    a misspelt variable must fail loudly instead of vanishing.
    """
    import jinja2

    from assistant.templating.sandbox import GuardedEnvironment

    return GuardedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        # Block tags on their own line leave no blank line behind, which is
        # what a person writing a prompt expects.
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
