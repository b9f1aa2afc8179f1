"""The ``rxcombo`` command line: check, list, show and search, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rxcombo.cli import main

PAGES = {
    "testazepam.md": "Testazepam",
    "combo.md": "Testazepam + Fakeprofen",
    "fakeprofen.md": "Fakeprofen",
    "mockacillin.md": "Mockacillin",
}
PAGE_TEXT = """\
---
title: {title}
---

# {title}

Made-up overview of {title}.

### Uses

Used only in tests.
* first use
* second use

**Disclaimer:** Not a real drug.
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    root.mkdir()
    for name, title in PAGES.items():
        (root / name).write_text(PAGE_TEXT.format(title=title), encoding="utf-8")
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ---------------------------------------------------------------------------- list


def test_list_prints_id_and_title_alphabetically(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--content", str(content), "list")
    assert code == 0 and err == ""
    assert out.splitlines() == [
        "fakeprofen\tFakeprofen",
        "mockacillin\tMockacillin",
        "testazepam\tTestazepam",
        "testazepam-fakeprofen\tTestazepam + Fakeprofen",
    ]


def test_list_json(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(content), "list", "--json")
    assert code == 0
    assert json.loads(out) == [
        {"id": "fakeprofen", "title": "Fakeprofen", "drugs": ["Fakeprofen"], "source": "pages"},
        {"id": "mockacillin", "title": "Mockacillin", "drugs": ["Mockacillin"], "source": "pages"},
        {"id": "testazepam", "title": "Testazepam", "drugs": ["Testazepam"], "source": "pages"},
        {
            "id": "testazepam-fakeprofen",
            "title": "Testazepam + Fakeprofen",
            "drugs": ["Testazepam", "Fakeprofen"],
            "source": "pages",
        },
    ]


def test_list_defaults_to_the_bundled_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert [line.split("\t")[1] for line in out.splitlines()] == [
        "Alprazolam + Imipramine",
        "Amitriptyline + Ketamine",
        "Gabapentin + Amitriptyline",
    ]


def test_list_reports_unreadable_pages_on_stderr(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (content / "broken.md").write_text("---\ntitle: [oops\n---\n\nBody.\n")
    code, out, err = run(capsys, "--content", str(content), "list")
    assert code == 0
    assert len(out.splitlines()) == len(PAGES)
    assert err.startswith("broken.md:") and ": error: " in err


# ---------------------------------------------------------------------------- search


def test_search_text(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(content), "search", "testazepam")
    assert code == 0
    assert out.splitlines() == ["testazepam\tTestazepam", "testazepam-fakeprofen\tTestazepam + Fakeprofen"]


def test_search_words_and_plus_as_separate_arguments(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--content", str(content), "search", "fake", "+", "test")
    assert code == 0
    assert out.splitlines() == ["testazepam-fakeprofen\tTestazepam + Fakeprofen"]


def test_search_json_and_limit(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(content), "search", "fake", "--json", "--limit", "1")
    assert code == 0
    assert json.loads(out) == {
        "query": "fake",
        "results": [
            {
                "id": "fakeprofen",
                "title": "Fakeprofen",
                "drugs": ["Fakeprofen"],
                "source": "pages",
                "match": "prefix",
            }
        ],
        "notice": None,
        "related": [],
    }
    code, out, _ = run(capsys, "--content", str(content), "search", "fakeprofen", "--json")
    assert [r["match"] for r in json.loads(out)["results"]] == ["exact", "exact"]


def test_search_without_words_lists_everything(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(content), "search")
    assert code == 0
    assert len(out.splitlines()) == len(PAGES)


def test_search_typo_is_found_but_marked_similar(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(content), "search", "mokacillin")
    assert code == 1  # no drug has that name: not an answer a script may take as found
    assert out.splitlines() == [
        "No drug named 'mokacillin'. Pages are titled by generic drug names, not brand names. Similar names (different drugs may look alike):",
        "mockacillin\tMockacillin\t(similar name)",
    ]
    code, out, _ = run(capsys, "--content", str(content), "search", "mokacillin", "--json")
    answer = json.loads(out)
    assert code == 1 and [r["match"] for r in answer["results"]] == ["similar"]
    assert answer["notice"].startswith("No drug named 'mokacillin'.")


def test_search_no_match(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--content", str(content), "search", "qqqqqq")
    assert code == 1 and err == ""
    assert out.splitlines() == [
        "No drug named 'qqqqqq' in this library. Pages are titled by generic drug names, not brand names."
    ]
    code, out, _ = run(capsys, "--content", str(content), "search", "qqqqqq", "--json")
    assert code == 1
    answer = json.loads(out)
    assert answer["results"] == [] and answer["related"] == []
    assert answer["notice"].startswith("No drug named 'qqqqqq' in this library.")


def test_search_drugs_no_page_covers_says_so_and_lists_related(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--content", str(content), "search", "testazepam", "mockacillin")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        "No page covers Testazepam with Mockacillin. "
        "This is not a sign that the combination is safe: ask a pharmacist or doctor."
    )
    assert lines[1:] == [
        "",
        "testazepam\tTestazepam\t(covers Testazepam)",
        "mockacillin\tMockacillin\t(covers Mockacillin)",
        "testazepam-fakeprofen\tTestazepam + Fakeprofen\t(covers Testazepam)",
    ]
    code, out, _ = run(capsys, "--content", str(content), "search", "testaz", "mock", "--json")
    answer = json.loads(out)
    assert code == 1 and answer["results"] == []
    assert answer["notice"].startswith("No page covers Testazepam with Mockacillin.")
    assert answer["related"][2] == {
        "id": "testazepam-fakeprofen",
        "title": "Testazepam + Fakeprofen",
        "drugs": ["Testazepam", "Fakeprofen"],
        "covers": ["Testazepam"],
        "source": "pages",
    }


# ---------------------------------------------------------------------------- show


def test_show_text(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(content), "show", "fakeprofen", "testazepam")
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == ["Testazepam + Fakeprofen", "=" * len("Testazepam + Fakeprofen")]
    assert [line for line in lines if line.startswith("## ")] == ["## Overview", "## Uses", "## Disclaimer"]
    assert "Made-up overview of Testazepam + Fakeprofen." in lines
    assert "* second use" in lines


def test_show_json(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(content), "show", "mockacillin", "--json")
    assert code == 0
    page = json.loads(out)
    assert {"id", "title", "drugs", "source", "path", "repairs", "header", "tabs", "open_tab"} <= set(page)
    assert page["id"] == "mockacillin"
    assert page["title"] == "Mockacillin"
    assert page["drugs"] == ["Mockacillin"]
    assert page["source"] == "pages"  # the source's name; the file is "path"
    assert Path(page["path"]) == content / "mockacillin.md"
    assert page["repairs"] == []
    assert [s["title"] for s in page["tabs"]] == ["Overview", "Uses", "Disclaimer", "Whole page"]
    uses = page["tabs"][1]
    assert {"title", "full_title", "kind", "markdown", "html"} <= set(uses)
    assert "* first use" in uses["markdown"]
    assert "<li>first use</li>" in uses["html"]


def test_show_by_id(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(content), "show", "testazepam-fakeprofen", "--json")
    assert code == 0
    assert json.loads(out)["title"] == "Testazepam + Fakeprofen"


def test_show_seed_repairs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "amitriptyline", "ketamine", "--json")
    assert code == 0
    page = json.loads(out)
    assert page["title"] == "Amitriptyline + Ketamine"
    [repair] = page["repairs"]
    assert repair["line"] == 37
    assert "Itâ€™s" in repair["before"] and "It’s" in repair["after"]
    assert "It’s" in json.dumps(page["tabs"], ensure_ascii=False)


def test_show_no_match_exits_1_with_a_message(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--content", str(content), "show", "qqqqqq")
    assert code == 1 and err == ""
    assert out.startswith("No drug named 'qqqqqq' in this library.")


def test_show_never_shows_a_similar_name_in_place_of_the_drug_asked(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--content", str(content), "show", "mokacillin")
    assert code == 1
    assert out.splitlines()[0].startswith("No drug named 'mokacillin'.")
    assert out.splitlines()[0].endswith("Similar names (different drugs may look alike):")
    assert "mockacillin\tMockacillin\t(similar name)" in out.splitlines()
    assert "Made-up overview" not in out  # the look-alike's page is not shown


def test_show_drugs_no_page_covers(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(content), "show", "testazepam", "mockacillin")
    assert code == 1
    assert out.startswith("No page covers Testazepam with Mockacillin. This is not a sign")
    assert "Made-up overview" not in out


# ---------------------------------------------------------------------------- check


def test_check_clean_folder(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(content))
    assert code == 0
    # 4 pages x 3 tabs, all split at their headings; drugs Testazepam, Fakeprofen, Mockacillin.
    assert out.splitlines() == [
        "headings: 4 pages: 4 by sections",
        "4 pages, 12 sections, 3 drugs, 0 warnings, 0 errors",
    ]


def test_check_uses_content_when_no_dir_is_given(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(content), "check")
    assert code == 0
    assert out.splitlines()[-1].startswith("4 pages, ")


def test_check_with_problems(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (content / "broken.md").write_text("---\nlayout: x\ntitle: [oops\n---\n\nBody.\n")
    (content / "latin.md").write_bytes(b"---\ntitle: Latinazepam\n---\n\nCaf\xe9.\n")
    code, out, _ = run(capsys, "check", str(content))
    assert code == 1
    lines = out.splitlines()
    assert any(line.startswith("broken.md:") and ": error: invalid YAML" in line for line in lines)
    assert any(line.startswith("latin.md:5: warning: ") for line in lines)
    assert lines[-1] == "5 pages, 13 sections, 4 drugs, 1 warnings, 1 errors"  # latin.md: 1 tab


def test_check_json(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (content / "latin.md").write_bytes(b"---\ntitle: Latinazepam\n---\n\nCaf\xe9.\n")
    code, out, _ = run(capsys, "check", str(content), "--json")
    assert code == 0
    report = json.loads(out)
    assert {"pages", "totals"} <= set(report)
    assert {"pages", "sections", "drugs", "warnings", "errors"} <= set(report["totals"])
    assert report["totals"]["pages"] == 5
    assert report["totals"]["warnings"] == 1
    assert report["totals"]["errors"] == 0
    pages = {Path(page["path"]).name: page for page in report["pages"]}
    assert set(pages) == set(PAGES) | {"latin.md"}
    combo = pages["combo.md"]
    assert {"path", "id", "title", "drugs", "sections", "problems"} <= set(combo)
    assert combo["id"] == "testazepam-fakeprofen"
    assert combo["drugs"] == ["Testazepam", "Fakeprofen"]
    assert combo["sections"] == ["Overview", "Uses", "Disclaimer"]
    assert combo["problems"] == []
    assert len(pages["latin.md"]["problems"]) == 1
    assert pages["latin.md"]["problems"][0].startswith("latin.md:5: warning: ")


def test_check_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(tmp_path / "nowhere"))
    assert code == 1
    assert ": error: " in out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


# ---------------------------------------------------------------------------- a real process


def test_python_m_rxcombo_list_outside_the_source_tree(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rxcombo", "list"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "alprazolam-imipramine\tAlprazolam + Imipramine",
        "amitriptyline-ketamine\tAmitriptyline + Ketamine",
        "gabapentin-amitriptyline\tGabapentin + Amitriptyline",
    ]


def test_python_m_rxcombo_search_json_with_content(content: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rxcombo", "--content", str(content), "search", "fakeprofen", "--json"],
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout.decode("utf-8"))["results"]
    assert [hit["title"] for hit in hits] == ["Fakeprofen", "Testazepam + Fakeprofen"]


# ---------------------------------------------------------------------------- show: what the window shows


GROUPED_PAGE = """\
---
title: Testazepam + Fakeprofen
---

# Testazepam + Fakeprofen
Invented overview.

### Testazepam
### Usage: Invented use of Testazepam.
### Fakeprofen
### Usage: Invented use of Fakeprofen.
"""


def test_show_json_lists_exactly_the_tabs_the_window_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpers.content import assert_nothing_shown_lost
    from rxcombo.content import read_page
    from rxcombo.content.shown import shown_page

    root = tmp_path / "pages"
    root.mkdir()
    page = root / "grouped.md"
    page.write_text(GROUPED_PAGE, encoding="utf-8")
    # By file path, then by id: the same page.
    code, out, _ = run(capsys, "--content", str(root), "show", str(page), "--json")
    assert code == 0
    listed = json.loads(out)
    code, again, _ = run(capsys, "--content", str(root), "show", "testazepam-fakeprofen", "--json")
    assert json.loads(again) == listed
    window = shown_page(read_page(page))
    assert [(t["title"], t["kind"], t["markdown"]) for t in listed["tabs"]] == [
        (t.title, t.kind.value, t.markdown) for t in window.tabs
    ]
    assert [t["title"] for t in listed["tabs"]] == [
        "Overview",
        "Testazepam — Usage",
        "Fakeprofen — Usage",
        "Whole page",
    ]
    assert listed["split"] == "group headers"
    # The rule checked from outside: every line of the page is in what `show --json` lists.
    assert_nothing_shown_lost(page, read_page(page), listed)


def test_check_names_every_group_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "pages"
    root.mkdir()
    (root / "grouped.md").write_text(GROUPED_PAGE, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(root))
    assert code == 0
    assert out.splitlines() == [
        "grouped.md:8: note: 'Testazepam' is shown as a group header",
        "grouped.md:10: note: 'Fakeprofen' is shown as a group header",
        "headings: 1 pages: 1 by group headers",
        "1 pages, 1 sections, 2 drugs, 0 warnings, 0 errors",  # sections with text under their mark
    ]
    code, out, _ = run(capsys, "check", str(root), "--json")
    report = json.loads(out)
    assert report["splits"] == {"headings": {"group headers": 1}}
    assert [(h["line"], h["text"]) for h in report["group_headers"]] == [
        (8, "Testazepam"),
        (10, "Fakeprofen"),
    ]
