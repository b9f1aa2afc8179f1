"""The three seed pages shipped in data/: what a user sees when the app opens them."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT
from helpers.content import assert_nothing_lost, assert_nothing_shown_lost
from rxcombo.cli import main
from rxcombo.content import Document, SectionKind, Severity, read_page, render_markdown
from rxcombo.content.shown import shown_page
from rxcombo.library import Library, load_library

SEED_000 = "000_f700da2292b2d1e1.txt"
SEED_001 = "001_65e329de894d7976.txt"
SEED_002 = "002_fb861b7129483a83.txt"

EXPECTED = {
    SEED_000: {
        "title": "Alprazolam + Imipramine",
        "id": "alprazolam-imipramine",
        "drugs": ["Alprazolam", "Imipramine"],
        "tabs": ["Overview", "Alprazolam", "Imipramine", "Combined Use of Alprazolam and Imipramine"],
    },
    SEED_001: {
        "title": "Amitriptyline + Ketamine",
        "id": "amitriptyline-ketamine",
        "drugs": ["Amitriptyline", "Ketamine"],
        "tabs": ["Overview", "Amitriptyline", "Ketamine", "Disclaimer"],
    },
    SEED_002: {
        "title": "Gabapentin + Amitriptyline",
        "id": "gabapentin-amitriptyline",
        "drugs": ["Gabapentin", "Amitriptyline"],
        "tabs": [
            "Overview",
            "Gabapentin",
            "Amitriptyline",
            "Combined Use of Gabapentin and Amitriptyline",
            "Disclaimer",
            "Note",
        ],
    },
}


@pytest.fixture(scope="module")
def seed_library() -> Library:
    return load_library(ROOT / "data", bodies=True)


def _seed(seeds_dir: Path, name: str) -> Document:
    return read_page(seeds_dir / name)


def test_the_three_seeds_are_pages(seed_library: Library) -> None:
    assert sorted(d.path.name for d in seed_library.documents) == sorted(EXPECTED)
    assert seed_library.errors == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_tabs_title_drugs_and_id(seeds_dir: Path, name: str) -> None:
    document = _seed(seeds_dir, name)
    expected = EXPECTED[name]
    assert document.title == expected["title"]
    assert document.id == expected["id"]
    assert document.drugs == expected["drugs"]
    assert [tab.title for tab in document.tabs] == expected["tabs"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_nothing_lost(seeds_dir: Path, name: str) -> None:
    document = _seed(seeds_dir, name)
    assert_nothing_lost(seeds_dir / name, document)
    assert_nothing_shown_lost(seeds_dir / name, document, shown_page(document))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_front_matter_keys_are_kept(seeds_dir: Path, name: str) -> None:
    document = _seed(seeds_dir, name)
    assert document.metadata["title"] == EXPECTED[name]["title"]
    assert document.metadata["layout"] in {"minimal", "minimal-medicine"}


def test_seed_002_keeps_its_unknown_key(seeds_dir: Path) -> None:
    assert _seed(seeds_dir, SEED_002).metadata.get("nav_exclude") is True


def test_seed_closing_paragraphs_are_disclaimer_sections(seeds_dir: Path) -> None:
    kinds = {tab.title: tab.kind for tab in _seed(seeds_dir, SEED_002).tabs}
    assert kinds["Disclaimer"] is SectionKind.DISCLAIMER
    assert kinds["Note"] is SectionKind.DISCLAIMER
    assert kinds["Gabapentin"] is SectionKind.PART
    assert kinds["Overview"] is SectionKind.OVERVIEW


def test_seed_002_drug_fields_stay_inside_the_drug_tab(seeds_dir: Path) -> None:
    """Bold-line style: `**Usage:**` and `**FAQs (...):**` are fields, not tabs."""
    tabs = {tab.title: tab for tab in _seed(seeds_dir, SEED_002).tabs}
    assert "**Usage:**" in tabs["Gabapentin"].markdown
    assert (
        "**FAQs (regarding combined use):**" in tabs["Combined Use of Gabapentin and Amitriptyline"].markdown
    )


def test_seed_overview_does_not_repeat_the_title(seeds_dir: Path) -> None:
    overview = _seed(seeds_dir, SEED_000).tabs[0]
    assert overview.title == "Overview"
    assert "# Alprazolam + Imipramine" in overview.markdown  # nothing lost...
    assert "# Alprazolam + Imipramine" not in overview.body_markdown  # ...but not shown twice


def test_seed_001_mojibake_is_repaired_in_the_section(seeds_dir: Path) -> None:
    document = _seed(seeds_dir, SEED_001)
    amitriptyline = next(tab for tab in document.tabs if tab.title == "Amitriptyline")
    assert "It’s particularly" in amitriptyline.markdown
    assert "â€" not in "\n".join(section.markdown for section in document.sections)


def test_seed_001_mojibake_repair_is_reported_with_its_line(seeds_dir: Path) -> None:
    path = seeds_dir / SEED_001
    # The broken bytes really are on line 37 of the file (UTF-8 read as cp1252, saved again).
    line_37 = path.read_bytes().split(b"\n")[36].decode("utf-8")
    assert "Itâ€™s" in line_37

    document = read_page(path)
    assert [(r.line, "Itâ€™s" in r.before, "It’s" in r.after) for r in document.repairs] == [(37, True, True)]
    warnings = [p for p in document.problems if p.severity is Severity.WARNING]
    assert len(warnings) == 1
    assert warnings[0].line == 37
    assert warnings[0].path == path
    assert "Itâ€™s" in warnings[0].message and "It’s" in warnings[0].message
    assert warnings[0].format().startswith(f"{path}:37: warning: ")


def test_seed_library_reports_only_the_mojibake(seed_library: Library) -> None:
    assert [(p.path.name, p.line) for p in seed_library.warnings] == [(SEED_001, 37)]


def test_clean_seeds_have_no_repairs(seeds_dir: Path) -> None:
    for name in (SEED_000, SEED_002):
        document = _seed(seeds_dir, name)
        assert document.repairs == []
        assert list(document.problems) == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_tabs_render(seeds_dir: Path, name: str) -> None:
    for tab in _seed(seeds_dir, name).tabs:
        html = render_markdown(tab.body_markdown)
        assert html.strip()
        assert "<script" not in html


def test_seed_usage_list_after_a_label_line_renders_as_a_list(seeds_dir: Path) -> None:
    """Seed 002 writes `**Usage:** Primarily used to treat:` directly above `* Seizures`."""
    gabapentin = next(t for t in _seed(seeds_dir, SEED_002).tabs if t.title == "Gabapentin")
    html = render_markdown(gabapentin.body_markdown)
    assert "<ul>" in html
    assert "<li>Seizures (epilepsy)</li>" in html


def test_check_on_the_seeds_exits_0(seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(seeds_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 4
    assert out[0].startswith(f"{SEED_001}:37: warning: ") and "It’s" in out[0]
    # Seed 002 marks its drugs with bold lines, the other two with headings.
    assert out[1:3] == ["bold-lines: 1 pages: 1 by sections", "headings: 2 pages: 2 by sections"]
    # 3 pages; 4 + 4 + 6 tabs; 5 distinct drugs (Amitriptyline is in two pages).
    assert out[-1] == "3 pages, 14 sections, 5 drugs, 1 warnings, 0 errors"
