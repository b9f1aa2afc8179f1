"""Problems found while reading pages: what went wrong, where, and how bad."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"  # the page could not be read; it is left out of the library
    WARNING = "warning"  # the page was read, but something was repaired or guessed


@dataclass(frozen=True, slots=True)
class Problem:
    path: Path
    line: int | None
    severity: Severity
    message: str

    def format(self, root: Path | None = None) -> str:
        """``path:line: severity: message``, the form compilers use, so editors can jump to it."""
        shown = self.path
        if root is not None:
            with contextlib.suppress(ValueError):
                shown = self.path.relative_to(root)
        where = f"{shown}:{self.line}" if self.line is not None else f"{shown}"
        return f"{where}: {self.severity}: {self.message}"


class ContentError(Exception):
    """A page that cannot be read. The only exception the reader lets out."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message

    def to_problem(self) -> Problem:
        return Problem(self.path, self.line, Severity.ERROR, self.message)

    def __str__(self) -> str:
        return self.to_problem().format()
