"""A library ready to browse: its pages, drug index and search index, through the cache.

This is what the window loads. Plain Python (no Qt), so it is also what the benchmarks and
tests time directly.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from rxcombo import APP_NAME
from rxcombo.content import ContentError, Document, Library, Problem, read_page
from rxcombo.content.cache import CacheContents, LibraryCache, Signature, signature_of, signatures_key
from rxcombo.content.library import scan_page_files
from rxcombo.search import SearchIndex

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class LoadStats:
    files: int
    parsed: int  # pages read from disk this time
    reused: int  # pages taken from the cache
    snapshot: bool  # the whole result came from the cache


@dataclass(frozen=True, slots=True)
class Catalog:
    library: Library
    index: SearchIndex
    stats: LoadStats


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def load_catalog(
    root: Path,
    progress: ProgressCallback | None = None,
    cache_dir: Path | None = None,
    interrupted: Callable[[], bool] = lambda: False,
) -> Catalog:
    """Load ``root`` for browsing: titles and drugs only (bodies are read on open)."""
    catalog, write_cache = load_catalog_deferred(root, progress, cache_dir, interrupted)
    if write_cache is not None:
        write_cache()
    return catalog


CacheWriter = Callable[[], bool]


def cached_snapshot(root: Path, cache_dir: Path | None = None) -> tuple[Catalog | None, CacheContents | None]:
    """What the last run left for ``root``, without looking at the folder: a warm start
    shows this at once and checks the files afterwards (:func:`load_catalog_deferred`
    with ``cached=`` the same contents)."""
    contents = LibraryCache(cache_dir or default_cache_dir(), Path(root)).read()
    if contents is None or not isinstance(contents.snapshot, Catalog):
        return None, contents
    snapshot: Catalog = contents.snapshot
    count = len(contents.pages)
    return Catalog(snapshot.library, snapshot.index, LoadStats(count, 0, count, True)), contents


def load_catalog_deferred(
    root: Path,
    progress: ProgressCallback | None = None,
    cache_dir: Path | None = None,
    interrupted: Callable[[], bool] = lambda: False,
    cached: CacheContents | None = None,
) -> tuple[Catalog, CacheWriter | None]:
    """As :func:`load_catalog`, but the cache is written when the caller says: the window
    shows the list first (writing 100,000 pages' worth takes seconds)."""
    root = Path(root)
    if not root.is_dir():
        library = Library.load(root)  # reports the missing folder
        return Catalog(library, SearchIndex(library.documents), LoadStats(0, 0, 0, False)), None
    listing_problems: list[Problem] = []
    files = [
        (path, relative, signature_of(stat))
        for path, relative, stat in scan_page_files(root, listing_problems)
    ]

    cache = LibraryCache(cache_dir or default_cache_dir(), root)
    if cached is None:
        cached = cache.read() or CacheContents()
    key = signatures_key([(relative, signature) for _, relative, signature in files])
    if cached.snapshot_key == key and isinstance(cached.snapshot, Catalog) and not listing_problems:
        if progress is not None:
            progress(len(files), len(files))
        snapshot: Catalog = cached.snapshot
        return Catalog(snapshot.library, snapshot.index, LoadStats(len(files), 0, len(files), True)), None

    documents: list[Document] = []
    problems = list(listing_problems)
    pages: dict[str, tuple[Signature, Document | list[Problem]]] = {}
    parsed = reused = 0
    for done, (path, relative, signature) in enumerate(files, 1):
        if interrupted():
            break
        entry = cached.pages.get(relative)
        if entry is not None and entry[0] == signature:
            found = entry[1]
            reused += 1
        else:
            try:
                found = read_page(Path(path), body=False)
            except ContentError as exc:
                found = [exc.to_problem()]
            parsed += 1
        pages[relative] = (signature, found)
        if isinstance(found, Document):
            if found.source != path:
                found.move_to(Path(path))  # the folder moved since the cache was written
            documents.append(found)
            problems.extend(found.problems)
        else:
            problems.extend(found)
        if progress is not None:
            progress(done, len(files))
    library = Library.from_documents(root, documents, problems, files_seen=len(files))
    catalog = Catalog(library, SearchIndex(library.documents), LoadStats(len(files), parsed, reused, False))
    if interrupted() or not (parsed or len(pages) != len(cached.pages) or cached.snapshot_key != key):
        return catalog, None
    return catalog, lambda: cache.write(CacheContents(pages, key, catalog))


def cache_size(cache_dir: Path | None = None) -> int:
    folder = cache_dir or default_cache_dir()
    total = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            with contextlib.suppress(OSError):
                total += (Path(dirpath) / name).stat().st_size
    return total
