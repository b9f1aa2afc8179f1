"""Content folders -> a Library: the one loader, its cache, several sources at once, each
source's facts, what changed since the last start, the drugs and name index. No Qt."""

from rxcombo.library.changes import ChangeKind, Changes, PageChange
from rxcombo.library.facts import PageDate, SourceFacts
from rxcombo.library.files import iter_page_files, scan_page_files
from rxcombo.library.library import Drug, Library, LoadStats
from rxcombo.library.loader import cache_size, cached_snapshot, load_library, load_library_deferred
from rxcombo.library.preview import ListPreview
from rxcombo.library.sources import (
    BUNDLED_NAME,
    Source,
    cached_sources_preview,
    cached_sources_snapshot,
    enabled_sources,
    load_sources,
    load_sources_deferred,
)

__all__ = [
    "BUNDLED_NAME",
    "ChangeKind",
    "Changes",
    "Drug",
    "Library",
    "ListPreview",
    "LoadStats",
    "PageChange",
    "PageDate",
    "Source",
    "SourceFacts",
    "cache_size",
    "cached_snapshot",
    "cached_sources_preview",
    "cached_sources_snapshot",
    "enabled_sources",
    "iter_page_files",
    "load_library",
    "load_library_deferred",
    "load_sources",
    "load_sources_deferred",
    "scan_page_files",
]
