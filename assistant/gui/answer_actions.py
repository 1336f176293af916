"""Two window actions that are more than a click: save the answer, inspect the prompt.

Strings use the ``MainWindow`` translation context: these actions belong to
the main window and share its translations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from assistant.backend import Backend
from assistant.budget import plan_prompt, sections
from assistant.errors import AssistantError
from assistant.gui.inspector import PromptInspector
from assistant.templating.model import Template
from assistant.templating.render import RenderContext


def save_markdown(parent: QWidget, title: str, text: str) -> str | None:
    """Ask where to save ``text`` as Markdown; return the path saved, or None."""
    name = f"{title} {dt.date.today().isoformat()}.md"
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("MainWindow", "Save answer"), str(Path(folder) / name),
        QCoreApplication.translate("MainWindow", "Markdown (*.md);;Text (*.txt)"))
    if not path:
        return None
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("MainWindow", "Save answer"),
                            QCoreApplication.translate("MainWindow",
                                                       "Could not save {file}: {reason}")
                            .format(file=path, reason=exc.strerror))
        return None
    return path


def inspect_prompt(inspector: PromptInspector, backend: Backend, template: Template,
                   values: Mapping[str, str], use_examples: bool, max_tokens: int,
                   context: RenderContext) -> None:
    """Show exactly what a run would send now, and where its tokens go.

    The prompt goes through the same budget planner as a run, so examples
    that would be left out are left out here too, with the same notice.
    """
    try:
        plan = plan_prompt(backend, template, values, max_tokens=max_tokens,
                           use_examples=use_examples, context=context)
    except AssistantError as exc:
        QMessageBox.information(inspector.parentWidget(),
                                QCoreApplication.translate("MainWindow", "Prompt inspector"),
                                str(exc))
        return
    inspector.show_prompt(plan.messages, backend.format_prompt(plan.messages),
                          sections(backend, plan.messages, max_tokens), backend.n_ctx,
                          plan.notice)
    inspector.show()
    inspector.raise_()
