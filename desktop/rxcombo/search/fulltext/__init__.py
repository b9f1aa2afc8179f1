"""Full-text search: every word of every page, by section, ranked, in SQLite's FTS5. No Qt.

* :mod:`.text_query`: what was typed -> terms (words as prefixes, "phrases"); never syntax.
* :mod:`.plain`: section Markdown -> plain text, and the folding of case and accents.
* :mod:`.store`: the index file, checked before it is trusted, rebuilt when it is not.
* :mod:`.build`: bringing the index up to date, only for changed pages; cancellable.
* :mod:`.index`: asking it: ranked pages with their best section and a snippet.
* :mod:`.snippet`: where the words are in a text, and the stretch a row shows.

Which library and folder an index belongs to is decided in :mod:`rxcombo.library.fulltext`.
"""

from rxcombo.search.fulltext.build import BuildStats, PageSource, update_index
from rxcombo.search.fulltext.index import DEFAULT_LIMIT, FullTextIndex, SectionTitle, TextHit
from rxcombo.search.fulltext.snippet import Snippet, highlight, make_snippet
from rxcombo.search.fulltext.store import DamagedIndexError, FullTextError, fts5_missing
from rxcombo.search.fulltext.text_query import Term, TextQuery, TextQueryLike

__all__ = [
    "DEFAULT_LIMIT",
    "BuildStats",
    "DamagedIndexError",
    "FullTextError",
    "FullTextIndex",
    "PageSource",
    "SectionTitle",
    "Snippet",
    "Term",
    "TextHit",
    "TextQuery",
    "TextQueryLike",
    "fts5_missing",
    "highlight",
    "make_snippet",
    "update_index",
]
