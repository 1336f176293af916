"""A template body: checked when its file is parsed, rendered within a budget.

This is the Jinja side of a template, apart from the data around it
(:mod:`.model`) and from filling in the user's values (:mod:`.render`). A
body is checked when its file is parsed, but compiled to Python only when it
is first rendered, so a library read from the parsed-template cache costs no
Jinja work at all. Every problem Jinja or a limit reports is turned into a
:class:`~.errors.TemplateError` at the line of the file, not of the body.
"""

from __future__ import annotations

import logging
import types
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.errors import AssistantError
from assistant.messages import Message
from assistant.templating import limits
from assistant.templating.environment import environment
from assistant.templating.errors import LimitExceeded, TemplateError

if TYPE_CHECKING:
    import jinja2

log = logging.getLogger(__name__)

BLOCK_NAMES = ("system", "prompt")
"""The only blocks a body may have: the system text and the request."""


@dataclass(frozen=True)
class Rendered:
    """A rendered prompt: the optional system text and the user text."""

    system: str | None
    prompt: str


class CompiledBody:
    """A template body, checked once, with what is needed to report errors.

    ``line_offset`` is the number of file lines before the body, so Jinja's
    line numbers can be turned into line numbers in the file. Built from
    ``source`` alone, the body is parsed and compiled now (that is the check);
    built with ``variables`` and ``blocks`` from the parsed-template cache, a
    body that passed the check before, it is compiled on its first render.
    """

    def __init__(self, source: str, filename: str, line_offset: int, *,
                 variables: frozenset[str] | None = None,
                 blocks: frozenset[str] | None = None) -> None:
        self.source = source
        self.filename = filename
        self.line_offset = line_offset
        self._template: jinja2.Template | None = None
        if variables is not None and blocks is not None:
            self.variables = variables
            self.blocks = blocks
            return
        self.variables, self._template = self._compile(find_variables=True)
        self.blocks = frozenset(self._template.blocks)
        unknown = sorted(self.blocks - set(BLOCK_NAMES))
        if unknown:
            raise TemplateError("{filename}: unknown block {block!r}; a template may only have "
                                "the blocks 'system' and 'prompt'.",
                                filename=filename, block=unknown[0])
        if self.blocks and "prompt" not in self.blocks:
            raise TemplateError("{filename}: has a 'system' block but no 'prompt' block; add "
                                "{{% block prompt %}}...{{% endblock %}} with the request to "
                                "the model.", filename=filename)

    def _compile(self, find_variables: bool = False) -> tuple[frozenset[str], jinja2.Template]:
        """Parse once: check the tree, take the undeclared variables, guard it, compile.

        The checks (:mod:`.treecheck`) come before anything that recurses
        or folds constants, so no file can hang or crash the loading; a
        RecursionError or a Python limit they did not foresee still ends as
        a message, at the most deeply nested line.
        """
        import jinja2

        from assistant.templating import treecheck

        if len(self.source) > limits.MAX_BODY_CHARS:
            raise TemplateError("{file}: the template body has {size:,} characters, more than "
                                "{limit:,}; is this the right file?", file=self.filename,
                                size=len(self.source), limit=limits.MAX_BODY_CHARS)
        env = environment()
        hot_line = 1
        try:
            hot_line = treecheck.scan(env, self.source)
            ast = env.parse(self.source, name=self.filename, filename=self.filename)
            treecheck.check(ast)
            variables = treecheck.variables(ast, env) if find_variables else frozenset()
            treecheck.guard(ast, env)
            code = env.compile(ast, name=self.filename, filename=self.filename)
            template = env.template_class.from_code(env, code, env.make_globals(None), None)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError("{filename}, line {line}: template syntax error: {message}",
                                filename=self.filename, line=self._file_line(exc.lineno),
                                message=exc.message) from None
        except LimitExceeded as exc:
            raise self._problem(exc.message, exc.line) from None
        except (RecursionError, MemoryError):
            raise self._problem(Message.of("the template is nested too deeply or is too large "
                                           "to read; simplify the expression here."),
                                hot_line) from None
        except SyntaxError as exc:  # Python's own limits on the compiled code
            raise self._problem(Message.of("the template is too complex to compile ({reason}); "
                                           "simplify it.", reason=exc.msg), hot_line) from None
        except Exception as exc:  # a file must never crash the library, whatever Jinja does
            log.warning("%s: Jinja failed on this template", self.filename, exc_info=True)
            raise self._problem(Message.of("the template cannot be read ({error}); simplify the "
                                           "expression here.", error=limits.describe(exc)),
                                hot_line) from None
        return variables, template

    def _problem(self, problem: Message, body_line: int | None) -> TemplateError:
        return TemplateError("{file}, line {line}: {problem}", file=self.filename,
                             line=self._file_line(body_line), problem=problem)

    @property
    def compiled(self) -> jinja2.Template:
        """The Jinja template, compiled on first use."""
        if self._template is None:
            self._template = self._compile()[1]
        return self._template

    def _file_line(self, body_line: int | None) -> int:
        return (body_line or 1) + self.line_offset

    def render(self, variables: Mapping[str, str]) -> Rendered:
        """Render the system and prompt parts with ``variables``, within a budget.

        The render functions are run directly (not ``Template.render``), so
        Jinja leaves tracebacks alone and :meth:`_error_line` maps every
        template frame the same way. Anything a template raises becomes a
        :class:`TemplateError` at its line: the file is at fault, not the app.
        """
        import jinja2

        template = self.compiled
        try:
            with limits.rendering(limits.chars_for(variables)):
                context = template.new_context(dict(variables))
                if not self.blocks:
                    return Rendered(None, "".join(template.root_render_func(context)).strip())
                parts = {
                    name: "".join(template.blocks[name](context)).strip()
                    for name in self.blocks
                }
        except LimitExceeded as exc:
            raise self._problem(exc.message, exc.line or self._body_line(exc)) from None
        except RecursionError as exc:
            raise self._problem(Message.of("macros call each other too deeply; does a macro call "
                                           "itself without end?"), self._body_line(exc)) from None
        except MemoryError as exc:
            raise self._problem(Message.of("the template needs more memory than there is; it was "
                                           "stopped here."), self._body_line(exc)) from None
        except jinja2.UndefinedError as exc:
            raise TemplateError("{filename}, line {line}: {message}; declare it under "
                                "[fields] or fix the name.", filename=self.filename,
                                line=self._error_line(exc), message=exc.message) from None
        except jinja2.TemplateError as exc:
            raise TemplateError("{filename}, line {line}: {error}", filename=self.filename,
                                line=self._error_line(exc), error=exc) from None
        except AssistantError:
            raise
        except Exception as exc:  # noqa: BLE001 - a template can raise anything Python can
            raise TemplateError("{file}, line {line}: the template failed: {error}",
                                file=self.filename, line=self._error_line(exc),
                                error=limits.describe(exc)) from None
        return Rendered(parts.get("system") or None, parts["prompt"])

    def _error_line(self, exc: BaseException) -> int:
        """The file line of the template frame where ``exc`` was raised."""
        return self._file_line(self._body_line(exc))

    def _body_line(self, exc: BaseException) -> int | None:
        """The body line of the innermost template frame in ``exc``'s traceback.

        Template frames run the compiled module, whose file name is the
        template's; their line is a line of the generated Python, which the
        template's debug info maps back to the body.
        """
        line: int | None = None
        tb: types.TracebackType | None = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == self.filename:
                line = tb.tb_lineno
            tb = tb.tb_next
        if line is None or self._template is None:
            return None
        return self._template.get_corresponding_lineno(line)
