"""Search by drug name: the parsed query, the name index and its ranking, highlighting; names
read as drugs and completed (drug_names), the report on several drugs (combos). No Qt."""

from rxcombo.search.highlight import highlight_spans
from rxcombo.search.index import Hit, SearchIndex
from rxcombo.search.query import Query, QueryLike, query_words
from rxcombo.search.ranking import MatchKind
from rxcombo.search.warmup import warm_up_queries

__all__ = [
    "Hit",
    "MatchKind",
    "Query",
    "QueryLike",
    "SearchIndex",
    "highlight_spans",
    "query_words",
    "warm_up_queries",
]
