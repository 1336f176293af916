"""Jinja's immutable sandbox, with every costly operation bounded by :mod:`.limits`.

Jinja calls back into its environment for the things a template can do
that could be expensive: intercepted operators (``call_binop``), every call
(``call``, sandboxed), ``str.format`` (``wrap_str_format``) and printing a
value (``finalize``). Those hooks check the render's budget before the work
and charge what it made after. Filters are called directly by compiled
code, so each one is wrapped. Loops, ``~`` and literals get their hooks from
:mod:`.treecheck`, which rewrites them into calls of the ``guard_*``
methods here.

Filters and ``finalize`` take the context: Jinja does not run such
functions while compiling, so no constant expression is evaluated before a
budget exists. The class is built once, with its options, by
:func:`.environment.environment`.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment

from assistant.templating import limits


class GuardedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox every template runs in; see the module docstring."""

    intercepted_binops = limits.INTERCEPTED_BINOPS

    def __init__(self, **options: Any) -> None:
        # The optimizer folds constants at every level of an expression and
        # compares the trees it made: cubic in the depth. Templates gain
        # nothing from it, so it is off.
        super().__init__(finalize=_write, optimized=False, **options)
        self.globals["range"] = limits.checked_range
        # lipsum(n) builds n paragraphs in one call; a prompt never needs it.
        self.globals.pop("lipsum", None)
        self.filters = {name: _guard_filter(name, function)
                        for name, function in self.filters.items()}

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """``**``, ``*``, ``%`` and ``+``, refused when the result would be too large."""
        budget = limits.current()
        budget.tick()
        result = limits.binop(operator, left, right, budget)
        budget.spend(result)
        return result

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Every call a template makes: timed, depth-counted, its result charged."""
        budget = limits.current()
        budget.tick()
        if isinstance(obj, types.BuiltinMethodType):
            args = limits.check_builtin_call(obj, args, kwargs, budget)
        budget.enter()
        try:
            result = super().call(context, obj, *args, **kwargs)
        finally:
            budget.leave()
        budget.spend(result)
        return result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` and ``format_map``, refused when the result would be too long."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        pattern: str = value.__self__
        is_map = value.__name__ == "format_map"

        def bounded(*args: Any, **kwargs: Any) -> str:
            budget = limits.current()
            if is_map and len(args) == 1 and isinstance(args[0], Mapping):
                limits.check_format(pattern, (), args[0], budget)
            else:
                limits.check_format(pattern, args, kwargs, budget)
            return wrapped(*args, **kwargs)

        return bounded

    def guard_loop(self, items: Iterable[Any]) -> Iterable[Any]:
        """What a ``{% for %}`` iterates: each turn is counted and timed."""
        return _Counted(items)

    @pass_context
    def guard_concat(self, context: Context, *parts: Any) -> str:
        """``a ~ b``: the parts are measured before they are joined."""
        budget = limits.current()
        budget.tick()
        budget.afford(sum(limits.weight(part, budget.remaining) for part in parts))
        join = markup_join if context.eval_ctx.autoescape else str_join
        return join(parts)

    def guard_float(self, text: str) -> float:
        """``1e999`` in a template: infinity, which compiled code cannot spell."""
        return float(text)

    def guard_value(self, value: Any) -> Any:
        """A list, tuple or dict literal; :meth:`call` charges it like any new value."""
        return value


class _Counted:
    """An iterable that counts each turn of the loop over it."""

    __slots__ = ("items",)

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items

    def __iter__(self) -> Iterator[Any]:
        budget = limits.current()
        for item in self.items:
            budget.loop()
            yield item

    def __len__(self) -> int:
        # Jinja's loop.length asks; a TypeError makes it count the items instead.
        return len(self.items)  # type: ignore[arg-type]


@pass_context
def _write(context: Context, value: Any) -> Any:
    """Jinja's ``finalize``: every printed value is charged before it becomes text."""
    budget = limits.current()
    budget.tick()
    budget.write(value)
    return value


def _argument(args: tuple[Any, ...], kwargs: Mapping[str, Any], index: int, name: str,
              default: Any) -> Any:
    """A filter's argument, given by position (after the value) or by name."""
    if len(args) > index:
        return args[index]
    return kwargs.get(name, default)


def _text_checks(budget: limits.Budget, name: str, value: Any, args: tuple[Any, ...],
                 kwargs: Mapping[str, Any]) -> None:
    """Estimates for the filters that make text longer than their input."""
    text = value if isinstance(value, str) else None
    if name == "center":
        width = _argument(args, kwargs, 0, "width", 80)
        if isinstance(width, int):
            budget.afford(width + len(text or ""))
    elif name == "indent" and text is not None:
        width = _argument(args, kwargs, 0, "width", 4)
        size = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
        budget.afford(size)
        budget.afford(len(text) + (text.count("\n") + 1) * size)
    elif name == "wordwrap" and text is not None:
        width = _argument(args, kwargs, 0, "width", 79)
        wrap = _argument(args, kwargs, 2, "wrapstring", None) or "\n"
        if isinstance(width, int) and isinstance(wrap, str):
            breaks = len(text) // max(1, width) + text.count("\n") + 1
            budget.loop(breaks)  # textwrap works line by line, in Python
            budget.afford(len(text) + breaks * len(wrap))
    elif name == "replace" and text is not None:
        old = _argument(args, kwargs, 0, "old", "")
        new = _argument(args, kwargs, 1, "new", "")
        count = _argument(args, kwargs, 2, "count", None)
        if isinstance(old, str) and isinstance(new, str):
            budget.afford(limits.replaced_size(text, old, new,
                                               count if isinstance(count, int) else None))
    elif name == "format" and text is not None:
        limits.check_percent(text, kwargs or args, budget)


def _list_checks(budget: limits.Budget, name: str, value: Any, args: tuple[Any, ...],
                 kwargs: Mapping[str, Any]) -> Any:
    """Estimates for the filters that build lists; the value to pass on (read if lazy)."""
    if name in ("batch", "slice"):
        count = _argument(args, kwargs, 0, "linecount" if name == "batch" else "slices", 0)
        fill = _argument(args, kwargs, 1, "fill_with", None)
        if isinstance(count, int):
            if name == "slice":
                budget.loop(max(0, count))  # slice loops once per slice, in Python
            if fill is not None:
                budget.afford(count * (limits.weight(fill, budget.remaining) + 2))
    elif name in ("join", "sum"):
        # A lazy value (map, select) is read, at most one item past what the
        # budget could hold: every item weighs at least one character, so a
        # longer one fails the check below instead of being cut short.
        items = value if isinstance(value, (str, list, tuple)) else \
            list(_take(value, budget.remaining + 1))
        size = limits.weight(items, budget.remaining)
        if name == "join":
            separator = _argument(args, kwargs, 0, "d", "")
            budget.afford(size + len(items) * len(str(separator)))
        elif not isinstance(_argument(args, kwargs, 1, "start", 0), (int, float)):
            # Adding lists copies the sum so far each time: n items cost n times the result.
            budget.afford(size * len(items))
        return items
    return value


def _take(items: Any, count: int) -> Iterator[Any]:
    for index, item in enumerate(items):
        if index >= count:
            return
        yield item


def _guard_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` checked before and charged after each call."""
    passes = getattr(getattr(function, "jinja_pass_arg", None), "name", None)

    @pass_context
    def guarded(context: Context, value: Any, *args: Any, **kwargs: Any) -> Any:
        budget = limits.current()
        budget.tick()
        _text_checks(budget, name, value, args, kwargs)
        value = _list_checks(budget, name, value, args, kwargs)
        if passes == "context":
            result = function(context, value, *args, **kwargs)
        elif passes == "eval_context":
            result = function(context.eval_ctx, value, *args, **kwargs)
        elif passes == "environment":
            result = function(context.environment, value, *args, **kwargs)
        else:
            result = function(value, *args, **kwargs)
        budget.spend(result)
        return result

    guarded.__name__ = guarded.__qualname__ = f"guarded_{name}"
    guarded.__doc__ = function.__doc__
    return guarded
