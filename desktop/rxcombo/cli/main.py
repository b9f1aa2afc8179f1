"""The ``rxcombo`` command line: which command runs.

``--content DIR`` may be given several times, before or after the command: the commands
then read those folders (each a source, named as in the user's saved sources when it is
one), else the user's saved sources.

A command's module is imported only when that command runs (``COMMANDS`` names them), and
Qt only when the window is wanted: each command starts fast and runs where there is no
display, and the window's start pays for no command.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from rxcombo.app.display import missing_display_message
from rxcombo.cli import opening
from rxcombo.cli.exits import EXIT_OK, EXIT_PROBLEMS
from rxcombo.cli.parser import build_parser, window_arguments
from rxcombo.support import gc_pause

__all__ = ["COMMANDS", "build_parser", "main", "main_gui"]

# command -> "module:function" under rxcombo.cli
COMMANDS = {
    "check": "commands:cmd_check",
    "list": "commands:cmd_list",
    "show": "lookup:cmd_show",
    "search": "lookup:cmd_search",
    "export": "lookup:cmd_export",
    "combos": "combos:cmd_combos",
    "lists": "combos:cmd_lists",
    "open": "opening:cmd_open",
    "sources": "sources:cmd_sources",
    "info": "sources:cmd_info",
    "favorites": "favorites:cmd_favorites",
}


def command(name: str) -> Callable[[Any], int]:
    """The function that runs command ``name``, its module imported now."""
    module, function = COMMANDS[name].split(":")
    handler: Callable[[Any], int] = getattr(importlib.import_module(f"rxcombo.cli.{module}"), function)
    return handler


def main(argv: Sequence[str] | None = None) -> int:
    gc_pause.pause()  # the window's start runs without collections (it resumes them)
    try:
        return _run(argv)
    finally:
        gc_pause.resume(freeze=False)  # a window that never painted, a test calling main()


def _run(argv: Sequence[str] | None) -> int:
    arguments = opening.with_open_command(sys.argv[1:] if argv is None else argv)
    args = window_arguments(arguments)  # the window's start builds no command's parser
    if args is None:
        parser = build_parser()
        args = parser.parse_args(arguments)
        args.content = [*(args.content or []), *(getattr(args, "content_after", None) or [])] or None
        if args.command == "search" and args.section is not None and not args.text:
            parser.error("--section needs --text")
    if args.command is None:
        no_display = missing_display_message(os.environ, sys.platform)
        if no_display is not None:  # Qt's own abort would blame a missing xcb library
            print(no_display, file=sys.stderr)
            return EXIT_PROBLEMS
        from rxcombo.app.startup import run_gui  # Qt is imported only when the window is wanted

        return run_gui(content=args.content, new_instance=args.new_instance)
    gc_pause.resume(freeze=False)  # commands read many files: collections keep memory flat
    try:
        return command(args.command)(args)
    except BrokenPipeError:
        # `rxcombo list | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return EXIT_OK


def main_gui() -> int:
    return main()
