"""What the window shows of a page, decided once for the window and ``rxcombo show``.

A page's sections become tabs, with three presentation rules that change no text:

* On a page of two or more drugs, the section about taking them together ("Combined Use
  of …", "Combining …", "Using … Together", "Interactions") is marked as the combined use:
  a short tab title, the full title as a heading inside, and it is the tab the page opens
  on (it is what a person checking a combination came for).
* On a one-drug page, a "Generic Name" section whose text is one line goes into the page
  header ("Generic name: Alprazolam") instead of a tab holding one word.
* A last "Whole page" tab shows every section in one scroll, with its headings.

Nothing is dropped: every line of every section is in a tab or in the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from rxcombo import wording
from rxcombo.content.document import Document
from rxcombo.content.names import fold
from rxcombo.content.sections import Section, SectionKind

_COMBINED = re.compile(
    r"\bcombined use\b|^combining\b|^combination\b|\btogether\b|^concomitant\b|^concurrent\b"
    r"|^co-?administration\b|^(drug )?interactions?\b"
)
_NOT_COMBINED = ("generic name", "faq", "precaution", "dosage", "side effect", "usage")
# The whole-page tab renders every section at once: on a huge or hostile page that would
# hold the window for seconds, so such a page (far beyond any real one) has none.
WHOLE_PAGE_MAX_TABS = 30
WHOLE_PAGE_MAX_CHARS = 200_000
MAX_HEADER_VALUE = 60
_GENERIC_NAME = re.compile(r"^generic names?$")
_LEADING_LABEL = re.compile(r"^\s*(\*\*|__)?generic names?:?(\*\*|__)?:?\s*", re.IGNORECASE)


class TabKind(StrEnum):
    OVERVIEW = "overview"
    PART = "part"
    COMBINED = "combined"
    DISCLAIMER = "disclaimer"
    WHOLE_PAGE = "whole-page"


@dataclass(frozen=True, slots=True)
class HeaderField:
    label: str
    value: str  # the page's own text
    line: int  # 1-based body line it comes from


@dataclass(frozen=True, slots=True)
class Tab:
    title: str  # what the tab says (short)
    full_title: str  # the section's own title (tooltip, and heading inside when shortened)
    kind: TabKind
    markdown: str  # what the tab renders


@dataclass(frozen=True, slots=True)
class ShownPage:
    """Everything the page pane shows, in order: banner, header fields, tabs, footer."""

    header: list[HeaderField] = field(default_factory=list)
    tabs: list[Tab] = field(default_factory=list)
    open_tab: int = 0  # index in tabs of the tab the page opens on
    banner: str | None = None  # a flag the source states, shown above everything (wording.py)
    footer: str | None = None  # the app's one-line disclaimer, on pages without their own


def is_combined_use(title: str) -> bool:
    folded = fold(title)
    if folded.startswith(_NOT_COMBINED):
        return False
    return _COMBINED.search(folded) is not None


def _generic_name_field(section: Section) -> HeaderField | None:
    if not _GENERIC_NAME.match(fold(section.title)):
        return None
    lines = [line for line in section.body_markdown.split("\n") if line.strip()]
    if len(lines) != 1:
        return None
    value = _LEADING_LABEL.sub("", lines[0]).strip().strip("*_").strip()
    if len(value) > MAX_HEADER_VALUE or not value:  # a note, not a name: it stays a tab
        return None
    offset = section.markdown.split("\n").index(lines[0]) if lines[0] in section.markdown.split("\n") else 0
    return HeaderField(wording.GENERIC_NAME_LABEL, value, section.first_line + offset)


def shown_page(document: Document) -> ShownPage:
    """Header fields and tabs of ``document`` (reads its body; raises ContentError)."""
    sections = document.sections
    several_drugs = len(document.drugs) >= 2
    header: list[HeaderField] = []
    tabs: list[Tab] = []
    for section in sections:
        if section.is_empty:
            continue
        if not several_drugs:
            generic = _generic_name_field(section)
            if generic is not None:
                header.append(generic)
                continue
        tabs.append(_tab(section, several_drugs))
    open_tab = next((i for i, tab in enumerate(tabs) if tab.kind is TabKind.COMBINED), 0)
    if 1 < len(tabs) <= WHOLE_PAGE_MAX_TABS and sum(len(t.markdown) for t in tabs) <= WHOLE_PAGE_MAX_CHARS:
        tabs.append(_whole_page(tabs))
    return ShownPage(header, tabs, open_tab)


def _tab(section: Section, several_drugs: bool) -> Tab:
    if section.kind is SectionKind.DISCLAIMER:
        return Tab(section.title, section.title, TabKind.DISCLAIMER, section.body_markdown)
    if section.kind is SectionKind.OVERVIEW:
        return Tab(section.title, section.title, TabKind.OVERVIEW, section.body_markdown)
    if several_drugs and is_combined_use(section.title):
        markdown = f"### {_escape_heading(section.title)}\n\n{section.body_markdown}"
        return Tab(wording.COMBINED_USE_TAB, section.title, TabKind.COMBINED, markdown)
    return Tab(section.title, section.title, TabKind.PART, section.body_markdown)


def _whole_page(tabs: list[Tab]) -> Tab:
    parts = []
    for tab in tabs:
        if tab.kind in (TabKind.OVERVIEW, TabKind.COMBINED):
            parts.append(tab.markdown)  # the overview has no heading; combined use has its own
        else:
            parts.append(f"### {_escape_heading(tab.full_title)}\n\n{tab.markdown}")
    return Tab(wording.WHOLE_PAGE_TAB, wording.WHOLE_PAGE_TAB, TabKind.WHOLE_PAGE, "\n\n".join(parts))


def _escape_heading(title: str) -> str:
    # A title is text: characters Markdown would read as markup are escaped.
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", title)
