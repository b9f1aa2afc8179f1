"""Running the rxcombo command twice in processes of their own, with one start-up code
cache installed as rxcombo.entry installs it, to see what each run read and compiled."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
from rxcombo.support import {module}
cache = {module}.install()  # what rxcombo.entry.main does first
before = len(cache.cached)
from rxcombo.entry import main
code = main(sys.argv[2:])
print(before, cache.compiled)
sys.exit(code)
"""


def two_runs(module: str, command: list[str]) -> list[tuple[int, int]]:
    """(entries read from the cache, entries compiled) of each of two runs of ``command``."""
    runs = []
    for _ in range(2):
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT.format(module=module), "-", *command],
            capture_output=True, text=True, env={**os.environ}, timeout=60, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        read, compiled = (int(number) for number in result.stdout.split()[-2:])
        runs.append((read, compiled))
    return runs


def cache_file(cache_home: Path, name: str) -> Path:
    return cache_home / "RxCombo" / name
