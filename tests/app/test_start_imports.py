"""What a warm start imports before its list is on screen, and what it prepares after.

A start is a look-up's first cost: the page reader, what a page shows, the front-matter and
Markdown parsers and the HTML cleaner are not needed to paint the list, and are imported
just after the paint (one per turn of the event loop), before the user's first Enter.
Run in a child process: this test process has imported everything already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from helpers import ROOT

# Imported after the first paint: none of them paints the list.
AFTER_THE_PAINT = (
    "frontmatter",
    "markdown",
    "nh3",
    "rxcombo.content.meta",
    "rxcombo.content.reader",
    "rxcombo.content.sections",
    "rxcombo.content.shown",
    "rxcombo.ui.page.find_bar",
    "rxcombo.ui.page.notice_panel",
    "rxcombo.ui.sidebar.text_results",
    "yaml",
)

START = """
import json, sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from rxcombo.app.startup import disclaimer_text
from rxcombo.dirs import cache_dir, settings_path
from rxcombo.support import timing
from rxcombo.userdata import SettingsStore, record_acceptance

settings = SettingsStore(settings_path())
settings.load()
record_acceptance(settings, disclaimer_text())
settings.save()
watched = json.loads(sys.argv[2])
first = sys.argv[3] == "first"  # the first start must also have written the library's cache
seen = {"threads": {}}


class WhoImports:
    # Records the thread that first imports each watched module (only the main thread may).
    def find_spec(self, name, path=None, target=None):
        if name in watched:
            seen["threads"].setdefault(name, threading.current_thread().name)
        return None


sys.meta_path.insert(0, WhoImports())


def mark(name, detail=""):
    if name == "first-paint":
        seen["at_paint"] = [m for m in watched if m in sys.modules]
        panes = [w.search_pane for w in QApplication.topLevelWidgets() if hasattr(w, "search_pane")]
        seen["text panel at paint"] = [pane.text_mode.panel_made() for pane in panes]
        waited = [0]

        def poll():
            waited[0] += 1
            cached = not first or any((cache_dir() / "libraries").glob("*.pickle"))
            if (cached and all(m in sys.modules for m in watched)) or waited[0] > 300:
                seen["later"] = [m for m in watched if m in sys.modules]
                views = [w.page_view for w in QApplication.topLevelWidgets() if hasattr(w, "page_view")]
                seen["parts made"] = [v.find_bar_made() or v.notice_panel_made() for v in views]
                QApplication.quit()
            else:
                QTimer.singleShot(50, poll)

        poll()


timing.mark = mark
from rxcombo.entry import main
code = main(["--content", sys.argv[1], "--new-instance"])
print(json.dumps(seen))
sys.exit(code)
"""


def _start(which: str) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", START, str(ROOT / "data"), json.dumps(AFTER_THE_PAINT), which],
        capture_output=True, text=True, timeout=60, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    seen: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return seen


def test_a_warm_start_paints_its_list_before_the_page_parsers_and_prepares_them_after() -> None:
    _start("first")  # it reads the pages and caches the library (once its list is painted)
    warm = _start("warm")
    assert warm["at_paint"] == []
    assert warm["later"] == list(AFTER_THE_PAINT)  # within 15 s of the paint
    assert warm["parts made"] == [False]  # the find bar and the notice panel: when first needed
    assert warm["text panel at paint"] == [False]  # the text search's results: when first needed
    assert set(warm["threads"].values()) == {"MainThread"}, warm["threads"]
