"""The library cache: nothing re-parsed that did not change, and damage only costs time."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from helpers.pages import bump
from rxcombo import dirs
from rxcombo.library import cache as cache_module
from rxcombo.library import cached_snapshot, load_library
from rxcombo.library.cache import LibraryCache
from rxcombo.library.loader import load_library_deferred
from rxcombo.search.answer import notice_for


def write_page(folder: Path, name: str, title: str, text: str = "Fake text.") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\n---\n# {title}\n\n### Usage\n{text}\n", encoding="utf-8")
    return path


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    for number, title in enumerate(["Testazepam", "Fakeprofen", "Mockacillin + Testazepam", "Shamoxetine"]):
        write_page(root, f"{'abcd'[number]}/{number}.md", title)
    return root


def titles(catalog) -> list[str]:
    return [document.title for document in catalog.documents]


def test_cache_lives_in_the_platform_cache_folder(isolated_user_dirs) -> None:
    assert dirs.cache_dir() == isolated_user_dirs["XDG_CACHE_HOME"] / "RxCombo"


def test_second_load_parses_nothing(library: Path) -> None:
    first = load_library(library)
    assert first.stats.parsed == 4 and first.stats.reused == 0 and not first.stats.snapshot
    second = load_library(library)
    assert second.stats.snapshot and second.stats.parsed == 0
    assert titles(second) == titles(first)
    assert [hit.title for hit in second.index.search("testaz")] == ["Testazepam", "Mockacillin + Testazepam"]
    shown, _contents = cached_snapshot(library)
    assert shown is not None and titles(shown) == titles(first)


def test_the_drug_keys_follow_the_drugs_when_built_and_when_read_from_the_cache(library: Path) -> None:
    """The sorted keys the name look-ups bisect (made once, not per keystroke) are the
    drugs' own, after a build, after the cache, and after a page changed."""
    built = load_library(library)
    cached = load_library(library)
    assert cached.stats.snapshot
    write_page(library, "e/4.md", "Bogusolol")
    changed = load_library(library)
    for each in (built, cached, changed):
        assert each.drug_keys == [drug.key for drug in each.drugs] == sorted(each.drug_keys)
    assert "bogusolol" in changed.drug_keys and "bogusolol" not in cached.drug_keys
    assert notice_for(changed, "bogusolol mockacillin", [])[0] is not None  # looked up by name


def test_pages_naming_a_drug_share_its_name_when_built_and_when_read_from_the_cache(library: Path) -> None:
    """Read by separate processes, each page had its own copy of each drug's name and key;
    the library holds one, and so does its cache (100,000 pages: 13 MB less)."""
    for loaded in (load_library(library), load_library(library)):
        by_title = {document.title: document for document in loaded.documents}
        alone, combined = by_title["Testazepam"], by_title["Mockacillin + Testazepam"]
        assert combined.drugs[1] is alone.drugs[0] == "Testazepam"
        assert combined.drug_keys[1] is alone.drug_keys[0] == "testazepam"
    assert loaded.stats.snapshot


def test_a_changed_page_is_the_only_one_read_again(library: Path) -> None:
    load_library(library)
    page = library / "b/1.md"
    write_page(library, "b/1.md", "Fakeprofen Forte", text="Changed fake text, longer than before.")
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    again = load_library(library)
    assert again.stats.parsed == 1 and again.stats.reused == 3 and not again.stats.snapshot
    assert "Fakeprofen Forte" in titles(again) and "Fakeprofen" not in titles(again)


def test_added_and_removed_pages_are_seen(library: Path) -> None:
    load_library(library)
    write_page(library, "e/new.md", "Placebonol")
    (library / "d/3.md").unlink()
    again = load_library(library)
    assert again.stats.parsed == 1 and again.stats.reused == 3
    assert "Placebonol" in titles(again) and "Shamoxetine" not in titles(again)


def test_damaged_cache_is_rebuilt_silently(library: Path) -> None:
    load_library(library)
    cache_file = LibraryCache(dirs.cache_dir(), library).path
    cache_file.write_bytes(b"\x80\x04 not a pickle at all")
    again = load_library(library)
    assert again.stats.parsed == 4 and len(titles(again)) == 4
    assert load_library(library).stats.snapshot  # the rebuilt cache is used next time


def test_a_warm_start_reads_the_page_entries_only_when_a_file_changed(library: Path) -> None:
    """The entries (a signature per file) are what a changed folder is compared with; a
    warm start of an unchanged folder never needs them, and never reads them."""
    load_library(library)
    shown, contents = cached_snapshot(library)
    assert shown is not None and contents is not None and contents.page_count == 4
    reads: list[int] = []
    read_entries = contents._read_pages
    assert read_entries is not None  # not read yet
    contents._read_pages = lambda: reads.append(1) or read_entries()
    unchanged = load_library_deferred(library, cached=contents)[0]
    assert unchanged.stats.snapshot and titles(unchanged) == titles(shown) and not reads
    bump(library / "b/1.md")
    changed = load_library_deferred(library, cached=contents)[0]
    assert changed.stats.parsed == 1 and changed.stats.reused == 3 and reads == [1]  # read now
    reused = {d.id: d for d in changed.documents}
    assert all(reused[d.id] is d for d in shown.documents if d.id != "fakeprofen")  # not copies


def test_damaged_page_entries_cost_a_full_read_only(library: Path) -> None:
    """The entries are the file's last part: cut short, the library before them is still
    shown, and the first change found reads every page again and writes a whole cache."""
    load_library(library)
    cache_file = LibraryCache(dirs.cache_dir(), library).path
    cache_file.write_bytes(cache_file.read_bytes()[:-20])
    assert load_library(library).stats.snapshot  # nothing changed: the library is all it needs
    bump(library / "b/1.md")
    again = load_library(library)
    assert again.stats.parsed == 4 and titles(again) == titles(load_library(library))
    assert not again.changes.known and not again.changes.added  # not "every page added"
    assert load_library(library).stats.snapshot


def test_a_cache_replaced_after_it_was_read_lends_its_own_entries(library: Path) -> None:
    """Another start (a command in a terminal) rewrote the cache while a window showed the
    one it had read: the window's check takes the new file's entries rather than reading
    every page again. What changed since the window's library is not known: the new
    entries already hold the change, so comparing with them would say "nothing"."""
    load_library(library)
    shown, contents = cached_snapshot(library)
    assert shown is not None and contents is not None
    bump(library / "b/1.md")
    assert load_library(library).stats.parsed == 1  # the other start, which rewrites the cache
    checked = load_library_deferred(library, cached=contents)[0]
    assert checked.stats.parsed == 0 and checked.stats.reused == 4  # its entries were current
    assert not checked.changes.known and not checked.changes.added
    assert "Fakeprofen" in titles(checked)


def test_cache_from_another_version_is_not_used(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_library(library)
    monkeypatch.setattr(cache_module, "__version__", "99.0.0")
    again = load_library(library)
    assert again.stats.parsed == 4 and not again.stats.snapshot


def test_unwritable_cache_folder_still_loads(library: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    catalog = load_library(library, cache_dir=blocker)
    assert len(titles(catalog)) == 4


def test_pages_sharing_a_title_are_told_apart_by_their_file(library: Path) -> None:
    write_page(library, "e/other.md", "Testazepam")
    loaded = load_library(library)
    twins = [d for d in loaded.documents if d.title == "Testazepam"]
    assert len(twins) == 2 and len({d.id for d in twins}) == 2
    assert sorted(loaded.hint(d.id) or "" for d in twins) == ["a/0.md", "e/other.md"]
    assert loaded.hint(next(d.id for d in loaded.documents if d.title == "Fakeprofen")) is None
    assert load_library(library).hint(twins[1].id) == loaded.hint(twins[1].id)  # kept by the cache


def test_the_files_key_is_the_one_earlier_versions_wrote() -> None:
    """A cache written before stays valid: the key over the files' signatures is unchanged
    (this value was computed by the line-by-line hashing it replaced)."""
    from rxcombo.library.cache import signatures_key

    signatures = [("a.md", (1, 2, 3)), ("b/é\udcff.md", (4, 5, 6))]
    assert signatures_key(signatures) == "0a3bda5ebd6d6abf60df7a7778d08116ca36ca620c1e27aa68547d12a9ccf6ad"
    # A large library's lines are hashed a few thousand at a time: the same key as all at once.
    for count in (10_000, 40_000):  # 0.4 MB of lines, hashed whole; 1.7 MB, streamed
        many = [(f"{n % 7}/page-{n}.md", (n, n * 1_000_000_007, n + 3)) for n in range(count)]
        whole = "".join(f"{relative}\0{signature}\n" for relative, signature in many).encode()
        assert signatures_key(iter(many)) == hashlib.sha256(whole).hexdigest()
