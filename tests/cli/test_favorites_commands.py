"""``rxcombo favorites list|export|import`` as real processes: the window's merge and report,
safety of the favorites file, and hostile import files refused."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from helpers.cli import rxcombo
from helpers.pages import write_page
from rxcombo import dirs
from rxcombo.userdata import FavoritesStore

LIST_KEYS = {"id", "title", "drugs", "folder", "note", "added", "source"}


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    write_page(root, "testazepam.md", "Testazepam")
    write_page(root, "combo.md", "Testazepam + Fakeprofen")
    return root


def favorites() -> FavoritesStore:
    store = FavoritesStore(dirs.favorites_path())
    assert store.load().message is None
    return store


def test_import_list_export_and_import_again(pages: Path, tmp_path: Path) -> None:
    given = tmp_path / "given.csv"
    given.write_text(
        'title,note,folder,added\nTestazepam + Fakeprofen,"Ask about timing\nat night",Evening,2024-03-01\n'
        "Placebonol,,,\n",
        encoding="utf-8",
    )
    imported = rxcombo("--content", str(pages), "favorites", "import", str(given), cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines() == [
        f"{given}: 2 added, 0 updated, 0 skipped",
        "added\ttestazepam-fakeprofen\tTestazepam + Fakeprofen",
        "added\tplacebonol\tPlacebonol",
    ]
    listed = rxcombo("--content", str(pages), "favorites", "list", "--json", "--sort", "name", cwd=tmp_path)
    entries = json.loads(listed.stdout)["favorites"]
    assert all(set(entry) == LIST_KEYS for entry in entries)
    assert [(e["id"], e["folder"], e["source"]) for e in entries] == [
        ("placebonol", "", None),
        ("testazepam-fakeprofen", "Evening", "pages"),
    ]
    assert entries[1]["note"] == "Ask about timing\nat night" and entries[1]["added"].startswith("2024-03-01")
    assert entries[1]["drugs"] == ["Testazepam", "Fakeprofen"]
    text = rxcombo("--content", str(pages), "favorites", "list", cwd=tmp_path).stdout.splitlines()
    assert "placebonol\tPlacebonol\t\t\t(not in any enabled source)" in text
    assert "    at night" in text

    exported = tmp_path / "out.csv"
    assert rxcombo("favorites", "export", str(exported), cwd=tmp_path).returncode == 0
    rows = list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8"), newline="")))
    assert list(rows[0]) == ["title", "drugs", "folder", "note", "added"]
    whole = tmp_path / "out.json"
    assert rxcombo("favorites", "export", str(whole), cwd=tmp_path).returncode == 0
    assert json.loads(whole.read_text(encoding="utf-8"))["format"] == "rxcombo-favorites-export"

    again = rxcombo("favorites", "import", str(whole), "--json", cwd=tmp_path)
    report = json.loads(again.stdout)
    assert report["added"] == report["updated"] == [] and len(report["skipped"]) == 2
    assert {entry["reason"] for entry in report["skipped"]} == {"already the same here"}
    assert report["saved"] is True


def test_export_to_standard_output_and_never_onto_the_favorites_file(tmp_path: Path) -> None:
    store = favorites()
    store.add("testazepam", "Testazepam")
    assert store.save()
    out = rxcombo("favorites", "export", "-", "--format", "csv", cwd=tmp_path)
    assert out.stdout.splitlines()[0] == "title,drugs,folder,note,added"
    before = dirs.favorites_path().read_bytes()
    onto = rxcombo("favorites", "export", str(dirs.favorites_path()), cwd=tmp_path)
    assert onto.returncode == 2 and "favorites file itself" in onto.stderr
    assert dirs.favorites_path().read_bytes() == before


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"title\nTestazepam\n\x00\x01\x02", ":3: cannot import favorites: it holds a NUL byte"),
        (b'{"format": "rxcombo-favorites-export", "version": 1, "favorites": [{"id": 5}]}', '"id"'),
        (b"title,added\nTestazepam,tomorrow-ish\n", ':2: cannot import favorites: this row: "added"'),
        (b"[" * 50_000, "invalid JSON"),
    ],
)
def test_a_hostile_import_changes_nothing(tmp_path: Path, content: bytes, words: str) -> None:
    store = favorites()
    store.add("testazepam", "Testazepam")
    assert store.save()
    before = dirs.favorites_path().read_bytes()
    hostile = tmp_path / ("hostile.json" if content.startswith((b"{", b"[")) else "hostile.csv")
    hostile.write_bytes(content)
    result = rxcombo("favorites", "import", str(hostile), cwd=tmp_path)
    assert result.returncode == 1
    assert words in result.stderr and "Nothing was imported." in result.stderr, result.stderr
    assert result.stdout == ""
    assert dirs.favorites_path().read_bytes() == before


def test_a_newer_favorites_file_is_never_written(tmp_path: Path) -> None:
    path = dirs.favorites_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"format": "rxcombo-favorites", "version": 99, "x": []}), encoding="utf-8")
    before = path.read_bytes()
    given = tmp_path / "given.csv"
    given.write_text("title\nTestazepam\n", encoding="utf-8")
    result = rxcombo("favorites", "import", str(given), cwd=tmp_path)
    assert result.returncode == 1 and "newer version of RxCombo" in result.stderr
    assert path.read_bytes() == before


def test_an_import_merges_with_a_window_holding_the_file(tmp_path: Path) -> None:
    window = favorites()
    window.add("testazepam", "Testazepam")
    assert window.save()
    given = tmp_path / "given.csv"
    given.write_text("title,folder\nFakeprofen,Imported\n", encoding="utf-8")
    assert rxcombo("favorites", "import", str(given), cwd=tmp_path).returncode == 0
    window.set_note("testazepam", "edited in the window after the import")
    assert window.save()  # merges under the lock: the imported favorite stays
    final = favorites()
    assert {f.page_id for f in final.items()} == {"testazepam", "fakeprofen"}
    assert final.get("fakeprofen").folder == "Imported"  # type: ignore[union-attr]
    assert window.get("fakeprofen") is not None


def test_a_favorite_of_a_source_turned_off_is_kept_and_marked(pages: Path, tmp_path: Path) -> None:
    store = favorites()
    store.add("testazepam", "Testazepam", source="pages")
    assert store.save()
    listed = rxcombo("--content", str(pages), "favorites", "list", cwd=tmp_path).stdout
    assert listed.splitlines() == ["testazepam\tTestazepam\t\tpages"]
    elsewhere = tmp_path / "elsewhere"
    write_page(elsewhere, "t.md", "Testazepam")  # the same title in another source: not the favorite's page
    marked = rxcombo("--content", str(elsewhere), "favorites", "list", cwd=tmp_path).stdout
    assert marked.splitlines() == ["testazepam\tTestazepam\t\tpages\t(not in any enabled source)"]
    assert favorites().contains("testazepam")
