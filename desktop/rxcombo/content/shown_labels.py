"""Tab labels a reader would choose, and pages whose one heading only repeats the title.

* A label is short: a parenthetical goes ("FAQs (Frequently Asked Questions)" -> "FAQs"), so
  does a leading number ("1. Caffeine" -> "Caffeine"), and a title that reads like a
  sentence is cut to its first words. The full title stays the tooltip and the heading
  inside the tab, so no word is hidden.
* A page whose only heading repeats the page title (``# A + B`` then ``## A + B`` then bold
  labels) is split by the structure under that heading, as if the heading were the title.
"""

from __future__ import annotations

import re

from rxcombo.content.marks import Structure, heading_of
from rxcombo.content.names import clean_title, fold, tokens
from rxcombo.content.sections import OVERVIEW_TITLE, Section, SectionKind, split_sections

_PARENTHETICAL = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_NUMBERING = re.compile(r"^(?:\d{1,2}|[A-Za-z])[.)]\s+")
_SENTENCE_END = re.compile(r"[.!?…]$")
MAX_LABEL_WORDS = 5
MAX_LABEL_CHARS = 40
CUT_WORDS = 4


def short_label(title: str) -> str:
    """What a tab says: ``"FAQs (Frequently Asked Questions)"`` -> ``"FAQs"``."""
    text = _PARENTHETICAL.sub("", title).strip() or title
    text = _NUMBERING.sub("", text) or text
    words = text.split()
    if len(words) > MAX_LABEL_WORDS or len(text) > MAX_LABEL_CHARS or _SENTENCE_END.search(text):
        text = " ".join(words[:CUT_WORDS]).rstrip(",;:.?!…") + "…"
    return text


def escape_heading(title: str) -> str:
    """A title as Markdown heading text: characters Markdown would read as markup are escaped."""
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", title)


def _repeats_title(heading: str, title: str) -> bool:
    words = set(tokens(fold(heading)))
    return bool(words) and len(words & set(tokens(fold(title)))) * 2 >= len(words)


def split_under_title(title: str, structure: Structure, sections: list[Section]) -> list[Section] | None:
    """The sections of a page whose only heading repeats its title, split under that heading;
    None when the page is not such a page."""
    if structure is not Structure.HEADINGS:
        return None
    parts = [section for section in sections if section.kind is SectionKind.PART]
    if len(parts) != 1 or not _repeats_title(parts[0].title, title):
        return None
    only = parts[0]
    lines = only.markdown.split("\n")
    inner_structure, inner = split_sections("\n".join(lines[1:]))
    if inner_structure is Structure.NONE or not any(s.kind is SectionKind.PART for s in inner):
        return None
    overview = [overview_text(s, title) for s in sections if s.kind is SectionKind.OVERVIEW]
    if fold(only.title) != fold(title):
        overview.append(lines[0])  # the heading says more than the title: it stays in view
    overview += [s.body_markdown for s in inner if s.kind is SectionKind.OVERVIEW]
    text = "\n\n".join(part for part in overview if part.strip())
    merged = [Section(OVERVIEW_TITLE, SectionKind.OVERVIEW, text, text, 1)] if text else []
    for section in inner:
        if section.kind is not SectionKind.OVERVIEW:
            merged.append(_moved(section, only.first_line))
    after = False
    for section in sections:
        after = after or section is only
        if after and section is not only:
            merged.append(section)
    return merged


def overview_text(section: Section, title: str) -> str:
    """The overview's text, with its ``# `` line when that says more than the page title
    (a front matter title that differs, a title too long to keep whole)."""
    first = section.markdown.split("\n", 1)[0]
    heading = heading_of(first)
    hidden = heading is not None and heading[0] == 1 and not section.body_markdown.startswith(first)
    if hidden and heading is not None and clean_title(heading[1]) != title:
        return f"{first}\n{section.body_markdown}"
    return section.body_markdown


def _moved(section: Section, offset: int) -> Section:
    return Section(
        section.title, section.kind, section.markdown, section.body_markdown, section.first_line + offset
    )
