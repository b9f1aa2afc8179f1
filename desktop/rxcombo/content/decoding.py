"""Turning a page's bytes into clean text, and saying what had to be repaired.

Mojibake ("Itâ€™s") is undone with ftfy, restricted to its encoding fixes: its other
defaults (uncurling quotes, width and ligature folding, NFC) would change what the page
says, and the app shows exactly what a page says.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import cache
from typing import Any

from rxcombo.support import lazy


@cache
def _ftfy_config() -> Any:
    # ftfy takes ~0.1 s to import (its character tables); most pages never need it.
    ftfy = lazy.module("ftfy")

    # Only the fixes that undo a wrong decoding; nothing that rewrites correct text.
    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


# Byte pairs that start most UTF-8-read-as-cp1252 sequences; if none occurs, ftfy has nothing
# to do and the (comparatively slow) per-line check is skipped.
_MOJIBAKE_HINTS = ("Ã", "Â", "â", "Ð", "Ñ", "Ø", "Ù", "\x80", "\x9d", "�")


@dataclass(frozen=True, slots=True)
class Repair:
    """One repaired line: where, what it said and what it says now."""

    line: int
    before: str
    after: str

    def describe(self) -> str:
        before, after = _changed_words(self.before, self.after)
        return f"repaired broken text encoding: {before!r} -> {after!r}"


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str  # "utf-8" or the fallback used
    had_bom: bool
    first_bad_byte: tuple[int, int] | None  # (line, byte value) of the first invalid UTF-8 byte


def _changed_words(before: str, after: str, context: int = 12) -> tuple[str, str]:
    """The part of a line that changed, widened to whole words, so a report is readable."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end_b, end_a = len(before), len(after)
    while end_b > start and end_a > start and before[end_b - 1] == after[end_a - 1]:
        end_b -= 1
        end_a -= 1
    lo = max(0, start - context)
    while lo > 0 and not before[lo - 1].isspace():
        lo -= 1
    tail = len(before) - end_b
    hi_b = min(len(before), end_b + context)
    while hi_b < len(before) and not before[hi_b].isspace():
        hi_b += 1
    hi_a = hi_b - len(before) + len(after)
    if tail < 0:
        hi_a = len(after)
    return before[lo:hi_b].strip(), after[lo:hi_a].strip()


def decode_bytes(raw: bytes) -> DecodedText:
    """UTF-8 (with or without BOM); anything else falls back to Windows-1252, then Latin-1."""
    had_bom = raw.startswith(codecs.BOM_UTF8)
    if had_bom:
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
        encoding = "utf-8"
        bad: tuple[int, int] | None = None
    except UnicodeDecodeError as exc:
        bad = (raw.count(b"\n", 0, exc.start) + 1, raw[exc.start])
        try:
            text = raw.decode("cp1252")
            encoding = "windows-1252"
        except UnicodeDecodeError:
            # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
            text = raw.decode("latin-1")
            encoding = "latin-1"
    # Normalise line endings once, so line numbers and section splitting agree everywhere.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return DecodedText(text, encoding, had_bom, bad)


def repair_mojibake(text: str) -> tuple[str, list[Repair]]:
    """Fix text that was decoded with the wrong encoding somewhere upstream, line by line."""
    if not any(hint in text for hint in _MOJIBAKE_HINTS):
        return text, []
    repairs: list[Repair] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not any(hint in line for hint in _MOJIBAKE_HINTS):
            continue
        fixed = lazy.module("ftfy").fix_text(line, config=_ftfy_config())
        if fixed != line:
            repairs.append(Repair(index + 1, line, fixed))
            lines[index] = fixed
    if not repairs:
        return text, []
    return "\n".join(lines), repairs
