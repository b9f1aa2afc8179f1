"""Reading a name the user wrote as a drug of the library, and completing names as they type.

A drug list holds entries added by name ("Paracetamol", or a combination product such as
"Aceclofenac + Paracetamol"). :class:`DrugNames` reads each name as the search does
(:func:`rxcombo.search.answer.answer`): a name is a drug when it equals the drug's name or
is the start (four letters or more) of exactly one drug's name; case, accents and spacing
do not matter. A name
that is neither stays what the user wrote: it is never replaced by a similar spelling
(shared/guides/safety.md), only offered the names that contain it or look like it, each
marked with how it matched.

Plain Python, no Qt: the window's completer and ``rxcombo combos`` share it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rxcombo.content.names import clean_title, fold, split_drugs, tokens
from rxcombo.search.answer import MIN_PREFIX_NAMING, DrugLike, LibraryLike, Match
from rxcombo.search.query import Query, prefix_range
from rxcombo.search.ranking import MatchKind

SUGGESTIONS = 20


def entry_parts(text: str) -> list[str]:
    """The ingredients an entry stands for: ``"A + B"`` -> ``["A", "B"]``; ``"A"`` -> ``["A"]``."""
    return split_drugs(clean_title(text))


def entry_key(text: str) -> str:
    """One entry's identity in a list: folded ingredients in the written order."""
    return " + ".join(fold(part) for part in entry_parts(text))


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A name to add: a drug of the library, or a combination product's page title."""

    text: str  # what gets added: the drug's name or the page's title
    match: Match  # SIMILAR: a different spelling, never the name typed
    product: bool = False  # a page of two or more drugs, standing for its ingredients
    page_id: str | None = None  # the product's page


class DrugNames:
    """Names of one library's drugs: look-up and completion. Cheap to make; the word
    postings for completion are built on first use."""

    def __init__(self, library: LibraryLike) -> None:
        self._library = library
        self._drugs: Sequence[DrugLike] = library.drugs
        self._keys = library.drug_keys
        self._by_word: dict[str, list[int]] | None = None

    def named(self, text: str) -> DrugLike | None:
        """The drug ``text`` names (its name, or the start of exactly one name), else None."""
        folded = fold(text)
        words = " ".join(Query.parse(text).words)
        for phrase in dict.fromkeys((folded, words)):
            if not phrase:
                continue
            drug = self._named(phrase)
            if drug is not None:
                return drug
        return None

    def _named(self, phrase: str) -> DrugLike | None:
        start, end = prefix_range(self._keys, phrase)
        if start < len(self._keys) and self._keys[start] == phrase:
            return self._drugs[start]
        return self._drugs[start] if end - start == 1 and len(phrase) >= MIN_PREFIX_NAMING else None

    def canonical(self, text: str) -> str:
        """How an entry is best stored: each ingredient that names a drug in the drug's own
        spelling (``"alpraz"`` -> ``"Alprazolam"``); the others as written."""
        parts = entry_parts(text)
        names = []
        for part in parts:
            drug = self.named(part)
            names.append(drug.name if drug is not None else part)
        return " + ".join(names)

    def suggest(self, text: str, limit: int = SUGGESTIONS, *, products: bool = True) -> list[Suggestion]:
        """Drugs whose names match what was typed (each word the start of a word of the
        name, or else a similar spelling, marked), then combination products' pages."""
        query = Query.parse(text)
        if query.blank or limit <= 0:
            return []
        found = self._drug_suggestions(query, limit)
        if products and len(found) < limit:
            found.extend(self._product_suggestions(query, limit - len(found)))
        return found

    def _drug_suggestions(self, query: Query, limit: int) -> list[Suggestion]:
        by_word = self._postings()
        index = self._library.index
        candidates: set[int] | None = None
        fuzzy = False
        for word in query.words:
            matches = index.matching_words(word)
            fuzzy = fuzzy or MatchKind.FUZZY in matches.values()
            holders = {number for match in matches for number in by_word.get(match, ())}
            candidates = holders if candidates is None else candidates & holders
            if not candidates:
                return []
        phrase = " ".join(query.words)
        ranked = sorted(
            candidates or (),
            key=lambda n: (
                self._keys[n] != phrase,
                not self._keys[n].startswith(phrase),
                len(self._keys[n]),
                self._keys[n],
            ),
        )
        suggestions = []
        for number in ranked[:limit]:
            drug = self._drugs[number]
            match = Match.SIMILAR if fuzzy else Match.EXACT if drug.key == phrase else Match.PREFIX
            suggestions.append(Suggestion(drug.name, match))
        return suggestions

    def _product_suggestions(self, query: Query, limit: int) -> list[Suggestion]:
        found = []
        for hit in self._library.index.search(query):
            page = self._library.get(hit.id)
            if page is None or len(page.drug_keys) < 2:
                continue
            if hit.kind is MatchKind.FUZZY:
                match = Match.SIMILAR
            else:
                match = Match.EXACT if hit.exact_page else Match.PREFIX
            found.append(Suggestion(page.title, match, product=True, page_id=page.id))
            if len(found) >= limit:
                break
        return found

    def _postings(self) -> dict[str, list[int]]:
        if self._by_word is None:
            by_word: dict[str, list[int]] = {}
            for number, key in enumerate(self._keys):
                for word in dict.fromkeys(tokens(key)):
                    by_word.setdefault(word, []).append(number)
            self._by_word = by_word
        return self._by_word
