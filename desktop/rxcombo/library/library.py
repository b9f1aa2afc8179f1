"""A library: every page of one or more sources, its drugs, its name index and the problems.

What the command line prints and the window browses is this one value, made by
:mod:`rxcombo.library.loader` (one folder) or :mod:`rxcombo.library.sources` (several).
It knows each page's source, each source's facts (:mod:`.facts`) and what changed since
the last start (:mod:`.changes`). Plain Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rxcombo.content.document import Document
from rxcombo.content.names import fold, slugify
from rxcombo.content.problems import Problem, Severity
from rxcombo.library.changes import Changes
from rxcombo.library.facts import PageDate, SourceFacts, page_date
from rxcombo.library.ids import assign_unique_ids, duplicate_hints, relative_source, source_hints
from rxcombo.search.index import SearchIndex


@dataclass(frozen=True, slots=True)
class LoadStats:
    """How a library was loaded: the benchmark and the tests read these."""

    files: int = 0
    parsed: int = 0  # pages read from disk this time
    reused: int = 0  # pages taken from the cache
    snapshot: bool = False  # the whole result came from the cache


@dataclass(frozen=True, slots=True)
class Drug:
    key: str  # folded, for matching and as a stable identity
    name: str  # as written in the titles (the most common spelling)
    page_ids: tuple[str, ...]  # the drug's own page first, then alphabetical

    def __reduce__(self) -> tuple[type[Drug], tuple[str, str, tuple[str, ...]]]:
        # Unpickled by one constructor call: the frozen dataclass's default (a field list
        # looked up per instance) was half of a warm start's cache read.
        return (Drug, (self.key, self.name, self.page_ids))


_REBUILT = frozenset({"_by_id", "_drugs", "_drug_keys"})  # derived from documents and _drugs_sorted


@dataclass(slots=True)
class Library:
    root: Path
    documents: list[Document] = field(default_factory=list)  # alphabetical by title
    problems: list[Problem] = field(default_factory=list)
    files_seen: int = 0
    stats: LoadStats = field(default_factory=LoadStats)
    _index: SearchIndex | None = None
    _by_id: dict[str, Document] = field(default_factory=dict)
    _drugs: dict[str, Drug] = field(default_factory=dict)
    _drugs_sorted: list[Drug] = field(default_factory=list)
    _drug_keys: list[str] | None = None  # their keys, in that order: made on first use
    _hints: dict[str, str] = field(default_factory=dict)
    sources: list[SourceFacts] = field(default_factory=list)  # in the order given, enabled only
    changes: Changes = field(default_factory=Changes)
    _source_of: dict[str, str] = field(default_factory=dict)  # empty when there is one source
    _moved_ids: dict[tuple[str, str], str] = field(default_factory=dict)  # (source, own id) -> id

    def __getstate__(self) -> dict[str, Any]:
        # The lookups are rebuilt from the lists when the cache is read (the drugs' keys
        # when first asked): a third less to store and to unpickle on every warm start.
        return {name: getattr(self, name) for name in self.__slots__ if name not in _REBUILT}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self._by_id = {document.id: document for document in self.documents}
        self._drugs = {drug.key: drug for drug in self._drugs_sorted}
        self._drug_keys = None

    @classmethod
    def from_documents(
        cls, root: Path, documents: list[Document], problems: list[Problem], files_seen: int | None = None
    ) -> Library:
        library = cls(root=root, problems=list(problems))
        library.files_seen = len(documents) if files_seen is None else files_seen
        library.problems.extend(assign_unique_ids(documents, root))
        library._set_documents(documents, duplicate_hints(documents, lambda d: relative_source(d, root)))
        return library

    @classmethod
    def combined(
        cls,
        parts: list[Library],
        documents: list[Document],
        source_of: dict[str, str],
        moved_ids: dict[tuple[str, str], str],
    ) -> Library:
        """One library over several sources' (``parts``): ``documents`` carry ids already
        unique across them, ``source_of`` maps each id to its source's name."""
        facts = [facts for part in parts for facts in part.sources]
        folders = {f.name: f.folder for f in facts}
        library = cls(root=facts[0].folder if facts else Path())
        library.problems = [problem for part in parts for problem in part.problems]
        library.files_seen = sum(part.files_seen for part in parts)
        library.sources, library._source_of, library._moved_ids = facts, source_of, moved_ids
        library.changes = Changes.combine(part.changes for part in parts)

        library._set_documents(documents, source_hints(documents, source_of, folders))
        return library

    def _set_documents(self, documents: list[Document], hints: dict[str, str]) -> None:
        documents.sort(key=lambda d: (fold(d.title), d.title, d.id))
        self.documents = documents
        self._by_id = {document.id: document for document in documents}
        _share_names(documents)
        self._drugs = _build_drug_index(documents)
        self._drugs_sorted = sorted(self._drugs.values(), key=lambda drug: (drug.key, drug.name))
        self._drug_keys = None
        self._hints = hints

    @property
    def index(self) -> SearchIndex:
        """The drug-name search over these pages, built on first use (the loader builds it
        before caching, so a warm start unpickles it instead)."""
        if self._index is None:
            self._index = SearchIndex(self.documents, self._aliases())
        return self._index

    def _aliases(self) -> dict[int, list[str]]:
        """A product page's brand name finds the generic page it links to."""
        linking = [(document, link) for document in self.documents if (link := document.generic_link)]
        if not linking:  # most libraries: no product pages
            return {}
        position = {id(document): number for number, document in enumerate(self.documents)}
        by_stem: dict[str, Document] | None = None  # made on the first link that is no page id
        aliases: dict[int, list[str]] = {}
        for document, link in linking:
            target = self._by_id.get(link)
            if target is None:
                if by_stem is None:  # a Path per page: 0.7 s at 100,000 pages, so only when needed
                    by_stem = {page.path.stem: page for page in self.documents}
                target = by_stem.get(link)
            if target is not None and target is not document:
                aliases.setdefault(position[id(target)], []).extend(document.drugs)
        return aliases

    def with_stats(self, stats: LoadStats) -> Library:
        """This library, saying how it was loaded this time (shares the pages and index)."""
        return replace(self, stats=stats)

    def hint(self, page_id: str) -> str | None:
        """For a page whose title another page shares: where it comes from, so every list
        can tell the two apart: its source's name when the other page is in another source,
        else its file (``source: file`` when both). None for a title no other page has."""
        return self._hints.get(page_id)

    def get(self, page_id: str) -> Document | None:
        return self._by_id.get(page_id)

    def source_of(self, page_id: str) -> str | None:
        """The name of the source the page comes from (None for an id not in the library)."""
        if page_id not in self._by_id:
            return None
        return self._source_of.get(page_id) or (self.sources[0].name if self.sources else None)

    def find(self, page_id: str, source: str | None = None) -> Document | None:
        """The page a favorite or list entry points at: ``page_id`` as saved, in ``source``
        when one was saved (a page of another source with the same id is not it). Finds the
        page again when the order of sources moved it between its plain id and the
        ``-<source>`` id a page gets when an earlier source holds its title."""
        document = self._by_id.get(page_id)
        if document is not None and (not source or self.source_of(page_id) == source):
            return document
        if not source:
            return None
        moved = self._moved_ids.get((source, page_id))
        if moved is not None:
            return self._by_id.get(moved)
        suffix = f"-{slugify(source)}"
        if page_id.endswith(suffix):
            plain = page_id[: -len(suffix)]
            if self.source_of(plain) == source:
                return self._by_id.get(plain)
        return None

    def page_date(self, page_id: str) -> PageDate | None:
        """The page's own date from its front matter, shown as its "Content date"."""
        document = self._by_id.get(page_id)
        return page_date(document) if document is not None else None

    def source(self, name: str) -> SourceFacts | None:
        return next((facts for facts in self.sources if facts.name == name), None)

    def folder_of(self, path: Path) -> Path:
        """The folder of the source holding ``path`` (for problems written relative to it)."""
        found = [facts.folder for facts in self.sources if path.is_relative_to(facts.folder)]
        return max(found, key=lambda folder: len(folder.parts), default=self.root)

    @property
    def drugs(self) -> list[Drug]:
        """Every drug, A-Z."""
        return self._drugs_sorted

    @property
    def drug_keys(self) -> list[str]:
        """Every drug's key, in the order of :attr:`drugs` (sorted: for prefix look-ups).
        Made once: the notice under the list looks names up on every keystroke, and at
        100,000 pages the list took 13 ms to make."""
        if self._drug_keys is None:
            self._drug_keys = [drug.key for drug in self._drugs_sorted]
        return self._drug_keys

    def drug(self, name_or_key: str) -> Drug | None:
        return self._drugs.get(fold(name_or_key))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def _share_names(documents: list[Document]) -> None:
    """One string object for each drug name and key, however many pages name it (read by
    separate processes, each page had its own copies): the cache then stores each once, and
    a library of 100,000 pages holds 13 MB less. The lists are changed in place, to equal
    strings: a library shown meanwhile, whose pages these may be, sees no difference."""
    shared: dict[str, str] = {}
    for document in documents:
        document.drugs[:] = [shared.setdefault(name, name) for name in document.drugs]
        document.drug_keys[:] = [shared.setdefault(key, key) for key in document.drug_keys]


def _build_drug_index(documents: list[Document]) -> dict[str, Drug]:
    spellings: dict[str, dict[str, int]] = {}
    pages: dict[str, list[Document]] = {}
    for document in documents:
        for name, key in zip(document.drugs, document.drug_keys, strict=True):
            if not key:
                continue
            counts = spellings.setdefault(key, {})
            counts[name] = counts.get(name, 0) + 1
            holders = pages.setdefault(key, [])
            if not holders or holders[-1] is not document:
                holders.append(document)
    index: dict[str, Drug] = {}
    folded: dict[int, str] = {}  # each title folded once, not once per drug it names

    def title_key(document: Document) -> str:
        found = folded.get(id(document))
        if found is None:
            found = folded[id(document)] = fold(document.title)
        return found

    for key, holders in pages.items():
        counts = spellings[key]
        # The most used spelling, the first in order among equals (most drugs have one).
        name = next(iter(counts)) if len(counts) == 1 else max(sorted(counts), key=counts.__getitem__)
        if len(holders) > 1:
            # The drug's own page (a page that is just this drug) comes first.
            holders.sort(key=lambda d: (d.drug_keys != [key], len(d.drugs), title_key(d), d.id))
        index[key] = Drug(key=key, name=name, page_ids=tuple(d.id for d in holders))
    return index
