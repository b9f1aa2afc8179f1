"""Helpers shared by the tests: generated pages, Xvfb and xdotool, the real window."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository: data/, resources/, packaging/
