"""The one loader: a folder -> a :class:`Library`, for the command line and the window alike.

Browsing needs titles and drugs only (bodies are read when a page is opened), so the
default load reads each page's head and goes through the cache: unchanged pages are
reused, and when no file changed at all the finished library (pages and name index) is
reused whole. ``bodies=True`` reads every page in full and skips the cache: that is the
audit ``rxcombo check`` runs. Each load also says what the folder holds (its facts, with
``name`` as the source's name) and which pages changed since the cache was written.
Plain Python, no Qt.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from rxcombo import dirs
from rxcombo.content import ContentError, Document, Problem, Severity
from rxcombo.library.cache import CacheContents, LibraryCache, signatures_key
from rxcombo.library.changes import Changes, compare
from rxcombo.library.facts import DateTally, SourceFacts, read_about
from rxcombo.library.files import Signature, scan_page_files
from rxcombo.library.library import Library, LoadStats
from rxcombo.library.parallel import read_pages
from rxcombo.library.preview import ListPreview
from rxcombo.support import lazy

# Reads a cached library after its preview: (library or None, the cache's contents or None).
Snapshot = Callable[[], "tuple[Library | None, CacheContents | None]"]

ProgressCallback = Callable[[int, int], None]
CacheWriter = Callable[[], bool]


def _never() -> bool:
    return False


def default_name(root: Path) -> str:
    """A folder's name as a source's name, when the caller gives none."""
    return Path(root).name or str(root)


def load_library(
    root: Path,
    progress: ProgressCallback | None = None,
    *,
    bodies: bool = False,
    cache_dir: Path | None = None,
    interrupted: Callable[[], bool] = _never,
    name: str | None = None,
) -> Library:
    """Load ``root``; one bad page never stops the others (it is reported and left out)."""
    root = Path(root)
    if bodies:
        return _load_fresh(root, progress, name or default_name(root))
    library, write_cache = load_library_deferred(root, progress, cache_dir, interrupted, name=name)
    if write_cache is not None:
        write_cache()
    return library


def _missing(root: Path, name: str) -> Library:
    problem = Problem(root, None, Severity.ERROR, "content folder does not exist or is not a folder")
    library = Library.from_documents(root, [], [problem], files_seen=0)
    library.sources = [SourceFacts(name, root, problems=(problem,))]
    return library


def _with_facts(library: Library, root: Path, name: str, dates: DateTally) -> Library:
    facts = SourceFacts.counted(
        name, root, len(library.documents), len(library.drugs), dates, library.problems
    )
    about, about_file = read_about(root)
    library.sources = [replace(facts, about=about, about_file=about_file)]
    return library


def _refreshed(snapshot: Library, root: Path, name: str, stats: LoadStats) -> Library:
    """A cached library as found now: its source's name as given, the about file read again."""
    about, about_file = read_about(root)
    facts = [replace(f, name=name, about=about, about_file=about_file) for f in snapshot.sources[:1]]
    return replace(snapshot, stats=stats, sources=facts, changes=Changes())


def _load_fresh(root: Path, progress: ProgressCallback | None, name: str) -> Library:
    if not root.is_dir():
        return _missing(root, name)
    lazy.module("rxcombo.content.reader")  # imported by the main thread (rxcombo.support.lazy)
    from rxcombo.content.reader import read_page

    problems: list[Problem] = []
    files = scan_page_files(root, problems)
    documents: list[Document] = []
    dates = DateTally()
    for done, (path, _relative, signature) in enumerate(files, 1):
        try:
            document = read_page(Path(path), body=True)
        except ContentError as exc:
            problems.append(exc.to_problem())
        else:
            documents.append(document)
            problems.extend(document.problems)
            dates.add(document, signature[1])
        if progress is not None:
            progress(done, len(files))
    library = Library.from_documents(root, documents, problems, files_seen=len(files))
    library.changes = Changes(unknown=(name,))  # an audit compares with nothing
    return _with_facts(library, root, name, dates).with_stats(LoadStats(len(files), len(files), 0, False))


def cached_snapshot(
    root: Path, cache_dir: Path | None = None, name: str | None = None
) -> tuple[Library | None, CacheContents | None]:
    """What the last run left for ``root``, without looking at the folder: a warm start
    shows this at once and checks the files afterwards (:func:`load_library_deferred`
    with ``cached=`` the same contents). Its changes are none until that check says."""
    return cached_preview(root, cache_dir, name)[1]()


def cached_preview(
    root: Path, cache_dir: Path | None = None, name: str | None = None
) -> tuple[ListPreview | None, Snapshot]:
    """The preview of what the last run left for ``root`` (None if it left none), and the
    call that reads the rest: :func:`cached_snapshot`, in two steps."""
    root = Path(root)

    def as_found_now(snapshot: Library, contents: CacheContents) -> Library:
        count = contents.page_count
        return _refreshed(snapshot, root, name or default_name(root), LoadStats(count, 0, count, True))

    return preview_then_snapshot(LibraryCache(cache_dir or dirs.cache_dir(), root), as_found_now)


def preview_then_snapshot(
    cache: LibraryCache, as_found_now: Callable[[Library, CacheContents], Library]
) -> tuple[ListPreview | None, Snapshot]:
    """A cache's preview (None if it has none), and the call that reads its library after
    it: ``as_found_now`` of the cached one, with the cache's contents."""
    found = cache.read_preview()
    if found is None:
        return None, lambda: (None, None)
    preview, read_contents = found

    def snapshot() -> tuple[Library | None, CacheContents | None]:
        contents = read_contents()
        if contents is None or not isinstance(contents.snapshot, Library):
            return None, contents
        try:
            return as_found_now(contents.snapshot, contents), contents
        except (AttributeError, TypeError):  # a cache that unpickled but is not of this shape
            return None, None

    return (preview if isinstance(preview, ListPreview) else None), snapshot


@dataclass(frozen=True, slots=True)
class Listing:
    """The page files found under a folder, with their signatures: what decides whether
    a cached library still holds (``key``)."""

    files: list[tuple[str, str, Signature]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    key: str = ""


def scan(root: Path) -> Listing:
    problems: list[Problem] = []
    files = scan_page_files(root, problems)
    return Listing(files, problems, signatures_key((relative, signature) for _, relative, signature in files))


def load_library_deferred(
    root: Path,
    progress: ProgressCallback | None = None,
    cache_dir: Path | None = None,
    interrupted: Callable[[], bool] = _never,
    cached: CacheContents | None = None,
    *,
    name: str | None = None,
    listing: Listing | None = None,
) -> tuple[Library, CacheWriter | None]:
    """As :func:`load_library`, but the cache is written when the caller says: the window
    shows the list first (writing 100,000 pages' worth takes seconds). ``listing`` is the
    folder's :func:`scan` when the caller has already made it."""
    root = Path(root)
    name = name or default_name(root)
    if not root.is_dir():
        return _missing(root, name), None
    listing = listing or scan(root)
    files, listing_problems, key = listing.files, listing.problems, listing.key

    cache = LibraryCache(cache_dir or dirs.cache_dir(), root)
    if cached is None:
        cached = cache.read()
    known = cached is not None
    cached = cached or CacheContents()
    if cached.snapshot_key == key and isinstance(cached.snapshot, Library) and not listing_problems:
        if progress is not None:
            progress(len(files), len(files))
        return _refreshed(cached.snapshot, root, name, LoadStats(len(files), 0, len(files), True)), None

    if known and cached.entries() is None:
        # The cache was replaced since it was read (another start wrote it) or is damaged.
        # What changed since the library shown is not known then: not "every page added",
        # nor "nothing" (the other start's entries already hold its changes). The new
        # entries spare reading every page again, when there are any.
        known = False
        again = cache.read()
        cached = again if again is not None and again.entries() is not None else CacheContents()

    # Pages whose file changed (or is new) are read, on several processes when there are
    # many (rxcombo.library.parallel); the others come from the cache.
    stale = [
        path
        for path, relative, signature in files
        if (entry := cached.pages.get(relative)) is None or entry[0] != signature
    ]
    counter = _Counter(len(files) - len(stale), len(files), progress)
    read = read_pages(stale, counter.add, interrupted)
    fresh = iter(read or [])
    documents: list[Document] = []
    problems = list(listing_problems)
    pages: dict[str, tuple[Signature, Document | list[Problem]]] = {}
    dates = DateTally()
    for path, relative, signature in files if read is not None else ():
        entry = cached.pages.get(relative)
        found = entry[1] if entry is not None and entry[0] == signature else next(fresh)
        pages[relative] = (signature, found)
        if isinstance(found, Document):
            if found.source != path:
                found.move_to(Path(path))  # the folder moved since the cache was written
            documents.append(found)
            problems.extend(found.problems)
            dates.add(found, signature[1])
        else:
            problems.extend(found)
    parsed, reused = (len(stale), len(files) - len(stale)) if read is not None else (0, 0)
    library = Library.from_documents(root, documents, problems, files_seen=len(files))
    library = _with_facts(library, root, name, dates).with_stats(LoadStats(len(files), parsed, reused, False))
    library.index  # noqa: B018 - built now so that the cached snapshot holds it
    if interrupted():
        library.changes = Changes(unknown=(name,))
        return library, None
    library.changes = compare(name, cached.pages, pages) if known else Changes(unknown=(name,))
    if not (parsed or len(pages) != len(cached.pages) or cached.snapshot_key != key):
        return library, None
    stored = replace(library, changes=Changes())
    return library, lambda: cache.write(CacheContents(pages, key, stored), ListPreview.of(stored))


class _Counter:
    """Progress over every page, the cached ones counted as done from the start."""

    def __init__(self, done: int, total: int, progress: ProgressCallback | None) -> None:
        self.done, self.total, self.progress = done, total, progress

    def add(self, count: int) -> None:
        self.done += count
        if self.progress is not None:
            self.progress(self.done, self.total)


def cache_size(cache_dir: Path | None = None) -> int:
    """Bytes the library cache takes on disk (the benchmark reports it)."""
    folder = cache_dir or dirs.cache_dir()
    total = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            with contextlib.suppress(OSError):
                total += (Path(dirpath) / name).stat().st_size
    return total
