"""The start-up code caches' file: one ``marshal``-ed dict, read whole, replaced whole.

``marshal`` rather than ``pickle``: it is what ``.pyc`` files use, it writes code objects,
and loading it runs nothing. The file starts with a tag, the bytecode magic number of the
Python that wrote it and the CRC-32 of what follows, all checked before anything is
unmarshalled: ``marshal`` trusts its input (a damaged length made it allocate gigabytes and
take 50 s, or raise ``SystemError``) and promises nothing about another Python's code
objects. A cache is only a cache: a missing, damaged or foreign file reads as empty and is
written over; a failed write is ignored (the next start compiles again).
"""

from __future__ import annotations

import contextlib
import marshal
import zlib
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType

from rxcombo.support.atomic import atomic_write_bytes

_HEADER = b"RXCM" + MAGIC_NUMBER  # then the CRC-32 of the marshal bytes, then those
_START = len(_HEADER) + 4


def read_dict(path: Path) -> dict[object, object]:
    """The file's dict, or an empty one if it cannot be read as one."""
    with contextlib.suppress(OSError):
        data = path.read_bytes()
        payload = data[_START:]
        crc = int.from_bytes(data[len(_HEADER) : _START], "little")
        if data.startswith(_HEADER) and crc == zlib.crc32(payload):
            with contextlib.suppress(Exception):  # whole, yet not a dict of ours
                loaded = marshal.loads(payload)
                if isinstance(loaded, dict):
                    return loaded
    return {}


def write_dict(path: Path, payload: dict[str, object]) -> None:
    """Replace the file with ``payload`` (atomically); a failure leaves the old one."""
    with contextlib.suppress(OSError, ValueError):
        data = marshal.dumps(payload)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, _HEADER + zlib.crc32(data).to_bytes(4, "little") + data)


def code_objects(found: dict[object, object]) -> dict[str, CodeType]:
    """The entries of a read dict that are code objects under a text key (what the PySide6
    support cache keeps; anything else in the file is left out)."""
    return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, CodeType)}
