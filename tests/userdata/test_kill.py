"""Crash and concurrency tests with real processes (slow).

A child process saves favorites (or drug lists) in a loop and is killed at random moments;
after every kill the file must parse and hold exactly the state before or after the save
in flight, notes and folders included (each favorites save adds a favorite with a note
and a folder, and edits the previous favorite's note). Two children saving concurrently
to one file must lose none of each other's favorites (with their notes and folders) or
list entries.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rxcombo.userdata import FavoritesStore, ListsStore

pytestmark = pytest.mark.slow

# Saves forever, acknowledging each completed save on stdout; the parent kills it.
WRITER = r"""
import sys
from pathlib import Path
import PySide6.QtCore  # the lock's Qt, loaded before "ready" as in the window (else kills land in the import)
from rxcombo.userdata import FavoritesStore

store = FavoritesStore(Path(sys.argv[1]))
report = store.load()
if report.message:
    print("REPORT", report.message, flush=True)
    sys.exit(3)
count = len(store)
print("ready", count, flush=True)
while True:
    store.add(f"page-{count}", f"Page {count} — ✓")
    store.set_note(f"page-{count}", f"note {count}\nsecond line")
    store.set_folder(f"page-{count}", f"folder {count % 3}")
    if count:
        store.set_note(f"page-{count - 1}", f"edited {count - 1}")
    if not store.save():
        print("FAIL", store.last_error, flush=True)
        sys.exit(2)
    count += 1
    print("saved", count, flush=True)
"""

# Adds its 50 favorites one save at a time once the parent says go.
ADDER = r"""
import sys
from pathlib import Path
from rxcombo.userdata import FavoritesStore

store = FavoritesStore(Path(sys.argv[1]))
prefix = sys.argv[2]
report = store.load()
if report.message:
    print("REPORT", report.message, flush=True)
    sys.exit(3)
print("ready", flush=True)
sys.stdin.readline()
for i in range(50):
    store.add(f"{prefix}-{i}", f"{prefix} {i}")
    store.set_note(f"{prefix}-{i}", f"note of {prefix} {i}")
    store.set_folder(f"{prefix}-{i}", prefix)
    if not store.save():
        print("FAIL", store.last_error, flush=True)
        sys.exit(2)
print("done", len(store), flush=True)
"""


# The same for the drug lists: one entry more in the list "Mum" per save.
LISTS_WRITER = r"""
import sys
from pathlib import Path
import PySide6.QtCore  # the lock's Qt, loaded before "ready" as in the window (else kills land in the import)
from rxcombo.userdata import ListsStore

store = ListsStore(Path(sys.argv[1]))
report = store.load()
if report.message:
    print("REPORT", report.message, flush=True)
    sys.exit(3)
mum = store.get("Mum")
count = len(mum.entries) if mum else 0
print("ready", count, flush=True)
while True:
    store.add("Mum", f"Testazepam {count} + Fakeprofen ✓")
    if not store.save():
        print("FAIL", store.last_error, flush=True)
        sys.exit(2)
    count += 1
    print("saved", count, flush=True)
"""

LISTS_ADDER = r"""
import sys
from pathlib import Path
from rxcombo.userdata import ListsStore

store = ListsStore(Path(sys.argv[1]))
prefix = sys.argv[2]
report = store.load()
if report.message:
    print("REPORT", report.message, flush=True)
    sys.exit(3)
print("ready", flush=True)
sys.stdin.readline()
for i in range(50):
    store.add("Mum", f"{prefix}-{i}")
    if not store.save():
        print("FAIL", store.last_error, flush=True)
        sys.exit(2)
print("done", len(store.get("Mum").entries), flush=True)
"""


def spawn(script: str, *args: str, stdin: int | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def favorites_on_disk(path: Path) -> dict[str, dict] | None:
    if not path.exists():
        return None
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "rxcombo-favorites"
    found = {entry["id"]: entry for entry in doc["favorites"]}
    assert len(found) == len(doc["favorites"]), "duplicate entries"
    return found


def ids_on_disk(path: Path) -> set[str] | None:
    found = favorites_on_disk(path)
    return None if found is None else set(found)


def written_by_writer(count: int) -> dict[str, tuple[str, str]]:
    """What WRITER's first ``count`` saves leave: (note, folder) per favorite."""
    return {
        f"page-{i}": (f"edited {i}" if i < count - 1 else f"note {i}\nsecond line", f"folder {i % 3}")
        for i in range(count)
    }


def notes_and_folders_hold(path: Path, count: int) -> bool:
    found = favorites_on_disk(path) or {}
    return {page_id: (e["note"], e["folder"]) for page_id, e in found.items()} == written_by_writer(count)


def entries_on_disk(path: Path) -> set[str] | None:
    if not path.exists():
        return None
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "rxcombo-lists"
    [mum] = doc["lists"]
    found = {entry["text"] for entry in mum["entries"]}
    assert len(found) == len(mum["entries"]), "duplicate entries"
    return found


STORES = {
    "favorites": (WRITER, FavoritesStore, ids_on_disk, lambda i: f"page-{i}", notes_and_folders_hold),
    "lists": (
        LISTS_WRITER,
        ListsStore,
        entries_on_disk,
        lambda i: f"Testazepam {i} + Fakeprofen ✓",
        lambda _path, _count: True,
    ),
}


@pytest.mark.parametrize("kind", sorted(STORES))
def test_killed_writer_never_leaves_a_broken_or_mixed_file(tmp_path, kind):
    writer, store_class, on_disk_of, item, the_rest_holds = STORES[kind]
    rounds = int(os.environ.get("RXCOMBO_KILL_ROUNDS", "200"))
    path = tmp_path / "data" / f"{kind}.json"
    path.parent.mkdir()
    rng = random.Random(os.environ.get("RXCOMBO_KILL_SEED", "rxcombo"))
    started = time.monotonic()
    ahead_of_ack = 0
    temp_debris_seen = 0
    stale_locks_seen = 0
    acked = 0
    for round_no in range(rounds):
        child = spawn(writer, str(path))
        assert child.stdout is not None
        first = child.stdout.readline().split()
        assert first[:1] == ["ready"], (first, child.stderr.read() if child.stderr else "")
        assert int(first[1]) >= acked
        time.sleep(rng.uniform(0.0, 0.025))
        child.kill()  # SIGKILL on POSIX: no cleanup handlers run
        out, err = child.communicate()
        lines = out.split("\n")
        assert not any(line.startswith(("FAIL", "REPORT")) for line in lines), out + err
        # Only whole lines are acknowledgements: with PYTHONUNBUFFERED (as on CI) print()
        # writes "saved", " ", the number and the newline one by one, and the kill can land
        # between them, leaving "saved " as the last, unterminated line.
        saved = [int(line.split()[1]) for line in lines[:-1] if line.startswith("saved ")]
        acked = max([int(first[1]), *saved])

        on_disk = on_disk_of(path)
        if on_disk is None:
            assert acked == 0, f"round {round_no}: file vanished after {acked} saves"
            continue
        count = len(on_disk)
        # Old state (last acknowledged save) or new state (the save the kill interrupted
        # after its rename but before it could print) — nothing in between.
        assert count in (acked, acked + 1), f"round {round_no}: {count} vs ack {acked}"
        assert on_disk == {item(i) for i in range(count)}, f"round {round_no}: mixed"
        assert the_rest_holds(path, count), f"round {round_no}: notes or folders mixed"
        ahead_of_ack += count == acked + 1
        acked = count
        temp_debris_seen += any(p.name.endswith(".tmp") for p in path.parent.iterdir())
        stale_locks_seen += (path.parent / f"{kind}.json.lock").exists()

    assert acked >= rounds // 10, f"only {acked} saves in {rounds} rounds: the kills hit no save"
    final = store_class(path)
    assert final.load().message is None
    assert on_disk_of(path) == {item(i) for i in range(acked)}
    assert list(path.parent.glob("*.damaged-*")) == []
    elapsed = time.monotonic() - started
    print(
        f"\nkill test ({kind}): {rounds} SIGKILLs survived in {elapsed:.1f} s; "
        f"{acked} {'favorites' if kind == 'favorites' else 'list entries'} saved; file ahead of last ack {ahead_of_ack}x, "
        f"temp file left by the kill {temp_debris_seen}x, lock left by the kill "
        f"{stale_locks_seen}x"
    )


def test_two_processes_adding_concurrently_keep_all_favorites(tmp_path):
    path = tmp_path / "data" / "favorites.json"
    started = time.monotonic()
    children = [spawn(ADDER, str(path), name, stdin=subprocess.PIPE) for name in ("a", "b")]
    for child in children:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "ready", line + (child.stderr.read() if child.stderr else "")
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = [child.communicate(timeout=120) for child in children]
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, out + err
    expected = {f"{p}-{i}" for p in ("a", "b") for i in range(50)}
    assert ids_on_disk(path) == expected
    entries = favorites_on_disk(path) or {}
    assert all(
        entry["note"] == f"note of {entry['folder']} {entry['id'].split('-')[1]}"
        for entry in entries.values()
    )
    reread = FavoritesStore(path)
    assert reread.load().message is None
    assert len(reread) == 100
    # Whichever child saved last had merged in every favorite of the other.
    assert max(int(out.split()[-1]) for out, _ in outputs) == 100
    print(f"\ntwo-process test: 2 x 50 concurrent saves, 100 kept, {time.monotonic() - started:.1f} s")


def test_two_processes_adding_to_one_list_keep_all_entries(tmp_path):
    path = tmp_path / "data" / "lists.json"
    children = [spawn(LISTS_ADDER, str(path), name, stdin=subprocess.PIPE) for name in ("a", "b")]
    for child in children:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "ready", line + (child.stderr.read() if child.stderr else "")
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = [child.communicate(timeout=120) for child in children]
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, out + err
    expected = {f"{p}-{i}" for p in ("a", "b") for i in range(50)}
    assert entries_on_disk(path) == expected
    reread = ListsStore(path)
    assert reread.load().message is None
    mum = reread.get("Mum")
    assert mum is not None and set(mum.entries) == expected
    assert max(int(out.split()[-1]) for out, _ in outputs) == 100
