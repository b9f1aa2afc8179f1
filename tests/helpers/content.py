"""Checks shared by the content tests, written independently of the reader's own code."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from rxcombo.content import Document

_OPENING = re.compile(r"^-{3,}\s*$")
_CLOSING = re.compile(r"^-{3,}[ \t]*$")


def decode_as_a_user_would(raw: bytes) -> str:
    """UTF-8 (BOM dropped), else Windows-1252, else Latin-1; one kind of line ending."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        break
    return text.replace("\r\n", "\n").replace("\r", "\n")


def front_matter_line_count(lines: list[str]) -> int:
    """Lines taken by front matter: from a first ``---`` line through the next ``---`` line."""
    if not lines or not _OPENING.match(lines[0]):
        return 0
    for index in range(1, len(lines)):
        if _CLOSING.match(lines[index]):
            return index + 1
    raise AssertionError("front matter not closed, yet the page was read")


def body_lines(path: Path, document: Document, *, independent: bool = True) -> list[str]:
    """The page's body as the reader should see it: decoded, repairs applied, front matter cut.

    Each reported repair must describe the line it replaced, so repairs cannot hide text.
    With ``independent``, where the front matter ends is worked out here and must agree with
    the document; otherwise (generated input) the document's offset is used, but the lines
    it cuts must still be ``---`` fenced.
    """
    lines = decode_as_a_user_would(path.read_bytes()).split("\n")
    for repair in document.repairs:
        assert lines[repair.line - 1] == repair.before, f"repair of line {repair.line} misreports it"
        lines[repair.line - 1] = repair.after
    offset = document.body_line_offset
    if independent:
        assert offset == front_matter_line_count(lines), path
    elif offset:
        assert _OPENING.match(lines[0]) and _CLOSING.match(lines[offset - 1]), path
    return lines[offset:]


def section_lines(document: Document) -> list[str]:
    return [line for section in document.sections for line in section.markdown.split("\n")]


def assert_nothing_lost(path: Path, document: Document, *, independent: bool = True) -> None:
    """Every non-blank body line lands in exactly one section, in order, unchanged."""
    expected = [line for line in body_lines(path, document, independent=independent) if line.strip()]
    got = [line for line in section_lines(document) if line.strip()]
    if got != expected:
        for number, (a, b) in enumerate(zip(got, expected, strict=False)):
            assert a == b, f"{path}: non-blank line {number + 1} differs: {a!r} != {b!r}"
        assert len(got) == len(expected), f"{path}: {len(got)} lines in sections, {len(expected)} in body"
