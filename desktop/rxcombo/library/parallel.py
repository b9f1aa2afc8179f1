"""Reading many pages on several processes: the cold start of a big library.

Parsing a page's head is pure Python (~100 microseconds); at 100,000 pages that is most of
a first start, and one process uses one core. From ``PARALLEL_FROM`` pages to read, the
pages go in chunks to worker processes (``concurrent.futures`` from the standard library)
and come back in order. Workers are spawned, not forked: a fork of a process running Qt
threads can deadlock, and spawning behaves the same on Linux, macOS and Windows. If
workers cannot be started (a sandbox without process support), the pages are read here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from rxcombo.content import ContentError, Document, Problem
from rxcombo.support import lazy

PARALLEL_FROM = 5000  # below this, starting workers (~0.3 s) costs more than it saves
CHUNK = 1000  # pages a worker reads between two progress reports
MAX_WORKERS = 4

Found = Document | list[Problem]

if TYPE_CHECKING:  # imported when workers start: a warm start never needs them
    from concurrent.futures import ProcessPoolExecutor


def _pool(workers: int) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


@cache
def _read_page() -> Callable[..., Document]:
    """``content.reader.read_page``, imported by the main thread (rxcombo.support.lazy);
    looked up once, as this runs for every page read."""
    lazy.module("rxcombo.content.reader")
    from rxcombo.content.reader import read_page

    return read_page


def read_one(path: str) -> Found:
    try:
        return _read_page()(path, body=False)  # a str: Paths are made only for problems
    except ContentError as exc:
        return [exc.to_problem()]


def _read_chunk(paths: list[str]) -> list[Found]:
    return [read_one(path) for path in paths]


def workers_for(count: int) -> int:
    """How many processes to read ``count`` pages with (1: here, no workers)."""
    if count < PARALLEL_FROM:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def read_pages(
    paths: list[str], done: Callable[[int], None], interrupted: Callable[[], bool]
) -> list[Found] | None:
    """Every page of ``paths``, in order, or None if interrupted. ``done(n)`` after each
    ``n`` more pages."""
    found: list[Found] = []
    workers = workers_for(len(paths))
    if workers > 1:
        from concurrent.futures.process import BrokenProcessPool

        try:
            with _pool(workers) as pool:
                chunks = [paths[start : start + CHUNK] for start in range(0, len(paths), CHUNK)]
                results = pool.map(_read_chunk, chunks)
                for chunk in results:
                    found.extend(chunk)
                    done(len(chunk))
                    if interrupted():
                        pool.shutdown(wait=False, cancel_futures=True)
                        return None
            return found
        except (OSError, BrokenProcessPool, RuntimeError):
            pass  # no worker processes here: read what is left in this one
    for path in paths[len(found) :]:
        if interrupted():
            return None
        found.append(read_one(path))
        done(1)
    return found
