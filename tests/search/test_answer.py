"""What a search answers: notices that keep "no page" from reading as safe, similar names marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from rxcombo import wording
from rxcombo.library import Library, load_library
from rxcombo.search.answer import Answer, Match, NoticeKind, answer
from rxcombo.search.similar import similar_words

TITLES = [
    "Testazepam",
    "Testazepam + Fakeprofen",
    "Fakeprofen",
    "Mockacillin",
    "Mockacillin + Fakeprofen",
    "Shamoxetine",
    "Ganafakolone",
    "Placebonol + Testazepam + Mockacillin",
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("answer-library")
    for number, title in enumerate(TITLES):
        (root / f"p{number}.md").write_text(f"---\ntitle: {title}\n---\n\nMade-up text.\n", encoding="utf-8")
    return load_library(root, cache_dir=root.parent / "cache")


def test_found_pages_carry_how_they_matched(library: Library) -> None:
    found = answer(library, "testazepam fake")
    assert found.notice is None and found.related == []
    assert [hit.title for hit in found.hits] == ["Testazepam + Fakeprofen"]
    assert Answer.match_of(answer(library, "testazepam").hits[0]) is Match.EXACT
    assert {Answer.match_of(hit) for hit in answer(library, "testaz").hits} == {Match.PREFIX}


def test_two_drugs_without_a_page_get_the_notice_and_the_related_pages(library: Library) -> None:
    found = answer(library, "shamoxetine fakeprofen")
    assert found.hits == []
    assert found.notice is not None and found.notice.kind is NoticeKind.NO_PAGE_COVERS
    assert found.notice.text == (
        "No page covers Shamoxetine with Fakeprofen. "
        "This is not a sign that the combination is safe: ask a pharmacist or doctor."
    )
    assert [(r.title, r.covers) for r in found.related] == [
        ("Shamoxetine", ("Shamoxetine",)),
        ("Fakeprofen", ("Fakeprofen",)),
        ("Mockacillin + Fakeprofen", ("Fakeprofen",)),
        ("Testazepam + Fakeprofen", ("Fakeprofen",)),
    ]


def test_unique_prefixes_name_drugs_and_three_drugs_list_pairs_first(library: Library) -> None:
    found = answer(library, "testaz mock fakepro")
    assert found.notice is not None and found.notice.kind is NoticeKind.NO_PAGE_COVERS
    assert found.notice.drugs == ("Testazepam", "Mockacillin", "Fakeprofen")
    assert found.notice.text.startswith("No page covers Testazepam, Mockacillin and Fakeprofen together.")
    related = [(r.title, len(r.covers)) for r in found.related]
    own = related[:3]
    assert own == [("Testazepam", 1), ("Mockacillin", 1), ("Fakeprofen", 1)]
    covered = [count for _title, count in related[3:]]
    assert covered == sorted(covered, reverse=True) and covered[0] == 2  # pairs before singles


def test_a_word_that_names_no_drug_is_said_and_never_replaced(library: Library) -> None:
    found = answer(library, "xanaxol fakeprofen")
    assert found.hits == []
    assert found.notice is not None and found.notice.kind is NoticeKind.NO_DRUG_NAMED
    assert found.notice.text == wording.no_drug_named(["xanaxol"], {}, several_words=True)
    assert wording.NOT_A_SIGN_OF_SAFETY in found.notice.text
    assert "generic" in found.notice.text
    assert found.related[0].title == "Fakeprofen"  # the word that did name a drug


def test_similar_only_results_are_marked_and_headed(library: Library) -> None:
    found = answer(library, "mokacillin")
    assert found.similar_only
    assert found.notice is not None
    assert found.notice.text == (
        "No drug named 'mokacillin'. Pages are titled by generic drug names, not brand names. Similar names (different drugs may look alike):"
    )
    assert found.hits and {Answer.match_of(hit) for hit in found.hits} == {Match.SIMILAR}


def test_a_short_word_does_not_match_inside_a_long_unrelated_name(library: Library) -> None:
    # "ganaf" shares its letters with the start of "ganafakolone" only: not a typo of it.
    assert similar_words("xanaf", library.index.vocabulary) == []
    assert answer(library, "xanaf").hits == []
    # A long word being typed with a typo still finds the name it starts.
    assert similar_words("mokacil", library.index.vocabulary) == ["mockacillin"]


def test_unknown_words_in_a_combination_still_say_no_page_is_not_safety(library: Library) -> None:
    found = answer(library, "testazepam sham xyz")
    assert found.notice is not None and found.notice.kind is NoticeKind.NO_DRUG_NAMED
    assert wording.NOT_A_SIGN_OF_SAFETY in found.notice.text


def test_connector_words_and_short_starts_name_no_drug(library: Library) -> None:
    # "with" is not read as a drug; the page for both drugs is the answer.
    found = answer(library, "testazepam with fakeprofen")
    assert found.notice is None and found.hits[0].title == "Testazepam + Fakeprofen"
    # "m" starts only Mockacillin, but one letter names no drug the user did not type.
    found = answer(library, "shamoxetine m")
    assert found.notice is None or "Mockacillin" not in found.notice.text


def test_a_typo_in_a_combination_names_its_look_alike_as_similar(library: Library) -> None:
    found = answer(library, "mokacillin shamoxetine")
    assert found.hits == []
    assert found.notice is not None and found.notice.kind is NoticeKind.NO_DRUG_NAMED
    assert "Similar names, which may be different drugs: Mockacillin (for 'mokacillin')" in found.notice.text
    assert wording.NOT_A_SIGN_OF_SAFETY in found.notice.text


def test_a_drug_named_only_inside_another_name_is_no_answer(tmp_path_factory) -> None:
    root = tmp_path_factory.mktemp("inside")
    for number, title in enumerate(["Zincol", "Zincol Carnosine + Fakeprofen", "Fakeprofen"]):
        (root / f"p{number}.md").write_text(f"---\ntitle: {title}\n---\n\nMade-up text.\n", encoding="utf-8")
    library = load_library(root, cache_dir=root.parent / "cache-inside")
    found = answer(library, "zincol fakeprofen")
    assert found.hits == []  # the page is about Zincol Carnosine, not Zincol
    assert found.notice is not None and found.notice.text.startswith("No page covers Zincol with Fakeprofen.")
    assert "Zincol Carnosine + Fakeprofen" in [row.title for row in found.related]


@pytest.fixture(scope="module")
def corpus(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Library:
    return load_library(corpus_dir / "composition", cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.mark.corpus
def test_corpus_alprazolam_ketamine(corpus: Library) -> None:
    found = answer(corpus, "alprazolam ketamine")
    assert found.hits == []
    assert found.notice is not None
    assert found.notice.text.startswith("No page covers Alprazolam with Ketamine.")
    titles = [row.title for row in found.related]
    assert titles[:2] == ["Alprazolam", "Ketamine"]
    assert "Amitriptyline + Ketamine" in titles


@pytest.mark.corpus
def test_corpus_brand_names_never_pass_for_a_drug(corpus: Library) -> None:
    xanax = answer(corpus, "xanax")
    assert "Ganaxolone" not in [hit.title for hit in xanax.hits]
    assert xanax.notice is not None and "generic" in xanax.notice.text
    both = answer(corpus, "zoloft xanax")
    assert both.notice is not None and both.notice.text.startswith("No drug named 'zoloft' or 'xanax'")


@pytest.mark.corpus
def test_corpus_typo_still_found_as_similar(corpus: Library) -> None:
    found = answer(corpus, "amitryptiline")
    assert found.similar_only and found.hits[0].title == "Amitriptyline"
