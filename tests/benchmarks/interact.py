"""Keystroke and page-open timings, in-process, with the real window.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/interact.py DIR --queries JSON [--profile]

Starts the app the way ``rxcombo`` does (``Launcher``: settings, favorites, disclaimer
check, ``MainWindow``, the loader thread) and waits for ``library_loaded``. Then:

* keystrokes: each query is typed letter by letter as real ``QKeyEvent``s sent to the
  search field. ``work`` is the time ``sendEvent`` takes (the query, the model reset, the
  selection); ``settled`` adds the event processing until the list has been reset and
  repainted (``QApplication.processEvents``), so it is what "one frame" is about. Before
  each query, Escape clears the field (timed apart as ``clear``: it lists every page).
  Typing starts once the process is idle (the app warms its search up in the background
  after loading). Each query is typed once by default: the index remembers recent
  answers, so a second pass would time dictionary look-ups. ``engine`` times
  ``SearchIndex.search`` (the full ranking, not memoised) alone on the same prefixes.
* page opens: ``window.open_page(id)`` for 50 pages picked with a fixed seed; ``work`` is
  the call (every tab rendered), ``settled`` adds the paint.
* ``--profile``: one more typing pass under cProfile, after emptying the index's memo of
  recent answers, and 50 more page opens (other pages); the top functions by cumulative
  and own time, per keystroke and per page open.

Prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import sys
import time
from pathlib import Path
from typing import Any

from bench_common import summarize
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from rxcombo.app.startup import Launcher, make_application
from rxcombo.support import gc_pause

PAGE_SAMPLE = 50
SETTLE_GRACE_S = 0.1


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _key_for(char: str) -> Qt.Key:
    if char == " ":
        return Qt.Key.Key_Space
    if char.isalnum() and char.isascii():
        return Qt.Key(ord(char.upper()))
    return Qt.Key.Key_unknown


def _wait_loaded(app: QApplication, launcher: Launcher, timeout_s: float) -> float:
    started = time.perf_counter()
    if launcher.dialog is not None:  # settings without an accepted disclaimer
        launcher.dialog.accept()
    deadline = started + timeout_s
    while launcher.window is None or launcher.window.library is None:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"the library did not load within {timeout_s} s")
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        if launcher.window is not None:
            launcher.window.library_loaded.connect(loop.quit)
        loop.exec()
    app.processEvents()
    return time.perf_counter() - started


def _wait_quiet(app: QApplication, quiet_s: float = 0.3, timeout_s: float = 120) -> float:
    """Let background work after loading (the search warm-up thread) finish: wait until
    this process used under 5 ms of CPU in ``quiet_s``. Returns the seconds waited."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout_s:
        cpu = time.process_time()
        window_end = time.perf_counter() + quiet_s
        while time.perf_counter() < window_end:
            app.processEvents()
            time.sleep(0.01)
        if time.process_time() - cpu < 0.005:
            break
    return time.perf_counter() - started


def _forget_recent_queries(window: Any) -> bool:
    """Empty the search index's memo of recent answers (if it has one), so a pass measures
    the search itself rather than a dictionary look-up."""
    library = window.library
    recent = getattr(library.index if library is not None else None, "_recent", None)
    if isinstance(recent, dict):
        recent.clear()
        return True
    return False


class Typist:
    def __init__(self, app: QApplication, window: Any) -> None:
        self.app = app
        self.window = window
        self.field = window.search_pane.search_field
        self.resets = 0
        self.paints = _PaintCounter()
        self._watched: set[int] = set()

    def _watch_current_view(self) -> None:
        view = self.window.search_pane.current_item_view()
        model = view.model()
        if id(model) not in self._watched:
            self._watched.add(id(model))
            for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
                signal.connect(self._count)
            view.viewport().installEventFilter(self.paints)

    def _count(self, *_args: object) -> None:
        self.resets += 1

    def key(self, key: Qt.Key, text: str = "") -> tuple[float, float, int]:
        """(work ms, settled ms, paints) of one key press."""
        self._watch_current_view()
        press = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
        release = QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, text)
        resets, paints = self.resets, self.paints.count
        started = time.perf_counter()
        QApplication.sendEvent(self.field, press)
        worked = time.perf_counter()
        # The list has settled once its model changed and the pending events (the paint)
        # have run. A model that changes later (a debounce timer) is waited for, up to
        # SETTLE_GRACE_S; a key that changes nothing (Escape in an empty field) settles at once.
        self.app.processEvents()
        settled = time.perf_counter()
        deadline = settled + SETTLE_GRACE_S
        while self.resets == resets and time.perf_counter() < deadline:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 1)
            if self.resets != resets:
                self.app.processEvents()
                settled = time.perf_counter()
        QApplication.sendEvent(self.field, release)
        return (worked - started) * 1000, (settled - started) * 1000, self.paints.count - paints

    def clear(self) -> tuple[float, float, int]:
        return self.key(Qt.Key.Key_Escape)

    def type_query(self, query: str) -> list[tuple[str, float, float, int]]:
        timings = []
        for position, char in enumerate(query, 1):
            work, settled, paints = self.key(_key_for(char), char)
            timings.append((query[:position], work, settled, paints))
        return timings


def _profile_rows(
    stats: pstats.Stats, sort: str, keys: int, limit: int = 15, unit: str = "key"
) -> list[dict[str, Any]]:
    rows = []
    entries = stats.stats  # type: ignore[attr-defined]
    ordered = sorted(
        entries.items(), key=lambda item: item[1][3 if sort == "cumulative" else 2], reverse=True
    )
    for (filename, line, function), (_cc, calls, tottime, cumtime, _callers) in ordered[:limit]:
        short = filename
        for marker in ("site-packages/", "desktop/", "lib/python3"):
            if marker in filename:
                short = filename.split(marker, 1)[1]
                break
        rows.append(
            {
                "function": f"{short}:{line}({function})",
                f"calls_per_{unit}": round(calls / keys, 1),
                f"own_ms_per_{unit}": round(tottime * 1000 / keys, 3),
                f"cum_ms_per_{unit}": round(cumtime * 1000 / keys, 3),
            }
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("content", type=Path)
    parser.add_argument("--queries", required=True, help="JSON list of queries")
    parser.add_argument("--rounds", type=int, default=1, help="typing passes over the queries")
    parser.add_argument("--profile", action="store_true", help="add a cProfile'd typing pass")
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    queries: list[str] = json.loads(args.queries)

    gc_pause.pause()  # as the rxcombo command does: the window resumes (and freezes) at its paint
    app = make_application([sys.argv[0]])
    launcher = Launcher(args.content)
    launcher.launch()
    load_s = _wait_loaded(app, launcher, args.timeout)
    window = launcher.window
    assert window is not None
    window.resize(1100, 720)
    app.processEvents()
    quiet_s = _wait_quiet(app)
    typist = Typist(app, window)

    keys: list[dict[str, Any]] = []
    clears: list[float] = []
    for _round in range(args.rounds):
        for query in queries:
            clears.append(typist.clear()[1])
            for prefix, work, settled, paints in typist.type_query(query):
                rows = window.search_pane.current_item_view().model().rowCount()
                keys.append(
                    {"prefix": prefix, "work": work, "settled": settled, "paints": paints, "rows": rows}
                )
    typist.clear()

    index = window.library.index
    engine: list[float] = []
    if index is not None and hasattr(index, "search"):
        for entry in keys:
            started = time.perf_counter()
            index.search(entry["prefix"])
            engine.append((time.perf_counter() - started) * 1000)

    documents = window.library.documents
    sample = random.Random(0).sample(range(len(documents)), min(PAGE_SAMPLE, len(documents)))
    opens: list[dict[str, Any]] = []
    for number in sample:
        page_id = documents[number].id
        started = time.perf_counter()
        window.open_page(page_id)
        worked = time.perf_counter()
        app.processEvents()
        settled = time.perf_counter()
        opens.append(
            {
                "id": page_id,
                "work": (worked - started) * 1000,
                "settled": (settled - started) * 1000,
                "tabs": len(window.page_view.tab_titles()),
            }
        )

    profile: dict[str, Any] | None = None
    page_profile: dict[str, Any] | None = None
    if args.profile:
        memo_cleared = _forget_recent_queries(window)
        profiler = cProfile.Profile()
        count = 0
        for query in queries:
            typist.clear()
            profiler.enable()
            count += len(typist.type_query(query))
            profiler.disable()
        stats = pstats.Stats(profiler)
        total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
        profile = {
            "keys": count,
            "memo_cleared": memo_cleared,
            "total_ms_per_key": round(total * 1000 / max(count, 1), 3),
            "by_cumulative": _profile_rows(stats, "cumulative", max(count, 1)),
            "by_own_time": _profile_rows(stats, "tottime", max(count, 1)),
        }
        # Page opens: 50 other pages than the timed ones (a page opened before may be reused).
        others = [n for n in range(len(documents)) if n not in set(sample)]
        profiled = random.Random(1).sample(others, min(PAGE_SAMPLE, len(others)))
        profiler = cProfile.Profile()
        for number in profiled:
            profiler.enable()
            window.open_page(documents[number].id)
            app.processEvents()
            profiler.disable()
        if profiled:
            stats = pstats.Stats(profiler)
            total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
            page_profile = {
                "opens": len(profiled),
                "total_ms_per_open": round(total * 1000 / len(profiled), 3),
                "by_cumulative": _profile_rows(stats, "cumulative", len(profiled), 20, "open"),
                "by_own_time": _profile_rows(stats, "tottime", len(profiled), 15, "open"),
            }

    result = {
        "pages": len(documents),
        "load_s": round(load_s, 3),
        "background_work_s": round(quiet_s, 3),
        "queries": queries,
        "keystroke_ms": {
            "work": summarize(k["work"] for k in keys),
            "settled": summarize(k["settled"] for k in keys),
            "engine": summarize(engine),
            "clear": summarize(clears),
            "paints_per_key": round(sum(k["paints"] for k in keys) / max(len(keys), 1), 2),
            "slowest": sorted(
                ({"prefix": k["prefix"], "work": round(k["work"], 2), "rows": k["rows"]} for k in keys),
                key=lambda k: -k["work"],
            )[:8],
        },
        "page_open_ms": {
            "work": summarize(o["work"] for o in opens),
            "settled": summarize(o["settled"] for o in opens),
            "pages_with_tabs": sum(1 for o in opens if o["tabs"]),
            "slowest": sorted(
                ({"id": o["id"], "settled": round(o["settled"], 2)} for o in opens),
                key=lambda o: -o["settled"],
            )[:5],
        },
        "keystroke_profile": profile,
        "page_open_profile": page_profile,
    }
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    sys.stdout.flush()
    window.stop_loaders()  # the text index may still be building: Qt aborts on a running QThread
    return 0


if __name__ == "__main__":
    sys.exit(main())
