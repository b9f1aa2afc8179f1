"""From a page's sections to the parts the window shows as tabs, with every line's text kept.

The section model (:mod:`rxcombo.content.sections`) keeps every line; these rules decide how
the lines are shown, and move no text out of sight:

* **A mark that carries text** (``### Usage: Benfotiamine is…``, ``**Usage:** text``) gives a
  part titled by its label ("Usage") whose text starts with what followed the label.
* **A group header** is a heading with nothing under it (``### Alprazolam`` right before
  ``### Usage``), or a short bold line closing a section right before a drug's fields
  (``**2. Cetirizine:**``). It names the parts after it: a drug's header names its fields;
  a field's header ("Side Effects") names the parts of that field ("Common") up to the next
  field. A heading with nothing after it at all stays a part of its own.
* **Repeated fields.** A page that gives its whole set of fields again for a second drug
  (Generic Name…FAQs, then Generic Name… again) is grouped per drug, each named by its own
  Generic Name line.
  (The grouping rules are in :mod:`rxcombo.content.shown_groups`.)
* **A note in the middle** of a page is ordinary text: a ``**Note:**`` paragraph stays with
  the part before it; only the closing paragraphs are disclaimers.
"""

from __future__ import annotations

import re

from rxcombo.content.fields import is_closing_title, is_field_title
from rxcombo.content.marks import bold_only, clean_section_title, heading_of
from rxcombo.content.sections import Section, SectionKind
from rxcombo.content.shown_groups import Part, closing_start, group, group_repeated_fields
from rxcombo.content.shown_labels import overview_text

# "Usage: text", "**Usage:** text", "**Generic Name: Clonazepam**": a label, then its text.
_CARRIED = re.compile(
    r"^(?P<open>\*\*|__)?(?P<label>[^:*_<\n]{1,60}?)\s*:(?P<close>\*\*|__)?\s*(?P<rest>.*)$"
)
_SENTENCE_END = re.compile(r"[.!?…]\s*$")
MAX_LABEL_WORDS = 6
MAX_HEADER_CHARS = 60


class Split:
    """How a page was split, as ``rxcombo check`` reports it."""

    SECTIONS = "sections"
    GROUPED = "group headers"
    REPEATED = "repeated fields"
    UNDER_TITLE = "under the title heading"


def carried_text(text: str) -> tuple[str, str] | None:
    """``"Usage: Benfotiamine is…"`` -> ``("Usage", "Benfotiamine is…")``; None for a plain title."""
    match = _CARRIED.match(text.strip())
    if not match:
        return None
    label, rest = match.group("label").strip(), match.group("rest").strip()
    if not rest or rest in ("**", "__") or not re.search(r"[^\W\d_]", label):
        return None
    if _SENTENCE_END.search(label) or len(label.split()) > MAX_LABEL_WORDS:
        return None
    if match.group("open") and not match.group("close"):
        rest = match.group("open") + rest  # "**Generic Name: Clonazepam**": the value stays bold
    return clean_section_title(label), rest


def part_of(section: Section) -> Part:
    """One section as a part: a label that carries text is split from it."""
    lines = section.body_markdown.split("\n") if section.body_markdown else []
    part = Part(section.title, section.kind, lines, section.first_line, section.markdown)
    if section.kind is SectionKind.OVERVIEW:
        return part
    mark = section.markdown.split("\n", 1)[0]
    if section.title.endswith("…") and (not lines or lines[0] != mark):
        part.lines = [mark, "", *lines]  # a title too long for a tab: the line stays in view
        return part
    heading = heading_of(mark)
    part.is_heading = heading is not None
    text = heading[1] if heading is not None else mark
    carried = carried_text(text)
    if carried is None:
        return part
    part.title = carried[0]
    rest = lines[1:] if lines and lines[0] == mark else lines
    part.lines = [carried[1], "", *rest] if rest else [carried[1]]  # the mark ended a block
    return part


def _header_line(line: str) -> str | None:
    """A short bold line that can name the parts after it (``**2. Cetirizine:**``)."""
    inner = bold_only(line.strip()) if not line[:1].isspace() else None
    if inner is None:
        return None
    text = clean_section_title(inner)
    if len(text) > MAX_HEADER_CHARS or len(text.split()) > MAX_LABEL_WORDS:
        return None
    if _SENTENCE_END.search(inner) or is_field_title(text) or is_closing_title(text):
        return None
    return text


def _split_trailing_headers(parts: list[Part]) -> list[Part]:
    """A part that ends with a group header line right before a drug's fields gives it up."""
    out: list[Part] = []
    for number, part in enumerate(parts):
        out.append(part)
        after = parts[number + 1] if number + 1 < len(parts) else None
        if after is None or part.kind is SectionKind.DISCLAIMER or not is_field_title(after.title):
            continue
        filled = [i for i, line in enumerate(part.lines) if line.strip()]
        if len(filled) < (1 if part.kind is SectionKind.OVERVIEW else 2):
            continue  # a part's only line is its text, not a header
        last = filled[-1]
        title = _header_line(part.lines[last])
        if title is None or (last > 0 and part.lines[last - 1].strip()):
            continue  # not a line of its own (a paragraph's last line)
        raw = part.lines[last]
        originals = part.original.split("\n")
        header_line = part.first_line + (originals.index(raw) if raw in originals else 0)
        part.lines = part.lines[:last]
        out.append(Part(title, SectionKind.PART, [], header_line, raw))
    return [part for part in out if not (part.kind is SectionKind.OVERVIEW and part.empty)]


def _merge_middle_notes(parts: list[Part]) -> list[Part]:
    """A note before the closing paragraphs is ordinary text: with the part before it when it
    is a bold label, a part of its own when it is a heading."""
    end = closing_start(parts)
    out: list[Part] = []
    for number, part in enumerate(parts):
        if number >= end or part.kind is not SectionKind.DISCLAIMER:
            out.append(part)
        elif part.is_heading or not out:
            part.kind = SectionKind.PART
            out.append(part)
        else:
            out[-1].lines = [*out[-1].lines, "", *part.original.split("\n")]
    return out


def _overview(section: Section, title: str) -> Part:
    part = part_of(section)
    text = overview_text(section, title)
    part.lines = text.split("\n") if text else []
    return part


def shown_parts(sections: list[Section], title: str, drugs: list[str]) -> tuple[list[Part], list[Part], str]:
    """(parts in page order, group headers found in the page, how the page was split).

    Group headers are not parts: their text is in the titles of the parts they name.
    """
    parts = [_overview(s, title) if s.kind is SectionKind.OVERVIEW else part_of(s) for s in sections]
    parts = _split_trailing_headers(parts)
    parts = _merge_middle_notes(parts)
    headers = group(parts)
    used = {id(header) for header in headers}
    named = {id(group) for part in parts for group in part.groups}
    # A header that named nothing (a heading left alone before another) stays a part.
    parts = [part for part in parts if id(part) not in used or id(part) not in named]
    headers = [header for header in headers if id(header) in named]
    if headers:
        return parts, headers, Split.GROUPED
    if group_repeated_fields(parts, drugs):
        return parts, [], Split.REPEATED
    return parts, [], Split.SECTIONS


__all__ = ["Part", "Split", "carried_text", "closing_start", "part_of", "shown_parts"]
