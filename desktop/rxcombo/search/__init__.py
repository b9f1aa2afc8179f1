"""Search by drug name. Plain Python, no Qt."""

from rxcombo.search.index import Hit, MatchKind, SearchIndex, highlight_spans, query_words

__all__ = ["Hit", "MatchKind", "SearchIndex", "highlight_spans", "query_words"]
