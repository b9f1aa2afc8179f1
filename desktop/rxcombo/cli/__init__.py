"""The ``rxcombo`` command: the window by default, and ``check``/``list``/``show``/``search``."""

from rxcombo.cli.main import main, main_gui

__all__ = ["main", "main_gui"]
