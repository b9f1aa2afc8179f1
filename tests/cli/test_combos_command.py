"""``rxcombo combos`` and ``rxcombo lists``, in-process and as real processes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.cli import rxcombo as run_rxcombo
from rxcombo import wording
from rxcombo.cli import main
from rxcombo.dirs import lists_path

TITLES = [
    "Testazepam",
    "Fakeprofen",
    "Mockacillin",
    "Sodium Fakeride",
    "Testazepam + Fakeprofen",
    "Aceclofakenac + Fakeprofen",
]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    root.mkdir()
    for number, title in enumerate(TITLES):
        (root / f"p{number}.md").write_text(f"---\ntitle: {title}\n---\n\nMade-up text.\n", encoding="utf-8")
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_combos_text_names_pages_pairs_and_own_pages(content: Path, capsys) -> None:
    code, out, err = run(
        capsys, "--content", str(content), "combos", "testazepam", "fakeprofen", "sodium fakeride"
    )
    assert code == 1 and err == ""  # a pair without a page is a notice
    assert "testazepam-fakeprofen\tTestazepam + Fakeprofen\t(covers Testazepam and Fakeprofen)" in out
    assert wording.no_page_covers(["Testazepam", "Sodium Fakeride"]) in out
    assert wording.no_page_covers(["Fakeprofen", "Sodium Fakeride"]) in out
    assert wording.pairs_without_page(2, 3) in out
    assert "  Sodium Fakeride\tsodium-fakeride\tSodium Fakeride" in out
    assert out.rstrip().endswith(wording.APP_DISCLAIMER_LINE)


def test_combos_json_has_the_documented_keys(content: Path, capsys) -> None:
    code, out, _ = run(
        capsys,
        "--content",
        str(content),
        "combos",
        "Fakeprofen",
        "Aceclofakenac + Fakeprofen",
        "Xanaxol",
        "--json",
    )
    assert code == 1
    data = json.loads(out)
    assert {"drugs", "unknown", "pages", "pairs_without_page", "duplicates", "notice"} <= set(data)
    assert data["drugs"] == ["Fakeprofen", "Aceclofakenac"]
    assert data["unknown"] == ["Xanaxol"]
    assert data["pages"] == [
        {
            "id": "aceclofakenac-fakeprofen",
            "title": "Aceclofakenac + Fakeprofen",
            "covers": ["Fakeprofen", "Aceclofakenac"],
        }
    ]
    assert data["pairs_without_page"] == []
    assert data["duplicates"] == [
        {"ingredient": "Fakeprofen", "entries": ["Fakeprofen", "Aceclofakenac + Fakeprofen"]}
    ]
    assert data["notice"] == wording.not_in_library(["Xanaxol"])


def test_combos_all_pairs_covered_exits_0(content: Path, capsys) -> None:
    code, out, _ = run(capsys, "--content", str(content), "combos", "Testazepam", "Fakeprofen", "--json")
    assert code == 0 and json.loads(out)["notice"] is None


def test_combos_markdown_and_csv(content: Path, capsys) -> None:
    _, out, _ = run(capsys, "--content", str(content), "combos", "Testazepam", "Mockacillin", "--markdown")
    assert (
        out.startswith("# Testazepam, Mockacillin\n")
        and f"- {wording.no_page_covers(['Testazepam', 'Mockacillin'])}" in out
    )
    _, out, _ = run(capsys, "--content", str(content), "combos", "Testazepam", "Mockacillin", "--csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert [
        "no-page-pair",
        "",
        "",
        "Testazepam; Mockacillin",
        wording.no_page_covers(["Testazepam", "Mockacillin"]),
    ] in rows


def test_combos_usage_errors(content: Path, capsys) -> None:
    code, _, err = run(capsys, "--content", str(content), "combos")
    assert code == 2 and "at least one drug" in err
    code, _, err = run(capsys, "--content", str(content), "combos", "testazepam", "+", "fakeprofen")
    assert code == 2 and "one argument" in err
    code, _, err = run(capsys, "--content", str(content), "combos", "testazepam", "fake\udcff")
    assert code == 2 and "not UTF-8" in err  # undecodable bytes of the command line
    code, _, err = run(capsys, "--content", str(content), "combos", "--list", "Nobody")
    assert code == 2 and "no list named 'Nobody'" in err
    with pytest.raises(SystemExit):
        main(["combos", "x", "--json", "--csv"])


def test_lists_add_show_remove_rename_delete(content: Path, capsys) -> None:
    base = ("--content", str(content), "lists")
    code, out, _ = run(capsys, *base)
    assert code == 0 and "No saved drug lists" in out
    code, out, _ = run(
        capsys, *base, "add", "Mum", "testaz", "Aceclofakenac + Fakeprofen", "Mokacillin", "fakeride"
    )
    assert code == 0
    assert "Added Testazepam (for 'testaz') to Mum." in out
    assert "Added Aceclofakenac + Fakeprofen to Mum." in out
    assert "Added Mokacillin to Mum." in out  # kept as written, never replaced by a look-alike
    assert wording.similar_names_heading(["Mokacillin"]) in out and "  Mockacillin (similar name)" in out
    assert wording.names_containing("fakeride") in out and "  Sodium Fakeride" in out
    code, out, _ = run(capsys, *base, "add", "mum", "TESTAZEPAM")
    assert code == 0 and "Mum already holds Testazepam." in out
    code, out, _ = run(capsys, *base)
    assert out.splitlines() == [
        "Mum (4)",
        "  Testazepam",
        "  Aceclofakenac + Fakeprofen",
        "  Mokacillin",
        "  fakeride",
    ]
    code, out, _ = run(capsys, "--content", str(content), "combos", "--list", "mum", "--json")
    assert json.loads(out)["list"] == "Mum"
    assert json.loads(out)["drugs"] == ["Testazepam", "Aceclofakenac", "Fakeprofen"]
    code, out, err = run(capsys, *base, "remove", "Mum", "Mokacillin", "testaz", "nothing")
    assert code == 1 and "Removed Mokacillin from Mum." in out and "Removed testaz from Mum." in out
    assert "holds no entry 'nothing'" in err
    code, out, _ = run(capsys, *base, "rename", "Mum", "Mother")
    assert code == 0
    code, out, _ = run(capsys, *base, "--json")
    assert json.loads(out) == [{"name": "Mother", "entries": ["Aceclofakenac + Fakeprofen", "fakeride"]}]
    code, _, err = run(capsys, *base, "delete", "Mum")
    assert code == 2 and "saved lists: Mother" in err
    code, out, _ = run(capsys, *base, "delete", "mother")
    assert code == 0 and "Deleted the list 'Mother'." in out
    assert json.loads(lists_path().read_text(encoding="utf-8"))["lists"] == []


def test_lists_refuses_what_the_store_refuses(content: Path, capsys) -> None:
    code, _, err = run(capsys, "--content", str(content), "lists", "add", " ", "Testazepam")
    assert code == 2 and "needs a name" in err
    code, _, err = run(capsys, "--content", str(content), "lists", "add", "Mum", "+")
    assert code == 2 and "one argument" in err
    assert not lists_path().exists()


def test_a_damaged_lists_file_is_set_aside_and_said(content: Path, capsys) -> None:
    lists_path().parent.mkdir(parents=True)
    lists_path().write_text("{not json", encoding="utf-8")
    code, out, err = run(capsys, "--content", str(content), "lists", "add", "Mum", "Testazepam")
    assert code == 0 and "damaged" in err and "no saved drug lists" in err
    assert len(list(lists_path().parent.glob("lists.json.damaged-*"))) == 1
    code, out, _ = run(capsys, "--content", str(content), "lists")
    assert out.splitlines() == ["Mum (1)", "  Testazepam"]


# ---------------------------------------------------------------------------- real processes


def rxcombo(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_rxcombo(*argv, cwd=cwd, timeout=60)  # tests/helpers/cli.py, with this file's bound


def test_process_lists_then_combos_of_the_saved_list(content: Path, tmp_path: Path) -> None:
    added = rxcombo(
        "--content", str(content), "lists", "add", "Me", "Testazepam", "Sodium Fakeride", cwd=tmp_path
    )
    assert added.returncode == 0, added.stderr
    shown = rxcombo("lists", "--json", cwd=tmp_path)
    assert json.loads(shown.stdout) == [{"name": "Me", "entries": ["Testazepam", "Sodium Fakeride"]}]
    report = rxcombo(
        "--content", str(content), "combos", "--list", "Me", "Fakeprofen", "--json", cwd=tmp_path
    )
    assert report.returncode == 1, report.stderr
    data = json.loads(report.stdout)
    assert data["drugs"] == ["Testazepam", "Sodium Fakeride", "Fakeprofen"]
    assert data["pairs_without_page"] == [
        ["Testazepam", "Sodium Fakeride"],
        ["Sodium Fakeride", "Fakeprofen"],
    ]


def test_process_combos_without_qt(content: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from rxcombo.cli import main\n"
        f"code = main(['--content', {str(content)!r}, 'combos', 'Testazepam', 'Fakeprofen'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')), code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert result.stdout.splitlines()[-1] == "[] 0"


@pytest.mark.corpus
def test_process_combos_on_the_corpus_with_spaces_in_names(corpus_dir: Path, tmp_path: Path) -> None:
    result = rxcombo(
        "--content", str(corpus_dir), "combos", "sodium chloride", "Aceclofenac + Paracetamol", "paracetamol", "--json",
        cwd=tmp_path,
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert data["drugs"][:3] == ["Sodium Chloride", "Aceclofenac", "Paracetamol"]
    assert data["duplicates"] == [
        {"ingredient": "Paracetamol", "entries": ["Aceclofenac + Paracetamol", "paracetamol"]}
    ]
    assert {"id": "aceclofenac-paracetamol", "title": "Aceclofenac + Paracetamol",
            "covers": ["Aceclofenac", "Paracetamol"]} in data["pages"]  # fmt: skip
