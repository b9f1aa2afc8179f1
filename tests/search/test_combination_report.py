"""The report on several drugs at once: pages, pairs no page covers, own pages, unknown
names (never replaced by a look-alike), ingredients in two entries, and its exports."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pytest

from rxcombo import wording
from rxcombo.library import Library, load_library
from rxcombo.search.answer import Match
from rxcombo.search.combos import combination_report
from rxcombo.search.combos_export import report_csv, report_json, report_markdown, report_text
from rxcombo.search.drug_names import DrugNames, entry_key, entry_parts

TITLES = [
    "Testazepam",
    "Fakeprofen",
    "Mockacillin",
    "Shamoxetine",
    "Sodium Fakeride",
    "Potassium Fakeride",
    "Testazepam + Fakeprofen",
    "Fakeprofen + Testazepam + Mockacillin",
    "Mockacillin + Placebonol",
    "Placebonol + Fakeprofen",
    "Dummyzole + Fakeprofen",
]


def make_library(root: Path, titles: list[str]) -> Library:
    root.mkdir(parents=True, exist_ok=True)
    for number, title in enumerate(titles):
        (root / f"p{number}.md").write_text(f"---\ntitle: {title}\n---\n\nMade-up text.\n", encoding="utf-8")
    return load_library(root, cache_dir=root.parent / f"{root.name}-cache")


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return make_library(tmp_path_factory.mktemp("combos") / "pages", TITLES)


def test_entries_split_on_plus_and_are_keyed_by_folded_ingredients() -> None:
    assert entry_parts(" Testazepam  +fakeprofen ") == ["Testazepam", "fakeprofen"]
    assert (
        entry_key("Testazepam + Fakeprofen")
        == entry_key("testazepam+FAKEPROFEN")
        == "testazepam + fakeprofen"
    )
    assert entry_key("Fakeprofen + Testazepam") != entry_key("Testazepam + Fakeprofen")
    assert entry_key("  + ") == ""


def test_pages_covering_two_or_more_come_most_drugs_first_saying_which(library: Library) -> None:
    report = combination_report(library, ["Mockacillin", "Testazepam", "Fakeprofen"])
    assert report.drugs == ("Mockacillin", "Testazepam", "Fakeprofen")
    assert [(p.title, p.covers) for p in report.pages] == [
        ("Fakeprofen + Testazepam + Mockacillin", ("Mockacillin", "Testazepam", "Fakeprofen")),
        ("Testazepam + Fakeprofen", ("Testazepam", "Fakeprofen")),
    ]
    assert report.pairs_without_page == ()  # the three-drug page covers every pair
    assert report.pair_count == 3
    assert report.notice is None


def test_every_pair_no_page_covers_carries_the_sentence(library: Library) -> None:
    report = combination_report(library, ["Testazepam", "Shamoxetine", "Placebonol", "Fakeprofen"])
    pairs = [(p.first, p.second) for p in report.pairs_without_page]
    assert pairs == [
        ("Testazepam", "Shamoxetine"),
        ("Testazepam", "Placebonol"),
        ("Shamoxetine", "Placebonol"),
        ("Shamoxetine", "Fakeprofen"),
    ]
    assert report.pairs_without_page[0].text == (
        "No page covers Testazepam with Shamoxetine. "
        "This is not a sign that the combination is safe: ask a pharmacist or doctor."
    )
    assert report.pair_count == 6
    assert report.notices == (wording.pairs_without_page(4, 6),)
    assert report.notice is not None and report.notice.endswith(wording.NOT_A_SIGN_OF_SAFETY)


def test_each_drug_has_its_own_page_or_is_said_to_have_none(library: Library) -> None:
    report = combination_report(library, ["Testazepam", "Placebonol"])
    own = {o.drug: o for o in report.own_pages}
    assert own["Testazepam"].page_id == "testazepam" and own["Testazepam"].text is None
    assert own["Placebonol"].page_id is None
    assert own["Placebonol"].pages == 2
    assert own["Placebonol"].text == "No page is about Placebonol alone; 2 pages name it with other drugs."


def test_a_name_the_library_lacks_is_unknown_and_never_replaced(library: Library) -> None:
    report = combination_report(library, ["Testazepam", "Xanaxol", "Mokacillin", "fakeride"])
    assert report.drugs == ("Testazepam",)
    unknown = {u.name: u for u in report.unknown}
    assert list(unknown) == ["Xanaxol", "Mokacillin", "fakeride"]
    assert unknown["Xanaxol"].suggestions == ()
    assert unknown["Xanaxol"].heading == wording.no_drug_named(["Xanaxol"])
    # A similar spelling is offered, marked, and is not the drug of the report.
    assert [(s.text, s.match) for s in unknown["Mokacillin"].suggestions] == [("Mockacillin", Match.SIMILAR)]
    assert unknown["Mokacillin"].heading == wording.similar_names_heading(["Mokacillin"])
    assert "Mockacillin" not in report.drugs
    # A word inside several names is not one of them.
    assert {s.text for s in unknown["fakeride"].suggestions} == {"Sodium Fakeride", "Potassium Fakeride"}
    assert unknown["fakeride"].heading == wording.names_containing("fakeride")
    assert report.notices == (wording.not_in_library(["Xanaxol", "Mokacillin", "fakeride"]),)


def test_names_read_as_the_search_reads_them(library: Library) -> None:
    names = DrugNames(library)
    assert names.named("testazepam").name == "Testazepam"  # type: ignore[union-attr]
    assert names.named("TESTAZ").name == "Testazepam"  # type: ignore[union-attr]  # one name starts so
    assert names.named("sodium  fakeride").name == "Sodium Fakeride"  # type: ignore[union-attr]
    assert names.named("sodium-fakeride").name == "Sodium Fakeride"  # type: ignore[union-attr]
    assert names.named("s") is None  # the start of Shamoxetine and of Sodium Fakeride
    assert names.named("mock").name == "Mockacillin"  # type: ignore[union-attr]
    assert names.named("moc") is None  # a start shorter than four letters names no drug
    assert names.named("mokacillin") is None
    assert names.canonical("testaz + mockacil + xanaxol") == "Testazepam + Mockacillin + xanaxol"


def test_a_product_stands_for_its_ingredients_and_repeats_are_named(library: Library) -> None:
    entries = ["Fakeprofen", "Testazepam + Fakeprofen", "Dummyzole + Fakeprofen", "fakeprofen"]
    report = combination_report(library, entries)
    assert [e.text for e in report.entries] == entries[:3]  # the same entry twice counts once
    assert report.entries[1].product and report.entries[1].ingredients == ("Testazepam", "Fakeprofen")
    assert report.drugs == ("Fakeprofen", "Testazepam", "Dummyzole")
    assert [d.text for d in report.duplicates] == [
        "Fakeprofen is in 3 entries: Fakeprofen, Testazepam + Fakeprofen, Dummyzole + Fakeprofen"
    ]
    assert report.duplicates[0].text == wording.in_entries("Fakeprofen", entries[:3])


def test_two_products_sharing_an_unknown_ingredient(library: Library) -> None:
    report = combination_report(library, ["Testazepam + Xanaxol", "Xanaxol + Mockacillin"])
    assert [u.name for u in report.unknown] == ["Xanaxol"]
    assert report.unknown[0].entries == ("Testazepam + Xanaxol", "Xanaxol + Mockacillin")
    assert [d.ingredient for d in report.duplicates] == ["Xanaxol"]


def test_blank_and_one_drug_lists(library: Library) -> None:
    empty = combination_report(library, ["", "  ", "+"])
    assert empty.entries == () and empty.pages == () and empty.notice is None
    one = combination_report(library, ["Testazepam"])
    assert one.pair_count == 0 and one.pages == () and one.notice is None
    assert "Pages that cover" not in report_text(one)


def test_completion_lists_drugs_then_products_similar_names_marked(library: Library) -> None:
    names = DrugNames(library)
    found = names.suggest("fake")
    drugs = [s.text for s in found if not s.product]
    assert drugs == ["Fakeprofen", "Sodium Fakeride", "Potassium Fakeride"]
    assert {s.match for s in found if not s.product} == {Match.PREFIX}
    products = [s for s in found if s.product]
    assert products and all(s.page_id for s in products)
    assert names.suggest("testazepam", products=False)[0].match is Match.EXACT
    assert [(s.text, s.match) for s in names.suggest("mokacillin", products=False)] == [
        ("Mockacillin", Match.SIMILAR)
    ]
    assert names.suggest("") == [] and names.suggest("zzzzzz") == []
    assert len(names.suggest("fake", limit=2)) == 2


def test_exports_carry_every_row_the_source_and_the_disclaimer(library: Library) -> None:
    entries = ["Testazepam", "Shamoxetine", "Testazepam + Fakeprofen", "Xanaxol"]
    report = combination_report(library, entries)
    text = report_text(report)
    for sentence in (
        *report.notices,
        report.pairs_without_page[0].text,
        report.duplicates[0].text,
        wording.no_drug_named(["Xanaxol"]),
        wording.APP_DISCLAIMER_LINE,
        f"{wording.REPORT_SOURCE_LABEL}: {library.root}",
    ):
        assert sentence in text
    assert "testazepam-fakeprofen\tTestazepam + Fakeprofen\t(covers Testazepam and Fakeprofen)" in text
    markdown = report_markdown(report, "Mum")
    assert markdown.startswith("# Mum\n")
    assert "| Testazepam + Fakeprofen | testazepam-fakeprofen | Testazepam, Fakeprofen |" in markdown
    assert wording.APP_DISCLAIMER_LINE in markdown
    rows = list(csv.reader(io.StringIO(report_csv(report))))
    assert rows[0] == ["row", "id", "title", "drugs", "text"]
    kinds = {row[0] for row in rows[1:]}
    assert {"entry", "notice", "page", "no-page-pair", "own-page", "not-in-library", "duplicate"} <= kinds
    assert rows[-1] == ["disclaimer", "", "", "", wording.APP_DISCLAIMER_LINE]
    data = json.loads(json.dumps(report_json(report)))
    assert data["drugs"] == ["Testazepam", "Shamoxetine", "Fakeprofen"]
    assert data["unknown"] == ["Xanaxol"]
    assert data["pages"] == [  # as many covered: the page naming fewer other drugs first
        {
            "id": "testazepam-fakeprofen",
            "title": "Testazepam + Fakeprofen",
            "covers": ["Testazepam", "Fakeprofen"],
        },
        {
            "id": "fakeprofen-testazepam-mockacillin",
            "title": "Fakeprofen + Testazepam + Mockacillin",
            "covers": ["Testazepam", "Fakeprofen"],
        },
    ]
    assert data["pairs_without_page"] == [["Testazepam", "Shamoxetine"], ["Shamoxetine", "Fakeprofen"]]
    assert data["duplicates"] == [
        {"ingredient": "Testazepam", "entries": ["Testazepam", "Testazepam + Fakeprofen"]}
    ]
    assert data["notice"] == report.notice


def test_page_titles_are_text_in_every_export(tmp_path: Path) -> None:
    hostile = ['=HYPERLINK("http://x") + Testazepam', "<script>x</script> | **Fakeol**", "Testazepam"]
    library = make_library(tmp_path / "hostile", hostile)
    report = combination_report(
        library, ["Testazepam", '=HYPERLINK("http://x")', "<script>x</script> | **Fakeol**"]
    )
    markdown = report_markdown(report)
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert "\\*\\*Fakeol\\*\\*" in markdown and "\\| \\*\\*" in markdown
    for row in csv.reader(io.StringIO(report_csv(report))):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), row


def test_thirty_drugs_435_pairs(tmp_path: Path) -> None:
    names = [f"Testdrug{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(30)]
    titles = [*names, *(f"{a} + {b}" for a, b in zip(names[::2], names[1::2], strict=True))]
    titles.append(" + ".join(names[:5]))
    library = make_library(tmp_path / "thirty", titles)
    started = time.perf_counter()
    report = combination_report(library, names)
    elapsed = time.perf_counter() - started
    assert report.pair_count == 435
    covered = 15 + 10 - 2  # 15 pairs pages; the five-drug page's 10 pairs hold two of them
    assert len(report.pairs_without_page) == 435 - covered
    assert report.pages[0].covers == tuple(names[:5])
    assert len(report.pages) == 16
    assert all(o.page_id for o in report.own_pages)
    assert report.notices == (wording.pairs_without_page(435 - covered, 435),)
    assert elapsed < 1.0  # the frame budget is measured by tests/benchmarks/combos.py, not here
