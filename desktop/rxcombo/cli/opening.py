"""``rxcombo open QUERY|ID|LINK`` and ``rxcombo open --clipboard``: open it in the window.

The text is read as :func:`rxcombo.links.request_for` reads it (an ``rxcombo:`` link, else a
page id or a search, never a file), refused with a clear message and exit status 2 when it
is a malformed link, and handed to the running window (the single-instance channel); when
none runs, this launch becomes the window. Without a display, only the hand-over to a
running window is possible. The desktop entry runs ``rxcombo %u``, so ``rxcombo
rxcombo:page/ID`` is read as ``rxcombo open rxcombo:page/ID`` (:func:`with_open_command`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rxcombo.app.display import missing_display_message
from rxcombo.cli.exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:  # links (and the search it brings) are imported when a link is seen
    from rxcombo.links import OpenRequest

# Options of ``rxcombo`` itself that take a value (the value is not a command).
_VALUE_OPTIONS = ("--content",)


def add_parser(commands: Any) -> None:
    opening = commands.add_parser(
        "open", help="open a page, a search or an rxcombo: link in the window (starting one if needed)"
    )
    opening.add_argument("text", nargs="*", metavar="QUERY|ID|LINK", help="words are joined by spaces")
    source = opening.add_mutually_exclusive_group()
    source.add_argument(
        "--clipboard", action="store_true", help="look up the clipboard's text (else the primary selection)"
    )
    source.add_argument(
        "--selection", action="store_true", help="look up the primary selection (X11; else the clipboard)"
    )


def with_open_command(argv: Sequence[str]) -> list[str]:
    """``[--content DIR] rxcombo:…`` -> ``[--content DIR] open rxcombo:…``; else unchanged."""
    args = list(argv)
    position = 0
    while position < len(args):
        arg = args[position]
        if arg in _VALUE_OPTIONS:
            position += 2
            continue
        if arg.startswith("-"):
            position += 1
            continue
        if ":" in arg:  # only then can it be a link: a plain start imports no links
            from rxcombo.links import is_link

            if is_link(arg):
                args.insert(position, "open")
        break
    return args


def _fail(message: str, code: int) -> int:
    print(f"rxcombo: {message}", file=sys.stderr)
    return code


def cmd_open(args: argparse.Namespace) -> int:
    from_clipboard = args.clipboard or args.selection
    if from_clipboard and args.text:
        return _fail("give the text to open, or --clipboard, not both", EXIT_USAGE)
    no_display = missing_display_message(os.environ, sys.platform)
    if from_clipboard:
        if no_display is not None:
            print(no_display, file=sys.stderr)
            return EXIT_PROBLEMS
        from rxcombo.app.open_request import clipboard_text
        from rxcombo.app.startup import make_application

        make_application()
        text = clipboard_text(selection_first=args.selection)
        if not text.strip():
            return _fail("the clipboard holds no text to look up", EXIT_PROBLEMS)
    else:
        text = " ".join(args.text)
        if not text.strip():
            return _fail("name a page, a search or an rxcombo: link to open (or use --clipboard)", EXIT_USAGE)
    from rxcombo.links import LinkError, request_for

    try:
        request = request_for(text)
    except LinkError as exc:
        return _fail(str(exc), EXIT_USAGE)
    if no_display is None:
        from rxcombo.app.startup import run_gui

        return run_gui(content=args.content, new_instance=args.new_instance, open_request=request)
    return _hand_over_only(args, request, no_display)


def _hand_over_only(args: argparse.Namespace, request: OpenRequest, no_display: str) -> int:
    """No display here: a window running elsewhere (another session's socket is never
    reached: the name is per user and data folder) can still be asked."""
    from PySide6.QtCore import QCoreApplication

    from rxcombo.app.open_request import message_fields
    from rxcombo.app.single_instance import SingleInstance

    _app = QCoreApplication.instance() or QCoreApplication([])
    fields = message_fields(request)
    if args.content:
        fields["content"] = str(args.content[0].expanduser().resolve())
    if not args.new_instance and SingleInstance().try_activate_existing(fields):
        return EXIT_OK
    print(no_display, file=sys.stderr)
    return EXIT_PROBLEMS
