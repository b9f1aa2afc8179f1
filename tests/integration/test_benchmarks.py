"""The benchmark runs end to end (tests/benchmarks/run.py); no figure is judged here.

A 200-page generated library, one warm run: every field of the JSON report is present and
plausible. Speed targets are checked by reading the report, not by this test, since they
depend on the machine.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from helpers import ROOT

BENCH = ROOT / "tests" / "benchmarks"
PAGES = 200


def _positive(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


def _ordered(stats: dict) -> None:
    assert stats["n"] > 0
    for key in ("p50", "p95", "p99", "max", "mean"):
        assert isinstance(stats[key], int | float) and stats[key] >= 0, (key, stats)
    assert stats["p50"] <= stats["p95"] <= stats["p99"] <= stats["max"], stats


def test_generator_is_deterministic_and_shaped_like_the_corpus(tmp_path):
    sys.path.insert(0, str(BENCH))
    try:
        from generate_library import generate
    finally:
        sys.path.remove(str(BENCH))
    first = generate(tmp_path / "one", 300, seed=3)
    second = generate(tmp_path / "two", 300, seed=3)
    files = sorted(p.relative_to(first) for p in first.rglob("*.md"))
    assert len(files) == 300
    assert files == sorted(p.relative_to(second) for p in second.rglob("*.md"))
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files[:20])
    text = (first / files[0]).read_text(encoding="utf-8")
    assert text.startswith("---\nlayout: minimal-medicine\ntitle: ")
    for heading in ("### Generic Name", "### Usage", "### Dosage", "### Side Effects", "### How it Works",
                    "### Precautions", "### FAQs"):  # fmt: skip
        assert heading in text
    assert all(len(f.parts) == 3 and f.parts[0] == "composition" and len(f.parts[1]) == 1 for f in files)
    singles = sum(1 for f in files if " + " not in (first / f).read_text(encoding="utf-8").split("\n")[2])
    assert 0.5 < singles / 300 < 0.75
    size = sum((first / f).stat().st_size for f in files) / 300
    assert 4000 < size < 7000


@pytest.mark.xvfb
def test_benchmark_reports_every_field(tmp_path):
    if not shutil.which("Xvfb"):
        pytest.skip("needs Xvfb (apt-get install xvfb xdotool)")
    command = [
        sys.executable, str(BENCH / "run.py"), "--json", "--sizes", str(PAGES), "--runs", "1",
        "--work-dir", str(tmp_path / "work"), "--out", str(tmp_path / "out"), "--timeout", "60",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=240, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(result.stdout)
    assert (tmp_path / "out" / "results.json").exists()

    meta = report["meta"]
    for key in ("python", "pyside6", "cpus", "loadavg_start", "loadavg_end", "runs", "method"):
        assert meta[key], key
    assert report["skipped"] == []
    assert report["memory_growth"] is None  # one library: no slope

    (library,) = report["libraries"]
    assert library["pages"] == PAGES and library["generated"] is True
    start = library["start"]
    for key in (
        "cold_usable_s", "cold_window_shown_s", "cold_list_ready_s", "cold_cpu_s",
        "warm_usable_s", "warm_window_shown_s", "warm_list_ready_s", "warm_cpu_s",
        "bare_usable_s", "bare_cpu_s", "warm_over_bare", "warm_over_bare_cpu",
    ):  # fmt: skip
        assert _positive(start[key]), (key, start[key])
    assert start["cold_window_shown_s"] <= start["cold_list_ready_s"] <= start["cold_usable_s"]
    assert start["cold_usable_s"] < 60 and start["warm_usable_s"] < 60
    assert len(start["runs"]["warm"]) == len(start["runs"]["bare"]) == len(start["runs"]["floor"]) == 1
    for run in (
        start["runs"]["cold"],
        *start["runs"]["warm"],
        *start["runs"]["bare"],
        *start["runs"]["floor"],
    ):
        assert run["exit_code"] in (0, -15), run
    # Seen from the X server: each window mapped, and its pixels settled no earlier than the
    # process itself says it painted (a watcher on the wrong window, or one that stopped
    # sampling at the map, would report less).
    outside = start["outside"]
    for who in ("warm", "floor", "bare"):
        assert _positive(outside[f"{who}_map"]) and _positive(outside[f"{who}_painted"]), who
    for run in (*start["runs"]["warm"], *start["runs"]["floor"], *start["runs"]["bare"]):
        assert run["x_painted_s"] >= run["first_paint_s"] - 0.05, run
    assert _positive(outside["warm_over_floor_painted"]) and _positive(outside["warm_over_floor_map"])

    keys = library["keystroke_ms"]
    for name in ("work", "settled", "engine", "clear"):
        _ordered(keys[name])
    typed = sum(len(query) for query in library["queries"])
    assert len(library["queries"]) >= 4 and keys["work"]["n"] == typed
    assert keys["work"]["p50"] <= keys["settled"]["p50"]
    assert keys["paints_per_key"] > 0.5  # the list repainted: "settled" includes a paint

    pages = library["page_open_ms"]
    _ordered(pages["work"])
    _ordered(pages["settled"])
    assert pages["work"]["n"] == 50 and pages["pages_with_tabs"] == 50

    memory = library["memory_mb"]
    for key in ("warm_rss", "cold_rss", "cold_peak", "bare_rss", "floor_rss"):
        assert 10 < memory[key] < 4000, (key, memory[key])
    assert memory["over_bare"] == pytest.approx(memory["warm_rss"] - memory["bare_rss"], abs=0.11)
    assert library["cache_mb"]["after_warm"] >= 0


def test_combos_benchmark_runs_on_a_generated_library(tmp_path):
    """tests/benchmarks/combos.py end to end on 300 fake pages: every list size is reported."""
    sys.path.insert(0, str(BENCH))
    try:
        from generate_library import generate
    finally:
        sys.path.remove(str(BENCH))
    pages = generate(tmp_path / "pages", 300, seed=5)
    result = subprocess.run(
        [sys.executable, str(BENCH / "combos.py"), str(pages), "--runs", "2", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["pages"] == 300
    sizes = {(row["entries"], row["kind"]) for row in report["reports"]}
    assert {(30, "most pages"), (30, "random"), (30, "with products")} <= sizes
    thirty = next(row for row in report["reports"] if row["entries"] == 30 and row["kind"] == "random")
    assert thirty["pairs"] == 435
    _ordered(thirty["ms"])
    assert set(report["exports_30"]) == {"text", "markdown", "csv"}
    _ordered(report["completion_keystroke_ms"])
