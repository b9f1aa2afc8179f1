"""The report on several drugs at once: which pages exist for which drugs, and nothing more.

For the entries of a drug list (or of ``rxcombo combos``), built only from the page titles
(there is no severity or interaction data in the content, so the report has none):

* every page that covers two or more of the drugs, most drugs covered first (then pages
  naming fewer other drugs), each saying which it covers;
* every pair of drugs that no page covers, each with the sentence that no page is not a
  sign of safety (shared/guides/safety.md);
* each drug's own page, or that it has none;
* entries that name no drug of the library (never replaced by a similar spelling: the
  names that contain them or look like them are offered, marked);
* ingredients in more than one entry (a drug on its own and inside a product, or in two
  products).

An entry is a drug's name or a combination product ("Aceclofenac + Paracetamol"), which
stands for its ingredients. Plain Python, no Qt; the window recomputes the whole report on
every change (a 30-drug list takes well under a frame: ``tests/benchmarks/combos.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Protocol

from rxcombo import wording
from rxcombo.content.names import fold
from rxcombo.search.answer import DrugLike, LibraryLike, Match
from rxcombo.search.drug_names import DrugNames, Suggestion, entry_key, entry_parts

SUGGESTIONS_PER_UNKNOWN = 8


class ReportLibrary(LibraryLike, Protocol):
    @property
    def root(self) -> Path: ...
    def hint(self, page_id: str) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Entry:
    text: str  # as the user added it
    ingredients: tuple[str, ...]  # each a drug's name in the library, or as written when it names none

    @property
    def product(self) -> bool:
        return len(self.ingredients) > 1


@dataclass(frozen=True, slots=True)
class CoveringPage:
    id: str
    title: str
    covers: tuple[str, ...]  # the list's drugs this page names, in list order (two or more)
    hint: str | None = None  # the page's file, when another page shares its title


@dataclass(frozen=True, slots=True)
class Pair:
    """Two drugs of the list that no page covers together."""

    first: str
    second: str

    @property
    def text(self) -> str:
        return wording.no_page_covers([self.first, self.second])


@dataclass(frozen=True, slots=True)
class OwnPage:
    drug: str
    page_id: str | None  # None: no page is about this drug alone
    title: str | None
    pages: int  # how many pages name the drug

    @property
    def text(self) -> str | None:
        """The sentence for a drug without a page of its own; None when it has one."""
        return wording.no_own_page(self.drug, self.pages) if self.page_id is None else None


@dataclass(frozen=True, slots=True)
class Unknown:
    """A name in the list that names no drug of this library."""

    name: str
    entries: tuple[str, ...]  # the entries that hold it
    suggestions: tuple[Suggestion, ...]  # names containing it (PREFIX) or spelled like it (SIMILAR)

    @property
    def heading(self) -> str:
        if not self.suggestions:
            return wording.no_drug_named([self.name])
        if any(s.match is Match.SIMILAR for s in self.suggestions):
            return wording.similar_names_heading([self.name])
        return wording.names_containing(self.name)


@dataclass(frozen=True, slots=True)
class Duplicate:
    ingredient: str
    entries: tuple[str, ...]

    @property
    def text(self) -> str:
        return wording.in_entries(self.ingredient, self.entries)


@dataclass(frozen=True, slots=True)
class CombinationReport:
    entries: tuple[Entry, ...]
    drugs: tuple[str, ...]  # the library's drugs the entries name, once each, in list order
    unknown: tuple[Unknown, ...]
    pages: tuple[CoveringPage, ...]
    pairs_without_page: tuple[Pair, ...]
    pair_count: int  # all pairs of ``drugs``
    own_pages: tuple[OwnPage, ...]
    duplicates: tuple[Duplicate, ...]
    notices: tuple[str, ...]  # wording.py sentences that head the report
    source: str  # the library's folder

    @property
    def notice(self) -> str | None:
        return " ".join(self.notices) if self.notices else None


def combination_report(
    library: ReportLibrary, entries: Sequence[str], names: DrugNames | None = None
) -> CombinationReport:
    """The report for these entries (blank and repeated entries are skipped)."""
    names = names if names is not None else DrugNames(library)
    resolved: list[Entry] = []
    drugs: dict[str, DrugLike] = {}
    unknown: dict[str, tuple[str, list[str]]] = {}  # folded -> (as written, entries)
    holders: dict[str, tuple[str, list[str]]] = {}  # ingredient key -> (name, entries)
    seen: set[str] = set()
    for text in entries:
        key = entry_key(text)
        if not key or key in seen:
            continue
        seen.add(key)
        display = " + ".join(entry_parts(text))
        ingredients = []
        for part in entry_parts(text):
            drug = names.named(part)
            if drug is not None:
                drugs.setdefault(drug.key, drug)
                ingredient_key, name = drug.key, drug.name
            else:
                ingredient_key, name = fold(part), part
                unknown.setdefault(ingredient_key, (part, []))[1].append(display)
            ingredients.append(name)
            held = holders.setdefault(ingredient_key, (name, []))[1]
            if display not in held:
                held.append(display)
        resolved.append(Entry(display, tuple(ingredients)))

    ordered = list(drugs.values())
    drug_names = tuple(drug.name for drug in ordered)
    pages = _covering_pages(library, ordered)
    pairs = tuple(Pair(drug_names[i], drug_names[j]) for i, j in _pairs_without_page(ordered))
    missing = tuple(
        Unknown(name, tuple(held), tuple(names.suggest(name, SUGGESTIONS_PER_UNKNOWN, products=False)))
        for name, held in unknown.values()
    )
    notices = []
    pair_count = len(ordered) * (len(ordered) - 1) // 2
    if pairs:
        notices.append(wording.pairs_without_page(len(pairs), pair_count))
    if missing:
        notices.append(wording.not_in_library([item.name for item in missing]))
    return CombinationReport(
        entries=tuple(resolved),
        drugs=drug_names,
        unknown=missing,
        pages=tuple(pages),
        pairs_without_page=pairs,
        pair_count=pair_count,
        own_pages=tuple(_own_page(library, drug) for drug in ordered),
        duplicates=tuple(Duplicate(name, tuple(held)) for name, held in holders.values() if len(held) > 1),
        notices=tuple(notices),
        source=str(library.root),
    )


def _covering_pages(library: ReportLibrary, drugs: list[DrugLike]) -> list[CoveringPage]:
    """Pages naming two or more of ``drugs``: most first, then those naming fewer other
    drugs, then A-Z."""
    holders: dict[str, list[int]] = {}
    for number, drug in enumerate(drugs):
        for page_id in drug.page_ids:
            held = holders.get(page_id)
            if held is None:
                holders[page_id] = [number]
            else:
                held.append(number)
    names = [drug.name for drug in drugs]
    get, hint = library.get, library.hint  # hot loop: hundreds of pages for a long list
    pages: list[tuple[int, int, str, str, CoveringPage]] = []
    for page_id, numbers in holders.items():
        if len(numbers) < 2:
            continue
        page = get(page_id)
        if page is None:
            continue
        row = CoveringPage(page.id, page.title, tuple([names[n] for n in numbers]), hint(page.id))
        pages.append((-len(numbers), len(page.drug_keys), page.title.casefold(), page.id, row))
    pages.sort()  # ids are unique: the rows themselves are never compared
    return [item[4] for item in pages]


def _pairs_without_page(drugs: list[DrugLike]) -> list[tuple[int, int]]:
    """The pairs (i, j), i < j, of ``drugs`` that share no page."""
    pages = [set(drug.page_ids) for drug in drugs]
    return [(i, j) for i, j in combinations(range(len(drugs)), 2) if pages[i].isdisjoint(pages[j])]


def _own_page(library: ReportLibrary, drug: DrugLike) -> OwnPage:
    first = library.get(drug.page_ids[0]) if drug.page_ids else None
    if first is not None and first.drug_keys == [drug.key]:
        return OwnPage(drug.name, first.id, first.title, len(drug.page_ids))
    return OwnPage(drug.name, None, None, len(drug.page_ids))
