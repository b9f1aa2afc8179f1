"""``python -m rxcombo``: same as the ``rxcombo`` command."""

import sys

from rxcombo.cli import main

sys.exit(main())
