"""The ``assistant`` command's entry point: the desktop app without the CLI's imports.

Most launches open the app (a menu entry, a desktop shortcut for ``assistant
quick``). Building the full argument parser means importing every command's
module, so those launches go straight to the GUI, and only a real command
(or ``--help``) loads :mod:`assistant.cli`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

GUI_COMMANDS = {"gui": "show", "quick": "quick"}


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``assistant`` with ``argv`` (default: the process's arguments)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (len(args) == 1 and args[0] in GUI_COMMANDS):
        from assistant.gui import launch

        return launch(GUI_COMMANDS[args[0]] if args else "show")
    from assistant.cli import main as cli_main

    return cli_main(args)
