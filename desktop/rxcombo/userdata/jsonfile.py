"""One versioned JSON file on disk: classified reads, a lock beside it, atomic writes.

The favorites and settings files are small documents ``{"format": ..., "version": ...,
...}``.  :class:`JsonFile` only reads, locks and writes them; what to do with a damaged
or newer file, and merging, is the stores' policy in :mod:`rxcombo.userdata.store`.
Reading tells the caller *what* is wrong in words from :mod:`rxcombo.userdata.messages`.
The lock is Qt's ``QLockFile``, imported when a file is first locked: the command line
reads settings and favorites without loading Qt.
"""

from __future__ import annotations

import errno
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rxcombo.support.atomic import atomic_write_text, remove_leftover_temp_files

from . import messages

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile

JsonObject = dict[str, Any]

# A save holds the lock for milliseconds; a lock this old belongs to a process that hung
# or was killed (Qt also notices at once when the owning process no longer exists).
STALE_LOCK_MS = 10_000
# Saves run on the GUI thread, so waiting for the other window must stay short; a timeout
# is an ordinary save failure that the next save retries.
LOCK_WAIT_MS = 3_000


class FileLockError(OSError):
    """The lock beside the file could not be taken."""


class FileState(Enum):
    """What a read found; MISSING and DAMAGED come without a document."""

    MISSING = "missing"
    OK = "ok"
    DAMAGED = "damaged"
    NEWER = "newer"


@dataclass(frozen=True)
class ReadResult:
    """What was found on disk: the document (OK, NEWER) or what is wrong (DAMAGED)."""

    state: FileState
    document: JsonObject | None = None
    problem: str | None = None
    version: int | None = None


class JsonFile:
    """One versioned JSON file: classified reads, a lock, atomic writes."""

    def __init__(self, path: Path, *, format_name: str, version: int) -> None:
        self.path = path
        self.format_name = format_name
        self.version = version

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def read(self) -> ReadResult:
        """Read and classify the file; raises ``OSError`` only if it cannot be read at all."""
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            # NotADirectoryError: a parent is a regular file, so the file cannot exist;
            # the save will report that, as it is the save that cannot work.
            return ReadResult(FileState.MISSING)
        try:
            # utf-8-sig: a file saved by a Windows editor starts with a BOM.
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return ReadResult(FileState.DAMAGED, problem=messages.not_text(exc.start))
        if not text.strip():
            return ReadResult(FileState.DAMAGED, problem=messages.EMPTY)
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            return ReadResult(
                FileState.DAMAGED,
                problem=messages.invalid_json_at(exc.lineno, exc.colno, exc.msg),
            )
        except (ValueError, RecursionError) as exc:
            return ReadResult(FileState.DAMAGED, problem=messages.invalid_json(exc))
        if not isinstance(document, dict):
            return ReadResult(FileState.DAMAGED, problem=messages.not_an_object(document))
        found_format = document.get("format")
        if found_format != self.format_name:
            return ReadResult(
                FileState.DAMAGED, problem=messages.wrong_format(found_format, self.format_name)
            )
        version = document.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            return ReadResult(FileState.DAMAGED, problem=messages.wrong_version(version))
        if version > self.version:
            return ReadResult(FileState.NEWER, document=document, version=version)
        return ReadResult(FileState.OK, document=document, version=version)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold ``<file>.lock`` for the duration; the folder must exist."""
        from PySide6.QtCore import QLockFile

        lock = QLockFile(str(self.lock_path))
        lock.setStaleLockTime(STALE_LOCK_MS)
        if not lock.tryLock(LOCK_WAIT_MS):
            raise _lock_error(lock, self.lock_path)
        try:
            yield
        finally:
            lock.unlock()

    def write(self, document: JsonObject) -> None:
        """Atomically replace the file with ``document``; raises ``OSError``."""
        # ensure_ascii=False keeps drug names with accents readable for a user who opens
        # the file; the encoding is always UTF-8.
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        atomic_write_text(self.path, text)

    def remove_leftovers(self) -> None:
        """Remove temp files of killed writers; only while holding :meth:`locked`."""
        remove_leftover_temp_files(self.path)


def _lock_error(lock: QLockFile, lock_path: Path) -> FileLockError:
    from PySide6.QtCore import QLockFile

    error = lock.error()
    if error == QLockFile.LockError.LockFailedError:
        return FileLockError(errno.EAGAIN, messages.LOCK_BUSY, str(lock_path))
    if error == QLockFile.LockError.PermissionError:
        return FileLockError(errno.EACCES, messages.LOCK_NO_PERMISSION, str(lock_path))
    return FileLockError(errno.EIO, messages.LOCK_FAILED, str(lock_path))
