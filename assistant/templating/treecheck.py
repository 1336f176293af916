"""Checks on a template's source and tree before it is compiled, and the guards put in.

Jinja parses and compiles by recursion, so deep nesting in a file ends in a
RecursionError, and its compiler folds constant expressions without limit,
so ``{{ 9**(9**9) }}`` hangs the loading of the library. Here the tokens
are counted first (without recursion: brackets, open tags, chains of
``not``), then the tree is measured (iteratively) and its constant
operators, ranges and nested loops are evaluated with the checks of
:mod:`.limits`. Only then do recursive visitors (Jinja's variable finder,
its compiler, :class:`_Guards`) see the tree.

:func:`guard` rewrites the tree so that the sandbox sees what Jinja would
otherwise run unchecked: each ``{% for %}`` iterates through
``guard_loop``, ``~`` and list, tuple and dict literals are calls, and
template text is printed through ``finalize`` like any value, so output
written inside a macro or a ``{% set %}`` block is counted too.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from jinja2 import meta, nodes
from jinja2.visitor import NodeTransformer

from assistant.messages import Message
from assistant.templating import limits
from assistant.templating.errors import LimitExceeded

if TYPE_CHECKING:
    from jinja2 import Environment

_OPENERS = frozenset({"for", "if", "block", "macro", "call", "filter", "with", "autoescape"})
_ENDS = {"variable_end", "block_end"}
_FORBIDDEN = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from",
              nodes.Extends: "extends"}
_UNGUARDED = {"-": operator.sub, "/": operator.truediv, "//": operator.floordiv}
_UNKNOWN = object()


def _too_deep(line: int) -> LimitExceeded:
    return LimitExceeded(Message.of(
        "this expression is too long or nested too deeply (more than {limit} levels); split "
        "it into steps with {{% set %}}.", limit=limits.MAX_EXPRESSION_DEPTH)).at(line)


def scan(env: Environment, source: str) -> int:
    """Refuse too many tokens or too deep nesting; the line most deeply nested.

    That line is where a RecursionError the checks did not foresee is
    reported.
    """
    tokens = brackets = blocks = chain = choices = 0
    deepest, deepest_line = 0, 1
    tag_start = set_tag = False
    for line, kind, value in env.lex(source):
        if kind in ("whitespace", "data", "comment"):
            continue
        tokens += 1
        if tokens > limits.MAX_TOKENS:
            raise LimitExceeded(Message.of(
                "the template has more than {limit:,} tags and expression parts; split it into "
                "smaller templates.", limit=limits.MAX_TOKENS)).at(line)
        if kind == "block_begin":
            tag_start = True
            continue
        if kind == "integer" and _bits(value) > limits.MAX_INT_BITS:
            raise limits.too_many_digits().at(line)
        if tag_start and kind == "name":
            if value in _OPENERS:
                blocks += 1
            elif value == "set":
                set_tag = True
            elif value.startswith("end"):
                blocks = max(0, blocks - 1)
        tag_start = False
        if kind == "operator" and value in "([{":
            brackets += 1
        elif kind == "operator" and value in ")]}":
            brackets = max(0, brackets - 1)
        elif kind == "operator" and value == "=" and brackets == 0:
            set_tag = False  # {% set x = ... %} opens no block
        elif kind in _ENDS:
            if kind == "block_end" and set_tag:
                blocks += 1  # {% set x %}...{% endset %}
            brackets = choices = 0
            set_tag = False
        unary = (kind == "operator" and value in "+-") or (kind == "name" and value == "not")
        chain = chain + 1 if unary else 0
        choices += kind == "name" and value == "else"
        if brackets > limits.MAX_NESTING:
            raise LimitExceeded(Message.of(
                "brackets are nested more than {limit} deep here; split the expression into "
                "steps with {{% set %}}.", limit=limits.MAX_NESTING)).at(line)
        if blocks > limits.MAX_NESTING:
            raise LimitExceeded(Message.of(
                "more than {limit} tags ({{% if %}}, {{% for %}}, ...) are open inside one "
                "another here; simplify the template.", limit=limits.MAX_NESTING)).at(line)
        if chain > limits.MAX_EXPRESSION_DEPTH or choices > limits.MAX_EXPRESSION_DEPTH:
            raise _too_deep(line)
        depth = brackets * 8 + blocks * 4 + chain + choices
        if depth > deepest:
            deepest, deepest_line = depth, line
    return deepest_line


def _bits(literal: str) -> float:
    """About how many bits the integer ``literal`` (``123``, ``0x7f``, ``1_000``) needs."""
    digits = literal.replace("_", "").lower()
    per_digit = {"0x": 4.0, "0o": 3.0, "0b": 1.0}.get(digits[:2])
    if per_digit is None:
        return len(digits) * 3.33
    return (len(digits) - 2) * per_digit


def check(tree: nodes.Template) -> None:
    """Refuse deep expressions, other files, and constants or loops that explode."""
    stack: list[tuple[nodes.Node, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        for kind, tag in _FORBIDDEN.items():
            if isinstance(node, kind):
                raise LimitExceeded(Message.of(
                    "templates cannot include other files: {{% {tag} %}} is not allowed; copy "
                    "the text you need into this template.", tag=tag)).at(node.lineno)
        depth = depth + 1 if isinstance(node, nodes.Expr) else 0
        if depth > limits.MAX_EXPRESSION_DEPTH:
            raise _too_deep(node.lineno)
        stack.extend((child, depth) for child in node.iter_child_nodes())
    # The tree is shallow now, so recursion is safe.
    known: dict[int, Any] = {}
    budget = limits.Budget(limits.BASE_CHARS)
    for node in tree.find_all((nodes.BinExpr, nodes.Call, nodes.Concat)):
        _constant(node, known, budget)
    _loops(tree, 1, known, budget)


def _constant(node: nodes.Node, known: dict[int, Any], budget: limits.Budget) -> Any:
    """The value of a constant expression, computed with the render's checks, or _UNKNOWN."""
    key = id(node)
    if key not in known:
        try:
            known[key] = _evaluate(node, known, budget)
        except LimitExceeded as error:
            raise error.at(node.lineno) from None
        except (ArithmeticError, TypeError, ValueError):
            known[key] = _UNKNOWN  # wrong, but that is the render's error to report
    return known[key]


def _evaluate(node: nodes.Node, known: dict[int, Any], budget: limits.Budget) -> Any:
    def value(child: nodes.Node) -> Any:
        found = _constant(child, known, budget)
        if found is _UNKNOWN:
            raise TypeError("not a constant")
        return found

    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, (nodes.List, nodes.Tuple)) and getattr(node, "ctx", "load") == "load":
        return [value(item) for item in node.items]
    if isinstance(node, nodes.Neg):
        return -value(node.node)
    if isinstance(node, nodes.BinExpr) and node.operator in limits.INTERCEPTED_BINOPS:
        result = limits.binop(node.operator, value(node.left), value(node.right), budget)
        budget.spend(result)
        return result
    if isinstance(node, nodes.BinExpr) and node.operator in _UNGUARDED:
        return _UNGUARDED[node.operator](value(node.left), value(node.right))
    if isinstance(node, nodes.Concat):
        parts = [value(item) for item in node.nodes]
        budget.afford(sum(limits.weight(part, budget.remaining) for part in parts))
        return "".join(map(str, parts))
    if _is_range(node):
        assert isinstance(node, nodes.Call)
        return limits.checked_range(*(value(item) for item in node.args))
    return _UNKNOWN


def _is_range(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) \
        and node.node.name == "range" and not node.kwargs and node.dyn_args is None \
        and node.dyn_kwargs is None


def _loops(node: nodes.Node, turns: int, known: dict[int, Any], budget: limits.Budget) -> None:
    """Refuse loops over constant ranges whose nested turns multiply past the limit."""
    for child in node.iter_child_nodes():
        inner = turns
        if isinstance(child, nodes.For) and _is_range(child.iter):
            found = _constant(child.iter, known, budget)
            if isinstance(found, range):
                inner = turns * len(found)
            if inner > limits.MAX_LOOPS:
                raise LimitExceeded(Message.of(
                    "these nested loops would run {count:,} times; a template may loop at most "
                    "{limit:,} times.", count=inner, limit=limits.MAX_LOOPS)).at(child.lineno)
        _loops(child, inner, known, budget)


class _Finder(meta.TrackingCodeGenerator):
    """Jinja's finder of undeclared variables, without its cubic constant folding."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        self.optimizer = None


def variables(tree: nodes.Template, env: Environment) -> frozenset[str]:
    """The names the body reads that it does not set (its fields)."""
    finder = _Finder(env)
    finder.visit(tree)
    return frozenset(finder.undeclared_identifiers)


def _call(name: str, args: list[nodes.Node], lineno: int) -> nodes.Call:
    return nodes.Call(nodes.EnvironmentAttribute(name, lineno=lineno), args, [], None, None,
                      lineno=lineno)


class _Guards(NodeTransformer):
    """Rewrites the tree so loops, joins, literals and text pass the sandbox's checks."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = _call("guard_loop", [node.iter], node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _call("guard_concat", list(node.nodes), node.lineno)

    def _literal(self, node: nodes.Expr) -> nodes.Node:
        self.generic_visit(node)
        return _call("guard_value", [node], node.lineno)

    visit_List: Callable[[_Guards, nodes.List], nodes.Node] = _literal
    visit_Dict: Callable[[_Guards, nodes.Dict], nodes.Node] = _literal

    def visit_Tuple(self, node: nodes.Tuple) -> nodes.Node:
        return self._literal(node) if node.ctx == "load" else self.generic_visit(node)

    def visit_Const(self, node: nodes.Const) -> nodes.Node:
        if isinstance(node.value, float) and not math.isfinite(node.value):
            # Jinja writes a float as str(value), and "inf" names nothing in
            # Python; its optimizer used to fold most of them away.
            return _call("guard_float", [nodes.Const(str(node.value))], node.lineno)
        return node

    def visit_TemplateData(self, node: nodes.TemplateData) -> nodes.Node:
        # Jinja writes template text directly; as a constant it goes through
        # finalize, which counts it wherever it is written.
        return nodes.Const(node.data, lineno=node.lineno)


def guard(tree: nodes.Template, env: Environment) -> None:
    """Put the sandbox's guards into a checked tree (see the module docstring)."""
    _Guards().visit(tree)
    tree.set_environment(env)
