"""What a search answers, beyond the ranked pages: notices that keep "no page" from reading
as "safe" and a similar spelling from passing for the drug asked (shared/guides/safety.md).

* Every word matched a drug name (exactly or as a prefix) and pages were found: results.
* Some word matched only by typo tolerance: the results are marked similar, headed by
  "No drug named 'xanax'. Similar names…", and Enter must not open them.
* Nothing was found although each word names a drug (exactly, or as the prefix of one
  drug only): "No page covers A with B. This is not a sign…", with related pages: each
  drug's own page, then pages covering most of the asked drugs, each saying which.
* Nothing was found and some word names no drug at all: that is said, with the pages of
  the words that did name drugs.

Plain Python, no Qt: the window and the command line show the same answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from rxcombo import wording
from rxcombo.search.index import Hit, SearchIndex
from rxcombo.search.query import Query, QueryLike, prefix_range
from rxcombo.search.ranking import MatchKind

MAX_SPAN = 4  # longest drug name, in words, that a run of query words is tried against
MIN_PREFIX_NAMING = 4  # a start of a name this long or longer may name a drug
MAX_NOTICE_WORDS = 10
MAX_RELATED = 200
MAX_LOOKALIKES = 5


class Match(StrEnum):
    EXACT = "exact"
    PREFIX = "prefix"
    SIMILAR = "similar"


MATCH_OF_KIND = {MatchKind.EXACT: Match.EXACT, MatchKind.PREFIX: Match.PREFIX, MatchKind.FUZZY: Match.SIMILAR}


class NoticeKind(StrEnum):
    NO_PAGE_COVERS = "no-page-covers"
    NO_MATCH = "no-match"
    NO_DRUG_NAMED = "no-drug-named"
    SIMILAR_ONLY = "similar-only"


class DrugLike(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def page_ids(self) -> tuple[str, ...]: ...


class PageLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def drug_keys(self) -> list[str]: ...


class LibraryLike(Protocol):
    @property
    def index(self) -> SearchIndex: ...
    @property
    def documents(self) -> Sequence[PageLike]: ...
    def drug(self, name_or_key: str) -> DrugLike | None: ...
    @property
    def drugs(self) -> Sequence[DrugLike]: ...
    @property
    def drug_keys(self) -> Sequence[str]: ...  # the drugs' keys, in the same (sorted) order
    def get(self, page_id: str) -> PageLike | None: ...


@dataclass(frozen=True, slots=True)
class Related:
    id: str
    title: str
    covers: tuple[str, ...]  # names of the asked drugs this page covers, in asked order
    own_page: bool  # the page of one asked drug alone


@dataclass(frozen=True, slots=True)
class Notice:
    kind: NoticeKind
    text: str
    drugs: tuple[str, ...] = ()  # the named drugs, for NO_PAGE_COVERS
    mentions: int = 0  # pages whose text mentions the words (the window's full-text count)


@dataclass(frozen=True, slots=True)
class Answer:
    query: Query
    hits: list[Hit]
    notice: Notice | None = None
    related: list[Related] = field(default_factory=list)

    @property
    def similar_only(self) -> bool:
        """Results exist only through similar spellings: Enter must not open one."""
        return self.notice is not None and self.notice.kind is NoticeKind.SIMILAR_ONLY

    @staticmethod
    def match_of(hit: Hit) -> Match:
        return MATCH_OF_KIND[hit.kind]


def answer(library: LibraryLike, query: QueryLike, limit: int | None = None) -> Answer:
    """The ranked pages for ``query``, with the notice and related pages that go with them."""
    parsed = Query.of(query)
    hits = library.index.search(parsed)  # whether anything was found is decided before any cut
    notice, related = notice_for(library, parsed, [hit.index for hit in hits])
    if notice is not None and notice.kind is NoticeKind.NO_PAGE_COVERS:
        hits = []  # pages found through a word inside another drug's name: related, not answers
    return Answer(parsed, hits if limit is None else hits[:limit], notice, related)


def notice_for(
    library: LibraryLike, query: QueryLike, rows: Sequence[int]
) -> tuple[Notice | None, list[Related]]:
    """What goes with the ranked ``rows`` (positions in ``library.documents``) of ``query``.

    Cheap when pages were found (one prefix look-up per word, typo matches memoised): the
    window calls it on every keystroke beside the index's ranked rows."""
    parsed = Query.of(query)
    words = list(parsed.words)
    if not words:
        return None, []
    if len(words) > MAX_NOTICE_WORDS:  # a pasted paragraph: no typo hunting word by word
        return (None, []) if rows else (_no_match(parsed), [])
    index = library.index
    best = {word: _best_kind(index, word) for word in words}
    unknown = [word for word, kind in best.items() if kind is None]
    similar = [word for word, kind in best.items() if kind is MatchKind.FUZZY]
    if rows and similar:
        heading = wording.similar_names_heading(similar)
        return Notice(NoticeKind.SIMILAR_ONLY, heading), _similar_rows(library, rows)
    if rows:
        drugs = _distinct(_resolve(library, words) or [])
        keys = {drug.key for drug in drugs}
        documents = library.documents
        if len(keys) >= 2 and not any(keys <= set(documents[row].drug_keys) for row in rows):
            return _no_page_covers(library, drugs)
        return None, []
    if unknown or similar:
        named = _resolve(library, [w for w in words if w not in unknown and w not in similar]) or []
        lookalikes = {word: _drug_names_with(library, index.fuzzy_words(word)) for word in similar}
        text = wording.no_drug_named(unknown + similar, lookalikes, several_words=len(words) > 1)
        found = [library.drug(name) for names in lookalikes.values() for name in names]
        return Notice(NoticeKind.NO_DRUG_NAMED, text), _related(
            library, _distinct([*named, *(d for d in found if d is not None)])
        )
    drugs = _distinct(_resolve(library, words) or [])
    if len(drugs) < 2:
        return _no_match(parsed), []
    return _no_page_covers(library, drugs)


def _no_match(parsed: Query) -> Notice:
    return Notice(NoticeKind.NO_MATCH, wording.no_page_matches(str(parsed), len(parsed.words)))


def _no_page_covers(library: LibraryLike, drugs: Sequence[DrugLike]) -> tuple[Notice, list[Related]]:
    names = tuple(drug.name for drug in drugs)
    return Notice(NoticeKind.NO_PAGE_COVERS, wording.no_page_covers(names), names), _related(library, drugs)


def _distinct(drugs: Sequence[DrugLike]) -> list[DrugLike]:
    return list({drug.key: drug for drug in drugs}.values())


def _similar_rows(library: LibraryLike, rows: Sequence[int]) -> list[Related]:
    documents = library.documents
    return [Related(documents[r].id, documents[r].title, (), False) for r in rows[:MAX_RELATED]]


def _drug_names_with(library: LibraryLike, words: Sequence[str]) -> list[str]:
    """Names of the drugs that have one of these (folded) words, for "similar names: …"."""
    wanted = set(words)
    names = [drug.name for drug in library.drugs if wanted & set(drug.key.split())]
    return names[:MAX_LOOKALIKES]


def _best_kind(index: SearchIndex, word: str) -> MatchKind | None:
    kinds = index.matching_words(word).values()
    return min(kinds) if kinds else None


def _resolve(library: LibraryLike, words: Sequence[str]) -> list[DrugLike] | None:
    """Read the words as drug names, longest run first: each run must equal a drug's name
    or be the start (4 letters or more) of exactly one drug's name. None when some run
    cannot be read so: a short start ("m", "low") names no drug the user did not type."""
    drugs, keys = library.drugs, library.drug_keys
    found: list[DrugLike] = []
    position = 0
    while position < len(words):
        for end in range(min(len(words), position + MAX_SPAN), position, -1):
            drug = _drug_named(drugs, keys, " ".join(words[position:end]))
            if drug is not None:
                found.append(drug)
                position = end
                break
        else:
            return None
    return found


def _drug_named(drugs: Sequence[DrugLike], keys: Sequence[str], phrase: str) -> DrugLike | None:
    start, end = prefix_range(keys, phrase)
    if start < len(keys) and keys[start] == phrase:
        return drugs[start]
    return drugs[start] if end - start == 1 and len(phrase) >= MIN_PREFIX_NAMING else None


def _related(library: LibraryLike, drugs: Sequence[DrugLike]) -> list[Related]:
    """Each asked drug's own page, then pages covering most of the asked drugs."""
    asked = {drug.key: drug.name for drug in drugs}
    seen: set[str] = set()
    own: list[Related] = []
    shared: list[tuple[int, int, str, Related]] = []
    for order, drug in enumerate(drugs):
        for page_id in drug.page_ids:
            if page_id in seen:
                continue
            page = library.get(page_id)
            if page is None:
                continue
            seen.add(page_id)
            covered = tuple(asked[key] for key in asked if key in page.drug_keys)
            is_own = page.drug_keys == [drug.key]
            related = Related(page.id, page.title, covered, is_own)
            if is_own:
                own.append(related)
            else:
                shared.append((-len(covered), order, page.title.casefold(), related))
    shared.sort(key=lambda item: item[:3])
    return own + [item[3] for item in shared]
