"""A page as the app holds it: a :class:`Document` (title, drugs, metadata, problems) whose
body (sections and repairs) is parsed on demand by :mod:`rxcombo.content.reader`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from rxcombo.content.names import fold
from rxcombo.content.problems import Problem

if TYPE_CHECKING:  # a cached library unpickles Documents before any body is parsed
    from rxcombo.content.decoding import Repair
    from rxcombo.content.sections import Section, Structure


@dataclass(frozen=True, slots=True)
class ParsedBody:
    """What only a full read gives: the sections and the repairs made to the text."""

    structure: Structure
    sections: list[Section]
    repairs: list[Repair]


NO_METADATA: Mapping[str, Any] = MappingProxyType({})


@dataclass(slots=True)
class Document:
    """One page. Its body may be left unparsed (``parsed is None``): a library of thousands
    of pages only needs titles and drugs to list and search, and the body is read again
    when the page is opened, so memory holds the index, not every page's text."""

    source: str  # the file, as a string: a cached library of 100,000 pages unpickles
    # strings several times faster than Path objects, which are made only when needed
    id: str
    title: str
    drugs: list[str]
    metadata: Mapping[str, Any]
    parsed: ParsedBody | None = None
    problems: Sequence[Problem] = ()
    body_line_offset: int = 0  # lines before the body in the file (front matter)
    drug_keys: list[str] = field(default_factory=list)
    # From the front matter, kept when the rest of it is not: a snippet for search rows and
    # tooltips (Markdown stripped), and the generic page a brand's product page links to.
    description: str = ""
    generic_link: str | None = None
    _path: Path | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._share_empties()
        if not self.drug_keys:
            self.drug_keys = [fold(drug) for drug in self.drugs]

    @property
    def path(self) -> Path:
        if self._path is None:
            self._path = Path(self.source)
        return self._path

    def move_to(self, path: Path) -> None:
        self.source = str(path)
        self._path = path

    def __getstate__(self) -> tuple[Any, ...]:
        # The parsed body and the Path are cheap to recreate and costly to store. No metadata
        # is stored as None: the shared empty one is read-only, and a read-only dict (a
        # MappingProxyType) cannot be pickled.
        return (self.source, self.id, self.title, self.drugs, self.metadata or None, self.problems,
                self.body_line_offset, self.drug_keys, self.description, self.generic_link)  # fmt: skip

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        (self.source, self.id, self.title, self.drugs, self.metadata, self.problems,
         self.body_line_offset, self.drug_keys, self.description, self.generic_link) = state  # fmt: skip
        self.parsed = None
        self._path = None
        self._share_empties()

    def _share_empties(self) -> None:
        # One empty value for every page without metadata or problems (a listed page keeps
        # no metadata; few have problems): 11 MB less at 100,000 pages. Read-only, so shared.
        if not self.metadata:
            self.metadata = NO_METADATA
        if not self.problems:
            self.problems = ()

    def body(self) -> ParsedBody:
        """The parsed body, reading the file again if it was not kept. Raises ContentError."""
        if self.parsed is None:
            # Imported here: the reader builds Documents, so it imports this module.
            from rxcombo.content.reader import read_page

            full = read_page(self.path)
            assert full.parsed is not None
            self.parsed = full.parsed
            self.metadata = full.metadata  # listing kept none of it beyond the title
        return self.parsed

    def release_body(self) -> None:
        self.parsed = None

    @property
    def structure(self) -> Structure:
        return self.body().structure

    @property
    def sections(self) -> list[Section]:
        return self.body().sections

    @property
    def repairs(self) -> list[Repair]:
        return self.body().repairs

    @property
    def tabs(self) -> list[Section]:
        """The sections that have something to show (an Overview holding only the title has not)."""
        return [section for section in self.sections if not section.is_empty]

    @property
    def layout(self) -> str | None:
        value = self.metadata.get("layout")
        return value if isinstance(value, str) else None

    @property
    def nav_exclude(self) -> bool:
        return self.metadata.get("nav_exclude") is True
