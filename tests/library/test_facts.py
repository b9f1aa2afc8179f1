"""Where a source's pages come from: counts, the content's dates (and where they come from),
problems, and the folder's own SOURCE/README/licence text."""

from __future__ import annotations

import datetime
from pathlib import Path

from helpers.pages import bump, set_day, write_page
from rxcombo.library import Source, load_library, load_sources
from rxcombo.library.facts import ABOUT_MAX_BYTES, BOTH, FILE_TIMES, FRONT_MATTER

DAY = datetime.date


def test_counts_and_file_dates(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    set_day(write_page(root, "a.md", "Testazepam"), DAY(2023, 5, 1))
    set_day(write_page(root, "b.md", "Testazepam + Fakeprofen"), DAY(2024, 2, 29))
    (root / "bad.md").write_text("---\ntitle: [oops\n---\nText.\n", encoding="utf-8")
    facts = load_library(root).sources[0]
    assert (facts.name, facts.folder, facts.pages, facts.drugs) == ("pages", root, 2, 2)
    assert (facts.newest, facts.oldest, facts.dates_from) == (DAY(2024, 2, 29), DAY(2023, 5, 1), FILE_TIMES)
    assert len(facts.problems) == 1 and "invalid YAML" in facts.problems[0].message
    assert (facts.about, facts.about_file) == (None, None)


def test_front_matter_dates_come_first(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    set_day(write_page(root, "a.md", "Testazepam", lastModified="2025-09-22T10:00:00Z"), DAY(2020, 1, 1))
    write_page(root, "b.md", "Fakeprofen", date="2021-03-04")
    write_page(root, "c.md", "Mockacillin", last_modified="'2024-12-01'")
    library = load_library(root)
    facts = library.sources[0]
    assert (facts.newest, facts.oldest, facts.dates_from) == (DAY(2025, 9, 22), DAY(2021, 3, 4), FRONT_MATTER)
    own = library.page_date("testazepam")
    assert own is not None and (own.key, own.day) == ("lastModified", DAY(2025, 9, 22))
    assert library.page_date("fakeprofen") is not None
    assert library.page_date("fakeprofen").key == "date"  # type: ignore[union-attr]
    # Kept by the cache: the warm start knows the same dates.
    assert load_library(root).sources[0].newest == DAY(2025, 9, 22)
    assert load_library(root).page_date("mockacillin").day == DAY(2024, 12, 1)  # type: ignore[union-attr]


def test_pages_with_and_without_their_own_date(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    write_page(root, "a.md", "Testazepam", date="2019-01-02")
    set_day(write_page(root, "b.md", "Fakeprofen"), DAY(2022, 6, 7))
    # A date that reads as no day counts as no date of its own: its file's date is used.
    set_day(write_page(root, "c.md", "Mockacillin", date="sometime in spring"), DAY(2018, 1, 1))
    set_day(write_page(root, "d.md", "Shamoxetine", date="[1, 2]"), DAY(2018, 1, 2))
    library = load_library(root)
    facts = library.sources[0]
    assert (facts.newest, facts.oldest, facts.dates_from) == (DAY(2022, 6, 7), DAY(2018, 1, 1), BOTH)
    kept = library.page_date("mockacillin")
    assert kept is not None and (kept.text, kept.day) == ("sometime in spring", None)
    assert library.page_date("shamoxetine") is None  # a list is not a date
    assert library.page_date("fakeprofen") is None


def test_an_empty_source_has_no_dates(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    facts = load_library(tmp_path / "empty").sources[0]
    assert (facts.pages, facts.newest, facts.oldest, facts.dates_from) == (0, None, None, None)


def test_the_about_file_is_read_in_order_and_again_at_every_load(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    write_page(root, "a.md", "Testazepam")
    (root / "license").write_text("Made-up licence.\r\n", encoding="utf-8")
    assert load_library(root).sources[0].about == "Made-up licence.\n"
    (root / "ReadMe.TXT").write_text("About these fake pages.", encoding="utf-8")
    facts = load_library(root).sources[0]  # a snapshot, yet the about file is read again
    assert (facts.about, facts.about_file) == ("About these fake pages.", "ReadMe.TXT")
    (root / "SOURCE.txt").write_bytes(b"\xef\xbb\xbfFrom a test, caf\xe9\x00.")
    facts = load_library(root).sources[0]
    assert (facts.about, facts.about_file) == ("From a test, caf\ufffd\ufffd.", "SOURCE.txt")
    (root / "SOURCE.txt").write_bytes(b"x" * (ABOUT_MAX_BYTES + 10))
    about = load_library(root).sources[0].about
    assert about is not None and about.endswith("\n…") and len(about) == ABOUT_MAX_BYTES + 2


def test_an_about_file_in_a_subfolder_is_not_the_folders(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    write_page(root, "a/a.md", "Testazepam")
    (root / "a" / "SOURCE.txt").write_text("Only about a/.", encoding="utf-8")
    assert load_library(root).sources[0].about is None


def test_the_source_name_is_the_callers(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    write_page(root, "a.md", "Testazepam")
    assert load_library(root, name="Mine").sources[0].name == "Mine"
    assert load_library(root, name="Renamed").sources[0].name == "Renamed"  # from the cache, renamed
    assert load_sources([Source("Other", root)]).source_of("testazepam") == "Other"


def test_facts_follow_a_changed_page(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    page = write_page(root, "a.md", "Testazepam", date="2020-01-01")
    load_library(root)
    write_page(root, "a.md", "Testazepam", date="2026-02-03")
    bump(page)
    assert load_library(root).sources[0].newest == DAY(2026, 2, 3)


def test_the_corpus_facts(corpus_dir: Path, tmp_path: Path) -> None:
    facts = load_library(corpus_dir, cache_dir=tmp_path).sources[0]
    assert facts.pages == 6447 and facts.about_file == "SOURCE.txt"
    assert facts.about is not None and "RxHive" in facts.about
    assert facts.dates_from == FILE_TIMES  # the corpus's pages carry no date of their own
    assert facts.newest is not None and facts.oldest is not None and facts.oldest <= facts.newest
    assert facts.drugs > 1000


def test_a_listed_page_keeps_its_date_and_nothing_else_of_its_front_matter(tmp_path: Path) -> None:
    from rxcombo.content import read_page

    page = write_page(tmp_path, "a.md", "Testazepam", date="2021-03-04", layout="page", is_banned="true")
    listed = read_page(page, body=False)
    assert listed.metadata == {"date": DAY(2021, 3, 4)}
    assert read_page(page).metadata["layout"] == "page"
