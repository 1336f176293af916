"""Write a file so that a crash, a full disk or a second writer never leaves half of it.

The data goes to a temporary file next to the target (same folder, so the
rename cannot cross file systems), is flushed to the disk, and then replaces
the target in one rename. Readers see the old file or the new one, never a
mix; a failed write leaves the old file as it was and no temporary behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8).

    ``mode`` sets the new file's permission bits (e.g. ``0o600`` for secrets)
    before any data is written. A symlink at ``path`` is followed: its target
    is replaced and the link kept, as an editor would do. OSError propagates;
    callers turn it into a message naming the file.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                             dir=target.parent)
    try:
        if mode is not None and hasattr(os, "fchmod"):
            os.fchmod(descriptor, mode)
        elif mode is not None:  # Windows: only the read-only bit exists
            os.chmod(temporary, mode)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
