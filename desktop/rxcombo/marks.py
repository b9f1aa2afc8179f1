"""Start-up timing marks for the benchmark (``RXCOMBO_BENCH_MARKS=1``), off by default.

Each mark is one stderr line: ``rxcombo-mark <name> <seconds since process start>
<unix time>``. The process start comes from /proc (Linux); elsewhere the first column is
measured from this module's import.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ENABLED = bool(os.environ.get("RXCOMBO_BENCH_MARKS"))


def _process_start() -> float:
    try:
        with Path("/proc/self/stat").open(encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 (starttime), counted after "pid (comm)"
        with Path("/proc/stat").open(encoding="ascii") as handle:
            boot = next(int(line.split()[1]) for line in handle if line.startswith("btime"))
        return boot + start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return time.time()


_START = _process_start() if ENABLED else 0.0
_seen: set[str] = set()


def mark(name: str) -> None:
    if not ENABLED or name in _seen:
        return
    _seen.add(name)
    now = time.time()
    print(f"rxcombo-mark {name} {now - _START:.4f} {now:.4f}", file=sys.stderr, flush=True)
