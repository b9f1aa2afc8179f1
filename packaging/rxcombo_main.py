"""Entry script that PyInstaller freezes: the same as the ``rxcombo`` console command."""

import multiprocessing
import sys

from rxcombo.entry import main

if __name__ == "__main__":
    # A cold start reads a big library on worker processes (rxcombo.library.parallel): in
    # the frozen app each worker starts this executable, which must then run the worker.
    multiprocessing.freeze_support()
    sys.exit(main())
