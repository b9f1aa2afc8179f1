"""An on-disk cache of what loading a library found, so a warm start parses nothing.

Stored in ``platformdirs.user_cache_dir("RxCombo")``, one file per content folder (and
one per combination of several sources, holding only their combined library). Each
page is remembered with its file signature (size, modification time, inode): a page
whose signature changed is read again, the others are reused, so a change invalidates
only its own entry. When no file changed at all, the finished result (library and search
index) is reused whole. A cache that is damaged, or written by another version of
RxCombo or Python, is ignored and rebuilt silently: it only ever costs time.

pickle is used because the cached objects are the app's own dataclasses and unpickling
them is several times faster than rebuilding them from JSON; the file lives in the
user's private cache folder and is only read by the same user's RxCombo.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from rxcombo import __version__
from rxcombo.content.document import Document
from rxcombo.content.problems import Problem
from rxcombo.library.files import Signature, signature_of
from rxcombo.support.atomic import atomic_write_bytes
from rxcombo.support.digests import sha256, sha256_hex_chunks

# Bumped by hand for changes the schema below cannot see (2: documents gained a description;
# 3: listed pages keep their date; 4: the library stores no lookups it can rebuild; 5: a
# preview of the list before the contents, see rxcombo.library.preview; 6: the pages' entries
# after the snapshot, read only when asked).
CACHE_FORMAT = 6


def _schema() -> tuple[tuple[str, ...], ...]:
    """The cached classes' field names: a field added or renamed makes old caches foreign
    (an old pickle would load without it and fail later, outside this module)."""
    from rxcombo.library.library import Library  # here: library.py does not import the cache

    return (tuple(Library.__dataclass_fields__), tuple(Document.__dataclass_fields__))


_MAGIC = "rxcombo-library-cache"
_T = TypeVar("_T")
CachedPage = Document | list[Problem]
_KEY_LINES = 4096


def signatures_key(signatures: Iterable[tuple[str, Signature]]) -> str:
    # A few thousand lines per update: the same digest as one update per line, in a fifth
    # of the time (this runs on every start, over every page), without holding every line
    # at once (10 MB at 100,000 pages).
    pairs = iter(signatures)

    def chunk() -> bytes:
        lines = [f"{relative}\0{signature}\n" for relative, signature in islice(pairs, _KEY_LINES)]
        return "".join(lines).encode("utf-8", "surrogatepass")

    return sha256_hex_chunks(iter(chunk, b""))


PageEntries = dict[str, tuple[Signature, CachedPage]]


class CacheContents:
    """What a cache holds: the finished result (``snapshot``, valid for ``snapshot_key``)
    and each page with its file's signature (``pages``), read from the file only when
    first asked. A warm start whose files did not change never asks: a third less to
    unpickle, and at 100,000 pages 52 MiB less left resident (the entries, read between
    the library's own objects and then dropped, left holes the allocator never returned)."""

    __slots__ = ("_lost", "_pages", "_read_pages", "page_count", "snapshot", "snapshot_key")

    def __init__(
        self,
        pages: PageEntries | None = None,
        snapshot_key: str = "",
        snapshot: Any = None,  # opaque to this module: the caller's finished result
        *,
        page_count: int | None = None,
        read_pages: Callable[[], PageEntries | None] | None = None,
    ) -> None:
        self._pages = pages
        self._read_pages = read_pages
        self._lost = False
        self.page_count = len(pages) if pages is not None else page_count or 0  # files, readable or not
        self.snapshot_key = snapshot_key
        self.snapshot = snapshot

    def entries(self) -> PageEntries | None:
        """Every page's entry by its file's path in the folder, read now if not yet; None
        when they could not be read (the file replaced or damaged since it was read)."""
        if self._pages is None and self._read_pages is not None:
            read, self._read_pages = self._read_pages, None
            self._pages = read()
            self._lost = self._pages is None
        return None if self._lost else (self._pages or {})

    @property
    def pages(self) -> PageEntries:
        """:meth:`entries`, none when they could not be read."""
        return self.entries() or {}


def _by_position(pages: PageEntries, documents: list[Document]) -> dict[str, tuple[Signature, object]]:
    """The entries with each document the snapshot lists given as its position there:
    stored apart from the snapshot (see CacheContents), they would otherwise be a copy."""
    position = {id(document): number for number, document in enumerate(documents)}
    return {
        relative: (signature, position.get(id(page), page) if isinstance(page, Document) else page)
        for relative, (signature, page) in pages.items()
    }


def _from_positions(stored: object, documents: Sequence[Document]) -> PageEntries:
    if not isinstance(stored, dict):
        raise pickle.UnpicklingError("page entries are not a dict")
    return {
        relative: (signature, documents[page] if isinstance(page, int) else page)
        for relative, (signature, page) in stored.items()
    }


class LibraryCache:
    def __init__(self, cache_dir: Path, root: Path) -> None:
        self.root = str(Path(root).resolve())
        name = sha256(self.root.encode("utf-8", "surrogatepass")).hexdigest()[:24]
        self.path = Path(cache_dir) / "libraries" / f"{name}.pickle"

    @classmethod
    def for_sources(cls, cache_dir: Path, identity: str) -> LibraryCache:
        """The cache of a combination of sources, ``identity`` naming them and their folders."""
        cache = cls.__new__(cls)
        cache.root = identity
        name = sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:24]
        cache.path = Path(cache_dir) / "libraries" / f"sources-{name}.pickle"
        return cache

    def _header(self) -> tuple[Any, ...]:
        return (_MAGIC, CACHE_FORMAT, _schema(), __version__, sys.version_info[:2], self.root)

    def read(self) -> CacheContents | None:
        """The cached contents, or None when there is no usable cache."""
        found = self.read_preview()
        return found[1]() if found is not None else None

    def read_preview(self) -> tuple[Any, Callable[[], CacheContents | None]] | None:
        """The preview stored with the contents (opaque here: the caller's), and a call that
        reads the contents after it (later: the window paints the preview first; the file's
        rest is not even read before). None when there is no usable cache; the contents read
        as None if the file was replaced in between (they would not be the preview's)."""

        def head(handle: BinaryIO) -> tuple[Any, int, Signature] | None:
            if pickle.load(handle) != self._header():
                return None
            preview = pickle.load(handle)
            return preview, handle.tell(), signature_of(os.fstat(handle.fileno()))

        found = self._reading(head)
        if found is None:
            return None
        preview, offset, identity = found
        read: list[CacheContents | None] = []  # once: a second call gives the same

        def contents() -> CacheContents | None:
            if not read:
                read.append(self._contents_after(offset, identity))
            return read[0]

        return preview, contents

    def _contents_after(self, offset: int, identity: Signature) -> CacheContents | None:
        found = self._part_at(offset, identity, lambda head: head)
        if found is None:
            return None
        head, pages_offset = found
        if not (isinstance(head, tuple) and len(head) == 3):
            return None
        snapshot_key, snapshot, page_count = head
        # The list the entries point into (a library's list is never changed once built).
        documents: Sequence[Document] = getattr(snapshot, "documents", ())

        def pages() -> PageEntries | None:
            entries = self._part_at(pages_offset, identity, lambda stored: _from_positions(stored, documents))
            return entries[0] if entries is not None else None

        return CacheContents(
            snapshot_key=snapshot_key, snapshot=snapshot, page_count=page_count, read_pages=pages
        )

    def _part_at(
        self, offset: int, identity: Signature, convert: Callable[[object], _T]
    ) -> tuple[_T, int] | None:
        """``convert`` of the pickle at ``offset`` of the file first read as ``identity``, and
        the offset after it; None if the file was replaced since (see :meth:`_reading`)."""

        def part(handle: BinaryIO) -> tuple[_T, int] | None:
            if signature_of(os.fstat(handle.fileno())) != identity:
                return None
            handle.seek(offset)
            return convert(pickle.load(handle)), handle.tell()

        return self._reading(part)

    def _reading(self, read: Callable[[BinaryIO], _T]) -> _T | None:
        """``read`` of the open cache file; None if there is none, and a damaged one (any
        error while reading) is deleted, to be written again."""
        try:
            with self.path.open("rb") as handle:
                return read(handle)
        except FileNotFoundError:
            return None
        except Exception:
            with contextlib.suppress(OSError):
                self.path.unlink()
            return None

    def write(self, contents: CacheContents, preview: object = None) -> bool:
        """Replace the cache file atomically; False (and no exception) if that failed."""
        try:
            documents = getattr(contents.snapshot, "documents", [])
            head = (contents.snapshot_key, contents.snapshot, contents.page_count)
            data = b"".join(
                pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)
                for part in (self._header(), preview, head, _by_position(contents.pages, documents))
            )
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, data)
            return True
        except (OSError, pickle.PicklingError, RecursionError):
            return False
