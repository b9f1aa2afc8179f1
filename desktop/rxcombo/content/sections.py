"""Splitting a page body into sections, the unit that becomes a tab.

Real pages mark their top-level structure in one of three ways, and a page uses one:

* ``headings``: Markdown headings below the page title (``###`` on most pages); the page is
  split at the shallowest level present, deeper headings and bold labels stay inside;
* ``bold-lines``: lines that are only bold text (``**Gabapentin**``); bold-only lines ending
  in a colon also split, unless they are one of a drug's own fields (``**Usage:**``);
* ``labels``: paragraphs led by a bold label (``**Usage:** text``).

The text before the first mark is the "Overview". A closing ``**Disclaimer:**`` or
``**Note:**`` paragraph becomes its own section whatever the style. Every line of the body
lands in exactly one section, in order: nothing is dropped, only grouped.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rxcombo.content.fields import is_closing_title
from rxcombo.content.marks import Structure, detect_marks, first_h1, heading_of


class SectionKind(StrEnum):
    OVERVIEW = "overview"
    PART = "part"
    DISCLAIMER = "disclaimer"


OVERVIEW_TITLE = "Overview"


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    kind: SectionKind
    markdown: str  # the page's own lines, mark included: what "nothing lost" is checked on
    body_markdown: str  # what a tab renders: the mark line dropped when the tab title says it
    first_line: int  # 1-based line in the body where the section starts

    @property
    def is_empty(self) -> bool:
        return not self.body_markdown.strip()


def split_sections(body: str) -> tuple[Structure, list[Section]]:
    """Split a page body (front matter removed, ``\\n`` line endings) into sections."""
    lines = body.split("\n")
    structure, title_line, marks = detect_marks(lines)
    sections: list[Section] = []
    starts = [0] + [mark.index for mark in marks]
    ends = [mark.index for mark in marks] + [len(lines)]
    for number, (start, end) in enumerate(zip(starts, ends, strict=True)):
        chunk = lines[start:end]
        if number == 0:
            if not any(line.strip() for line in chunk):
                continue
            shown = [line for i, line in enumerate(chunk, start) if i != title_line]
            title, kind = OVERVIEW_TITLE, SectionKind.OVERVIEW
        else:
            mark = marks[number - 1]
            shown = chunk[1:] if mark.whole_line else chunk
            title = mark.title
            is_closing = mark.closing or is_closing_title(mark.title)
            kind = SectionKind.DISCLAIMER if is_closing else SectionKind.PART
        sections.append(
            Section(
                title=title,
                kind=kind,
                markdown="\n".join(chunk).strip("\n"),
                body_markdown="\n".join(shown).strip("\n"),
                first_line=start + 1,
            )
        )
    return structure, sections


__all__ = [
    "OVERVIEW_TITLE",
    "Section",
    "SectionKind",
    "Structure",
    "first_h1",
    "heading_of",
    "split_sections",
]
