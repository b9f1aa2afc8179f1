"""Finding where a page body's sections start: headings, bold lines, bold labels, closings.

:func:`detect_marks` decides which of the three styles a page uses (see
:mod:`rxcombo.content.sections`) and returns one :class:`Mark` per section start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from rxcombo.content.fields import FIELD_LABELS, is_closing_title
from rxcombo.content.names import fold


class Structure(StrEnum):
    HEADINGS = "headings"
    BOLD_LINES = "bold-lines"
    LABELS = "labels"
    NONE = "none"


# Only the opening hashes are matched by a regex: a pattern like ``\s*#*\s*$`` after a lazy
# ``.*?`` backtracks cubically on a heading with a long run of inner spaces (a 2,000-space
# heading took 15 s); the closing hashes are stripped with str methods instead.
_HEADING_START = re.compile(r"^(?P<hashes>#{1,6})\s+")
_FENCE = re.compile(r"^\s{0,3}(?P<fence>`{3,}|~{3,})")
# A line that is only bold: **text** or __text__ (inner text without the delimiter).
_BOLD_ONLY = re.compile(r"^(?:\*\*(?P<a>[^*\n]+?)\*\*|__(?P<b>[^_\n]+?)__)\s*$")
# A paragraph led by a bold label: **Label:** rest, or **Label: rest-in-bold**.
_LABEL = re.compile(r"^\*\*(?P<inner>[^*\n]{1,200}?)\*\*(?P<rest>.*)$")
# Between two letters, or a letter and an inline sub/superscript ("CO<sub>2</sub>**It**"),
# which the view draws inside the word as well.
_JOINING_MARKUP = re.compile(
    r"(?:(?<=[^\W_])|(?<=</sub>)|(?<=</sup>))(?:\*\*|__|`)+(?=[^\W_]|<su[bp]>)", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?…]\s*$")
_INLINE_MARKUP = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`)")

UNTITLED = "Untitled section"
MAX_MARK_TITLE = 80


@dataclass(frozen=True, slots=True)
class Mark:
    index: int  # 0-based line index in the body
    title: str
    whole_line: bool  # the line is only the mark, so the tab title replaces it
    closing: bool = False


def clean_section_title(raw: str) -> str:
    """``"**FAQs:**"`` -> ``"FAQs"``: no emphasis markers, no trailing colon, one line."""
    text = _JOINING_MARKUP.sub(" ", raw)  # "A**Usage**" -> "A Usage", not "AUsage"
    text = _INLINE_MARKUP.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = text.rstrip(":： ")  # ": :" too: a title never ends in a colon
    if len(text) > MAX_MARK_TITLE * 2:
        text = text[: MAX_MARK_TITLE * 2 - 1].rstrip() + "…"
    return text or UNTITLED


def _outside_fences(lines: list[str]) -> list[bool]:
    """Which lines may carry a mark: not inside fenced code, not indented."""
    usable: list[bool] = []
    fence: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        if fence is not None:
            usable.append(False)
            if match and match.group("fence")[0] == fence[0] and len(match.group("fence")) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group("fence")
            usable.append(False)
            continue
        usable.append(not line[:1].isspace())
    return usable


def heading_of(line: str) -> tuple[int, str] | None:
    """(level, text) of an ATX heading line (``### Text ##`` -> ``(3, "Text")``), else None."""
    match = _HEADING_START.match(line)
    if not match:
        return None
    text = line[match.end() :].rstrip().rstrip("#").rstrip()
    return len(match.group("hashes")), text


def first_h1(body: str) -> str | None:
    """The text of the first non-empty ``# `` heading of a body, if any."""
    for line in body.split("\n"):
        heading = heading_of(line)
        if heading is not None and heading[0] == 1 and heading[1]:
            return heading[1]
    return None


def _paragraph_start(lines: list[str], index: int) -> bool:
    return index == 0 or not lines[index - 1].strip() or heading_of(lines[index - 1]) is not None


def _label_of(line: str) -> tuple[str, bool] | None:
    """(title, whole_line) when the line opens with a bold label, else None."""
    match = _LABEL.match(line)
    if not match:
        return None
    inner = match.group("inner").strip()
    rest = match.group("rest").strip()
    if inner.endswith(":"):
        title = inner[:-1]
    elif ":" in inner and not rest:
        title = inner.split(":", 1)[0]  # "**Generic Name: Clonazepam**"
    else:
        return None
    if not title.strip() or len(title) > MAX_MARK_TITLE:
        return None
    return title, not rest and inner.endswith(":")


def bold_only(line: str) -> str | None:
    match = _BOLD_ONLY.match(line)
    if not match:
        return None
    return (match.group("a") or match.group("b") or "").strip()


def _find_title_line(lines: list[str], usable: list[bool]) -> int | None:
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        heading = heading_of(line) if usable[index] else None
        if heading is not None and heading[0] == 1:
            return index
        return None
    return None


def _heading_marks(lines: list[str], usable: list[bool], title_line: int | None) -> list[Mark]:
    found: list[tuple[int, int, str]] = []
    for index, line in enumerate(lines):
        if index == title_line or not usable[index] or not line.startswith("#"):
            continue
        heading = heading_of(line)
        if heading is not None:
            found.append((index, heading[0], heading[1]))
    if not found:
        return []
    top = min(level for _, level, _ in found)
    return [Mark(i, clean_section_title(text), True) for i, level, text in found if level == top]


def _bold_line_marks(lines: list[str], usable: list[bool]) -> list[Mark]:
    headings: list[Mark] = []
    colon_lines: list[Mark] = []
    for index, line in enumerate(lines):
        if not usable[index]:
            continue
        inner = bold_only(line)
        if inner is None or len(inner) > MAX_MARK_TITLE:
            continue
        if inner.endswith(":"):
            if not fold(inner[:-1]).startswith(FIELD_LABELS) and not is_closing_title(inner[:-1]):
                colon_lines.append(Mark(index, clean_section_title(inner), True))
        elif not _SENTENCE_END.search(inner) and ":" not in inner:
            headings.append(Mark(index, clean_section_title(inner), True))
    if not headings:
        return []
    return sorted(headings + colon_lines, key=lambda mark: mark.index)


def _label_marks(lines: list[str], usable: list[bool]) -> list[Mark]:
    marks: list[Mark] = []
    for index, line in enumerate(lines):
        if not usable[index] or not _paragraph_start(lines, index):
            continue
        label = _label_of(line)
        if label:
            marks.append(Mark(index, clean_section_title(label[0]), label[1]))
    return marks


def _is_plain_paragraph_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped or line[:1].isspace():
        return False
    if re.match(r"^([*+-]|\d+[.)])\s", stripped) or stripped.startswith(("#", ">", "|", "```", "~~~")):
        return False
    if re.fullmatch(r"([-*_]\s*){3,}", stripped):
        return False
    return bold_only(stripped) is None and _label_of(stripped) is None


def _closing_marks(lines: list[str], usable: list[bool]) -> list[Mark]:
    """Disclaimer/Note paragraphs at the very end of the page, after all structured content."""
    marks: list[Mark] = []
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line.strip():
            continue
        label = _label_of(line) if usable[index] else None
        if label and is_closing_title(label[0]) and _paragraph_start(lines, index):
            marks.append(Mark(index, clean_section_title(label[0]), label[1], closing=True))
            continue
        if _is_plain_paragraph_line(line):
            continue
        break
    marks.reverse()
    return marks


def detect_marks(lines: list[str]) -> tuple[Structure, int | None, list[Mark]]:
    usable = _outside_fences(lines)
    title_line = _find_title_line(lines, usable)
    structure = Structure.NONE
    marks = _heading_marks(lines, usable, title_line)
    if marks:
        structure = Structure.HEADINGS
    else:
        marks = _bold_line_marks(lines, usable)
        if marks:
            structure = Structure.BOLD_LINES
        else:
            marks = _label_marks(lines, usable)
            if marks:
                structure = Structure.LABELS
    taken = {mark.index for mark in marks}
    closing = [mark for mark in _closing_marks(lines, usable) if mark.index not in taken]
    if closing:
        marks = sorted(marks + closing, key=lambda mark: mark.index)
    return structure, title_line, marks
