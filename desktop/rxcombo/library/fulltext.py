"""A library's full-text index: where it is kept, and bringing it up to date from the library.

One index per content folder, in the user's cache folder (:func:`rxcombo.dirs.fulltext_dir`),
named, as the library cache is, after the folder's absolute path. The pages to index are
the library's own pages, each with its file's signature taken now, as the library cache
takes it (size, modification time, inode): a page is read again only when its file
changed since it was indexed. No Qt.

For the window: import this module on the main thread (a worker never imports, see
:mod:`rxcombo.support.lazy`), run :func:`update_text_index` on a worker thread after the
first paint with ``progress`` feeding the status bar, ``interrupted`` the cancel button
and ``pause`` true for a moment after each keystroke; ask :func:`open_text_index`'s
:class:`FullTextIndex` from the main thread (each thread gets its own SQLite connection;
it sees each committed batch, and ``complete`` says whether the build has finished).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from rxcombo import dirs
from rxcombo.library.files import signature_of
from rxcombo.library.library import Library
from rxcombo.search.fulltext import BuildStats, FullTextIndex, PageSource, update_index
from rxcombo.search.fulltext.build import ProgressCallback
from rxcombo.support.digests import sha256

INDEX_SUFFIX = ".sqlite3"


def _never() -> bool:
    return False


def _root(root: Path) -> str:
    return str(Path(root).resolve())


def text_index_path(root: Path, cache_dir: Path | None = None) -> Path:
    """The index file of the content folder ``root``."""
    name = sha256(_root(root).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return dirs.fulltext_dir(cache_dir) / f"{name}{INDEX_SUFFIX}"


def open_text_index(root: Path, cache_dir: Path | None = None) -> FullTextIndex:
    """The index of ``root`` for searching (empty until :func:`update_text_index` ran)."""
    return FullTextIndex(text_index_path(root, cache_dir), _root(root))


def page_sources(library: Library) -> list[PageSource]:
    """Every page of the library with its file's signature now; a file gone is left out.
    Strings rather than Paths: this runs over every page at every start."""
    sources: list[PageSource] = []
    root = str(library.root).rstrip(os.sep) + os.sep
    for document in library.documents:
        try:
            signature = signature_of(os.stat(document.source))  # noqa: PTH116 - see docstring
        except OSError:
            continue
        if document.source.startswith(root):
            key = document.source[len(root) :].replace(os.sep, "/")
        else:
            key = document.path.as_posix()
        sources.append(PageSource(key, signature, document))
    return sources


def update_text_index(
    library: Library,
    progress: ProgressCallback | None = None,
    interrupted: Callable[[], bool] = _never,
    cache_dir: Path | None = None,
    *,
    rebuild: bool = False,
    pause: Callable[[], bool] | None = None,
) -> BuildStats:
    """Bring the library's index up to date: pages whose files changed are read again, new
    ones added, removed ones dropped; a damaged or foreign index is replaced. Safe on a
    worker thread (its own connection; the library is only read). ``rebuild``: start again
    from nothing (after a search raised DamagedIndexError). ``pause``: the build waits
    while it says so (while the user types). Raises FullTextError when this
    Python's SQLite has no FTS5, OSError when the cache folder cannot be written."""
    return update_index(
        text_index_path(library.root, cache_dir),
        _root(library.root),
        page_sources(library),
        progress,
        interrupted,
        rebuild=rebuild,
        pause=pause,
    )
