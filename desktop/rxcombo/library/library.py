"""A library: every page under a folder, its drugs, its name index and the problems found.

What the command line prints and the window browses is this one value, made by
:mod:`rxcombo.library.loader`. Plain Python, no Qt.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from rxcombo.content.document import Document
from rxcombo.content.names import fold, slugify
from rxcombo.content.problems import Problem, Severity
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
    _hints: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_documents(
        cls, root: Path, documents: list[Document], problems: list[Problem], files_seen: int | None = None
    ) -> Library:
        library = cls(root=root, problems=list(problems))
        library.files_seen = len(documents) if files_seen is None else files_seen
        library._set_documents(documents)
        return library

    def _set_documents(self, documents: list[Document]) -> None:
        self.problems.extend(_assign_unique_ids(documents, self.root))
        documents.sort(key=lambda d: (fold(d.title), d.title, d.id))
        self.documents = documents
        self._by_id = {document.id: document for document in documents}
        self._drugs = _build_drug_index(documents)
        self._drugs_sorted = sorted(self._drugs.values(), key=lambda drug: (drug.key, drug.name))
        self._hints = _duplicate_hints(documents, self.root)

    @property
    def index(self) -> SearchIndex:
        """The drug-name search over these pages, built on first use (the loader builds it
        before caching, so a warm start unpickles it instead)."""
        if self._index is None:
            self._index = SearchIndex(self.documents, self._aliases())
        return self._index

    def _aliases(self) -> dict[int, list[str]]:
        """A product page's brand name finds the generic page it links to."""
        position = {id(document): number for number, document in enumerate(self.documents)}
        by_stem = {document.path.stem: document for document in self.documents}
        aliases: dict[int, list[str]] = {}
        for document in self.documents:
            if document.generic_link:
                target = self._by_id.get(document.generic_link) or by_stem.get(document.generic_link)
                if target is not None and target is not document:
                    aliases.setdefault(position[id(target)], []).extend(document.drugs)
        return aliases

    def with_stats(self, stats: LoadStats) -> Library:
        """This library, saying how it was loaded this time (shares the pages and index)."""
        copy = Library(self.root, self.documents, self.problems, self.files_seen, stats, self._index)
        copy._by_id, copy._drugs, copy._drugs_sorted = self._by_id, self._drugs, self._drugs_sorted
        copy._hints = self._hints
        return copy

    def hint(self, page_id: str) -> str | None:
        """For a page whose title another page shares: where it comes from (its file), so
        every list can tell the two apart. None for a title no other page has."""
        return self._hints.get(page_id)

    def get(self, page_id: str) -> Document | None:
        return self._by_id.get(page_id)

    @property
    def drugs(self) -> list[Drug]:
        """Every drug, A-Z."""
        return self._drugs_sorted

    def drug(self, name_or_key: str) -> Drug | None:
        return self._drugs.get(fold(name_or_key))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def _assign_unique_ids(documents: list[Document], root: Path) -> list[Problem]:
    """Same title twice: the first file (by path) keeps the plain id, the others get a suffix
    from their own path, so ids (and the favorites that use them) do not shift between runs."""
    problems: list[Problem] = []
    by_path = sorted(documents, key=lambda d: _relative(d.path, root))
    first_holder: dict[str, Document] = {}
    for document in by_path:
        document.id = slugify(document.title)  # ids from a cache may carry an old suffix
    taken = {d.id for d in documents}
    for document in by_path:
        holder = first_holder.get(document.id)
        if holder is None:
            first_holder[document.id] = document
            continue
        digest = hashlib.sha1(_relative(document.path, root).encode()).hexdigest()
        new_id = f"{document.id}-{digest[:6]}"
        while new_id in taken:
            digest = hashlib.sha1(digest.encode()).hexdigest()
            new_id = f"{document.id}-{digest[:6]}"
        taken.add(new_id)
        problems.append(
            Problem(
                document.path,
                None,
                Severity.WARNING,
                f"duplicate title {document.title!r} (also {_relative(holder.path, root)}); id {new_id!r}",
            )
        )
        document.id = new_id
    return problems


def _duplicate_hints(documents: list[Document], root: Path) -> dict[str, str]:
    by_title: dict[str, list[Document]] = {}
    for document in documents:
        by_title.setdefault(fold(document.title), []).append(document)
    return {
        document.id: _relative(document.path, root)
        for group in by_title.values()
        if len(group) > 1
        for document in group
    }


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


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
    for key, holders in pages.items():
        counts = spellings[key]
        name = max(sorted(counts), key=lambda n: counts[n])
        # The drug's own page (a page that is just this drug) comes first.
        holders.sort(key=lambda d: (d.drug_keys != [key], len(d.drugs), fold(d.title), d.id))
        index[key] = Drug(key=key, name=name, page_ids=tuple(d.id for d in holders))
    return index
