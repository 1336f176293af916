"""Ctrl+C around llama.cpp calls that call back into Python.

While llama.cpp loads a model or evaluates a prompt, the main thread is in C;
Python runs a pending signal handler at the next Python code, which is then
one of our ctypes callbacks (the log, the load progress, the abort check).
With Python's default handler, the KeyboardInterrupt is raised inside the
callback, where ctypes prints "Exception ignored on calling ctypes callback
function" and drops it: the load or the prompt goes on to the end, and the
interrupt is lost.

:class:`Interrupts` puts its own handler in place for the duration of such a
call: Ctrl+C only sets a flag (and cancels the run's token), which our
callbacks read to stop llama.cpp; when the call is over, in plain Python
code, the interrupt is passed on: as KeyboardInterrupt where that was the
handler, else to the handler that was there (the CLI's sets its own token).
Only the main thread receives signals, so elsewhere (the GUI's model thread)
it does nothing.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from types import FrameType, TracebackType
from typing import Self, TypeVar

from assistant.backend import CancelToken

T = TypeVar("T")


class Interrupts:
    """``with Interrupts(cancel) as guard:`` around a call; ``guard.interrupted`` after Ctrl+C."""

    def __init__(self, cancel: CancelToken | None = None) -> None:
        self.cancel = cancel
        self.interrupted = False
        self._previous: object = None
        self._installed = False

    def __enter__(self) -> Self:
        self.interrupted = False
        if threading.current_thread() is threading.main_thread():
            previous = signal.getsignal(signal.SIGINT)
            if callable(previous):  # SIG_IGN and SIG_DFL are left alone
                self._previous = previous
                signal.signal(signal.SIGINT, self._on_sigint)
                self._installed = True
        return self

    def __exit__(self, kind: type[BaseException] | None, _exc: BaseException | None,
                 _tb: TracebackType | None) -> None:
        if not self._installed:
            return
        self._installed = False
        previous = self._previous
        signal.signal(signal.SIGINT, previous)  # type: ignore[arg-type]
        if not self.interrupted or (kind is not None and issubclass(kind, KeyboardInterrupt)):
            return
        if previous is signal.default_int_handler:
            raise KeyboardInterrupt
        if callable(previous):
            previous(signal.SIGINT, None)

    def each(self, items: Iterator[T]) -> Iterator[T]:
        """``items``, each taken under this guard: for a generator whose steps call llama.cpp."""
        while True:
            with self:
                try:
                    item = next(items)
                except StopIteration:
                    return
            yield item

    def _on_sigint(self, _signum: int, _frame: FrameType | None) -> None:
        self.interrupted = True
        if self.cancel is not None:
            self.cancel.cancel()
