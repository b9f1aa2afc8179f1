"""The common machinery behind the favorites and settings files.

Both are small JSON documents ``{"format": ..., "version": ..., ...}`` that follow one
policy, implemented once here:

* reading never raises for bad content: a damaged file is renamed aside (never
  overwritten) and the store continues empty, telling the user once;
* a file from a newer RxCombo is never overwritten: the store becomes read-only;
* saving takes a ``QLockFile`` beside the file, re-reads the file, merges it with what
  this process holds (another RxCombo window may have saved meanwhile) and replaces it
  atomically;
* a failed save loses nothing: the store keeps its state, stays dirty, exposes the
  reason in ``last_error`` and the next ``save()`` tries again.
"""

from __future__ import annotations

import errno
import json
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QLockFile

from rxcombo.support.atomic import atomic_write_text, remove_leftover_temp_files

from .damaged import set_aside

JsonObject = dict[str, Any]

# A save holds the lock for milliseconds; a lock this old belongs to a process that hung
# or was killed (Qt also notices at once when the owning process no longer exists).
STALE_LOCK_MS = 10_000
# Saves run on the GUI thread, so waiting for the other window must stay short; a timeout
# is an ordinary save failure that the next save retries.
LOCK_WAIT_MS = 3_000


class DamagedContentError(ValueError):
    """The document is valid JSON but not the shape this store expects."""


class FileLockError(OSError):
    """The lock beside the file could not be taken."""


class FileState(Enum):
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
            return ReadResult(
                FileState.DAMAGED,
                problem=f"it is not text (undecodable byte at offset {exc.start})",
            )
        if not text.strip():
            return ReadResult(FileState.DAMAGED, problem="it is empty")
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            return ReadResult(
                FileState.DAMAGED,
                problem=f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
            )
        except (ValueError, RecursionError) as exc:
            return ReadResult(FileState.DAMAGED, problem=f"invalid JSON: {exc}")
        if not isinstance(document, dict):
            return ReadResult(
                FileState.DAMAGED,
                problem=f"expected a JSON object at the top, found {_json_kind(document)}",
            )
        found_format = document.get("format")
        if found_format != self.format_name:
            return ReadResult(
                FileState.DAMAGED,
                problem=f'"format" is {json.dumps(found_format)}, expected "{self.format_name}"',
            )
        version = document.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            return ReadResult(
                FileState.DAMAGED,
                problem=f'"version" is {json.dumps(version)}, expected a whole number',
            )
        if version > self.version:
            return ReadResult(FileState.NEWER, document=document, version=version)
        return ReadResult(FileState.OK, document=document, version=version)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold ``<file>.lock`` for the duration; the folder must exist."""
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
    error = lock.error()
    if error == QLockFile.LockError.LockFailedError:
        return FileLockError(errno.EAGAIN, "another RxCombo window is saving it right now", str(lock_path))
    if error == QLockFile.LockError.PermissionError:
        return FileLockError(errno.EACCES, "no permission to create the lock file", str(lock_path))
    return FileLockError(errno.EIO, "could not create the lock file", str(lock_path))


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if value is None:
        return "null"
    return "an object"


def describe_os_error(exc: OSError, path: Path) -> str:
    """A short human reason for ``exc``, naming the file involved when it is not ``path``."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    code = errno.errorcode.get(exc.errno) if isinstance(exc.errno, int) else None
    if code and not isinstance(exc, FileLockError):
        reason = f"{reason} ({code})"
    if exc.filename and Path(str(exc.filename)) != path:
        reason = f"{reason}: {exc.filename}"
    return reason


@dataclass(frozen=True)
class LoadReport:
    """The outcome of ``load()``; show ``message`` to the user when it is not ``None``.

    ``load()`` only reports a damaged file the time it moves it aside; the next load finds
    no file, so the message is naturally shown once.
    """

    path: Path
    damaged: bool = False
    damaged_moved_to: Path | None = None
    read_only: bool = False
    unreadable: bool = False
    message: str | None = None

    @property
    def ok(self) -> bool:
        return self.message is None


S = TypeVar("S")


@dataclass(frozen=True)
class _Found(Generic[S]):
    state: FileState
    content: S | None = None
    problem: str | None = None
    version: int | None = None


class JsonStore(ABC, Generic[S]):
    """Base of the stores: load/save policy; subclasses define content and merging."""

    FORMAT: ClassVar[str]
    VERSION: ClassVar[int] = 1
    # Used in messages: "Your {LABEL} file ...".
    LABEL: ClassVar[str]
    # What the user gets instead of a damaged file, e.g. "an empty favorites list".
    EMPTY_DESCRIPTION: ClassVar[str]

    def __init__(self, path: Path) -> None:
        self._file = JsonFile(path, format_name=self.FORMAT, version=self.VERSION)
        self._dirty = False
        self._last_error: str | None = None
        self._read_only_reason: str | None = None
        self._notices: list[str] = []

    # -- subclass hooks -------------------------------------------------------------
    @abstractmethod
    def _parse(self, document: JsonObject) -> S:
        """Turn a document into content; raise :class:`DamagedContentError` if misshapen."""

    @abstractmethod
    def _clear(self) -> None:
        """Forget all content."""

    @abstractmethod
    def _replace_content(self, content: S) -> None:
        """Adopt what ``load()`` found on disk."""

    @abstractmethod
    def _merge_content(self, content: S) -> None:
        """Fold what another process saved into this store's content."""

    @abstractmethod
    def _payload(self) -> JsonObject:
        """The document body, without "format" and "version"."""

    def _before_write(self) -> None:
        """Last chance to tidy content (e.g. prune) just before it is written."""

    # -- public state ---------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self._file.path

    @property
    def dirty(self) -> bool:
        """True while there are changes that are not on disk yet."""
        return self._dirty

    @property
    def last_error(self) -> str | None:
        """Why the last ``save()`` failed (path and OS error), or None after a success."""
        return self._last_error

    @property
    def read_only(self) -> bool:
        """True when the file belongs to a newer RxCombo; saves are refused."""
        return self._read_only_reason is not None

    def take_notices(self) -> list[str]:
        """Messages for the user that arose during ``save()``, each returned only once.

        Today that is a file damaged by something else after ``load()``, which the save
        moved aside before writing.  ``load()`` problems come in its own report instead.
        """
        notices, self._notices = self._notices, []
        return notices

    def _mark_dirty(self) -> None:
        self._dirty = True

    # -- load -----------------------------------------------------------------------
    def load(self) -> LoadReport:
        """Replace the content with the file's, dealing with damage; never raises OSError.

        Unsaved changes are discarded.  A missing file is not an error and writes nothing.
        """
        self._clear()
        self._dirty = False
        self._last_error = None
        self._read_only_reason = None
        try:
            found = self._examine()
        except OSError as exc:
            return self._unreadable_report(exc)
        if found.state is FileState.DAMAGED:
            return self._set_aside_on_load(found.problem or "unknown problem")
        if found.state is FileState.NEWER:
            return self._adopt_newer(found)
        if found.content is not None:
            self._replace_content(found.content)
        return LoadReport(self.path)

    def _examine(self) -> _Found[S]:
        result = self._file.read()
        if result.state in (FileState.MISSING, FileState.DAMAGED):
            return _Found(result.state, problem=result.problem)
        assert result.document is not None
        try:
            content = self._parse(result.document)
        except DamagedContentError as exc:
            if result.state is FileState.NEWER:
                # A newer layout may legitimately not parse; it is still not ours to touch.
                return _Found(FileState.NEWER, version=result.version)
            return _Found(FileState.DAMAGED, problem=str(exc))
        return _Found(result.state, content=content, version=result.version)

    def _set_aside_on_load(self, problem: str) -> LoadReport:
        try:
            # Under the lock and after a second look, so a good file that another window
            # has just written in place of the damaged one is not the one moved aside.
            with self._file.locked():
                again = self._examine()
                if again.state is not FileState.DAMAGED:
                    return self._adopt_second_look(again)
                moved = set_aside(self.path)
        except OSError as exc:
            return LoadReport(
                self.path,
                damaged=True,
                message=f'Your {self.LABEL} file "{self.path}" is damaged ({problem}) and '
                f"could not be moved aside ({describe_os_error(exc, self.path)}). It was "
                f"left untouched and will not be written over; RxCombo continues with "
                f"{self.EMPTY_DESCRIPTION}.",
            )
        return LoadReport(
            self.path,
            damaged=True,
            damaged_moved_to=moved,
            message=f'Your {self.LABEL} file "{self.path}" is damaged ({problem}). It was '
            f'kept as "{moved}" and RxCombo continues with {self.EMPTY_DESCRIPTION}.',
        )

    def _adopt_second_look(self, found: _Found[S]) -> LoadReport:
        if found.state is FileState.NEWER:
            return self._adopt_newer(found)
        if found.content is not None:
            self._replace_content(found.content)
        return LoadReport(self.path)

    def _adopt_newer(self, found: _Found[S]) -> LoadReport:
        if found.content is not None:
            self._replace_content(found.content)
        reason = self._newer_reason(found.version)
        self._read_only_reason = reason
        return LoadReport(self.path, read_only=True, message=reason)

    def _newer_reason(self, version: int | None) -> str:
        return (
            f'Your {self.LABEL} file "{self.path}" was written by a newer version of '
            f"RxCombo (file version {version}, this version reads up to {self.VERSION}). "
            f"It is left unchanged, and changes to {self.LABEL} made in this version "
            f"will not be saved."
        )

    def _unreadable_report(self, exc: OSError) -> LoadReport:
        return LoadReport(
            self.path,
            unreadable=True,
            message=f'Your {self.LABEL} file "{self.path}" could not be read '
            f"({describe_os_error(exc, self.path)}). RxCombo continues with "
            f"{self.EMPTY_DESCRIPTION} and will not write over the file.",
        )

    # -- save -----------------------------------------------------------------------
    def save(self) -> bool:
        """Merge with the file and write it; True on success or when nothing changed.

        On failure returns False, keeps every change in memory, stays ``dirty`` and sets
        ``last_error``; call again later to retry.  Writes nothing if nothing changed.
        """
        if not self._dirty:
            return True
        if self._read_only_reason is not None:
            self._last_error = self._read_only_reason
            return False
        try:
            # The folder is created here, by the first real write, and not earlier.
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._file.locked():
                found = self._examine()
                if found.state is FileState.NEWER:
                    self._read_only_reason = self._newer_reason(found.version)
                    self._last_error = self._read_only_reason
                    return False
                if found.state is FileState.DAMAGED:
                    moved = set_aside(self.path)
                    self._notices.append(
                        f'Your {self.LABEL} file "{self.path}" was damaged '
                        f'({found.problem}). It was kept as "{moved}" and replaced with '
                        f"the {self.LABEL} of this window."
                    )
                elif found.content is not None:
                    self._merge_content(found.content)
                self._before_write()
                self._file.remove_leftovers()
                self._file.write(self._document())
        except OSError as exc:
            self._last_error = (
                f'Could not save {self.LABEL} to "{self.path}": '
                f"{describe_os_error(exc, self.path)}. Your changes are kept while "
                f"RxCombo stays open and saving will be tried again."
            )
            return False
        self._dirty = False
        self._last_error = None
        return True

    def _document(self) -> JsonObject:
        return {"format": self.FORMAT, "version": self.VERSION, **self._payload()}
