"""What the window shows of pages in every style: no text hidden, tabs a reader would choose.

Every page here is invented (fake drug names); each test also checks that no line is hidden.
"""

from __future__ import annotations

from pathlib import Path

from helpers.content import assert_nothing_shown_lost
from rxcombo import wording
from rxcombo.content import read_page
from rxcombo.content.shown import ShownPage, TabKind, shown_page
from rxcombo.content.shown_labels import short_label


def show(tmp_path: Path, body: str, title: str = "Testazepam + Fakeoxetine") -> ShownPage:
    path = tmp_path / "page.md"
    path.write_text(f"---\ntitle: {title}\n---\n\n# {title}\n{body}", encoding="utf-8")
    document = read_page(path)
    shown = shown_page(document)
    assert_nothing_shown_lost(path, document, shown)
    return shown


def titles(shown: ShownPage) -> list[str]:
    return [tab.title for tab in shown.tabs if tab.kind is not TabKind.WHOLE_PAGE]


def tab(shown: ShownPage, title: str) -> str:
    return next(t.markdown for t in shown.tabs if t.title == title)


HEADINGS_CARRYING_TEXT = """\
Invented overview.

### Usage:  Testazepam is an invented medicine for tests.
### Dosage: One made-up tablet.

More dosage text.

### Side Effects: Generally invented.
"""


def test_a_heading_that_carries_text_is_a_tab_titled_by_its_label(tmp_path: Path) -> None:
    shown = show(tmp_path, HEADINGS_CARRYING_TEXT)
    assert titles(shown) == ["Overview", "Usage", "Dosage", "Side Effects"]
    assert tab(shown, "Usage") == "Testazepam is an invented medicine for tests."
    assert tab(shown, "Dosage").startswith("One made-up tablet.\n\nMore dosage text.")


def test_a_label_that_carries_text_is_a_tab_whose_text_starts_after_the_label(tmp_path: Path) -> None:
    body = "**Usage:** Invented use.\n\n**Dosage:** Invented dose.\n"
    shown = show(tmp_path, body, "Testazepam")
    assert titles(shown) == ["Usage", "Dosage"]
    assert tab(shown, "Usage") == "Invented use."


GROUPED = """\
Invented overview.

### Testazepam
### Generic Name
Testazepam
### Usage
Invented use of Testazepam.
### Dosage
Invented dose of Testazepam.
### Fakeoxetine
### Generic Name
Fakeoxetine
### Usage
Invented use of Fakeoxetine.

**Disclaimer:** Not a real drug.
"""


def test_a_heading_with_nothing_under_it_names_the_tabs_after_it(tmp_path: Path) -> None:
    shown = show(tmp_path, GROUPED)
    assert titles(shown) == [
        "Overview",
        "Testazepam — Usage",
        "Testazepam — Dosage",
        "Fakeoxetine — Usage",
        "Disclaimer",
    ]
    assert [(f.label, f.value) for f in shown.header] == [
        ("Generic name", "Testazepam"),
        ("Generic name", "Fakeoxetine"),
    ]
    assert [h.text for h in shown.group_headers] == ["Testazepam", "Fakeoxetine"]
    assert shown.split == "group headers"


def test_a_short_bold_line_before_a_drugs_fields_is_a_group_header(tmp_path: Path) -> None:
    body = (
        "Invented overview.\n\n**1. Testazepam:**\n\n### Usage: Invented use.\n"
        "### Dosage: Invented dose.\n\n**2. Fakeoxetine (Fake B):**\n\n### Usage: Other use.\n"
    )
    shown = show(tmp_path, body)
    assert titles(shown) == ["Overview", "Testazepam — Usage", "Testazepam — Dosage", "Fakeoxetine — Usage"]
    usage = next(t for t in shown.tabs if t.title == "Fakeoxetine — Usage")
    assert usage.full_title == "2. Fakeoxetine (Fake B) — Usage"
    assert usage.markdown.startswith("### 2. Fakeoxetine (Fake B) — Usage\n\nOther use.")


def test_a_field_with_nothing_under_it_names_its_parts_until_the_next_field(tmp_path: Path) -> None:
    body = (
        "**Usage:** Invented use.\n\n**Side Effects:**\n\n**Common:**\n\n* Invented rash\n\n"
        "**Less Common but Serious:**\n\n* Invented itch\n\n**Note:** Not every effect is listed.\n\n"
        "**How it Works:** Invented way.\n"
    )
    shown = show(tmp_path, body, "Testazepam")
    assert titles(shown) == [
        "Usage",
        "Side Effects — Common",
        "Side Effects — Less Common but Serious",
        "How it Works",
    ]
    # The note in the middle is ordinary text of the part before it, not a disclaimer.
    assert "**Note:** Not every effect is listed." in tab(shown, "Side Effects — Less Common but Serious")
    assert not any(t.kind is TabKind.DISCLAIMER for t in shown.tabs)


REPEATED = """\
Invented overview.

### Generic Name: Testazepam Base
### Usage:
Invented use one.
### FAQs:
Invented questions one.
### Generic Name: Fakeoxetine
### Usage:
Invented use two.
### FAQs:
Invented questions two.
"""


def test_a_page_that_repeats_its_fields_per_drug_shows_whose_each_tab_is(tmp_path: Path) -> None:
    shown = show(tmp_path, REPEATED)
    assert titles(shown) == [
        "Overview",
        "Testazepam Base — Usage",
        "Testazepam Base — FAQs",
        "Fakeoxetine — Usage",
        "Fakeoxetine — FAQs",
    ]
    assert shown.split == "repeated fields"


def test_a_page_whose_only_heading_repeats_the_title_is_split_under_it(tmp_path: Path) -> None:
    body = (
        "## Testazepam and Fakeoxetine Tablets\n\n**Generic Name:** Testazepam + Fakeoxetine\n\n"
        "**Usage:** Invented use.\n\n**Dosage:** Invented dose.\n"
    )
    shown = show(tmp_path, body)
    assert titles(shown) == ["Overview", "Generic Name", "Usage", "Dosage"]
    assert tab(shown, "Overview") == "## Testazepam and Fakeoxetine Tablets"
    assert shown.split == "under the title heading"


def test_closing_disclaimer_and_note_share_one_tab_and_important_disclaimer_is_a_closing(
    tmp_path: Path,
) -> None:
    body = (
        "### Usage\nInvented use.\n\n**Important Disclaimer:** Invented, not advice.\n\n"
        "**Note:** Ask a professional.\n"
    )
    shown = show(tmp_path, body)
    assert titles(shown) == ["Overview", "Usage", "Important Disclaimer"] or titles(shown) == [
        "Usage",
        "Important Disclaimer",
    ]
    closing = shown.tabs[titles(shown).index("Important Disclaimer")]
    assert closing.kind is TabKind.DISCLAIMER
    assert closing.markdown == "Invented, not advice.\n\n**Note:** Ask a professional."
    assert shown.footer is None  # the page has its own disclaimer


def test_a_page_without_a_disclaimer_shows_the_apps_line_at_its_foot(tmp_path: Path) -> None:
    shown = show(tmp_path, "### Usage\nInvented use.\n")
    assert shown.footer == wording.APP_DISCLAIMER_LINE


def test_a_heading_with_nothing_after_it_at_all_is_still_shown(tmp_path: Path) -> None:
    shown = show(tmp_path, "### Usage\nInvented use.\n\n### Storage\n")
    assert titles(shown) == ["Usage", "Storage"]


def test_tab_labels_are_short_and_the_full_title_is_inside(tmp_path: Path) -> None:
    body = "### FAQs (Frequently Asked Questions)\nInvented questions.\n"
    shown = show(tmp_path, body)
    faqs = shown.tabs[0]
    assert (faqs.title, faqs.full_title) == ("FAQs", "FAQs (Frequently Asked Questions)")
    assert faqs.markdown.startswith("### FAQs (Frequently Asked Questions)\n")


def test_a_label_never_holds_a_sentence() -> None:
    assert short_label("Popular Brand Names (India - Illustrative Examples)") == "Popular Brand Names"
    assert short_label("It is important to know how Testazepam works.") == "It is important to…"
    assert short_label("Usage") == "Usage"
