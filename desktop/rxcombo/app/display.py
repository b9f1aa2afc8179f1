"""Is there a screen to open the window on? Answered before Qt is imported.

Started on Linux without a graphical session (a server, a container, ssh without -X), Qt's
xcb plugin aborts the process, and its last words suggest installing ``libxcb-cursor0``, which
sends people the wrong way. The command-line tools need no screen at all, so the window's
start says that instead. Pure Python: nothing here may import Qt.
"""

from __future__ import annotations

from collections.abc import Mapping

# Systems where Qt draws through X11 or Wayland and so needs one of their sessions.
_X11_OR_WAYLAND = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly")

HEADLESS_COMMANDS = ("list", "show QUERY", "search QUERY", "check [DIR]", "combos DRUG...", "lists")


def missing_display_message(env: Mapping[str, str], platform: str) -> str | None:
    """Why the window cannot open here, or None when Qt should be left to try.

    ``env`` is the process environment and ``platform`` is ``sys.platform``. macOS and Windows
    always have a display. Elsewhere a session shows as DISPLAY (X11) or WAYLAND_DISPLAY; a
    QT_QPA_PLATFORM of any value (offscreen, minimal, vnc, xcb...) is the user's explicit
    choice, and Qt handles it. Empty variables count as unset, as they do for X11 and Qt.
    """
    if not platform.startswith(_X11_OR_WAYLAND):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"):
        return None
    commands = "\n".join(f"  rxcombo {command}" for command in HEADLESS_COMMANDS)
    return (
        "rxcombo: cannot open the window: no graphical session was found "
        "(neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
        "RxCombo needs a graphical session (X11 or Wayland) to show its window: start it from "
        "your desktop, or over ssh with -X.\n"
        f"These commands work without one:\n{commands}\n"
        "See rxcombo --help."
    )
