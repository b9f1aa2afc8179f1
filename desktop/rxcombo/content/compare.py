"""Two pages side by side: their tabs paired by title, so like sections sit on one row.

Titles are compared folded (case, accents, punctuation and spacing ignored: "Side Effects"
meets "side effects:"), the n-th tab of a title on one page with the n-th of that title on
the other. Rows keep the first page's order; tabs with no partner follow, the first page's
then the second's, each in its page's order; the "Whole page" tabs, when there are any, make
the last row. Nothing is dropped or merged: every tab of both pages is in exactly one row.
Plain Python, no Qt: the window's comparison view lays these rows out.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest

from rxcombo.content.names import fold, tokens
from rxcombo.content.shown import ShownPage, Tab, TabKind


@dataclass(frozen=True, slots=True)
class AlignedTabs:
    title: str  # the row's title: the first page's tab title, else the second's
    left: Tab | None  # the first page's tab
    right: Tab | None  # the second page's tab


def title_key(title: str) -> str:
    """How tab titles are compared: ``"Side  Effects:"`` -> ``"side effects"``."""
    folded = fold(title)
    return " ".join(tokens(folded)) or folded


def _keyed(tabs: list[Tab]) -> list[tuple[tuple[str, int], Tab]]:
    """Each tab with (its title key, how many tabs of that key came before it)."""
    seen: dict[str, int] = {}
    keyed = []
    for tab in tabs:
        key = title_key(tab.title)
        keyed.append(((key, seen.get(key, 0)), tab))
        seen[key] = seen.get(key, 0) + 1
    return keyed


def align_sections(shown_a: ShownPage, shown_b: ShownPage) -> list[AlignedTabs]:
    """The rows of a side-by-side view of two pages (see the module docstring)."""
    whole_a = [tab for tab in shown_a.tabs if tab.kind is TabKind.WHOLE_PAGE]
    whole_b = [tab for tab in shown_b.tabs if tab.kind is TabKind.WHOLE_PAGE]
    left = _keyed([tab for tab in shown_a.tabs if tab.kind is not TabKind.WHOLE_PAGE])
    right = _keyed([tab for tab in shown_b.tabs if tab.kind is not TabKind.WHOLE_PAGE])
    right_by_key = dict(right)
    matched = [AlignedTabs(tab.title, tab, right_by_key[key]) for key, tab in left if key in right_by_key]
    left_keys = {key for key, _tab in left}
    alone_left = [tab for key, tab in left if key not in right_by_key]
    alone_right = [tab for key, tab in right if key not in left_keys]
    # A section can show under another tab title on one page (a combination page shows its
    # "Drug Interactions" as its combined use): its own heading pairs it then.
    by_heading = {title_key(tab.full_title): tab for tab in alone_right}
    for tab in list(alone_left):
        partner = by_heading.pop(title_key(tab.full_title), None)
        if partner is not None and partner in alone_right:
            matched.append(AlignedTabs(tab.title, tab, partner))
            alone_left.remove(tab)
            alone_right.remove(partner)
    rows = [
        *matched,
        *(AlignedTabs(tab.title, tab, None) for tab in alone_left),
        *(AlignedTabs(tab.title, None, tab) for tab in alone_right),
    ]
    for first, second in zip_longest(whole_a, whole_b):  # one each on any real page
        rows.append(AlignedTabs((first or second).title, first, second))
    return rows
