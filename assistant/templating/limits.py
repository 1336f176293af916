"""What a template may cost, and the checks that keep it within that.

A template file is untrusted input: users share them. Jinja's sandbox stops
a template reaching Python internals but not spending the machine, and one
C-level operation (``'a' * 10**10``, ``9 ** 9 ** 9``, ``'x'.center(10**10)``)
cannot be interrupted once it has started. So every operation that can make
something large is checked *before* it runs, against an estimate, and every
new value is charged to the render's :class:`Budget` of characters. Loops,
calls and output also check the budget's clock and counters, so nothing a
template does runs longer than :data:`RENDER_SECONDS`.

The same checks run on constants when a template is parsed (see
:mod:`.treecheck`), so ``{{ 9**(9**9) }}`` is refused when the file is read.
Problems are raised as :class:`~.errors.LimitExceeded` without a place; the
caller knows the file and turns the template frame's line into the message.
"""

from __future__ import annotations

import contextvars
import functools
import itertools
import math
import operator
import re
import string
import time
from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from contextlib import contextmanager
from typing import Any

from assistant.messages import Message
from assistant.templating.errors import LimitExceeded

MAX_BODY_CHARS = 256 * 1024
"""The longest body; the library already refuses bigger files before decoding."""
MAX_TOKENS = 10_000
"""Tag and expression parts per template (the built-ins use under 50): compiling
costs up to 50 µs each, so this keeps the worst file under half a second."""
MAX_NESTING = 16
"""Brackets or block tags inside one another: Jinja's parser recurses on both."""
MAX_EXPRESSION_DEPTH = 32
"""Levels of one expression tree: Jinja's compiler recurses on them, and so does
Python's on the code it makes."""
MAX_INT_BITS = 14_000
"""About 4,200 digits: just below the 4,300 Python will still print as text."""
MAX_LOOPS = 100_000
"""Loop turns in one render, and the longest ``range()`` (Jinja's own cap)."""
MAX_CALL_DEPTH = 40
"""Macros calling macros; far below Python's recursion limit."""
MAX_VALUE_DEPTH = 40
"""Lists inside lists: C code (printing, hashing) recurses on them."""
BASE_CHARS = 1_000_000
"""Characters a render may make, plus :data:`INPUT_FACTOR` per input character."""
INPUT_FACTOR = 8
RENDER_SECONDS = 1.0
"""A prompt renders in about a millisecond; a second is a broken template."""

INTERCEPTED_BINOPS = frozenset({"**", "*", "%", "+"})
"""The operators whose result can be far larger than their operands."""

_OPERATORS = {"**": operator.pow, "*": operator.mul, "%": operator.mod, "+": operator.add}
_DIGITS = int(MAX_INT_BITS * math.log10(2))
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")
_SPEC = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(\d*)[,_]?(?:\.(\d+))?[a-zA-Z%]?")


class Budget:
    """What one render may still spend: characters, loop turns, call depth, time."""

    def __init__(self, chars: int, seconds: float | None = None) -> None:
        self.chars = chars
        self.spent = 0
        self.loops = 0
        self.depth = 0
        self.seconds = seconds
        self.deadline = None if seconds is None else time.monotonic() + seconds

    @property
    def remaining(self) -> int:
        """Characters still available for new values."""
        return self.chars - self.spent

    def tick(self) -> None:
        """Stop the render once its time is up; called by every guarded operation."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise LimitExceeded(Message.of(
                "filling in the template took more than {seconds:g} s; it was stopped here.",
                seconds=self.seconds or 0))

    def afford(self, chars: int) -> None:
        """Refuse, before it is made, a value of ``chars`` characters the budget lacks."""
        if chars > self.remaining:
            raise LimitExceeded(Message.of(
                "this would make more than {limit:,} characters of text and values; a template "
                "may not build that much.", limit=self.chars))

    def spend(self, value: object) -> None:
        """Charge a new text, list or other container to the budget.

        Numbers are free: they are small (see :data:`MAX_INT_BITS`), and a
        counter in a long loop must not use up the budget.
        """
        if isinstance(value, (str, bytes, bytearray)) or _children(value) is not None:
            self.write(value)

    def write(self, value: object) -> None:
        """Charge a printed value, whatever it is, to the budget."""
        size = weight(value, self.remaining)
        self.afford(size)
        self.spent += size

    def loop(self, turns: int = 1) -> None:
        """Count loop turns (one, or the ``turns`` a filter's loop will make)."""
        self.loops += turns
        if self.loops > MAX_LOOPS:
            raise LimitExceeded(Message.of(
                "the loops here run more than {limit:,} times in all; a template may not loop "
                "longer.", limit=MAX_LOOPS))
        self.tick()

    def enter(self) -> None:
        """Count one call level (a macro, a block, a recursive loop); see :meth:`leave`."""
        if self.depth >= MAX_CALL_DEPTH:
            raise LimitExceeded(Message.of(
                "macros call each other more than {limit} levels deep; does a macro call "
                "itself without end?", limit=MAX_CALL_DEPTH))
        self.depth += 1

    def leave(self) -> None:
        """The call counted by :meth:`enter` returned."""
        self.depth -= 1


_ACTIVE: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("template_budget",
                                                                      default=None)


def current() -> Budget:
    """The budget of the render running in this thread.

    Outside a render (Jinja folding constants while compiling, a parse-time
    check) there is no clock; a fresh budget still bounds each operation.
    """
    return _ACTIVE.get() or Budget(BASE_CHARS)


def chars_for(values: Mapping[str, object]) -> int:
    """The character budget of a render with these variables."""
    given = sum(len(value) for value in values.values() if isinstance(value, str))
    return BASE_CHARS + INPUT_FACTOR * given


@contextmanager
def rendering(chars: int, seconds: float = RENDER_SECONDS) -> Iterator[Budget]:
    """Run a render in this thread with a fresh budget."""
    budget = Budget(chars, seconds)
    token = _ACTIVE.set(budget)
    try:
        yield budget
    finally:
        _ACTIVE.reset(token)


def weight(value: object, limit: int) -> int:
    """About how many characters ``value`` takes when printed, shared parts counted each time.

    ``[[x] * 1000] * 1000`` is two small lists in memory but a million
    ``x``-es as text; what is printed, hashed or compared is the expanded
    size, so that is what counts. Each object is visited once (its size is
    remembered), and the count stops once it is past ``limit``.
    """
    known: dict[int, int] = {}
    open_now: set[int] = set()

    def visit(item: object, depth: int) -> int:
        if isinstance(item, str):
            return len(item) + 2
        if isinstance(item, (bytes, bytearray)):
            return len(item) + 3
        if isinstance(item, bool) or item is None:
            return 5
        if isinstance(item, int):
            return item.bit_length() // 3 + 2
        if isinstance(item, (float, complex)):
            return 24
        if isinstance(item, range):
            return 24  # printed as range(0, 10); made into a list only by a charged filter
        children = _children(item)
        if children is None:
            return 10  # macros, loop helpers, generators: printed as a short name
        key = id(item)
        if key in known:
            return known[key]
        if key in open_now:
            return 5  # a value inside itself is printed as [...]
        if depth >= MAX_VALUE_DEPTH:
            raise LimitExceeded(Message.of(
                "this would make a value nested more than {limit} levels deep (lists inside "
                "lists).", limit=MAX_VALUE_DEPTH))
        open_now.add(key)
        total = 2
        for child in children:
            total += visit(child, depth + 1) + 2
            if total > limit:
                break
        open_now.discard(key)
        known[key] = total
        return total

    return visit(value, 0)


@functools.cache
def _namespace() -> type:
    from jinja2.utils import Namespace  # Jinja is imported only once a template is used

    return Namespace


def _children(item: object) -> Iterable[object] | None:
    if isinstance(item, (list, tuple, set, frozenset)):
        return item
    if isinstance(item, _namespace()):
        item = object.__getattribute__(item, "_Namespace__attrs")
    if isinstance(item, (KeysView, ValuesView, ItemsView)):  # dict.keys(), ...
        item = getattr(item, "mapping", item)
    if isinstance(item, dict):
        return itertools.chain.from_iterable(item.items())
    return None


def _range_length(value: range) -> int:
    try:
        return len(value)
    except OverflowError:
        return 2 ** 62


def checked_range(*args: int) -> range:
    """``range()`` for templates: at most :data:`MAX_LOOPS` numbers."""
    result = range(*args)
    if _range_length(result) > MAX_LOOPS:
        raise LimitExceeded(Message.of(
            "this range() is too long: a template may loop at most {limit:,} times.",
            limit=MAX_LOOPS))
    return result


def binop(symbol: str, left: Any, right: Any, budget: Budget) -> Any:
    """``left <symbol> right`` for an intercepted operator, refused if the result is too big."""
    if symbol == "**":
        _check_power(left, right)
    elif symbol == "*":
        _check_product(left, right, budget)
    elif symbol == "%" and isinstance(left, (str, bytes)):
        check_percent(left, right, budget)
    elif symbol == "+" and _sized(left) and _sized(right):
        budget.afford(weight(left, budget.remaining) + weight(right, budget.remaining))
    return _OPERATORS[symbol](left, right)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _sized(value: object) -> bool:
    return isinstance(value, (str, bytes, list, tuple))


def too_many_digits() -> LimitExceeded:
    """The error for a number past :data:`MAX_INT_BITS`."""
    return LimitExceeded(Message.of(
        "this would make a number of more than {digits:,} digits; a template may not compute "
        "numbers that large.", digits=_DIGITS))


def _check_power(left: Any, right: Any) -> None:
    if _is_int(left) and _is_int(right) and right > 0 and abs(left) > 1 \
            and right * math.log2(abs(left)) > MAX_INT_BITS:
        raise too_many_digits()


def _check_product(left: Any, right: Any, budget: Budget) -> None:
    if _is_int(left) and _is_int(right):
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise too_many_digits()
        return
    sequence, count = (left, right) if _is_int(right) else (right, left)
    if _sized(sequence) and _is_int(count) and count > 0 and len(sequence) > 0:
        budget.afford(count * weight(sequence, budget.remaining))


def _check_width(text: str | None) -> int:
    """A width or precision written in a format, refused when it is huge."""
    if not text:
        return 0
    if len(text) > 9 or int(text) > BASE_CHARS:
        raise LimitExceeded(Message.of(
            "a width or precision of more than {limit:,} in a format is too large.",
            limit=BASE_CHARS))
    return int(text)


def _largest(values: Iterable[object], budget: Budget) -> int:
    return max((weight(value, budget.remaining) for value in values), default=0)


def check_percent(pattern: str | bytes, values: Any, budget: Budget) -> None:
    """Refuse ``pattern % values`` when it would be too long (``'%9999999s'``, ``'%*d'``)."""
    text = pattern.decode("latin-1") if isinstance(pattern, bytes) else pattern
    fields = 0
    widths = 0
    for match in _PERCENT.finditer(text):
        if "*" in (match.group(1), match.group(2)):
            raise LimitExceeded(Message.of(
                "'*' as a width or precision in '%' formatting is not supported; write the "
                "number instead."))
        widths += _check_width(match.group(1)) + _check_width(match.group(2))
        fields += 1
    if isinstance(values, Mapping):
        items: Iterable[object] = values.values()
    elif isinstance(values, tuple):
        items = values
    else:
        items = (values,)
    budget.afford(len(text) + widths + fields * _largest(items, budget))


def check_format(pattern: str, args: tuple[Any, ...], kwargs: Mapping[str, Any],
                 budget: Budget) -> None:
    """Refuse ``pattern.format(...)`` when it would be too long (``'{:9999999}'``)."""
    fields = 0
    widths = 0
    for _, name, spec, _ in string.Formatter().parse(pattern):
        if name is None:
            continue
        if spec and "{" in spec:
            raise LimitExceeded(Message.of(
                "a format width taken from a value ('{{:{{width}}}}') is not supported; write "
                "the number instead."))
        match = _SPEC.fullmatch(spec or "")
        if match:
            widths += _check_width(match.group(1)) + _check_width(match.group(2))
        fields += 1
    largest = _largest(itertools.chain(args, kwargs.values()), budget)
    budget.afford(len(pattern) + widths + fields * largest)


def check_builtin_call(function: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any],
                       budget: Budget) -> tuple[Any, ...]:
    """Refuse a built-in method call that would make something huge; the args to use.

    Methods like ``str.center``, ``str.zfill`` or ``int.to_bytes`` take a
    size: any number above the budget is refused. ``join``, ``replace``,
    ``expandtabs`` and ``translate`` multiply sizes and are estimated. An
    iterator given to ``join`` is read into a list first, so it can be
    measured and still be joined.
    """
    name = getattr(function, "__name__", "?")
    for value in itertools.chain(args, kwargs.values()):
        if _is_int(value) and abs(value) > budget.chars:
            raise LimitExceeded(Message.of("{name}() was given a number larger than {limit:,}.",
                                           name=name, limit=budget.chars))
    owner = getattr(function, "__self__", None)
    if not isinstance(owner, (str, bytes)):
        return args
    if name == "join" and len(args) == 1:
        items = args[0]
        if not _sized(items):
            items = list(itertools.islice(iter(items), budget.remaining + 1))
        budget.afford(weight(items, budget.remaining) + len(items) * len(owner))
        return (items,)
    if name == "replace" and len(args) >= 2 and _sized(args[0]) and _sized(args[1]):
        budget.afford(replaced_size(owner, args[0], args[1], args[2] if len(args) > 2 else -1))
    elif name == "expandtabs" and args and _is_int(args[0]):
        budget.afford(len(owner) * max(1, args[0]))
    elif name == "translate" and args and isinstance(args[0], Mapping):
        budget.afford(len(owner) * _largest(args[0].values(), budget))
    return args


def replaced_size(text: Any, old: Any, new: Any, count: int | None = -1) -> int:
    """How long ``text.replace(old, new, count)`` would be."""
    try:
        found = int(text.count(old))
    except TypeError:
        return len(text)
    if count is not None and count >= 0:
        found = min(found, count)
    return len(text) + found * max(0, len(new) - len(old))


def describe(error: BaseException) -> str:
    """A Python error as one short line, for a template that raised it."""
    text = str(error)
    if len(text) > 200:
        text = text[:200] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
