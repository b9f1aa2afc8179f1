"""Full-text search benchmark (issue 13): build, size, queries, memory, typing meanwhile.

    python tests/benchmarks/fulltext.py [--sizes corpus,100000] [--json] [--work-dir DIR]

For each library (``corpus`` is ../shared/corpus; a number is a generated library of that
many pages, kept in ``--work-dir`` between runs; anything else is a folder):

* build: the whole index from nothing, on a worker thread as the window will run it, with
  its thread's CPU time, the process's peak memory and the files' size; then an update
  with nothing changed (what every later start costs) and one with 10 pages changed;
* typing meanwhile: the drug-name search's work per keystroke (``search_rows`` on every
  letter of the name queries, 30 ms apart with a second between queries, short queries
  answered ahead as in the window) before the build and during it, on the main thread,
  with the build pausing while keys are pressed (``--no-pause``: without);
* queries (limit 50, with snippets), each run once after a warm-up: one word (half drawn
  from the whole vocabulary, half from the 500 commonest words), prefixes (each word typed
  from its third letter on), phrases (two or three words in a row from a random section),
  the one-word queries limited to one of the commonest section titles, and the page
  counts a name-search notice needs (``count_pages(at_most=1000)``);
* memory added by searching: resident memory after the queries minus before opening the
  index, in a fresh process that runs the queries.

Query words come from the index's own vocabulary with a fixed seed; nothing is judged
here. Standard library only, besides RxCombo.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_common import REAL_QUERIES, derive_queries, read_titles, summarize  # noqa: E402
from generate_library import generate, is_generated  # noqa: E402

from rxcombo.library import load_library  # noqa: E402
from rxcombo.library.fulltext import open_text_index, text_index_path, update_text_index  # noqa: E402
from rxcombo.search import warm_up_queries  # noqa: E402
from rxcombo.search.fulltext import store  # noqa: E402

CORPUS = HERE.parent.parent.parent / "shared" / "corpus"
KEY_GAP_S = 0.03
THINK_S = 1.0
PAUSE_AFTER_KEY_S = 0.3
MB = 1024 * 1024


def log(message: str) -> None:
    print(f"[fulltext] {message}", file=sys.stderr, flush=True)


def memory_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def prepare(spec: str, work_dir: Path, seed: int) -> Path | None:
    if spec == "corpus":
        return CORPUS if (CORPUS / "composition").is_dir() else None
    if spec.isdigit():
        path = work_dir / f"gen-{spec}-s{seed}"
        if not is_generated(path, int(spec), seed):
            shutil.rmtree(path, ignore_errors=True)
            log(f"generating {spec} pages in {path}")
            generate(path, int(spec), seed)
        return path
    path = Path(spec).expanduser().resolve()
    return path if path.is_dir() else None


class Typist:
    """Types the name queries into the drug-name search as a user would: a letter every
    30 ms, a second's thought between queries. Times ``search_rows`` per letter; as in
    the window, one- and two-letter queries are answered ahead (``warm_up``), and each
    round forgets the answers of the one before. Samples resident memory as it goes."""

    def __init__(self, index: Any, queries: list[str]) -> None:
        self.index, self.queries = index, queries
        self.last_key = 0.0
        self.rss: list[int] = []
        index.warm_up(warm_up_queries(index))

    def typing(self) -> bool:
        """What the window passes as the build's ``pause``: a key was pressed just now."""
        return time.monotonic() - self.last_key < PAUSE_AFTER_KEY_S

    def type(self, until: threading.Event | None) -> list[float]:
        times: list[float] = []
        while True:
            self.index._recent.clear()
            self.index._fuzzy_memo.clear()
            for query in self.queries:
                for end in range(1, len(query) + 1):
                    self.last_key = time.monotonic()
                    started = time.perf_counter()
                    self.index.search_rows(query[:end])
                    times.append((time.perf_counter() - started) * 1000)
                    time.sleep(KEY_GAP_S)
                for _ in range(10):
                    self.rss.append(memory_kb("VmRSS"))
                    time.sleep(THINK_S / 10)
            if until is None or until.is_set():
                return times


def build(library: Any, cache: Path, queries: list[str], pause: bool) -> dict[str, Any]:
    typist = Typist(library.index, queries)
    before = typist.type(None)
    rss = memory_kb("VmRSS")
    result: dict[str, Any] = {}
    done = threading.Event()

    def worker() -> None:
        started, cpu = time.perf_counter(), time.thread_time()
        result["stats"] = update_text_index(library, cache_dir=cache, pause=typist.typing if pause else None)
        result["seconds"], result["cpu"] = time.perf_counter() - started, time.thread_time() - cpu
        done.set()

    thread = threading.Thread(target=worker)
    thread.start()
    during = typist.type(done)
    thread.join()
    path = text_index_path(library.root, cache)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {
        "pages": result["stats"].pages,
        "build_s": round(result["seconds"], 2),
        "build_cpu_s": round(result["cpu"], 2),
        "peak_mb_over_before": round((max(typist.rss, default=rss) - rss) / 1024, 1),
        "paused_while_typing": pause,
        "size_mb": round(path.stat().st_size / MB, 1),
        "keystroke_ms_before": summarize(before),
        "keystroke_ms_during": summarize(during),
    }


def updates(library: Any, cache: Path) -> dict[str, Any]:
    started, cpu = time.perf_counter(), time.process_time()
    stats = update_text_index(library, cache_dir=cache)
    unchanged = (time.perf_counter() - started, time.process_time() - cpu, stats.indexed)
    with sqlite3.connect(text_index_path(library.root, cache)) as connection:
        connection.execute(
            "UPDATE pages SET signature = 'changed' WHERE page IN (SELECT page FROM pages LIMIT 10)"
        )
    started = time.perf_counter()
    stats = update_text_index(library, cache_dir=cache)
    return {
        "unchanged_s": round(unchanged[0], 3),
        "unchanged_cpu_s": round(unchanged[1], 3),
        "ten_changed_s": round(time.perf_counter() - started, 3),
        "ten_changed_read": stats.indexed,
    }


def query_sets(path: Path, rng: random.Random, count: int) -> dict[str, list[tuple[str, str | None]]]:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE VIRTUAL TABLE temp.counts USING fts5vocab(main, fts, 'row')")
        counted = [(term, doc) for term, doc in connection.execute("SELECT term, doc FROM temp.counts")]
        blobs = [row[0] for row in connection.execute("SELECT text FROM pages ORDER BY random() LIMIT 400")]
        sections = [
            t for (t,) in connection.execute("SELECT title FROM section_titles ORDER BY pages DESC LIMIT 8")
        ]
    counted = [(term, doc) for term, doc in counted if term.isalpha() and len(term) >= 4]
    words = [term for term, _ in counted]
    common = [term for term, _ in sorted(counted, key=lambda item: -item[1])[:500]]
    one = rng.sample(words, min(count // 2, len(words))) + rng.sample(common, min(count // 2, len(common)))
    phrases: list[tuple[str, str | None]] = []
    for blob in blobs:
        text = rng.choice(store.unpack_texts(blob)).split()
        if len(text) > 4:
            start = rng.randrange(len(text) - 3)
            phrases.append(('"' + " ".join(text[start : start + rng.choice((2, 3))]) + '"', None))
    typed = [
        (word[:end], None) for word in rng.sample(one, min(30, len(one))) for end in range(3, len(word) + 1)
    ]
    return {
        "one word": [(word, None) for word in one],
        "prefix (typed)": typed,
        "phrase": phrases[:count],
        "one word, one section": [(word, rng.choice(sections)) for word in one],
    }


def queries(root: Path, cache: Path, seed: int, count: int) -> dict[str, Any]:
    """Run in a fresh process (``--queries-of``): its memory before and after is the index's."""
    rss = memory_kb("VmRSS")
    index = open_text_index(root, cache)
    sets = query_sets(index.path, random.Random(seed), count)
    for word, section in sets["one word"][:20]:
        index.search(word, section=section)
    found: dict[str, Any] = {}
    for name, items in sets.items():
        times, ranked = [], 0
        for text, section in items:
            started = time.perf_counter()
            hits = index.search(text, section=section, limit=50)
            times.append((time.perf_counter() - started) * 1000)
            ranked += bool(hits) and hits[0].score is not None
        found[name] = {**(summarize(times) or {}), "ranked": ranked}
    counts = []
    for text, _section in sets["one word"]:
        started = time.perf_counter()
        index.count_pages(text, at_most=1000)
        counts.append((time.perf_counter() - started) * 1000)
    found["page count (notice)"] = summarize(counts)
    return {"queries_ms": found, "memory_added_mb": round((memory_kb("VmRSS") - rss) / 1024, 1)}


def measure(spec: str, root: Path, work_dir: Path, seed: int, count: int, pause: bool) -> dict[str, Any]:
    cache = work_dir / f"cache-{root.name}"
    shutil.rmtree(cache / "fulltext", ignore_errors=True)
    library = load_library(root, cache_dir=cache)
    titles = [title for title, _ in read_titles(root)]
    names = list(REAL_QUERIES) if spec == "corpus" else derive_queries(titles)[0]
    log(f"{spec}: building the index of {len(library.documents)} pages")
    report: dict[str, Any] = {"library": spec, **build(library, cache, names, pause)}
    report.update(updates(library, cache))
    log(f"{spec}: queries")
    command = [sys.executable, __file__, "--queries-of", str(root), str(cache), "--seed", str(seed)]
    child = subprocess.run([*command, "--queries", str(count)], capture_output=True, text=True, check=True)
    report.update(json.loads(child.stdout))
    return report


def table(reports: list[dict[str, Any]]) -> str:
    def cell(stats: dict[str, Any] | None) -> str:
        return "-" if not stats else f"{stats['p50']:.2f} / {stats['p95']:.2f} / {stats['max']:.1f}"

    names = [str(r["library"]) for r in reports]
    lines = ["| | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    rows = [
        ("pages", lambda r: f"{r['pages']:,}"),
        ("build: wall / CPU of its thread (s)", lambda r: f"{r['build_s']} / {r['build_cpu_s']}"),
        ("index size on disk (MB)", lambda r: str(r["size_mb"])),
        ("peak memory during the build (MB over before)", lambda r: str(r["peak_mb_over_before"])),
        ("update, nothing changed: wall / CPU (s)", lambda r: f"{r['unchanged_s']} / {r['unchanged_cpu_s']}"),
        ("update, 10 pages changed (s)", lambda r: str(r["ten_changed_s"])),
        ("name keystroke before the build: p50 / p95 / max (ms)", lambda r: cell(r["keystroke_ms_before"])),
        ("name keystroke during the build: p50 / p95 / max (ms)", lambda r: cell(r["keystroke_ms_during"])),
    ]
    for kind in reports[0]["queries_ms"]:
        rows.append((f"{kind}: p50 / p95 / max (ms)", lambda r, k=kind: cell(r["queries_ms"][k])))
        if kind != "page count (notice)":
            rows.append(
                (
                    f"{kind}: queries, ranked",
                    lambda r, k=kind: f"{r['queries_ms'][k]['n']}, {r['queries_ms'][k]['ranked']}",
                )
            )
    rows.append(("memory added by searching (MB)", lambda r: str(r["memory_added_mb"])))
    for label, value in rows:
        lines.append(f"| {label} | " + " | ".join(value(r) for r in reports) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="RxCombo full-text search benchmark (issue 13).")
    parser.add_argument("--sizes", default="corpus,100000", help="corpus, page counts or folders")
    parser.add_argument("--queries", type=int, default=200, help="one-word queries (and phrases)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work-dir", type=Path, default=Path("/tmp/rxcombo-bench"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-pause", action="store_true", help="the build does not wait while typing")
    parser.add_argument("--queries-of", nargs=2, type=Path, metavar=("ROOT", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.queries_of:
        print(json.dumps(queries(*args.queries_of, args.seed, args.queries)))
        return 0
    args.work_dir.mkdir(parents=True, exist_ok=True)
    reports, skipped = [], []
    for spec in filter(None, (part.strip() for part in args.sizes.split(","))):
        root = prepare(spec, args.work_dir, args.seed)
        if root is None:
            skipped.append(spec)
            continue
        reports.append(measure(spec, root, args.work_dir, args.seed, args.queries, not args.no_pause))
    meta = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version, "skipped": skipped}
    if args.json:
        print(json.dumps({"meta": meta, "libraries": reports}, indent=2))
    elif reports:
        print(table(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
