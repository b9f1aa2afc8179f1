"""The kinds of tab a shown page has (:mod:`rxcombo.content.shown`), on their own: the page
view names them at start, before anything of a page has to be shown."""

from __future__ import annotations

from enum import StrEnum


class TabKind(StrEnum):
    OVERVIEW = "overview"
    PART = "part"
    COMBINED = "combined"
    DISCLAIMER = "disclaimer"
    WHOLE_PAGE = "whole-page"
