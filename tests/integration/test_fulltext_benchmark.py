"""The full-text benchmark (tests/benchmarks/fulltext.py) runs end to end on a small generated
library; no figure is judged here, only that each is there and plausible."""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import ROOT

SCRIPT = ROOT / "tests" / "benchmarks" / "fulltext.py"


def test_the_fulltext_benchmark_reports_every_figure(tmp_path) -> None:
    command = [
        sys.executable,
        str(SCRIPT),
        "--sizes",
        "150",
        "--queries",
        "20",
        "--json",
        "--work-dir",
        str(tmp_path),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    (library,) = json.loads(result.stdout)["libraries"]
    assert library["pages"] == 150 and library["size_mb"] > 0
    assert library["build_s"] > 0 and library["build_cpu_s"] > 0
    assert library["ten_changed_read"] == 10 and library["unchanged_s"] >= 0
    for key in ("keystroke_ms_before", "keystroke_ms_during"):
        assert library[key]["n"] > 0 and library[key]["p50"] <= library[key]["p95"] <= library[key]["max"]
    kinds = library["queries_ms"]
    assert set(kinds) == {
        "one word",
        "prefix (typed)",
        "phrase",
        "one word, one section",
        "page count (notice)",
    }
    for name, stats in kinds.items():
        assert stats["n"] > 0 and stats["p50"] <= stats["p95"] <= stats["max"], name
    assert kinds["one word"]["ranked"] > 0
