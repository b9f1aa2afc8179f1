"""The start-up code caches' file: one ``marshal``-ed dict, read whole, replaced whole.

``marshal`` rather than ``pickle``: it is what ``.pyc`` files use, it writes code objects,
and loading it runs nothing. The file starts with a tag and the CRC-32 of what follows,
checked before anything is unmarshalled: ``marshal`` trusts its input, and a damaged
length made it allocate gigabytes and take 50 s, or raise ``SystemError``. A cache is only
a cache: a missing, damaged or foreign file reads as empty and is written over; a failed
write is ignored (the next start compiles again).
"""

from __future__ import annotations

import contextlib
import marshal
import zlib
from pathlib import Path

from rxcombo.support.atomic import atomic_write_bytes

_TAG = b"RXCM"


def read_dict(path: Path) -> dict[object, object]:
    """The file's dict, or an empty one if it cannot be read as one."""
    with contextlib.suppress(OSError):
        data = path.read_bytes()
        payload = data[8:]
        if data[:4] == _TAG and int.from_bytes(data[4:8], "little") == zlib.crc32(payload):
            with contextlib.suppress(Exception):  # a file written by another Python's marshal
                loaded = marshal.loads(payload)
                if isinstance(loaded, dict):
                    return loaded
    return {}


def write_dict(path: Path, payload: dict[str, object]) -> None:
    """Replace the file with ``payload`` (atomically); a failure leaves the old one."""
    data = marshal.dumps(payload)
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, _TAG + zlib.crc32(data).to_bytes(4, "little") + data)
