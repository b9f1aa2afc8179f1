"""A private X server (Xvfb) and the xdotool steps a user takes in it.

Shared by the Xvfb tests of the app, of the frozen package, and by the benchmark.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable

SCREEN = "1280x800x24"


def have_x11_tools() -> bool:
    return bool(shutil.which("Xvfb") and shutil.which("xdotool"))


class Xvfb:
    """An X server on a free display (``-displayfd`` picks it), stopped by :meth:`stop`."""

    def __init__(self, screen: str = SCREEN) -> None:
        read_fd, write_fd = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", screen, "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.stop()
            raise RuntimeError("Xvfb did not report a display")
        self.display = f":{number}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def xdotool(display: str, *args: str, timeout: float = 30) -> str:
    result = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return result.stdout.strip()


def wait_for_window(display: str, name: str, timeout: float = 30) -> str:
    """The id of the first visible window whose name matches the regular expression."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = xdotool(display, "search", "--onlyvisible", "--name", name)
        if found:
            return found.splitlines()[0]
        time.sleep(0.2)
    raise AssertionError(f"no window named {name!r} within {timeout} s")


def first_launch_to_page(display: str, at_disclaimer: Callable[[], None] | None = None) -> None:
    """Accept the disclaimer with Enter, type a query, open the match with Enter.

    ``at_disclaimer`` runs while the disclaimer is on screen, before it is accepted.
    """
    dialog = wait_for_window(display, "^Disclaimer — RxCombo$")
    if at_disclaimer is not None:
        at_disclaimer()
    xdotool(display, "windowfocus", "--sync", dialog)
    xdotool(display, "key", "Return")
    window = wait_for_window(display, "^RxCombo$")
    xdotool(display, "windowfocus", "--sync", window)
    time.sleep(0.5)
    xdotool(display, "type", "--delay", "40", "gabapentin amitrip")
    xdotool(display, "key", "Return")
    wait_for_window(display, "^Gabapentin \\+ Amitriptyline — RxCombo$")
