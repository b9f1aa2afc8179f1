"""Running the real ``rxcombo`` command in a child process, output read as UTF-8."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def rxcombo(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rxcombo", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
