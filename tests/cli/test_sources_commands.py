"""``rxcombo sources`` and ``info``, and ``--content`` repeated, run as real processes."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.cli import rxcombo
from helpers.pages import set_day, write_page
from rxcombo import dirs

INFO_KEYS = {"name", "folder", "pages", "drugs", "newest", "oldest", "dates_from", "problems", "about"}


@pytest.fixture
def first(tmp_path: Path) -> Path:
    root = tmp_path / "first"
    set_day(write_page(root, "testazepam.md", "Testazepam"), datetime.date(2023, 5, 1))
    set_day(write_page(root, "combo.md", "Testazepam + Fakeprofen"), datetime.date(2024, 2, 29))
    (root / "SOURCE.txt").write_text("Made-up pages for a test.\n", encoding="utf-8")
    return root


@pytest.fixture
def second(tmp_path: Path) -> Path:
    root = tmp_path / "second"
    write_page(root, "testazepam.md", "Testazepam", text="The second source's text.", date="2025-09-22")
    write_page(root, "sham.md", "Shamoxetine", date="2025-01-02")
    return root


def save_sources(entries: list[dict]) -> None:
    path = dirs.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"format": "rxcombo-settings", "version": 1, "settings": {"sources": entries}}
    path.write_text(json.dumps(document), encoding="utf-8")


def test_sources_by_default_are_the_bundled_pages(tmp_path: Path) -> None:
    result = rxcombo("sources", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "sources": [
            {
                "name": "Bundled pages",
                "folder": str(dirs.bundled_content_dir()),
                "enabled": True,
                "bundled": True,
                "found": True,
            }
        ]
    }


def test_saved_sources_are_read_by_every_command(first: Path, second: Path, tmp_path: Path) -> None:
    save_sources(
        [
            {"name": "First", "folder": str(first)},
            {"name": "Bundled pages", "bundled": True, "enabled": False},
            {"name": "Second", "folder": str(second)},
            {"name": "Gone", "folder": str(tmp_path / "gone"), "enabled": False},
        ]
    )
    listed = rxcombo("sources", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr  # a missing folder that is off is no problem
    assert listed.stdout.splitlines()[-1] == f"Gone\t{tmp_path / 'gone'}\toff\tfolder not found"
    pages = rxcombo("list", "--json", cwd=tmp_path)
    assert pages.returncode == 0, pages.stderr
    assert [(p["id"], p["source"]) for p in json.loads(pages.stdout)] == [
        ("shamoxetine", "Second"),
        ("testazepam", "First"),
        ("testazepam-second", "Second"),
        ("testazepam-fakeprofen", "First"),
    ]
    text = rxcombo("list", cwd=tmp_path).stdout.splitlines()
    assert "testazepam-second\tTestazepam\tSecond" in text
    found = json.loads(rxcombo("search", "testazepam", "--json", cwd=tmp_path).stdout)
    assert [(r["id"], r["source"]) for r in found["results"][:2]] == [
        ("testazepam", "First"),
        ("testazepam-second", "Second"),
    ]
    shown = json.loads(rxcombo("show", "testazepam-second", "--json", cwd=tmp_path).stdout)
    assert shown["source"] == "Second" and Path(shown["path"]) == second / "testazepam.md"


def test_a_missing_source_is_named_and_the_others_load(first: Path, tmp_path: Path) -> None:
    save_sources(
        [{"name": "First", "folder": str(first)}, {"name": "Gone", "folder": str(tmp_path / "gone")}]
    )
    result = rxcombo("list", cwd=tmp_path)
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 2
    assert f"{tmp_path / 'gone'}: error: content folder does not exist" in result.stderr
    assert "(source 'Gone')" in result.stderr
    assert rxcombo("sources", cwd=tmp_path).returncode == 1


def test_content_repeated_before_and_after_the_command(first: Path, second: Path, tmp_path: Path) -> None:
    result = rxcombo("--content", str(first), "info", "--json", "--content", str(second), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    sources = json.loads(result.stdout)["sources"]
    assert [s["name"] for s in sources] == ["first", "second"]
    assert all(set(s) == INFO_KEYS for s in sources)
    one, two = sources
    assert (one["folder"], one["pages"], one["drugs"]) == (str(first), 2, 2)
    assert (one["newest"], one["oldest"], one["dates_from"]) == ("2024-02-29", "2023-05-01", "file times")
    assert one["about"] == "Made-up pages for a test.\n" and one["problems"] == []
    assert (two["newest"], two["oldest"], two["dates_from"]) == ("2025-09-22", "2025-01-02", "front matter")
    assert two["about"] is None


def test_info_text_says_where_the_dates_come_from(first: Path, tmp_path: Path) -> None:
    result = rxcombo("--content", str(first), "info", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "first",
        f"  Folder: {first}",
        "  Pages: 2, drugs: 2",
        "  Content dates: 2023-05-01 to 2024-02-29 (from the files' modification times)",
    ]
    assert "  About (SOURCE.txt):" in lines and "    Made-up pages for a test." in lines
    assert not any("review" in line.lower() or "updated" in line.lower() for line in lines)


def test_a_saved_source_given_with_content_keeps_its_name(first: Path, tmp_path: Path) -> None:
    save_sources([{"name": "My fake pages", "folder": str(first)}])
    result = rxcombo("--content", str(first), "list", "--json", cwd=tmp_path)
    assert {p["source"] for p in json.loads(result.stdout)} == {"My fake pages"}


def test_info_on_the_corpus_and_the_bundled_pages(corpus_dir: Path, tmp_path: Path) -> None:
    save_sources([{"name": "Bundled pages", "bundled": True}, {"name": "RxHive", "folder": str(corpus_dir)}])
    result = rxcombo("info", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    bundled, corpus = json.loads(result.stdout)["sources"]
    assert (bundled["name"], bundled["pages"]) == ("Bundled pages", 3)
    assert (corpus["name"], corpus["pages"]) == ("RxHive", 6447)
    assert corpus["about"].startswith("SOURCE OF THIS CORPUS")
    assert len(corpus["problems"]) == len([p for p in corpus["problems"] if ": warning: " in p])


def test_the_commands_that_read_pages_load_no_qt(first: Path, tmp_path: Path) -> None:
    code = (
        "import sys, contextlib, io\n"
        "from rxcombo.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    for argv in (['list'], ['info'], ['sources'], ['search', 'testaz'], ['--content', {str(first)!r}, 'list']):\n"
        "        main(argv)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert result.stdout.strip() == "[]"
