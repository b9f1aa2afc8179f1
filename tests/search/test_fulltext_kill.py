"""A build killed with SIGKILL leaves an index that the next run repairs and completes.

A child process builds the index of a few hundred made-up pages and is killed at a random
moment after its first batch (often inside a write transaction). After each kill the file
must open as this folder's index, pass FTS5's integrity check and hold whole pages only;
the next child goes on from there. At the end an update in this process completes it, and
every page is found by its own word, once.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from helpers.fulltext import write_page
from rxcombo.library import load_library
from rxcombo.library.fulltext import open_text_index, text_index_path, update_text_index
from rxcombo.search.fulltext import store

PAGES = 300
BUILDER = r"""
import sys
import time
from pathlib import Path
from rxcombo.library import load_library
from rxcombo.library.fulltext import update_text_index
from rxcombo.search.fulltext import build

build.BATCH_PAGES = 7  # many commits: many moments to be killed in
root, cache = Path(sys.argv[1]), Path(sys.argv[2])
library = load_library(root, cache_dir=cache)
print("ready", flush=True)
stats = update_text_index(library, lambda done, total: print("progress", done, total, flush=True), cache_dir=cache)
print("done", stats.indexed, flush=True)
"""


def marker(number: int) -> str:
    return "marker" + "".join("abcdefghij"[int(digit)] for digit in f"{number:04d}")


def write_pages(root: Path) -> None:
    for number in range(PAGES):
        sections = {
            "Usage": f"Fakeazepam {number} is made up; its own word is {marker(number)}.",
            "Side Effects": "Pretend drowsiness and imaginary hiccups. " * 20,
            "FAQs": f"Q: Is it real? A: No, {marker(number)} is invented for a kill test.",
        }
        write_page(root, f"Fakeazepam {number:04d}", sections, f"p/{number:04d}.md")


def check_consistent(path: Path, root: Path) -> int:
    """Whole pages only, and an FTS5 index that passes its own check; returns pages held."""
    connection = sqlite3.connect(path)
    try:
        assert store.is_current(connection, str(root.resolve()))
        connection.execute("INSERT INTO fts (fts) VALUES ('integrity-check')")
        sections = connection.execute("SELECT count(*) FROM sections").fetchone()[0]
        assert connection.execute("SELECT count(*) FROM fts_docsize").fetchone()[0] == sections
        assert sections == 3 * connection.execute("SELECT count(*) FROM pages").fetchone()[0]
        return int(connection.execute("SELECT count(*) FROM pages").fetchone()[0])
    finally:
        connection.close()


def test_a_killed_build_is_repaired_by_the_next_run(tmp_path: Path) -> None:
    root, cache = tmp_path / "pages", tmp_path / "cache"
    write_pages(root)
    load_library(root, cache_dir=cache)  # the children share the library cache
    rng = random.Random(os.environ.get("RXCOMBO_KILL_SEED", "fulltext"))
    rounds = int(os.environ.get("RXCOMBO_FULLTEXT_KILL_ROUNDS", "4"))
    held = 0
    kills = 0
    for _round in range(rounds):
        child = subprocess.Popen(
            [sys.executable, "-c", BUILDER, str(root), str(cache)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        while True:
            line = child.stdout.readline()
            assert line, child.stderr.read() if child.stderr else "child ended"
            if (line.startswith("progress") and int(line.split()[1]) > 0) or line.startswith("done"):
                break
        if line.startswith("done"):
            child.wait()
            break
        time.sleep(rng.uniform(0.0, 0.08))
        child.kill()  # SIGKILL: no handler, no rollback, no close
        child.communicate()
        kills += 1
        now = check_consistent(text_index_path(root, cache), root)
        assert now >= held  # what was committed stays
        held = now
    assert kills >= 1
    print(
        f"\nfull-text kill test: {kills} SIGKILLs mid-build, {held} of {PAGES} pages held before the restart"
    )
    library = load_library(root, cache_dir=cache)
    stats = update_text_index(library, cache_dir=cache)
    assert stats.complete and not stats.rebuilt and stats.indexed == PAGES - held
    assert check_consistent(text_index_path(root, cache), root) == PAGES
    index = open_text_index(root, cache)
    for number in range(PAGES):
        hits = index.search(marker(number))
        assert [hit.title for hit in hits] == [f"Fakeazepam {number:04d}"], number
