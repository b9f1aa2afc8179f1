"""SHA-256 and SHA-1 without OpenSSL, for the short texts hashed while the app starts.

``hashlib`` loads OpenSSL's libcrypto when it is imported: 5 ms and 4 MiB of every start,
which only hashes a few short texts (the single-instance key, the cache files' names, the
disclaimer, PySide6's support sources). Python ships its own implementations of both
digests, the modules ``hashlib`` itself falls back to when OpenSSL is missing (``_sha256``
and ``_sha1`` in Python 3.11, ``_sha2`` from 3.12): the same digests, loaded in about 1 ms.
They are about six times slower per megabyte and hold the GIL while they work, so
:func:`sha256_hex` hands inputs of a megabyte or more (the file signatures of a large
library) to ``hashlib``, imported then; the corpus's 6,447 pages' signatures (about
0.6 MB) cost 2 to 3 ms here, against 3 to 5 ms to import ``hashlib`` for them. Where
neither module exists, ``hashlib``'s are used.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from rxcombo.support import lazy


class Digest(Protocol):
    """What RxCombo uses of a hashlib hash object."""

    def update(self, data: bytes, /) -> None: ...
    def hexdigest(self) -> str: ...


Hasher = Callable[..., Digest]  # hashlib's constructors: (data=b"") -> a hash object

# Imported by name in import statements: PyInstaller bundles what it sees imported.
_builtin: dict[str, Any] = {}
try:
    import _sha256  # type: ignore[import-not-found, unused-ignore]  # Python 3.11

    _builtin["sha256"] = _sha256.sha256
except ImportError:
    try:
        import _sha2  # type: ignore[import-not-found, unused-ignore]  # Python 3.12 and later

        _builtin["sha256"] = _sha2.sha256
    except ImportError:
        pass
try:
    import _sha1  # type: ignore[import-not-found, unused-ignore]

    _builtin["sha1"] = _sha1.sha1
except ImportError:
    pass


def _constructor(name: str) -> Hasher:
    found = _builtin.get(name)
    if found is not None:
        return found  # type: ignore[no-any-return]
    import hashlib  # only where Python has no built-in digest module

    return getattr(hashlib, name)  # type: ignore[no-any-return]


sha256: Hasher = _constructor("sha256")
sha1: Hasher = _constructor("sha1")


_LONG = 1_000_000  # bytes: past this OpenSSL's speed pays for loading it (measured here)


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in hex, from OpenSSL's implementation for long inputs or
    once something else has loaded it (Python's own holds the GIL: 4 ms a megabyte)."""
    if len(data) < _LONG and "hashlib" not in sys.modules:
        return sha256(data).hexdigest()
    # Megabytes (see the module's docstring), hashed on the loader's thread: hashlib's first
    # import is the main thread's to make while Qt runs (rxcombo.support.lazy).
    hashlib = lazy.module("hashlib")
    return str(hashlib.sha256(data).hexdigest())


def sha256_hex_chunks(chunks: Iterator[bytes]) -> str:
    """:func:`sha256_hex` of the chunks joined, without holding them all: the chunks of a
    short input are joined and hashed as there, a long one's go to ``hashlib`` one by one."""
    held: list[bytes] = []
    size = 0
    for chunk in chunks:
        held.append(chunk)
        size += len(chunk)
        if size >= _LONG:
            break
    else:
        return sha256_hex(b"".join(held))
    hasher = lazy.module("hashlib").sha256()
    for chunk in held:
        hasher.update(chunk)
    for chunk in chunks:
        hasher.update(chunk)
    return str(hasher.hexdigest())
