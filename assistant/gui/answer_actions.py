"""Main-window actions that are more than a click: save, save as example, inspect.

Strings use the ``MainWindow`` translation context: these actions belong to
the main window and share its translations.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from assistant.atomic import write_atomic
from assistant.backend import Backend, TokenCounting
from assistant.budget import Plan, Section, counter_for, is_estimate, plan_prompt, sections
from assistant.errors import InputError
from assistant.gui.core_text import shown
from assistant.templating.library import save_example
from assistant.templating.model import Template
from assistant.templating.render import RenderContext

if TYPE_CHECKING:
    from assistant.gui.compare_window import CompareWindow
    from assistant.gui.form import TemplateForm
    from assistant.gui.inspector import PromptInspector
    from assistant.gui.main_window import MainWindow
    from assistant.gui.worker import ModelController


def save_markdown(parent: QWidget, title: str, text: str) -> str | None:
    """Ask where to save ``text`` as Markdown; return the path saved (and say so), or None.

    The dialog opens in the user's documents folder (their home when there is
    none: the current folder of a desktop launch means nothing to them). A name
    typed without a suffix gets the one of the chosen file type, as a user of
    Word or Notepad expects.
    """
    name = f"{_file_name(title)} {dt.date.today().isoformat()}.md"
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    markdown = QCoreApplication.translate("MainWindow", "Markdown (*.md)")
    plain = QCoreApplication.translate("MainWindow", "Text (*.txt)")
    path, chosen = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("MainWindow", "Save answer"), str(folder / name),
        f"{markdown};;{plain}")
    if not path:
        return None
    target = Path(path)
    if not target.suffix:
        target = target.with_name(target.name + (".txt" if chosen == plain else ".md"))
    try:
        write_atomic(target, text)
    except OSError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("MainWindow", "Save answer"),
                            QCoreApplication.translate("MainWindow",
                                                       "Could not save {file}: {reason}")
                            .format(file=target, reason=exc.strerror or exc))
        return None
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Saved {file}").format(file=target), 6000)
    return str(target)


def _file_name(title: str) -> str:
    """``title`` without the characters Windows, macOS or Linux refuse in a file name."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title).strip(" .") or "answer"


def open_compare(window: MainWindow, template: Template,
                 values: Mapping[str, str]) -> CompareWindow:
    """The window's compare window (made on first use), set to ``template`` and ``values``."""
    from assistant.gui.compare_window import CompareWindow

    compare = window.findChild(CompareWindow)
    if compare is None:
        history = window.history.panel.history if window.history is not None else None
        compare = CompareWindow(window.core, window.controller, history, window.language,
                                window)
    if not (compare.isVisible() and compare.running):
        compare.set_input(template, values)
    compare.show()
    compare.raise_()
    compare.activateWindow()
    compare.run_button.setFocus()  # Enter (or Space) starts it
    return compare


def show_about(window: MainWindow) -> None:
    """The About dialog: versions, the model in use, the user's folders."""
    from assistant.gui.about import AboutDialog

    AboutDialog(window.core.paths, window.controller.model_name, window).open()


def open_log_folder(parent: QWidget | None, log_dir: Path) -> None:
    """Open the log folder in the file manager (or say where it is)."""
    from assistant.gui.file_notice import open_or_explain, open_with_desktop

    open_or_explain(parent, log_dir, open_with_desktop,
                    QCoreApplication.translate("MainWindow", "Log folder"))


def inspector_of(window: QWidget) -> PromptInspector:
    """``window``'s prompt inspector, made on first use: most sessions never open it."""
    from assistant.gui.inspector import PromptInspector

    found = window.findChild(PromptInspector)
    return found if found is not None else PromptInspector(window)


@dataclass(frozen=True)
class Inspection:
    """What the prompt inspector shows, worked out on the model thread."""

    plan: Plan
    final: str
    sections: list[Section]
    n_ctx: int | None
    estimated: bool


def plan_inspection(backend: Backend, template: Template, values: Mapping[str, str],
                    use_examples: bool, max_tokens: int, context: RenderContext) -> Inspection:
    """Exactly what a run would send now, and where its tokens go.

    The prompt goes through the same budget planner as a run, so examples
    that would be left out are left out here too, with the same notice. A
    model server applies its chat template itself: the "final prompt" is then
    the request's messages as sent, and token figures are estimates.
    """
    counter = counter_for(backend)
    plan = plan_prompt(counter, template, values, max_tokens=max_tokens,
                       use_examples=use_examples, context=context)
    if isinstance(backend, TokenCounting):
        final = backend.format_prompt(plan.messages)
    else:
        final = json.dumps({"messages": [m.as_dict() for m in plan.messages]},
                           ensure_ascii=False, indent=2)
    return Inspection(plan, final, sections(counter, plan.messages, max_tokens), counter.n_ctx,
                      is_estimate(counter))


def inspect_prompt(controller: ModelController, inspector: PromptInspector, template: Template,
                   values: Mapping[str, str], use_examples: bool, max_tokens: int,
                   context: RenderContext) -> None:
    """Open the inspector on what a run would send now, once that is worked out.

    Planning renders the template and counts its tokens, which a slow
    template makes slow: it runs on the model thread (after a run going on),
    and the inspector opens when the plan arrives.
    """
    values = dict(values)

    def show(inspection: Inspection) -> None:
        plan = inspection.plan
        inspector.show_prompt(plan.messages, inspection.final, inspection.sections,
                              inspection.n_ctx, shown(plan.notice) if plan.notice else None,
                              inspection.estimated)
        inspector.show()
        inspector.raise_()

    def failed(message: str) -> None:
        QMessageBox.information(inspector.parentWidget(),
                                QCoreApplication.translate("MainWindow", "Prompt inspector"),
                                message)

    controller.compute(lambda backend: plan_inspection(backend, template, values, use_examples,
                                                       max_tokens, context), show, failed)


def inspect_current(window: QMainWindow, controller: ModelController, template: Template,
                    form: TemplateForm, max_tokens: int, context: RenderContext) -> None:
    """The window's prompt inspector on ``template`` with ``form``'s values; a model is needed."""
    if controller.backend is None:
        window.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "The prompt inspector needs a loaded model."), 6000)
        return
    inspect_prompt(controller, inspector_of(window), template, form.values(), form.use_examples(),
                   max_tokens, context)


def copy_text(window: QMainWindow, text: str, whole: bool) -> None:
    """Put ``text`` on the clipboard and say so: the ``whole`` answer, or its result."""
    QGuiApplication.clipboard().setText(text)
    count = f"{len(text):,}"
    if whole:
        message = QCoreApplication.translate("MainWindow", "Copied the answer ({count} characters).")
    else:
        message = QCoreApplication.translate("MainWindow", "Copied the result ({count} characters).")
    window.statusBar().showMessage(message.format(count=count), 4000)


def save_as_example(window: QMainWindow, user_dir: Path, template: Template,
                    values: Mapping[str, str], answer: str) -> bool:
    """Keep ``answer``, with the values it was made from, as a few-shot example.

    It goes to ``<id>.examples.toml`` in the user folder, never into a
    built-in file, and is sent after the template's own examples.
    """
    if not answer.strip():
        return False
    known = {name: values[name] for name in template.variables if name in values}
    if any(example.output == answer.strip() and dict(example.values) == known
           for example in template.examples):
        window.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "This answer is already an example of {template}.")
            .format(template=template.title), 8000)
        return False
    try:
        path = save_example(user_dir, template, values, answer.strip())
    except InputError as exc:
        QMessageBox.warning(window, QCoreApplication.translate("MainWindow", "Save as example"),
                            shown(exc))
        return False
    window.statusBar().showMessage(QCoreApplication.translate(
        "MainWindow", "Saved as an example in {file}; it will be sent with future runs.")
        .format(file=path), 8000)
    return True
