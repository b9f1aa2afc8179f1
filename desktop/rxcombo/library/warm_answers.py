"""The search warm-up's answers, kept beside the library's cache for the next start.

After the first paint the loader answers the costliest queries ahead of the user (every
one-letter start of a drug word and the heavy two-letter ones: see
:mod:`rxcombo.search.warmup`): 130 to 150 ms of CPU at every start on the corpus's 6,447
pages, the largest part of a warm start's work after its paint. The answers depend only on
the pages and on the search code, so a warm start whose pages are the ones the last run
cached reads them back instead (under 1 ms).

The file (``<library cache>.answers``, a :mod:`~rxcombo.support.marshal_file`) is keyed
by the cached library's key (every file's path and signature), the cache file's own size,
time and inode (a cache written again, by other code, under the same pages' key), RxCombo's
version, the cache format and the search modules' sizes and times (an edited ranking in a
working copy computes again). Each answer's numbers are checked to be within this
library's pages; a missing, stale, foreign or damaged file is computed over. Only a start
that showed the very library the cache held reads or writes it.
"""

from __future__ import annotations

import contextlib
from array import array
from pathlib import Path
from typing import TypeAlias

from rxcombo import __version__, search
from rxcombo.library.cache import CACHE_FORMAT
from rxcombo.support import marshal_file

SUFFIX = ".answers"
Answers: TypeAlias = "dict[tuple[str, ...], array[int]]"  # a string: array is not subscriptable at run time


def answers_path(cache_path: Path) -> Path:
    return cache_path.with_name(cache_path.name + SUFFIX)


def answers_key(library_key: str, cache_path: Path) -> list[object] | None:
    """What a cached library's answers are kept under: its pages' key, the cache file
    itself (one written again under the same pages' key, by other code, may hold another
    index), RxCombo's version, the cache format and the search code; None when there is no
    such library or its file cannot be read."""
    if not library_key:
        return None
    try:
        stamp = cache_path.stat()
    except OSError:
        return None
    made_by = [__version__, CACHE_FORMAT, _search_code()]
    return [library_key, stamp.st_size, stamp.st_mtime_ns, stamp.st_ino, *made_by]


def _search_code() -> list[tuple[str, int, int]]:
    """The search modules' names, sizes and times (none in a frozen app: its version says)."""
    found = []
    for module in sorted(Path(search.__file__).parent.glob("**/*.py")):
        with contextlib.suppress(OSError):
            info = module.stat()
            found.append((module.name, info.st_size, info.st_mtime_ns))
    return found


def read_answers(path: Path, key: list[object], pages: int) -> Answers:
    """The answers kept under ``key`` (see :func:`answers_key`) for a library of ``pages``
    pages, or none if the file is missing, stale or damaged."""
    found = marshal_file.read_dict(path)
    kept = found.get("answers")
    if found.get("key") != key or not isinstance(kept, dict):
        return {}
    answers: Answers = {}
    for words, data in kept.items():
        rows = array("i")
        if not (isinstance(words, tuple) and all(type(w) is str for w in words) and type(data) is bytes):
            return {}
        if len(data) % rows.itemsize:
            return {}
        rows.frombytes(data)
        if rows and (min(rows) < 0 or max(rows) >= pages):
            return {}  # not this library's page numbers: none of the file is trusted
        answers[words] = rows
    return answers


def write_answers(path: Path, key: list[object], answers: Answers) -> None:
    """Keep ``answers`` under ``key`` (see :func:`answers_key`) for the next start."""
    if answers:
        marshal_file.write_dict(
            path, {"key": key, "answers": {w: rows.tobytes() for w, rows in answers.items()}}
        )
