"""The application object the window runs in."""

from __future__ import annotations

import sys

from rxcombo.app.startup import make_application


def test_the_window_thread_waits_for_the_interpreter_lock_half_a_millisecond_at_most(qapp) -> None:
    # Python's default, 5 ms a wait, added up to 300 ms to a keystroke at 100,000 pages
    # while worker threads ran (the benchmark's interact.py).
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    try:
        assert make_application() is qapp  # the one application; the interval is set anyway
        assert sys.getswitchinterval() <= 0.0005
    finally:
        sys.setswitchinterval(before)
