"""Small UI state kept between sessions: last values, recent and favourite templates.

Plain JSON in the profile, rewritten atomically. It is convenience data: a
damaged file is reported (logged, and the message kept for the UI) and
replaced with an empty state rather than blocking start-up; the damaged file
is kept beside it as ``state.json.bad`` so nothing is lost.

The values include the drafts of the main window's form, saved while the user
types; those are written on a writer thread (:meth:`UiState.save_later`),
because a long paste makes a file whose writing and syncing the GUI thread
should not wait for. Every write carries a sequence number, so an older state
never replaces a newer one, whichever thread writes it.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from assistant.atomic import write_atomic
from assistant.messages import Message
from assistant.templating.model import FieldKind, Template

log = logging.getLogger(__name__)

MAX_RECENT = 8


def lasting_values(template: Template, values: Mapping[str, str],
                   leave_out: str | None = None) -> dict[str, str]:
    """The values worth remembering for next time.

    Dates are left out: a remembered date would be stale tomorrow, while an
    empty date field means today. ``leave_out`` names one more field, e.g. the
    quick prompt's input, which is the selected text of the moment.
    """
    skip = {f.name for f in template.fields if f.kind is FieldKind.DATE}
    if leave_out is not None:
        skip.add(leave_out)
    return {name: value for name, value in values.items() if name not in skip}


class UiState:
    """Remembered values per template, recent templates (newest first), favourites."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: Message | None = None
        self._values: dict[str, dict[str, str]] = {}
        self._recent: list[str] = []
        self._favourites: list[str] = []
        self._dismissed: list[str] = []
        self._changes = threading.Condition()
        self._queued = 0
        """Sequence number of the latest snapshot taken."""
        self._pending: tuple[int, dict[str, Any]] | None = None
        """The snapshot waiting for the writer thread."""
        self._writing = False
        self._written = 0
        """Sequence number of the snapshot on disk (guarded by ``_write_lock``)."""
        self._write_lock = threading.Lock()
        self._writer: threading.Thread | None = None
        self._load()

    # -- reading -------------------------------------------------------------

    def values(self, template_id: str) -> dict[str, str]:
        """The field values last used with ``template_id``."""
        return dict(self._values.get(template_id, {}))

    @property
    def recent(self) -> list[str]:
        """Template ids, most recently run first."""
        return list(self._recent)

    @property
    def favourites(self) -> list[str]:
        """Template ids the user starred, in the order starred."""
        return list(self._favourites)

    def is_favourite(self, template_id: str) -> bool:
        """True if ``template_id`` is starred."""
        return template_id in self._favourites

    def is_dismissed(self, notice: str) -> bool:
        """True once the user closed the notice called ``notice`` (e.g. "first-run")."""
        return notice in self._dismissed

    # -- changing (each change is saved at once) -----------------------------

    def remember(self, template_id: str, values: Mapping[str, str], *,
                 later: bool = False) -> None:
        """Keep ``values`` for next time and move the template to the top of recent.

        ``later`` writes the file on the writer thread: a run starting must
        not wait for a megabyte of field values to reach the disk.
        """
        self._values[template_id] = dict(values)
        self._recent = [template_id] + [t for t in self._recent if t != template_id]
        del self._recent[MAX_RECENT:]
        if later:
            self.save_later()
        else:
            self.save()

    def remember_values(self, template_id: str, values: Mapping[str, str], *,
                        later: bool = False) -> None:
        """Keep ``values`` for next time without marking the template as used.

        ``later`` writes the file on the writer thread (a draft while typing).
        """
        if self._values.get(template_id) != dict(values):
            self._values[template_id] = dict(values)
            if later:
                self.save_later()
            else:
                self.save()

    def set_favourite(self, template_id: str, favourite: bool) -> None:
        """Star or unstar ``template_id``."""
        if favourite and template_id not in self._favourites:
            self._favourites.append(template_id)
        elif not favourite and template_id in self._favourites:
            self._favourites.remove(template_id)
        self.save()

    def dismiss(self, notice: str) -> None:
        """Remember that the user closed ``notice``: it is not shown again."""
        if notice not in self._dismissed:
            self._dismissed.append(notice)
            self.save()

    def save(self) -> None:
        """Write the state atomically, now; OSError says why it could not."""
        self._write(*self._snapshot())

    def save_later(self) -> None:
        """Write the state atomically on the writer thread; :meth:`flush` waits for it.

        A failed write is logged; the next save tries again.
        """
        snapshot = self._snapshot()
        with self._changes:
            self._pending = snapshot
            if self._writer is None:
                self._writer = threading.Thread(target=self._write_pending, name="ui-state",
                                                daemon=True)
                self._writer.start()
            self._changes.notify_all()

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Wait until what :meth:`save_later` queued is on disk; False on a timeout."""
        with self._changes:
            return self._changes.wait_for(lambda: self._pending is None and not self._writing,
                                          timeout_s)

    def _snapshot(self) -> tuple[int, dict[str, Any]]:
        """The state as it is now, numbered; copied, so that it can be written elsewhere."""
        with self._changes:
            self._queued += 1
            return self._queued, {
                "version": 1, "values": {t: dict(v) for t, v in self._values.items()},
                "recent": list(self._recent), "favourites": list(self._favourites),
                "dismissed": list(self._dismissed)}

    def _write(self, number: int, data: dict[str, Any]) -> None:
        text = json.dumps(data, ensure_ascii=False, indent=1)
        with self._write_lock:
            if number > self._written:
                write_atomic(self.path, text)
                self._written = number

    def _write_pending(self) -> None:
        while True:
            with self._changes:
                self._changes.wait_for(lambda: self._pending is not None)
                assert self._pending is not None
                snapshot, self._pending = self._pending, None
                self._writing = True
            try:
                self._write(*snapshot)
            except OSError as exc:
                log.warning("could not save the window state to %s: %s", self.path, exc)
            finally:
                with self._changes:
                    self._writing = False
                    self._changes.notify_all()

    def _load(self) -> None:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        try:
            data: Any = json.loads(raw)
            values = {str(t): {str(k): str(v) for k, v in fields.items()}
                      for t, fields in data.get("values", {}).items()}
            recent = [str(t) for t in data.get("recent", [])]
            favourites = [str(t) for t in data.get("favourites", [])]
            dismissed = [str(t) for t in data.get("dismissed", [])]
        except (ValueError, AttributeError, TypeError) as exc:
            backup = self.path.with_name(self.path.name + ".bad")
            os.replace(self.path, backup)
            self.problem = Message.of("{path}: could not read the saved window state ({error}); "
                                      "starting fresh. The old file is kept as {backup}.",
                                      path=self.path, error=exc, backup=backup.name)
            log.warning("%s", self.problem)
            return
        self._values, self._recent, self._favourites = values, recent[:MAX_RECENT], favourites
        self._dismissed = dismissed
