"""A library: every page under a folder, the drug index, and the problems found.

One bad page never stops the others: it is reported (file, line, what is wrong) and left
out, and loading goes on.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rxcombo.content.document import PAGE_SUFFIXES, Document, is_page_file, read_page
from rxcombo.content.names import fold, slugify
from rxcombo.content.problems import ContentError, Problem, Severity

ProgressCallback = Callable[[int, int], None]


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
    _by_id: dict[str, Document] = field(default_factory=dict)
    _drugs: dict[str, Drug] = field(default_factory=dict)
    _drugs_sorted: list[Drug] = field(default_factory=list)

    @classmethod
    def load(cls, root: Path, progress: ProgressCallback | None = None, *, bodies: bool = True) -> Library:
        """Read every page under ``root``. ``bodies=False`` reads only titles and drugs
        (what listing and search need); sections are then parsed when a page is opened."""
        root = Path(root)
        library = cls(root=root)
        if not root.is_dir():
            library.problems.append(
                Problem(root, None, Severity.ERROR, "content folder does not exist or is not a folder")
            )
            return library
        paths = list(iter_page_files(root, library.problems))
        library.files_seen = len(paths)
        documents: list[Document] = []
        for done, path in enumerate(paths, 1):
            try:
                document = read_page(path, body=bodies)
            except ContentError as exc:
                library.problems.append(exc.to_problem())
            else:
                documents.append(document)
                library.problems.extend(document.problems)
            if progress is not None:
                progress(done, len(paths))
        library._set_documents(documents)
        return library

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


def scan_page_files(
    root: Path, problems: list[Problem] | None = None
) -> list[tuple[str, str, os.stat_result]]:
    """(path, path relative to root with "/", stat) of every page file, in a stable order.

    Hidden files and folders are skipped. Strings rather than Paths: this runs on every
    start over every file, and pathlib's parsing would cost more than the disk.
    """
    found: list[tuple[str, str, os.stat_result]] = []
    pending = [(str(root), "")]
    # Symlinked folders are followed, but each real folder is read once: a link back up the
    # tree ("self -> .") otherwise repeats every page 40 times, and two such links never end.
    visited: set[tuple[int, int]] = set()
    while pending:
        folder, prefix = pending.pop()
        try:
            info = os.stat(folder)  # noqa: PTH116 - strings, see docstring
            if (info.st_dev, info.st_ino) in visited:
                continue
            visited.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as entries:
                listed = sorted(entries, key=lambda entry: entry.name)
        except OSError as exc:
            if problems is not None:
                problems.append(
                    Problem(Path(folder), None, Severity.ERROR, f"cannot list folder: {exc.strerror}")
                )
            continue
        subfolders: list[tuple[str, str]] = []
        for entry in listed:
            if entry.name.startswith("."):
                continue
            relative = prefix + entry.name
            try:
                if entry.is_dir():
                    subfolders.append((entry.path, relative + "/"))
                    continue
                if not entry.is_file():
                    continue
                suffix = os.path.splitext(entry.name)[1].lower()  # noqa: PTH122 - see docstring
                if suffix not in PAGE_SUFFIXES and not is_page_file(Path(entry.path)):
                    continue
                found.append((entry.path, relative, entry.stat()))
            except OSError as exc:
                if problems is not None:
                    problems.append(
                        Problem(Path(entry.path), None, Severity.ERROR, f"cannot read file: {exc.strerror}")
                    )
        pending.extend(reversed(subfolders))
    found.sort(key=lambda item: item[1])
    return found


def iter_page_files(root: Path, problems: list[Problem] | None = None) -> Iterator[Path]:
    """Page files under ``root``, recursively, in a stable order; hidden entries skipped."""
    for path, _relative, _stat in scan_page_files(root, problems):
        yield Path(path)


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
