"""The pane's views of the library: their order, their names in the settings, their tab labels."""

from __future__ import annotations

from enum import IntEnum


class View(IntEnum):
    """Also the index of the view's tab and of its widget in the pane's stack."""

    ALL = 0
    BY_DRUG = 1
    FAVORITES = 2
    LISTS = 3  # the drug lists and their reports (lists_panel), not a view of pages


VIEW_NAMES = {View.ALL: "all", View.BY_DRUG: "by-drug", View.FAVORITES: "favorites", View.LISTS: "lists"}
VIEW_LABELS = {
    View.ALL: "All pages",
    View.BY_DRUG: "By drug",
    View.FAVORITES: "Favorites",
    View.LISTS: "Lists",
}
