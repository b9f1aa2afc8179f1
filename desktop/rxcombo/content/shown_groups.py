"""Parts (the tabs to be), which of them a group header names, and pages that repeat their fields per drug.

Used by :mod:`rxcombo.content.shown_parts`: a drug's header ("Testazepam") names the drug's
fields after it; a field's header ("Side Effects") names that field's parts ("Common") up
to the next field; a header right after a header nests. A page that gives Generic
Name…FAQs again for each drug is grouped per drug, named by each set's Generic Name line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rxcombo.content.fields import is_field_title, is_top_field_title
from rxcombo.content.meta import strip_markdown
from rxcombo.content.names import fold
from rxcombo.content.sections import SectionKind


@dataclass(slots=True)
class Part:
    """One tab to be: its title, its text, and the group headers that name it."""

    title: str
    kind: SectionKind
    lines: list[str]  # what the tab shows
    first_line: int
    original: str  # the section's own lines, label included
    is_heading: bool = False  # marked by a Markdown heading (not a bold label)
    groups: list[Part] = field(default_factory=list)  # the headers naming it, outermost first

    @property
    def empty(self) -> bool:
        return not any(line.strip() for line in self.lines)

    @property
    def markdown(self) -> str:
        return "\n".join(self.lines).strip("\n")


def closing_start(parts: list[Part]) -> int:
    """Index of the first of the closing disclaimer parts (len(parts) when there are none)."""
    start = len(parts)
    while start > 0 and parts[start - 1].kind is SectionKind.DISCLAIMER:
        start -= 1
    return start


def group(parts: list[Part]) -> list[Part]:
    """Give each part the group headers that name it; returns the headers used."""
    headers: list[Part] = []
    active: list[Part] = []
    members = 0
    end = closing_start(parts)
    for number, part in enumerate(parts):
        if part.kind is SectionKind.OVERVIEW or number >= end:
            active = []
            continue
        after = parts[number + 1] if number + 1 < end else None
        if part.empty and after is not None:
            if active and (members == 0 or (is_top_field_title(part.title) and not _is_field_group(active))):
                active.append(part)  # a header right after a header, or a field inside a drug
            else:
                active = [part]
            members = 0
            headers.append(part)
            continue
        if active and members > 0 and not _joins(active[-1], part):
            if len(active) > 1 and _is_field_group(active) and is_field_title(part.title):
                active.pop()  # back from "Side Effects" to the drug
            else:
                active = []
        part.groups = list(active)
        members += 1
    return headers


def _is_field_group(active: list[Part]) -> bool:
    return is_top_field_title(active[-1].title)


def _joins(header: Part, part: Part) -> bool:
    if is_top_field_title(header.title):
        return not is_top_field_title(part.title)  # "Common" under "Side Effects"
    return is_field_title(part.title)  # a drug's fields under the drug's name


def _generic_value(part: Part) -> str | None:
    if fold(part.title) not in ("generic name", "generic names"):
        return None
    filled = [line for line in part.lines if line.strip()]
    return strip_markdown(filled[0]) if len(filled) == 1 else None


def group_repeated_fields(parts: list[Part], drugs: list[str]) -> bool:
    """Generic Name…FAQs, then the same fields again: one group per drug. True if grouped."""
    body = [part for part in parts[: closing_start(parts)] if part.kind is SectionKind.PART]
    if not body or any(part.groups for part in body) or not is_top_field_title(body[0].title):
        return False
    first = fold(body[0].title)
    starts = [i for i, part in enumerate(body) if fold(part.title) == first]
    if len(starts) < 2 or starts[0] != 0:
        return False
    runs = [body[a:b] for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]
    names = [next((v for p in run if (v := _generic_value(p))), None) for run in runs]
    if any(name is None for name in names):
        if len(runs) != len(drugs):
            return False
        names = list(drugs)
    for run, name in zip(runs, names, strict=True):
        header = Part(name or "", SectionKind.PART, [], run[0].first_line, "", False)
        for part in run:
            part.groups = [header]
    return True
