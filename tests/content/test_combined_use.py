"""The page as the window shows it: combined use first, a one-line generic name in the header,
a whole-page tab, and nothing of the page left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from rxcombo.content import read_page
from rxcombo.content.shown import TabKind, is_combined_use, shown_page
from rxcombo.library import load_library

COMBO = """\
---
title: Testazepam + Fakeoxetine
---

# Testazepam + Fakeoxetine
A made-up overview.

### Testazepam
Invented text about Testazepam.

### Fakeoxetine
Invented text about Fakeoxetine.

### Combined Use of Testazepam and Fakeoxetine
Invented text about taking both.

**Disclaimer:** Not a real drug.
"""

SINGLE = """\
---
title: Testazepam
---

# Testazepam
### Generic Name
Testazepam

### Usage
Invented usage.
"""


def page(tmp_path: Path, text: str):
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return read_page(path)


def test_a_combination_page_opens_on_its_combined_use(tmp_path: Path) -> None:
    shown = shown_page(page(tmp_path, COMBO))
    titles = [tab.title for tab in shown.tabs]
    assert titles == ["Overview", "Testazepam", "Fakeoxetine", "Combined use", "Disclaimer", "Whole page"]
    combined = shown.tabs[shown.open_tab]
    assert combined.kind is TabKind.COMBINED and combined.title == "Combined use"
    assert combined.full_title == "Combined Use of Testazepam and Fakeoxetine"
    assert combined.markdown.startswith("### Combined Use of Testazepam and Fakeoxetine\n")
    assert "Invented text about taking both." in combined.markdown


def test_a_one_drug_page_has_its_generic_name_in_the_header(tmp_path: Path) -> None:
    shown = shown_page(page(tmp_path, SINGLE))
    assert [(f.label, f.value) for f in shown.header] == [("Generic name", "Testazepam")]
    assert [tab.title for tab in shown.tabs] == ["Usage"]  # one tab: no whole-page copy of it
    assert shown.open_tab == 0


def test_a_two_line_generic_name_stays_a_tab(tmp_path: Path) -> None:
    shown = shown_page(
        page(tmp_path, SINGLE.replace("Testazepam\n\n### Usage", "Testazepam\nTestazepam base\n\n### Usage"))
    )
    assert shown.header == []
    assert [tab.title for tab in shown.tabs][:2] == ["Generic Name", "Usage"]


def test_the_whole_page_tab_holds_every_tab_with_its_heading(tmp_path: Path) -> None:
    shown = shown_page(page(tmp_path, COMBO))
    whole = shown.tabs[-1]
    assert whole.kind is TabKind.WHOLE_PAGE
    for tab in shown.tabs[:-1]:
        assert tab.markdown in whole.markdown
    assert "### Testazepam\n" in whole.markdown and "### Disclaimer\n" in whole.markdown


@pytest.mark.parametrize(
    ("title", "combined"),
    [
        ("Combined Use of Testazepam and Fakeoxetine", True),
        ("Combining Testazepam and Fakeoxetine", True),
        ("Using Testazepam and Fakeoxetine Together", True),
        ("Testazepam + Fakeoxetine Combined Use", True),
        ("Interactions", True),
        ("Generic Name: Testazepam + Fakeoxetine (Combination)", False),
        ("FAQs (Combined Use)", False),
        ("Usage", False),
    ],
)
def test_which_titles_are_the_combined_use(title: str, combined: bool) -> None:
    assert is_combined_use(title) is combined


def test_seed_combinations_open_on_combined_use(seeds_dir: Path, tmp_path: Path) -> None:
    library = load_library(seeds_dir, cache_dir=tmp_path)
    document = library.get("alprazolam-imipramine")
    assert document is not None
    shown = shown_page(document)
    assert shown.tabs[shown.open_tab].full_title == "Combined Use of Alprazolam and Imipramine"


@pytest.mark.corpus
def test_corpus_alprazolam_header_and_combination(corpus_dir: Path, tmp_path: Path) -> None:
    library = load_library(corpus_dir / "composition", cache_dir=tmp_path)
    alprazolam = library.get("alprazolam")
    assert alprazolam is not None
    assert [(f.label, f.value) for f in shown_page(alprazolam).header] == [("Generic name", "Alprazolam")]
    combination = library.get("alprazolam-imipramine")
    assert combination is not None
    shown = shown_page(combination)
    assert shown.tabs[shown.open_tab].kind is TabKind.COMBINED
