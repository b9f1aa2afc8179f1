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
    "yaml",
)

START = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from rxcombo.app.startup import disclaimer_text
from rxcombo.dirs import settings_path
from rxcombo.support import timing
from rxcombo.userdata import SettingsStore, record_acceptance

settings = SettingsStore(settings_path())
settings.load()
record_acceptance(settings, disclaimer_text())
settings.save()
watched = json.loads(sys.argv[2])
seen = {}

def mark(name, detail=""):
    if name == "first-paint":
        seen["at_paint"] = [m for m in watched if m in sys.modules]
        def later():
            seen["later"] = [m for m in watched if m in sys.modules]
            QApplication.quit()
        QTimer.singleShot(1500, later)

timing.mark = mark
from rxcombo.cli import main
code = main(["--content", sys.argv[1], "--new-instance"])
print(json.dumps(seen))
sys.exit(code)
"""


def _start() -> dict[str, list[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", START, str(ROOT / "data"), json.dumps(AFTER_THE_PAINT)],
        capture_output=True, text=True, timeout=60, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    seen: dict[str, list[str]] = json.loads(result.stdout.strip().splitlines()[-1])
    return seen


def test_a_warm_start_paints_its_list_before_the_page_parsers_and_prepares_them_after() -> None:
    _start()  # the first start reads the pages and caches the library
    warm = _start()
    assert warm["at_paint"] == []
    assert warm["later"] == list(AFTER_THE_PAINT)
