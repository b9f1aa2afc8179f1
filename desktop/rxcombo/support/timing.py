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
    """Unix time at which this process started, from /proc (Linux), to the clock tick."""
    try:
        with Path("/proc/self/stat").open(encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        started_after_boot = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime
        # CLOCK_BOOTTIME is the clock starttime counts on; /proc/stat's btime is whole seconds.
        uptime = time.clock_gettime(time.CLOCK_BOOTTIME)
        return time.time() - (uptime - started_after_boot)
    except (OSError, ValueError, IndexError, AttributeError):
        return time.time()


_START = _process_start() if ENABLED else 0.0
_seen: set[str] = set()


def mark(name: str, detail: str = "") -> None:
    if not ENABLED or name in _seen:
        return
    _seen.add(name)
    now = time.time()
    extra = f" {detail}" if detail else ""
    print(f"rxcombo-mark {name} {now - _START:.4f} {now:.4f}{extra}", file=sys.stderr, flush=True)
