"""The start-up code caches' file: one ``marshal``-ed dict, read whole, replaced whole.

``marshal`` rather than ``pickle``: it is what ``.pyc`` files use, it writes code objects,
and loading it runs nothing. A cache is only a cache: a missing, damaged or foreign file
reads as empty and is written over; a failed write is ignored (the next start compiles).
"""

from __future__ import annotations

import contextlib
import marshal
from pathlib import Path

from rxcombo.support.atomic import atomic_write_bytes


def read_dict(path: Path) -> dict[object, object]:
    """The file's dict, or an empty one if it cannot be read as one."""
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        loaded = marshal.loads(path.read_bytes())
        if isinstance(loaded, dict):
            return loaded
    return {}


def write_dict(path: Path, payload: dict[str, object]) -> None:
    """Replace the file with ``payload`` (atomically); a failure leaves the old one."""
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, marshal.dumps(payload))
