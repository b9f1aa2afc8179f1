"""Finding the page files under a folder, fast enough to run on every start."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from rxcombo.content.problems import Problem, Severity
from rxcombo.support import lazy

Signature = tuple[int, int, int]  # what tells a file changed: size, modification time, inode


def signature_of(stat: os.stat_result) -> Signature:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino)


def scan_page_files(root: Path, problems: list[Problem] | None = None) -> list[tuple[str, str, Signature]]:
    """(path, path relative to root with "/", signature) of every page file, in a stable
    order. The signature, not the stat: at 100,000 pages, keeping the stats (with every
    line of the files' key at once) made a warm start's check peak 60 MiB higher.

    Hidden files and folders are skipped. Strings rather than Paths: this runs on every
    start over every file, and pathlib's parsing would cost more than the disk.
    """
    # Imported after a warm start's first paint, by the main thread (rxcombo.support.lazy).
    lazy.module("rxcombo.content.reader")
    from rxcombo.content.reader import PAGE_SUFFIXES, is_page_file

    found: list[tuple[str, str, Signature]] = []
    pending = [(str(root), "")]
    # Symlinked folders are followed, but each real folder is read once: a link back up the
    # tree ("self -> .") otherwise repeats every page 40 times, and two such links never end.
    visited: set[tuple[int, int]] = set()
    while pending:
        folder, prefix = pending.pop()
        try:
            info = os.stat(folder)  # noqa: PTH116 - strings, see docstring
            if (info.st_dev, info.st_ino) in visited:
                continue
            visited.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as entries:
                listed = sorted(entries, key=lambda entry: entry.name)
        except OSError as exc:
            if problems is not None:
                problems.append(
                    Problem(Path(folder), None, Severity.ERROR, f"cannot list folder: {exc.strerror}")
                )
            continue
        subfolders: list[tuple[str, str]] = []
        for entry in listed:
            if entry.name.startswith("."):
                continue
            relative = prefix + entry.name
            try:
                if entry.is_dir():
                    subfolders.append((entry.path, relative + "/"))
                    continue
                if not entry.is_file():
                    continue
                # As os.path.splitext for a name not starting with ".", without its cost.
                dot = entry.name.rfind(".")
                suffix = entry.name[dot:].lower() if dot > 0 else ""
                if suffix not in PAGE_SUFFIXES and not is_page_file(Path(entry.path)):
                    continue
                found.append((entry.path, relative, signature_of(entry.stat())))
            except OSError as exc:
                if problems is not None:
                    problems.append(
                        Problem(Path(entry.path), None, Severity.ERROR, f"cannot read file: {exc.strerror}")
                    )
        pending.extend(reversed(subfolders))
    found.sort(key=lambda item: item[1])
    return found


def iter_page_files(root: Path, problems: list[Problem] | None = None) -> Iterator[Path]:
    """Page files under ``root``, recursively, in a stable order; hidden entries skipped."""
    for path, _relative, _stat in scan_page_files(root, problems):
        yield Path(path)
