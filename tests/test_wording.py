"""Every sentence the app adds about safety: its exact words, and words it must never use."""

from __future__ import annotations

import ast
import re

from helpers import ROOT
from rxcombo import wording

FORBIDDEN = re.compile(r"no interaction|compatible|ok together|\bsafe to\b|✓|✔|verified|reviewed by", re.I)


def every_sentence() -> list[str]:
    names = ["Alprazolam", "Ketamine", "Sertraline"]
    return [
        *wording.ALL_SENTENCES,
        wording.no_page_covers(names[:2]),
        wording.no_page_covers(names),
        wording.no_page_matches("alp ket", 2),
        wording.no_page_matches("alp", 1),
        wording.no_drug_named(["xanax"]),
        wording.similar_names_heading(["xanax", "zolof"]),
        wording.covers(names[:2]),
        wording.content_date("2025-09-22", "front matter"),
        *(wording.content_dates("2025-09-22", "2024-01-02", key) for key in wording.DATES_FROM_WORDS),
        wording.content_dates(None, None, None),
        wording.pages_changed(12),
        wording.pages_mention("coumadin", 3),
        wording.no_drug_named_but_mentioned("coumadin", 3),
        wording.no_page_mentions("warfarin aspirin", 2),
        wording.pages_mention_in("warfarin", 3, section="Drug Interactions"),
        wording.no_page_mentions_in("warfarin", 1, "Drug Interactions"),
        wording.text_index_building(35),
        wording.not_found_yet("warfarin", 35),
        wording.text_index_stopped(35),
        wording.not_found_yet("warfarin", 35, stopped=True),
    ]


def test_absence_is_never_safety() -> None:
    assert wording.no_page_covers(["Alprazolam", "Ketamine"]) == (
        "No page covers Alprazolam with Ketamine. "
        "This is not a sign that the combination is safe: ask a pharmacist or doctor."
    )
    assert wording.no_page_covers(["A", "B", "C"]).startswith(
        "No page covers A, B and C together. This is not"
    )
    assert wording.no_page_matches("alp ket", 2).endswith(wording.NOT_A_SIGN_OF_SAFETY)


def test_similar_names_are_never_the_name_typed() -> None:
    assert wording.similar_names_heading(["xanax"]) == (
        "No drug named 'xanax'. Pages are titled by generic drug names, not brand names. Similar names (different drugs may look alike):"
    )
    assert wording.no_drug_named(["zoloft", "xanax"]) == (
        "No drug named 'zoloft' or 'xanax' in this library. "
        "Pages are titled by generic drug names, not brand names."
    )
    # Several words: absence of a page is still not safety; a typo's look-alikes are named.
    assert wording.no_drug_named(
        ["amitryptiline"], {"amitryptiline": ["Amitriptyline"]}, several_words=True
    ) == (
        "No drug named 'amitryptiline' in this library. Similar names, which may be different drugs: "
        "Amitriptyline (for 'amitryptiline'). Pages are titled by generic drug names, not brand names. "
        "This is not a sign that the combination is safe: ask a pharmacist or doctor."
    )
    many = wording.no_drug_named([f"word{i}" for i in range(400)])
    assert len(many) < 200 and "'word2' or 397 more" in many


def test_full_text_counts_say_mention_never_more() -> None:
    assert wording.no_drug_named_but_mentioned("coumadin", 3) == (
        "No drug named 'coumadin'. 3 pages mention 'coumadin'."
    )
    assert wording.no_drug_named_but_mentioned("coumadin", 1) == (
        "No drug named 'coumadin'. 1 page mentions 'coumadin'."
    )
    assert wording.no_drug_named_but_mentioned("the", 1000, more=True) == (
        "No drug named 'the'. More than 1,000 pages mention 'the'."
    )
    assert wording.pages_mention("rhabdo", 12345) == "12,345 pages mention 'rhabdo'."
    assert wording.pages_mention("xyzzy", 0) == "No page mentions 'xyzzy'."
    # Absence of a mention is not safety either.
    assert wording.no_page_mentions("warfarin aspirin", 2) == (
        "No page mentions 'warfarin aspirin'. "
        "This is not a sign that the combination is safe: ask a pharmacist or doctor."
    )
    assert wording.no_page_mentions("xyzzy", 1) == "No page mentions 'xyzzy'."


def test_text_results_limited_to_a_section_or_half_indexed_never_read_as_an_answer() -> None:
    assert wording.pages_mention_in("warfarin", 3, section="Drug Interactions") == (
        "3 pages mention 'warfarin' in a section titled 'Drug Interactions'."
    )
    assert wording.pages_mention_in("warfarin", 3) == "3 pages mention 'warfarin'."
    # One word missing from "Drug Interactions" is not "no interaction".
    assert wording.no_page_mentions_in("warfarin", 1, "Drug Interactions") == (
        "No page mentions 'warfarin' in a section titled 'Drug Interactions'. "
        "This is not a sign that the combination is safe: ask a pharmacist or doctor."
    )
    assert wording.no_page_mentions_in("xyzzy", 1) == "No page mentions 'xyzzy'."
    # While the index is built, nothing found is not "no page mentions".
    assert wording.not_found_yet("warfarin", 35).startswith("No page indexed so far mentions 'warfarin', but")
    assert wording.text_index_building(35).startswith("Still indexing the page text (35% done)")
    assert "stopped at 35%" in wording.text_index_stopped(35)
    assert wording.not_found_yet("warfarin", 35, stopped=True).startswith(
        "No page indexed so far mentions 'warfarin'. Indexing the text of the pages was stopped at 35%"
    )


def test_dates_and_flags_say_what_the_source_says() -> None:
    assert wording.content_date("2025-09-22", "lastModified") == "Content date: 2025-09-22 (lastModified)"
    assert wording.BANNED_BANNER == "The source marks this combination as banned."
    assert wording.content_date_value("2025-09-22", "date") == "2025-09-22 (date)"
    labels = [wording.BRAND_LABEL, wording.COMPANY_LABEL, wording.STRENGTH_LABEL, wording.PACK_LABEL]
    assert [*labels, wording.PRICE_LABEL, wording.GENERIC_PAGE_LABEL, wording.INGREDIENTS_LABEL] == [
        "Brand",
        "Company",
        "Strength",
        "Pack",
        "MRP",
        "Generic page",
        "Ingredients",
    ]


def test_a_sources_dates_are_its_contents_never_a_review() -> None:
    assert wording.content_dates("2025-09-22", "2024-01-02", "file times") == (
        "Content dates: 2024-01-02 to 2025-09-22 (from the files' modification times)"
    )
    assert wording.content_dates("2025-09-22", "2025-09-22", "front matter") == (
        "Content dates: 2025-09-22 (from the pages' own dates)"
    )
    assert wording.content_dates(None, None, None) == "Content dates: none (no pages)"
    for key in wording.DATES_FROM_WORDS:
        sentence = wording.content_dates("2025-09-22", "2024-01-02", key)
        assert not re.search(r"review|updat|verif|check", sentence, re.I), sentence


def test_what_changed_and_missing_pages() -> None:
    assert wording.pages_changed(12) == "12 pages changed since last start"
    assert wording.pages_changed(1) == "1 page changed since last start"
    assert wording.NOT_IN_ANY_ENABLED_SOURCE == "not in any enabled source"


def test_no_sentence_could_pass_for_an_all_clear() -> None:
    for sentence in every_sentence():
        assert not FORBIDDEN.search(sentence), sentence
        # "safe" appears only in the negation that absence is not safety.
        assert "safe" not in sentence.replace("is not a sign that the combination is safe", ""), sentence


def test_the_ui_and_cli_hold_no_safety_sentence_of_their_own() -> None:
    """Safety words live in wording.py: no other module's string literal says them."""
    for path in (ROOT / "desktop" / "rxcombo").rglob("*.py"):
        if path.name == "wording.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                text = node.value.casefold()
                for phrase in ("not a sign", "no page covers", "similar names (", "marks this combination"):
                    assert phrase not in text, f"{path.name}: {node.value!r}"


# -- several drugs at once (drug lists, rxcombo combos, rxcombo open) ----------------------


def report_sentences() -> list[str]:
    return [
        *wording.REPORT_SENTENCES,
        wording.pairs_without_page(1, 1),
        wording.pairs_without_page(3, 3),
        wording.pairs_without_page(2, 10),
        wording.not_in_library(["Xanaxol"]),
        wording.not_in_library(["Xanaxol", "Fakeol"]),
        wording.names_containing("fakeride"),
        wording.in_entries("Paracetamol", ["Paracetamol", "Aceclofenac + Paracetamol"]),
        wording.no_own_page("Testazepam", 1),
        wording.no_own_page("Testazepam", 3),
        wording.no_page_with_id("alprazolam-imipramine"),
    ]


def test_the_report_says_absence_is_not_safety() -> None:
    assert wording.pairs_without_page(2, 10) == (
        "No page covers 2 of the 10 pairs of drugs in this list. "
        "This is not a sign that the combination is safe: ask a pharmacist or doctor."
    )
    assert wording.pairs_without_page(3, 3).startswith("No page covers any of the 3 pairs")
    assert wording.pairs_without_page(1, 1).startswith("No page covers the two drugs of this list together.")
    assert wording.not_in_library(["Xanaxol", "Fakeol"]) == (
        "No drug of this library is named 'Xanaxol' or 'Fakeol', so no page covers them with the "
        "other drugs of the list. This is not a sign that the combination is safe: ask a pharmacist or doctor."
    )
    assert wording.NO_PAGE_COVERS_TWO.endswith(wording.NOT_A_SIGN_OF_SAFETY)
    for sentence in (wording.pairs_without_page(1, 1), wording.pairs_without_page(3, 3)):
        assert sentence.endswith(wording.NOT_A_SIGN_OF_SAFETY)


def test_the_report_states_only_which_pages_exist() -> None:
    assert wording.in_entries("Paracetamol", ["Paracetamol", "Aceclofenac + Paracetamol"]) == (
        "Paracetamol is in 2 entries: Paracetamol, Aceclofenac + Paracetamol"
    )
    assert (
        wording.no_own_page("Testazepam", 1)
        == "No page is about Testazepam alone; 1 page names it with other drugs."
    )
    assert wording.no_own_page("Testazepam", 3).endswith("; 3 pages name it with other drugs.")
    assert (
        wording.names_containing("fakeride")
        == "No drug named 'fakeride' in this library. Names that contain it:"
    )
    assert wording.no_page_with_id("x-y") == "No page 'x-y' in this library. Its words are searched instead."
    assert wording.REPORT_PAIRS_HEADING == "Pairs of drugs that no page covers:"


def test_no_report_sentence_could_pass_for_an_all_clear() -> None:
    for sentence in report_sentences():
        assert not FORBIDDEN.search(sentence), sentence
        assert "safe" not in sentence.replace("is not a sign that the combination is safe", ""), sentence
        assert not re.search(r"severity|severe|mild|moderate|risk|danger", sentence, re.I), sentence
