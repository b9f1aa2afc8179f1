"""A folder of pages -> a Library: the one loader, its cache, its drugs and name index. No Qt."""

from rxcombo.library.files import iter_page_files, scan_page_files
from rxcombo.library.library import Drug, Library, LoadStats
from rxcombo.library.loader import cache_size, cached_snapshot, load_library, load_library_deferred

__all__ = [
    "Drug",
    "Library",
    "LoadStats",
    "cache_size",
    "cached_snapshot",
    "iter_page_files",
    "load_library",
    "load_library_deferred",
    "scan_page_files",
]
