"""Several content folders at once: the sources, loaded into one browsable library. No Qt.

A :class:`Source` is a folder with a name, on or off, in the user's order (the bundled
pages are one of them). :func:`load_sources` loads every enabled source through the one
loader (each folder keeps its own cache) and puts their pages into one
:class:`~rxcombo.library.library.Library`: search, drugs and lists cover them all, each
page knows its source (``Library.source_of``), and two sources' pages with the same title
are both kept, told apart by their source's name (:mod:`.ids`).

A source that is missing, unreadable or holds no page is reported, with its name and
why, and the others load. With one enabled source, its own library is the result; with
several, the combined library (pages and name index) is cached too, keyed by every
source's file signatures, so that a warm start does not rebuild the index.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rxcombo import dirs
from rxcombo.content.problems import Problem, Severity
from rxcombo.library.cache import CacheContents, LibraryCache
from rxcombo.library.changes import Changes
from rxcombo.library.facts import read_about
from rxcombo.library.ids import across_sources
from rxcombo.library.library import Library, LoadStats
from rxcombo.library.loader import (
    CacheWriter,
    Listing,
    ProgressCallback,
    Snapshot,
    cached_preview,
    load_library,
    load_library_deferred,
    preview_then_snapshot,
    scan,
)
from rxcombo.library.preview import ListPreview
from rxcombo.support.digests import sha256

BUNDLED_NAME = "Bundled pages"
NO_PAGES = "no pages in this folder"


def _never() -> bool:
    return False


@dataclass(frozen=True, slots=True)
class Source:
    """A content folder as the user listed it. ``name`` is unique among the sources: it is
    what pages, favorites and the command line's ``"source"`` name it by."""

    name: str
    folder: Path
    enabled: bool = True
    bundled: bool = False


def enabled_sources(sources: Sequence[Source]) -> list[Source]:
    """The enabled sources, in order; a folder listed twice is loaded once (the first)."""
    seen: set[str] = set()
    names: set[str] = set()
    found: list[Source] = []
    for source in sources:
        if not source.enabled or source.name in names:
            continue
        folder = str(_resolved(source.folder))
        if folder in seen:
            continue
        seen.add(folder)
        names.add(source.name)
        found.append(source)
    return found


def _resolved(folder: Path) -> Path:
    try:
        return Path(folder).expanduser().resolve()
    except (OSError, RuntimeError):
        return Path(folder)


def load_sources(
    sources: Sequence[Source],
    progress: ProgressCallback | None = None,
    *,
    bodies: bool = False,
    cache_dir: Path | None = None,
    interrupted: Callable[[], bool] = _never,
) -> Library:
    """Every enabled source in one library; ``bodies=True`` is the audit (no cache)."""
    if bodies:
        parts = [
            _not_empty(load_library(source.folder, progress, bodies=True, name=source.name))
            for source in enabled_sources(sources)
        ]
        return _one_or_combined(parts)
    library, write_cache = load_sources_deferred(sources, progress, cache_dir, interrupted)
    if write_cache is not None:
        write_cache()
    return library


def cached_sources_snapshot(
    sources: Sequence[Source], cache_dir: Path | None = None
) -> tuple[Library | None, CacheContents | None]:
    """What the last run left for these sources, without looking at their folders: a warm
    start shows it at once, then checks with :func:`load_sources_deferred` (``cached=``)."""
    return cached_sources_preview(sources, cache_dir)[1]()


def cached_sources_preview(
    sources: Sequence[Source], cache_dir: Path | None = None
) -> tuple[ListPreview | None, Snapshot]:
    """The preview of what the last run left for these sources (None if it left none; see
    rxcombo.library.preview), and the call that reads the rest as :func:`cached_sources_snapshot`."""
    enabled = enabled_sources(sources)
    if len(enabled) == 1:
        preview, snapshot = cached_preview(enabled[0].folder, cache_dir, enabled[0].name)

        def single() -> tuple[Library | None, CacheContents | None]:
            library, contents = snapshot()
            return (_not_empty(library) if library is not None else None), contents

        return preview, single
    return preview_then_snapshot(
        _combined_cache(enabled, cache_dir), lambda snapshot, _: _refreshed(snapshot)
    )


def load_sources_deferred(
    sources: Sequence[Source],
    progress: ProgressCallback | None = None,
    cache_dir: Path | None = None,
    interrupted: Callable[[], bool] = _never,
    cached: CacheContents | None = None,
) -> tuple[Library, CacheWriter | None]:
    """As :func:`load_sources`, with the caches written when the caller says (see
    :func:`~rxcombo.library.loader.load_library_deferred`)."""
    enabled = enabled_sources(sources)
    if not enabled:
        return Library(root=Path()), None
    if len(enabled) == 1:
        source = enabled[0]
        library, writer = load_library_deferred(
            source.folder, progress, cache_dir, interrupted, cached, name=source.name
        )
        return _not_empty(library), writer
    listings = {source.name: scan(source.folder) if source.folder.is_dir() else None for source in enabled}
    cache = _combined_cache(enabled, cache_dir)
    if cached is None:
        cached = cache.read()
    key = _combined_key(listings)
    if cached is not None and key and cached.snapshot_key == key and isinstance(cached.snapshot, Library):
        total = sum(len(listing.files) for listing in listings.values() if listing is not None)
        if progress is not None:
            progress(total, total)
        return _refreshed(cached.snapshot), None
    parts, writers = _load_parts(enabled, listings, progress, cache_dir, interrupted)
    library = _one_or_combined(parts)
    library.index  # noqa: B018 - built now so that the cached snapshot holds it
    if interrupted():
        return library, None

    def write() -> bool:
        written = [writer() for writer in writers]
        stored = replace(library, changes=Changes())
        return all(written) and (
            not key or cache.write(CacheContents({}, key, stored), ListPreview.of(stored))
        )

    return library, write


def _load_parts(
    enabled: list[Source],
    listings: dict[str, Listing | None],
    progress: ProgressCallback | None,
    cache_dir: Path | None,
    interrupted: Callable[[], bool],
) -> tuple[list[Library], list[CacheWriter]]:
    total = sum(len(listing.files) for listing in listings.values() if listing is not None)
    parts: list[Library] = []
    writers: list[CacheWriter] = []
    before = 0
    for source in enabled:
        listing = listings[source.name]

        def report(done: int, _total: int, before: int = before) -> None:
            if progress is not None:
                progress(before + done, total)

        library, writer = load_library_deferred(
            source.folder, report, cache_dir, interrupted, name=source.name, listing=listing
        )
        parts.append(_not_empty(library))
        if writer is not None:
            writers.append(writer)
        before += len(listing.files) if listing is not None else 0
    return parts, writers


def combine(parts: Sequence[Library]) -> Library:
    """One library over several sources' libraries (each with its one source's facts)."""
    documents, source_of, moved = across_sources((part.sources[0].name, part.documents) for part in parts)
    library = Library.combined(list(parts), documents, source_of, moved)
    changes = library.changes
    for part in parts:
        name = part.sources[0].name
        own = {old: new for (source, old), new in moved.items() if source == name}
        if own:
            changes = changes.renamed(name, own)
    library.changes = changes
    library.stats = LoadStats(
        sum(part.stats.files for part in parts),
        sum(part.stats.parsed for part in parts),
        sum(part.stats.reused for part in parts),
        all(part.stats.snapshot for part in parts),
    )
    return library


def _one_or_combined(parts: list[Library]) -> Library:
    if not parts:
        return Library(root=Path())
    return parts[0] if len(parts) == 1 else combine(parts)


def _not_empty(library: Library) -> Library:
    """A source holding no page says so (a folder that is missing or unreadable already has)."""
    if library.documents or library.errors or not library.sources:
        return library
    facts = library.sources[0]
    problem = Problem(facts.folder, None, Severity.WARNING, NO_PAGES)
    return replace(
        library,
        problems=[*library.problems, problem],
        sources=[replace(facts, problems=(*facts.problems, problem))],
    )


def _refreshed(snapshot: Library) -> Library:
    """A cached combined library as found now: every about file read again."""
    facts = []
    for source in snapshot.sources:
        about, about_file = read_about(source.folder)
        facts.append(replace(source, about=about, about_file=about_file))
    files = snapshot.stats.files
    return replace(snapshot, sources=facts, changes=Changes(), stats=LoadStats(files, 0, files, True))


def sources_cache_path(sources: Sequence[Source], cache_dir: Path | None = None) -> Path | None:
    """Where the library of these sources is cached (None when none is enabled)."""
    enabled = enabled_sources(sources)
    if len(enabled) == 1:
        return LibraryCache(cache_dir or dirs.cache_dir(), enabled[0].folder).path
    return _combined_cache(enabled, cache_dir).path if enabled else None


def _combined_cache(enabled: list[Source], cache_dir: Path | None) -> LibraryCache:
    identity = "\n".join(f"{source.name}\0{_resolved(source.folder)}" for source in enabled)
    return LibraryCache.for_sources(cache_dir or dirs.cache_dir(), identity)


def _combined_key(listings: dict[str, Listing | None]) -> str:
    """Every source's file signatures; empty (never cached) while a folder is unreadable."""
    digest = sha256()
    for name, listing in listings.items():
        if listing is not None and listing.problems:
            return ""
        digest.update(
            f"{name}\0{listing.key if listing is not None else '-'}\n".encode("utf-8", "surrogatepass")
        )
    return digest.hexdigest()
