"""Moving a damaged user file out of the way without destroying it.

A file RxCombo cannot read may still hold the user's only copy of their favorites (a
newer app version, a hand edit, a disk error), so it is renamed, never overwritten or
deleted; the user or support can recover it later.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

_MAX_ATTEMPTS = 1000


def set_aside(path: Path, *, now: datetime | None = None) -> Path:
    """Rename ``path`` to ``<name>.damaged-<YYYYmmdd-HHMMSS>`` and return the new path.

    If that name is taken, ``-2``, ``-3``... is appended; an existing file is never
    overwritten.  Raises ``OSError`` if the file cannot be renamed.
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = f"{path.name}.damaged-{stamp}"
    for attempt in range(1, _MAX_ATTEMPTS + 1):
        target = path.with_name(base if attempt == 1 else f"{base}-{attempt}")
        try:
            _rename_without_replacing(path, target)
        except FileExistsError:
            continue
        return target
    raise FileExistsError(f"no free name to set aside {path} (tried {base} and suffixes)")


def _rename_without_replacing(source: Path, target: Path) -> None:
    if os.name == "nt":
        # Windows' rename already refuses to replace an existing file.
        source.rename(target)
        return
    # POSIX rename silently replaces the target; link() fails atomically if it exists,
    # so a file appearing between a check and the rename cannot be clobbered.
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        # Filesystems without hard links (FAT, some network shares): a checked rename is
        # the best available; the race window is tiny and needs a second RxCombo.
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        source.rename(target)
        return
    source.unlink()
