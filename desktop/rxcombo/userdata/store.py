"""The policy shared by the favorites and settings stores: the :class:`JsonStore` base.

On top of the file mechanics of :class:`~.jsonfile.JsonFile`, implemented once here:

* loading never raises for bad content: a damaged file is renamed aside (never
  overwritten) and the store continues empty, telling the user once;
* a file from a newer RxCombo is never overwritten: the store becomes read-only;
* saving takes the file's lock, re-reads the file, merges it with what this process
  holds (another window may have saved meanwhile) and replaces it atomically;
* a failed save loses nothing: the store keeps its state, stays dirty, says why in
  ``last_error``, and the next ``save()`` tries again.

The words of every message are in :mod:`rxcombo.userdata.messages`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from . import messages
from .damaged import set_aside
from .jsonfile import FileLockError, FileState, JsonFile, JsonObject


class DamagedContentError(ValueError):
    """The document is valid JSON but not the shape this store expects."""


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
    # Used in messages: "Your {LABEL} file ..." (the words are in messages.py).
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
            message = messages.unreadable(self.LABEL, self.path, self._reason(exc), self.EMPTY_DESCRIPTION)
            return LoadReport(self.path, unreadable=True, message=message)
        if found.state is FileState.DAMAGED:
            return self._set_aside_on_load(found.problem or messages.UNKNOWN_PROBLEM)
        return self._adopt(found)

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
                    return self._adopt(again)
                moved = set_aside(self.path)
        except OSError as exc:
            message = messages.damaged_left_in_place(
                self.LABEL, self.path, problem, self._reason(exc), self.EMPTY_DESCRIPTION
            )
            return LoadReport(self.path, damaged=True, message=message)
        message = messages.damaged_moved_aside(self.LABEL, self.path, problem, moved, self.EMPTY_DESCRIPTION)
        return LoadReport(self.path, damaged=True, damaged_moved_to=moved, message=message)

    def _adopt(self, found: _Found[S]) -> LoadReport:
        """Take what a load found: a good or missing file, or a newer one (read-only)."""
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
        return messages.written_by_newer_version(self.LABEL, self.path, version, self.VERSION)

    def _reason(self, exc: OSError) -> str:
        # The lock's error codes are RxCombo's choice, not the system's: not worth showing.
        return messages.os_error_reason(exc, self.path, with_code=not isinstance(exc, FileLockError))

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
                        messages.damaged_replaced_on_save(self.LABEL, self.path, str(found.problem), moved)
                    )
                elif found.content is not None:
                    self._merge_content(found.content)
                self._before_write()
                self._file.remove_leftovers()
                self._file.write(self._document())
        except OSError as exc:
            self._last_error = messages.save_failed(self.LABEL, self.path, self._reason(exc))
            return False
        self._dirty = False
        self._last_error = None
        return True

    def _document(self) -> JsonObject:
        return {"format": self.FORMAT, "version": self.VERSION, **self._payload()}
