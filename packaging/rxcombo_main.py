"""Entry script that PyInstaller freezes: the same as the ``rxcombo`` console command."""

import sys

from rxcombo.cli import main

if __name__ == "__main__":
    sys.exit(main())
