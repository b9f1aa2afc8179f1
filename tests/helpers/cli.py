"""Running the real ``rxcombo`` command in a child process, output read as UTF-8."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def rxcombo(*argv: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The environment (the test's private XDG folders among it) is passed on."""
    return subprocess.run(
        [sys.executable, "-m", "rxcombo", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
