"""The site's newer (Astro) generation: rich front matter, ``##`` bold headings, product pages.

The pages are written here from the shape the issue gives, with invented drugs and brands.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.content import assert_nothing_shown_lost
from rxcombo import wording
from rxcombo.cli import main
from rxcombo.content import Severity, read_page
from rxcombo.content.shown import ShownPage, TabKind, shown_page
from rxcombo.library import load_library

COMBINATION = """\
---
title: Testazepam + Fakeoxetine
description: >-
  Testazepam + Fakeoxetine is used for **invented** tests, see [the usage](#usage).
is_banned: {banned}
lastModified: '2025-09-22T17:22:07.646Z'
ingredients:
  - generic_slug: testazepam
    strength: 0.5 mg
  - generic_slug: fakeoxetine
    strength: 20 mg
faqs:
  - q: What is it used for?
    a: Invented answer one.
  - q: 'Can I take it twice? A: Invented answer inside the question.'
    a: ''
---
## **Usage**
Invented usage text.

## **Dosage**
### **Standard Dosage**
#### **Adults:** One invented tablet daily.
  * nested invented item

## **FAQs (Frequently Asked Questions)**
### **Q1: Is it invented?**
**A:** Yes.
"""

PRODUCT = """\
---
title: Fakebrand 20
type: combination
combination_slug: testazepam-fakeoxetine
company: Invented Pharma Ltd
strength: 0.5 mg + 20 mg
pack_size: 10 tablets
mrp: '₹ 99.50'
---
## **Usage**
Invented product text.
"""


def write(root: Path, name: str, text: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    path = root / name
    path.write_text(text, encoding="utf-8")
    return path


def show(path: Path) -> ShownPage:
    document = read_page(path)
    shown = shown_page(document)
    assert_nothing_shown_lost(path, document, shown)
    return shown


def header(shown: ShownPage) -> dict[str, str]:
    return {f.label: f.value for f in shown.header}


def test_a_banned_page_has_the_banner_and_an_unbanned_one_none(tmp_path: Path) -> None:
    banned = show(write(tmp_path, "a.md", COMBINATION.format(banned="true")))
    assert banned.banner == wording.BANNED_BANNER == "The source marks this combination as banned."
    for value in ("false", "null"):
        shown = show(write(tmp_path, "b.md", COMBINATION.format(banned=value)))
        assert shown.banner is None
    absent = show(write(tmp_path, "c.md", COMBINATION.format(banned="x").replace("is_banned: x\n", "")))
    assert absent.banner is None


def test_content_date_and_ingredients_with_strengths_are_header_fields(tmp_path: Path) -> None:
    shown = show(write(tmp_path, "a.md", COMBINATION.format(banned="false")))
    fields = header(shown)
    assert fields["Content date"] == "2025-09-22 (lastModified)"
    assert fields["Ingredients"] == "Testazepam 0.5 mg + Fakeoxetine 20 mg"
    assert not any("review" in f.label.lower() or "review" in f.value.lower() for f in shown.header)


def test_sections_are_the_bold_headings_with_short_labels_and_the_apps_disclaimer(tmp_path: Path) -> None:
    shown = show(write(tmp_path, "a.md", COMBINATION.format(banned="false")))
    assert [t.title for t in shown.tabs] == ["Usage", "Dosage", "FAQs", "Whole page"]
    assert shown.tabs[2].full_title == "FAQs (Frequently Asked Questions)"
    assert "#### **Adults:** One invented tablet daily." in shown.tabs[1].markdown
    assert shown.footer == wording.APP_DISCLAIMER_LINE


def test_front_matter_faqs_are_a_tab_only_when_the_body_has_none(tmp_path: Path) -> None:
    without = COMBINATION.format(banned="false").split("## **FAQs")[0]
    path = write(tmp_path, "a.md", without)
    shown = show(path)
    faqs = shown.tabs[-2]
    assert faqs.title == "FAQs"
    assert faqs.markdown == (
        "**What is it used for?**\n\nInvented answer one.\n\n"
        "**Can I take it twice?**\n\nInvented answer inside the question."
    )
    # The repaired entry is reported, never silently changed.
    [problem] = read_page(path).problems
    assert problem.severity is Severity.WARNING and "faqs entry 2" in problem.message


def test_description_is_a_plain_snippet_kept_through_the_cache_not_a_tab(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    write(root, "combo.md", COMBINATION.format(banned="false"))
    expected = "Testazepam + Fakeoxetine is used for invented tests, see the usage."
    for _ in range(2):  # the second load comes from the cache
        library = load_library(root, cache_dir=tmp_path / "cache")
        [document] = library.documents
        assert document.description == expected
    assert library.stats.snapshot
    assert not any(expected in t.markdown for t in shown_page(document).tabs)


def test_a_product_page_names_its_brand_and_links_to_its_generic(tmp_path: Path) -> None:
    shown = show(write(tmp_path, "fakebrand.md", PRODUCT))
    assert header(shown) == {
        "Brand": "Fakebrand 20",
        "Company": "Invented Pharma Ltd",
        "Strength": "0.5 mg + 20 mg",
        "Pack": "10 tablets",
        "MRP": "₹ 99.50",
        "Generic page": "testazepam-fakeoxetine",
    }
    assert shown.tabs[0].kind is TabKind.PART


def test_the_brand_name_finds_the_product_and_through_it_the_generic(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    write(root, "testazepam-fakeoxetine.md", COMBINATION.format(banned="false"))
    write(root, "fakebrand.md", PRODUCT)
    write(root, "testazepam.md", "---\ntitle: Testazepam\n---\n## **Usage**\nInvented.\n")
    library = load_library(root, cache_dir=tmp_path / "cache")
    assert [hit.id for hit in library.index.search("fakebrand")] == ["fakebrand-20", "testazepam-fakeoxetine"]
    # The generic's own names rank as before: the alias never outranks a page's own drugs.
    assert library.index.search("testazepam")[0].id == "testazepam"


def test_a_link_naming_the_generic_pages_file_finds_it_too(tmp_path: Path) -> None:
    """The link may name the generic page's file (its stem) rather than its id."""
    root = tmp_path / "pages"
    write(root, "tz-fx.md", COMBINATION.format(banned="false"))  # id testazepam-fakeoxetine
    write(root, "fakebrand.md", PRODUCT.replace("testazepam-fakeoxetine", "tz-fx"))
    library = load_library(root, cache_dir=tmp_path / "cache")
    assert library.get("testazepam-fakeoxetine") is not None
    assert [hit.id for hit in library.index.search("fakebrand")] == ["fakebrand-20", "testazepam-fakeoxetine"]


def test_a_link_naming_a_page_id_wins_over_another_pages_file(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    write(root, "combo.md", COMBINATION.format(banned="false"))  # id testazepam-fakeoxetine
    write(root, "testazepam-fakeoxetine.md", "---\ntitle: Placebex\n---\n## **Usage**\nInvented.\n")
    write(root, "fakebrand.md", PRODUCT)  # links to testazepam-fakeoxetine: an id and a file name
    library = load_library(root, cache_dir=tmp_path / "cache")
    assert [hit.id for hit in library.index.search("fakebrand")] == ["fakebrand-20", "testazepam-fakeoxetine"]


def test_show_json_lists_the_meta(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "pages"
    write(root, "combo.md", COMBINATION.format(banned="true"))
    assert main(["--content", str(root), "show", "testazepam-fakeoxetine", "--json"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert page["meta"] == {
        "date": "2025-09-22",
        "banned": True,
        "description": "Testazepam + Fakeoxetine is used for invented tests, see the usage.",
        "ingredients": [
            {"name": "Testazepam", "strength": "0.5 mg"},
            {"name": "Fakeoxetine", "strength": "20 mg"},
        ],
        "product": None,
    }
    assert page["banner"] == wording.BANNED_BANNER
    assert page["footer"] == wording.APP_DISCLAIMER_LINE
