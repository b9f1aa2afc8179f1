"""The one loader: a folder -> a :class:`Library`, for the command line and the window alike.

Browsing needs titles and drugs only (bodies are read when a page is opened), so the
default load reads each page's head and goes through the cache: unchanged pages are
reused, and when no file changed at all the finished library (pages and name index) is
reused whole. ``bodies=True`` reads every page in full and skips the cache: that is the
audit ``rxcombo check`` runs. Plain Python, no Qt.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from rxcombo import dirs
from rxcombo.content import ContentError, Document, Problem, Severity, read_page
from rxcombo.library.cache import CacheContents, LibraryCache, Signature, signature_of, signatures_key
from rxcombo.library.files import scan_page_files
from rxcombo.library.library import Library, LoadStats

ProgressCallback = Callable[[int, int], None]
CacheWriter = Callable[[], bool]


def _never() -> bool:
    return False


def load_library(
    root: Path,
    progress: ProgressCallback | None = None,
    *,
    bodies: bool = False,
    cache_dir: Path | None = None,
    interrupted: Callable[[], bool] = _never,
) -> Library:
    """Load ``root``; one bad page never stops the others (it is reported and left out)."""
    root = Path(root)
    if bodies:
        return _load_fresh(root, progress)
    library, write_cache = load_library_deferred(root, progress, cache_dir, interrupted)
    if write_cache is not None:
        write_cache()
    return library


def _missing(root: Path) -> Library:
    problem = Problem(root, None, Severity.ERROR, "content folder does not exist or is not a folder")
    return Library.from_documents(root, [], [problem], files_seen=0)


def _load_fresh(root: Path, progress: ProgressCallback | None) -> Library:
    if not root.is_dir():
        return _missing(root)
    problems: list[Problem] = []
    files = scan_page_files(root, problems)
    documents: list[Document] = []
    for done, (path, _relative, _stat) in enumerate(files, 1):
        try:
            document = read_page(Path(path), body=True)
        except ContentError as exc:
            problems.append(exc.to_problem())
        else:
            documents.append(document)
            problems.extend(document.problems)
        if progress is not None:
            progress(done, len(files))
    library = Library.from_documents(root, documents, problems, files_seen=len(files))
    return library.with_stats(LoadStats(len(files), len(files), 0, False))


def cached_snapshot(root: Path, cache_dir: Path | None = None) -> tuple[Library | None, CacheContents | None]:
    """What the last run left for ``root``, without looking at the folder: a warm start
    shows this at once and checks the files afterwards (:func:`load_library_deferred`
    with ``cached=`` the same contents)."""
    contents = LibraryCache(cache_dir or dirs.cache_dir(), Path(root)).read()
    if contents is None or not isinstance(contents.snapshot, Library):
        return None, contents
    count = len(contents.pages)
    try:
        return contents.snapshot.with_stats(LoadStats(count, 0, count, True)), contents
    except (AttributeError, TypeError):  # a cache that unpickled but is not of this shape
        return None, None


def load_library_deferred(
    root: Path,
    progress: ProgressCallback | None = None,
    cache_dir: Path | None = None,
    interrupted: Callable[[], bool] = _never,
    cached: CacheContents | None = None,
) -> tuple[Library, CacheWriter | None]:
    """As :func:`load_library`, but the cache is written when the caller says: the window
    shows the list first (writing 100,000 pages' worth takes seconds)."""
    root = Path(root)
    if not root.is_dir():
        return _missing(root), None
    listing_problems: list[Problem] = []
    files = [
        (path, relative, signature_of(stat))
        for path, relative, stat in scan_page_files(root, listing_problems)
    ]

    cache = LibraryCache(cache_dir or dirs.cache_dir(), root)
    if cached is None:
        cached = cache.read() or CacheContents()
    key = signatures_key([(relative, signature) for _, relative, signature in files])
    if cached.snapshot_key == key and isinstance(cached.snapshot, Library) and not listing_problems:
        if progress is not None:
            progress(len(files), len(files))
        return cached.snapshot.with_stats(LoadStats(len(files), 0, len(files), True)), None

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
    library = library.with_stats(LoadStats(len(files), parsed, reused, False))
    library.index  # noqa: B018 - built now so that the cached snapshot holds it
    if interrupted() or not (parsed or len(pages) != len(cached.pages) or cached.snapshot_key != key):
        return library, None
    return library, lambda: cache.write(CacheContents(pages, key, library))


def cache_size(cache_dir: Path | None = None) -> int:
    """Bytes the library cache takes on disk (the benchmark reports it)."""
    folder = cache_dir or dirs.cache_dir()
    total = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            with contextlib.suppress(OSError):
                total += (Path(dirpath) / name).stat().st_size
    return total
