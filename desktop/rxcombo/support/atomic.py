"""The one crash-safe file replacement, used by the user's files and the library cache alike.

Plain Python rather than ``QSaveFile``, for three reasons:

* the error reaches the caller as an ``OSError`` with its ``errno`` (``ENOSPC``,
  ``EROFS``...), so the message shown to the user can say what went wrong; ``QSaveFile``
  only returns ``False`` and an English ``errorString()``;
* ``QSaveFile`` does not fsync the folder after the rename, so after a power cut the
  rename itself can be lost on ext4/XFS;
* the same code runs unchanged in the CLI and in the child processes of the kill test,
  and tests can inject failures by monkeypatching ``os.replace``/``os.fsync``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from pathlib import Path

TEMP_SUFFIX = ".tmp"

# Filesystems that cannot fsync a folder say so with one of these; the data is still
# written, so they must not turn every save into a failure.
_DIR_FSYNC_UNSUPPORTED = frozenset(
    {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF, errno.EACCES, errno.EPERM}
)


def _temp_prefix(path: Path) -> str:
    # Hidden (leading dot) so file managers do not show half-written files.
    return f".{path.name}."


def atomic_write_text(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text``: see :func:`atomic_write_bytes`."""
    atomic_write_bytes(path, text.encode(encoding))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never a mix.

    The text goes to a temporary file in the same folder (a rename is only atomic within
    one filesystem), which is flushed and fsynced before ``os.replace``; then the folder
    is fsynced so the rename survives a power cut.  On any error the temporary file is
    removed, ``path`` is left as it was and the ``OSError`` is raised.  The folder must
    exist.
    """
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=_temp_prefix(path), suffix=TEMP_SUFFIX)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(temp, path)
    except BaseException:
        # BaseException too: a KeyboardInterrupt mid-write must not leave debris behind.
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_directory(path.parent)


def _replace(source: Path, target: Path) -> None:
    if os.name != "nt":
        source.replace(target)
        return
    # On Windows a reader, indexer or virus scanner holding the target open makes the
    # replace fail for a moment; a few short retries hide that without hiding real errors.
    for attempt in range(10):
        try:
            source.replace(target)
            return
        except PermissionError:
            if attempt == 9:
                raise
            time.sleep(0.02 * (attempt + 1))


def _fsync_directory(directory: Path) -> None:
    if os.name == "nt":
        # Windows cannot open a folder as a file; NTFS journals the rename itself.
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError as exc:
        if exc.errno in _DIR_FSYNC_UNSUPPORTED:
            return
        raise
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _DIR_FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(fd)


def remove_leftover_temp_files(path: Path) -> int:
    """Delete temporary files that a killed writer of ``path`` left behind.

    Only safe while holding the lock that every writer of ``path`` takes, since otherwise
    another process's write in progress would be deleted.  Returns how many were removed.
    """
    prefix = _temp_prefix(path)
    removed = 0
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                Path(entry.path).unlink()
                removed += 1
    return removed
