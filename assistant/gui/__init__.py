"""The desktop app (PySide6). The only package that imports Qt.

``launch()`` is imported lazily by the CLI so that ``assistant templates``
and friends never pay for, or depend on, a display.
"""

from __future__ import annotations


def launch(command: str = "show") -> int:
    """Start the desktop app (or hand ``command`` to the running one)."""
    from assistant.gui.app import launch as run

    return run(command)
