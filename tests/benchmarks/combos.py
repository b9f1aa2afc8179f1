"""How long the combination report of a drug list takes, against the one-frame budget.

    python tests/benchmarks/combos.py [PAGES_DIR] [--runs N] [--json]

The window recomputes the whole report (rxcombo.search.combos) each time a drug is added
to or removed from the open list, so one report must fit in a frame (16.7 ms at 60 Hz).
Lists measured, on the corpus by default (any folder of pages works):

* "most pages": the drugs named on the most pages (Paracetamol and the like), the worst
  case: every one of them brings hundreds of pages to sort through;
* "random": drugs drawn from the whole library (seeded, 5 different lists per size);
* "with products": a random list whose last fifth are combination products (page titles).

Times are wall clock (what the user waits) with this process's CPU time beside: on shared
cores the two part. A "max" far above p95 is most often Python's full garbage collection,
which a real window meets too.

Each list is timed ``--runs`` times with one DrugNames for the library (the window keeps
one per library, and building it takes about 1 ms more), then the exports of the 30-drug
list, then completion: every prefix of each drug name of that list, typed letter by letter,
as the completer sees it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_common import summarize

from rxcombo.library import Library, load_library
from rxcombo.search.combos import combination_report
from rxcombo.search.combos_export import report_csv, report_markdown, report_text
from rxcombo.search.drug_names import DrugNames

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
SIZES = (2, 5, 10, 20, 30, 50)
FRAME_MS = 1000 / 60


def timed(action: Callable[[], object], runs: int, cpu: list[float] | None = None) -> list[float]:
    """Wall-clock milliseconds of each run; ``cpu`` gets this process's CPU milliseconds."""
    times = []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        times.append((time.perf_counter() - started) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - started_cpu) * 1000)
    return times


def lists_to_measure(library: Library, size: int) -> dict[str, list[list[str]]]:
    drugs = library.drugs
    busiest = sorted(drugs, key=lambda d: (-len(d.page_ids), d.key))[:size]
    products = [d.title for d in library.documents if len(d.drug_keys) >= 2]
    random_lists, product_lists = [], []
    for seed in range(5):
        rng = random.Random(seed * 1000 + size)
        random_lists.append([d.name for d in rng.sample(drugs, min(size, len(drugs)))])
        singles = [d.name for d in rng.sample(drugs, min(size - size // 5, len(drugs)))]
        product_lists.append(singles + rng.sample(products, min(size // 5, len(products))))
    return {
        "most pages": [[d.name for d in busiest]],
        "random": random_lists,
        "with products": product_lists,
    }


def measure(library: Library, runs: int) -> dict[str, Any]:
    names = DrugNames(library)
    rows = []
    for size in SIZES:
        for kind, lists in lists_to_measure(library, size).items():
            times: list[float] = []
            cpu: list[float] = []
            reports = []
            for entries in lists:
                times += timed(lambda entries=entries: combination_report(library, entries, names), runs, cpu)
                reports.append(combination_report(library, entries, names))
            stats = summarize(times, 2) or {}
            rows.append(
                {
                    "entries": size,
                    "kind": kind,
                    "pairs": max(r.pair_count for r in reports),
                    "pairs_without_page": round(
                        sum(len(r.pairs_without_page) for r in reports) / len(reports)
                    ),
                    "pages": round(sum(len(r.pages) for r in reports) / len(reports)),
                    "ms": stats,
                    "cpu_ms": summarize(cpu, 2),
                }
            )
    biggest = lists_to_measure(library, 30)["most pages"][0]
    report = combination_report(library, biggest)
    exports = {
        name: summarize(timed(lambda export=export: export(report), runs), 2)
        for name, export in (("text", report_text), ("markdown", report_markdown), ("csv", report_csv))
    }
    names.suggest("warm")  # the first call builds the word postings
    keystrokes = [
        t
        for drug in biggest
        for end in range(1, len(drug) + 1)
        for t in timed(lambda prefix=drug[:end]: names.suggest(prefix), 1)
    ]
    return {
        "pages": len(library.documents),
        "drugs": len(library.drugs),
        "runs": runs,
        "reports": rows,
        "exports_30": exports,
        "completion_keystroke_ms": summarize(keystrokes, 2),
    }


def print_table(result: dict[str, Any]) -> None:
    print(f"{result['pages']} pages, {result['drugs']} drugs; {result['runs']} runs per list")
    print(f"{'entries':>7} {'list':<14} {'pairs':>6} {'no page':>8} {'pages':>6} "
          f"{'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'cpu p50':>8}  p95 in a frame")  # fmt: skip
    for row in result["reports"]:
        ms = row["ms"]
        fits = "yes" if ms["p95"] <= FRAME_MS else "NO"
        print(
            f"{row['entries']:>7} {row['kind']:<14} {row['pairs']:>6} {row['pairs_without_page']:>8} "
            f"{row['pages']:>6} {ms['p50']:>7} {ms['p95']:>7} {ms['max']:>7} {row['cpu_ms']['p50']:>8}  {fits}"
        )
    exports = result["exports_30"]
    print("exports of the 30-drug 'most pages' list, p50 / p95 ms: " + "; ".join(
        f"{name} {stats['p50']} / {stats['p95']}" for name, stats in exports.items()
    ))  # fmt: skip
    keys = result["completion_keystroke_ms"]
    print(f"completion per keystroke ({keys['n']} prefixes): p50 {keys['p50']} ms, "
          f"p95 {keys['p95']} ms, max {keys['max']} ms")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        library = load_library(args.pages, cache_dir=Path(cache))
    result = measure(library, max(1, args.runs))
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print_table(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
