"""Two pages side by side: tabs paired by folded title, the unmatched after, nothing lost."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from rxcombo.content.compare import AlignedTabs, align_sections, title_key
from rxcombo.content.shown import ShownPage, Tab, TabKind, shown_page
from rxcombo.library import load_library


def tab(title: str, kind: TabKind = TabKind.PART) -> Tab:
    return Tab(title, title, kind, f"Text of {title}.")


def rows(aligned: list[AlignedTabs]) -> list[tuple[str, str | None, str | None]]:
    return [
        (row.title, row.left.title if row.left else None, row.right.title if row.right else None)
        for row in aligned
    ]


def test_titles_fold() -> None:
    assert title_key("Side  Effects:") == title_key("side effects") == "side effects"
    assert title_key("Précautions") == "precautions"
    assert title_key("???") == "???"


def test_tabs_pair_by_title_and_the_unmatched_follow() -> None:
    first = ShownPage(
        tabs=[
            tab("Overview", TabKind.OVERVIEW),
            tab("Usage"),
            tab("Side Effects"),
            tab("Combined use", TabKind.COMBINED),
            tab("Dosage"),
            tab("Whole page", TabKind.WHOLE_PAGE),
        ]
    )
    second = ShownPage(
        tabs=[
            tab("Overview", TabKind.OVERVIEW),
            tab("Combined use", TabKind.COMBINED),
            tab("side effects:"),
            tab("FAQs"),
            tab("Whole page", TabKind.WHOLE_PAGE),
        ]
    )
    assert rows(align_sections(first, second)) == [
        ("Overview", "Overview", "Overview"),
        ("Side Effects", "Side Effects", "side effects:"),
        ("Combined use", "Combined use", "Combined use"),
        ("Usage", "Usage", None),
        ("Dosage", "Dosage", None),
        ("FAQs", None, "FAQs"),
        ("Whole page", "Whole page", "Whole page"),
    ]


def test_repeated_titles_pair_in_order_and_one_sided_whole_page() -> None:
    first = ShownPage(tabs=[tab("Note"), tab("Note"), tab("Note"), tab("Whole page", TabKind.WHOLE_PAGE)])
    second = ShownPage(tabs=[tab("note"), tab("NOTE")])
    aligned = align_sections(first, second)
    assert rows(aligned) == [
        ("Note", "Note", "note"),
        ("Note", "Note", "NOTE"),
        ("Note", "Note", None),
        ("Whole page", "Whole page", None),
    ]
    assert aligned[1].left is first.tabs[1] and aligned[1].right is second.tabs[1]
    assert align_sections(ShownPage(), ShownPage()) == []
    assert rows(align_sections(ShownPage(), second)) == [("note", None, "note"), ("NOTE", None, "NOTE")]


@given(
    st.lists(st.sampled_from(["A", "a", "B", "C:", "c", "Whole"]), max_size=8),
    st.lists(st.sampled_from(["A", "b", "B", "c", "D", "Whole"]), max_size=8),
)
def test_every_tab_is_in_exactly_one_row_in_its_page_order(left: list[str], right: list[str]) -> None:
    def page(titles: list[str]) -> ShownPage:
        return ShownPage(tabs=[tab(t, TabKind.WHOLE_PAGE if t == "Whole" else TabKind.PART) for t in titles])

    first, second = page(left), page(right)
    aligned = align_sections(first, second)
    lefts = [row.left for row in aligned if row.left is not None]
    rights = [row.right for row in aligned if row.right is not None]
    assert sorted(map(id, lefts)) == sorted(map(id, first.tabs))
    assert sorted(map(id, rights)) == sorted(map(id, second.tabs))
    for row in aligned:
        if row.left is not None and row.right is not None:
            assert title_key(row.left.title) == title_key(row.right.title)
    matched_left = [row.left for row in aligned if row.left and row.right and row.left.kind is TabKind.PART]
    assert matched_left == [
        t for t in first.tabs if any(r.left is t and r.right for r in aligned) and t.kind is TabKind.PART
    ]
    only_right = [
        row.right for row in aligned if row.right and not row.left and row.right.kind is TabKind.PART
    ]
    assert only_right == [
        t for t in second.tabs if any(r.right is t and not r.left for r in aligned) and t.kind is TabKind.PART
    ]


def test_two_bundled_pages(seeds_dir: Path, tmp_path: Path) -> None:
    library = load_library(seeds_dir, cache_dir=tmp_path)
    first = shown_page(library.get("alprazolam-imipramine"))  # type: ignore[arg-type]
    second = shown_page(library.get("gabapentin-amitriptyline"))  # type: ignore[arg-type]
    aligned = align_sections(first, second)
    paired = [row.title for row in aligned if row.left and row.right]
    assert paired[0] == "Overview" and "Combined use" in paired
    assert aligned[-1].left is not None and aligned[-1].left.kind is TabKind.WHOLE_PAGE
    assert sum(row.left is not None for row in aligned) == len(first.tabs)
    assert sum(row.right is not None for row in aligned) == len(second.tabs)


def test_a_section_shown_under_another_tab_title_pairs_by_its_own_heading() -> None:
    # A combination page shows its "Drug Interactions" as its combined use; the single
    # drug's page has it under its own title: one row, never "has no section titled".
    combination = ShownPage(
        tabs=[tab("Usage"), Tab("Combined use", "Drug Interactions", TabKind.COMBINED, "Fake text.")]
    )
    single = ShownPage(tabs=[tab("Usage"), tab("Drug Interactions"), tab("Storage")])
    assert rows(align_sections(combination, single)) == [
        ("Usage", "Usage", "Usage"),
        ("Combined use", "Combined use", "Drug Interactions"),
        ("Storage", None, "Storage"),
    ]
    assert rows(align_sections(single, combination))[1] == (
        "Drug Interactions",
        "Drug Interactions",
        "Combined use",
    )
