"""Bringing a library's full-text index up to date: only the pages whose files changed.

Made to run on a worker thread (or in another process) while the window is in use: it
opens its own SQLite connection, reads page files with the content reader (never the
library's own documents, which the window may be using), reports progress through a
callback and stops at the next page when ``interrupted()`` says so. Work is committed a
batch of pages at a time, so a cancelled or killed build keeps what it had finished and
the next run goes on from there; SQLite's journal undoes a batch cut short. Each batch
checks again, inside its write transaction, what another process may have written
meanwhile (a window and a command line can update one index at once).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from rxcombo.content import ContentError, Document, SectionKind, read_page
from rxcombo.search.fulltext import store, write
from rxcombo.search.fulltext.plain import plain_text

Signature = tuple[int, int, int]
ProgressCallback = Callable[[int, int], None]
BATCH_PAGES = 100
PROGRESS_STEPS = 100_000  # SQLite steps between two looks at interrupted() in a long statement
PAUSE_STEP_S = 0.02
BULK_TERMS = 1000  # pages to read above which the vocabulary is refilled from FTS5 at the end


def _never() -> bool:
    return False


@dataclass(frozen=True, slots=True)
class PageSource:
    """One page of the library as the index knows it."""

    key: str  # the file, relative to the content folder: the page's identity
    signature: Signature  # as the library cache's (size, mtime_ns, inode)
    document: Document  # id and title as the library shows them; the text is read again


@dataclass(frozen=True, slots=True)
class BuildStats:
    pages: int = 0  # pages of the library
    indexed: int = 0  # pages read and indexed this time
    removed: int = 0  # pages gone from the library, removed from the index
    unchanged: int = 0
    unreadable: int = 0  # pages the reader refused (kept in the index with no text)
    rebuilt: bool = False  # an existing file was not trusted and was started again
    complete: bool = False  # every page is in (False when interrupted)
    seconds: float = 0.0
    merged: bool = False  # the index was merged into one segment (after a large build)


def _signature_text(signature: Signature) -> str:
    return "%d:%d:%d" % signature  # noqa: UP031 - the fastest of the ways, over every page


def update_index(
    path: Path,
    root: str,
    pages: Sequence[PageSource],
    progress: ProgressCallback | None = None,
    interrupted: Callable[[], bool] = _never,
    *,
    rebuild: bool = False,
    pause: Callable[[], bool] | None = None,
) -> BuildStats:
    """Make the index at ``path`` hold exactly ``pages``. ``progress(done, total)`` is called
    with ``done == 0`` before any work (only when there is some) and after each batch.

    ``pause``: while it says so, the build waits before its next page (the window: while
    the user is typing). Reading a page is Python work that holds the GIL, and at 100,000
    pages a name search that shares it with the build takes up to twice as long.

    ``rebuild``: start from nothing (after a search met a damaged file). A file found
    damaged on the way is also deleted and built again. Raises FullTextError when this
    SQLite has no FTS5, OSError or sqlite3.OperationalError when the folder cannot be
    written or another writer holds the file too long."""
    started = time.perf_counter()
    if pause is not None:
        interrupted = _waiting(interrupted, pause)
    if not rebuild:
        try:
            return _update(path, root, pages, progress, interrupted, started, rebuilt=False)
        except store.DamagedIndexError:
            pass
        except sqlite3.DatabaseError as exc:
            if not store.is_damage(exc):
                raise
    store.remove_files(path)
    return _update(path, root, pages, progress, interrupted, started, rebuilt=True)


def _waiting(interrupted: Callable[[], bool], pause: Callable[[], bool]) -> Callable[[], bool]:
    def check() -> bool:
        while pause() and not interrupted():
            time.sleep(PAUSE_STEP_S)
        return interrupted()

    return check


def _plan(
    connection: sqlite3.Connection, pages: Sequence[PageSource]
) -> tuple[list[PageSource], list[PageSource], list[str]]:
    """(pages to read, pages whose id alone changed, keys of pages gone)."""
    # The stored rows are compared as they come, not held: at 100,000 pages all of them at
    # once were 35 MB, on a thread that runs while the window is in use.
    unseen = {source.key: source for source in pages}
    renamed: list[PageSource] = []
    gone: list[str] = []
    for key, signature, page_id, title in connection.execute("SELECT key, signature, id, title FROM pages"):
        source = unseen.get(key)
        if source is None:
            gone.append(key)
        elif signature == _signature_text(source.signature) and title == source.document.title:
            del unseen[key]
            if page_id != source.document.id:
                renamed.append(source)
    changed = list(unseen.values())  # new, or changed since they were read
    return changed, renamed, gone


def _update(
    path: Path,
    root: str,
    pages: Sequence[PageSource],
    progress: ProgressCallback | None,
    interrupted: Callable[[], bool],
    started: float,
    *,
    rebuilt: bool,
) -> BuildStats:
    connection, replaced = store.open_for_writing(path, root)
    rebuilt = rebuilt or replaced
    try:
        changed, renamed, removed = _plan(connection, pages)
        total = len(changed) + len(removed)
        if progress is not None and total:
            progress(0, total)
        # Many pages: their words are read from FTS5 at the end; few: added page by page.
        # The counts of words added page by page are estimates (1): refilled when the
        # library has doubled since the last refill, so common words are known as such.
        counted = int(store.state(connection, "counted") or 0)
        grown = len(pages) > max(BULK_TERMS, 2 * counted)
        bulk = len(changed) > BULK_TERMS or grown or store.state(connection, "terms") != "complete"
        words = None if bulk or not changed else write.vocabulary(connection)
        if renamed or total:
            _write(connection, [lambda: _mark_terms(connection, bulk)])
            _write(
                connection, [partial(write.rename_page, connection, s.key, s.document.id) for s in renamed]
            )
        done = 0
        for start in range(0, len(removed), BATCH_PAGES * 10):
            if interrupted():
                break
            batch = removed[start : start + BATCH_PAGES * 10]
            _write(connection, [partial(write.remove_key, connection, key) for key in batch])
            done += len(batch)
            if progress is not None:
                progress(done, total)
        removed_count, position, unreadable, merged = done, 0, 0, False
        while position < len(changed) and not interrupted():
            prepared: list[write.PageRows] = []
            while position < len(changed) and len(prepared) < BATCH_PAGES and not interrupted():
                prepared.append(_prepare(changed[position]))
                position += 1
            _write(connection, [partial(write.store_page, connection, rows, words) for rows in prepared])
            unreadable += sum(1 for rows in prepared if not rows.readable)
            done += len(prepared)
            if progress is not None:
                progress(done, total)
        complete = done == total
        if complete and bulk:
            counted_now = partial(store.set_state, connection, "counted", str(len(pages)))
            refill = [partial(write.refill_terms, connection), partial(_mark_terms, connection, False)]
            _write(connection, [*refill, counted_now])
            merged = write.merge(connection, interrupted, PROGRESS_STEPS)
        if complete != (store.state(connection, "complete") == "1"):
            store.set_state(connection, "complete", "1" if complete else "0")
        return BuildStats(
            pages=len(pages),
            indexed=position,
            removed=removed_count,
            unchanged=len(pages) - len(changed),
            unreadable=unreadable,
            rebuilt=rebuilt,
            complete=complete,
            seconds=time.perf_counter() - started,
            merged=merged,
        )
    finally:
        connection.close()


def _mark_terms(connection: sqlite3.Connection, stale: bool) -> None:
    """While ``terms`` lacks words, searches expand no prefix from it (FTS5 does, slower)."""
    store.set_state(connection, "terms", "stale" if stale else "complete")


def _prepare(source: PageSource) -> write.PageRows:
    """Read the page now (outside any transaction: the write lock is held only to write)."""
    signature = _signature_text(source.signature)
    document = source.document
    try:
        read = read_page(Path(document.source), body=True)
    except ContentError:
        return write.PageRows(source.key, signature, document.id, document.title, [], readable=False)
    sections: list[tuple[int, str, str]] = []
    for number, section in enumerate(read.sections):
        text = plain_text(section.body_markdown)
        if not text and section.kind is SectionKind.OVERVIEW:
            continue  # an Overview holding only the page title
        if number >= store.MAX_SECTIONS - 1 and sections:
            last = sections[-1]  # thousands of sections (no real page): the rest joins the last
            sections[-1] = (last[0], last[1], f"{last[2]} {section.title} {text}".strip())
            continue
        sections.append((number, section.title, text))
    return write.PageRows(source.key, signature, document.id, document.title, sections)


def _write(connection: sqlite3.Connection, steps: Sequence[Callable[[], object]]) -> None:
    """One transaction: the index says "incomplete" until the update's end says otherwise."""
    if not steps:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        store.set_state(connection, "complete", "0")
        for step in steps:
            step()
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
