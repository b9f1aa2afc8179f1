"""``python -m rxcombo``: same as the ``rxcombo`` command."""

import sys

from rxcombo.entry import main

if __name__ == "__main__":  # a spawned worker process imports this module too
    sys.exit(main())
