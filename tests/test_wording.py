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
        wording.pages_mention("coumadin", 3),
        wording.no_drug_named_but_mentioned("coumadin", 3),
        wording.no_page_mentions("warfarin aspirin", 2),
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
        "No drug named 'xanax'. Similar names (different drugs may look alike):"
    )
    assert wording.no_drug_named(["zoloft", "xanax"]) == (
        "No drug named 'zoloft' or 'xanax' in this library. "
        "Pages are titled by generic drug names, not brand names."
    )


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


def test_dates_and_flags_say_what_the_source_says() -> None:
    assert wording.content_date("2025-09-22", "lastModified") == "Content date: 2025-09-22 (lastModified)"
    assert wording.BANNED_BANNER == "The source marks this combination as banned."


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
