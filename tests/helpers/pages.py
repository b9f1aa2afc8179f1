"""Generated pages for library tests: visibly fake drug names, front matter as asked."""

from __future__ import annotations

import datetime
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class SearchablePage:
    """What the name index reads of a page (rxcombo.search.index.Searchable), without a file."""

    id: str
    title: str
    drugs: list[str] = field(default_factory=list)


def write_page(folder: Path, name: str, title: str, text: str = "Fake text.", **front: str) -> Path:
    """``folder/name``: a page titled ``title`` with ``front`` as extra front matter keys."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    extra = "".join(f"{key}: {value}\n" for key, value in front.items())
    path.write_text(f"---\ntitle: {title}\n{extra}---\n# {title}\n\n### Usage\n{text}\n", encoding="utf-8")
    return path


def set_day(path: Path, day: datetime.date) -> None:
    """Give ``path`` a modification time at noon (local time) of ``day``."""
    moment = datetime.datetime.combine(day, datetime.time(12, 0)).timestamp()
    os.utime(path, (moment, moment))


def bump(path: Path) -> None:
    """Change the file's signature (its mtime moves a second on) as an edit would."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def cut_cached_library_short(cache_file: Path) -> None:
    """Damage a library cache after its preview: the header and the preview still read,
    the library after them does not (rxcombo.library.cache's layout)."""
    data = cache_file.read_bytes()
    with cache_file.open("rb") as handle:
        pickle.load(handle), pickle.load(handle)
        library_starts = handle.tell()
    cache_file.write_bytes(data[: library_starts + 200])
