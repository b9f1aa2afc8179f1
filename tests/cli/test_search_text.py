"""``rxcombo search --text``: every word of every page, as a user runs it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers.fulltext import corpus_cache, damage_table, write_library, write_page
from rxcombo import wording
from rxcombo.cli import main
from rxcombo.library import load_library
from rxcombo.library.fulltext import text_index_path
from rxcombo.search.fulltext.plain import fold_text

NOTE = re.compile(r"^Indexing \d+ pages? for full-text search \(kept in .+, reused next time\)…$")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_library(tmp_path / "pages")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_results_best_first(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--content", str(content), "search", "--text", "fakarin", "--json")
    assert code == 0
    answer = json.loads(out)
    assert answer["query"] == "fakarin" and answer["notice"] is None and answer["related"] == []
    assert answer["results"][0]["title"] == "Fakarin"
    assert {row["title"] for row in answer["results"]} == {
        "Fakarin",
        "Testazepam",
        "Fakeprofen + Mockacillin",
    }
    for row in answer["results"]:
        assert set(row) == {"id", "title", "section", "snippet"}
        assert "fakarin" in fold_text(row["snippet"])
    assert NOTE.match(err.strip()), err  # built on first use, and said so


def test_the_index_is_reused_and_updated(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--content", str(content), "search", "--text", "fakarin")
    code, out, err = run(capsys, "--content", str(content), "search", "--text", "fakarin")
    assert code == 0 and err == ""  # nothing changed: nothing built, nothing said
    write_page(content, "Shamoxetine", {"Usage": "Now it mentions Fakarin too."})
    code, out, err = run(capsys, "--content", str(content), "search", "--text", "fakarin")
    assert err.strip().startswith("Indexing 1 page for full-text search")
    assert "shamoxetine\tShamoxetine\tUsage\tNow it mentions Fakarin too." in out.splitlines()


def test_text_output_is_one_row_per_page(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(content), "search", "--text", "rhabdo")
    assert code == 0
    assert out.splitlines() == [
        "testazepam\tTestazepam\tSide Effects\tFictional muscle pain; rarely rhabdomyolysis (made up)."
    ]


def test_section_and_limit(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--content", str(content), "search", "--text", "fakarin", "--section", "interactions", "--json"]
    code, out, _ = run(capsys, *argv)
    results = json.loads(out)["results"]
    assert code == 0 and {row["section"] for row in results} == {"Interactions"} and len(results) == 2
    code, out, _ = run(capsys, *argv, "--limit", "1")
    assert len(json.loads(out)["results"]) == 1
    code, out, _ = run(capsys, "--content", str(content), "search", '"side effects of"', "--text", "--json")
    assert [row["title"] for row in json.loads(out)["results"]] == ["Fakarin"]


def test_nothing_found_is_a_notice(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(content), "search", "--text", "xyzzy")
    assert code == 1 and out.splitlines() == ["No page mentions 'xyzzy'."]
    code, out, _ = run(capsys, "--content", str(content), "search", "--text", "fakarin", "xyzzy", "--json")
    answer = json.loads(out)
    assert code == 1 and answer["results"] == [] and answer["related"] == []
    assert answer["notice"] == wording.no_page_mentions("fakarin xyzzy", 2)
    assert answer["notice"].endswith(wording.NOT_A_SIGN_OF_SAFETY)


@pytest.mark.parametrize(
    "query",
    ["NEAR(fakarin", '"fakarin', "title: fakarin", "fakarin*", "fakarin -x", "{body}:x", "x OR fakarin"],
)
def test_hostile_text_is_words(content: Path, capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, out, err = run(capsys, "--content", str(content), "search", "--text", query, "--json")
    assert code in (0, 1) and "Traceback" not in err
    for row in json.loads(out)["results"]:
        assert "fakarin" in fold_text(row["title"] + " " + row["snippet"])


def test_usage_errors(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--content", str(content), "search", "fakarin", "--section", "Usage"])
    assert exit_info.value.code == 2 and "--section needs --text" in capsys.readouterr().err
    code, _out, err = run(capsys, "--content", str(content), "search", "--text", "*")
    assert code == 2 and "needs words" in err


def test_without_fts5_the_reason_is_said(
    content: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    from rxcombo.cli import text_search

    monkeypatch.setattr(text_search, "fts5_missing", lambda: "Full-text search needs SQLite's FTS5 module.")
    code, out, err = run(capsys, "--content", str(content), "search", "--text", "fakarin")
    assert code == 1 and out == "" and err.strip() == "Full-text search needs SQLite's FTS5 module."


@pytest.mark.parametrize("damage", ["garbage", "fts_data"])
def test_a_damaged_index_is_rebuilt(content: Path, capsys: pytest.CaptureFixture[str], damage: str) -> None:
    run(capsys, "--content", str(content), "search", "--text", "fakarin")
    path = text_index_path(content)
    if damage == "garbage":
        path.write_bytes(b"\x00garbage" * 1000)
    else:
        damage_table(path, damage)
    code, out, err = run(capsys, "--content", str(content), "search", "--text", "rhabdomyolysis")
    assert code == 0 and out.startswith("testazepam\tTestazepam\tSide Effects")
    assert NOTE.match(err.strip()), err


@pytest.mark.corpus
def test_corpus_rhabdomyolysis(
    corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory, capsys, monkeypatch
) -> None:
    base = tmp_path_factory.getbasetemp() / "fulltext-corpus"
    corpus_cache(base, corpus_dir)
    monkeypatch.setenv("XDG_CACHE_HOME", str(base))  # the session's index: not built twice
    code, out, err = run(
        capsys, "--content", str(corpus_dir), "search", "--text", "rhabdomyolysis", "--json", "--limit", "20"
    )
    assert code == 0 and err == ""
    results = json.loads(out)["results"]
    assert len(results) == 20 and len({row["id"] for row in results}) == 20
    library = load_library(corpus_dir, cache_dir=base / "RxCombo")
    for row in results:
        page = library.get(row["id"])
        assert page is not None and "rhabdomyolysis" in page.path.read_text(encoding="utf-8").casefold()
        assert "rhabdomyolysis" in row["snippet"].casefold()
