"""What a warm start's first frame shows of a cached library, stored apart and read first.

Unpickling a cached library of 6,447 pages takes about 35 ms (the pages, the search index,
the drugs); the first frame shows only the list of titles, the count of pages and drugs,
the start page's example search and the count of unreadable pages. The cache file keeps
those in a small section of its own (two lists of strings: about 1.5 ms to read), which
the window paints from; the library itself is read just after that paint, before any
input is handled, and shows the same rows (:mod:`rxcombo.ui.window.loading`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, overload

if TYPE_CHECKING:
    from rxcombo.content.document import Document
    from rxcombo.library.library import Library


class PreviewRow(NamedTuple):
    """A listed page as the preview knows it: its drugs come with the library."""

    id: str
    title: str
    drugs: tuple[str, ...] = ()


class PreviewRows(Sequence[PreviewRow]):
    """The preview's pages as rows for the list model, made when asked for."""

    def __init__(self, ids: list[str], titles: list[str]) -> None:
        self._ids = ids
        self._titles = titles

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, row: int) -> PreviewRow: ...
    @overload
    def __getitem__(self, row: slice) -> list[PreviewRow]: ...
    def __getitem__(self, row: int | slice) -> PreviewRow | list[PreviewRow]:
        if isinstance(row, slice):
            return [PreviewRow(i, t) for i, t in zip(self._ids[row], self._titles[row], strict=True)]
        return PreviewRow(self._ids[row], self._titles[row])


def example_search(documents: Sequence[Document]) -> str | None:
    """The start page's example: the drugs of the first two-drug page, in its own spelling
    (never an invented name); None when the library has no such page."""
    return next((" ".join(d.drugs) for d in documents if len(d.drugs) == 2), None)


class ListPreview:
    """The first frame's part of a library: its pages in list order, their hints, the counts."""

    __slots__ = ("_title_of", "drug_count", "errors", "example", "hints", "ids", "titles")

    def __init__(
        self,
        ids: list[str],
        titles: list[str],
        hints: dict[str, str],
        drug_count: int,
        example: str | None,
        errors: int,
    ) -> None:
        self.ids = ids
        self.titles = titles
        self.hints = hints
        self.drug_count = drug_count
        self.example = example
        self.errors = errors
        self._title_of: dict[str, str] | None = None

    @classmethod
    def of(cls, library: Library) -> ListPreview:
        documents = library.documents
        hints = {d.id: hint for d in documents if (hint := library.hint(d.id)) is not None}
        return cls(
            [d.id for d in documents],
            [d.title for d in documents],
            hints,
            len(library.drugs),
            example_search(documents),
            len(library.errors),
        )

    def __getstate__(self) -> tuple[object, ...]:
        return (self.ids, self.titles, self.hints, self.drug_count, self.example, self.errors)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.ids, self.titles, self.hints, self.drug_count, self.example, self.errors = state
        self._title_of = None

    def rows(self) -> PreviewRows:
        return PreviewRows(self.ids, self.titles)

    def hint(self, page_id: str) -> str | None:
        """As :meth:`Library.hint`: where a page whose title another shares comes from."""
        return self.hints.get(page_id)

    def title_of(self, page_id: str) -> str | None:
        """The title of a page of the library, or None (a recent page or favorite it lacks)."""
        if self._title_of is None:
            self._title_of = dict(zip(self.ids, self.titles, strict=True))
        return self._title_of.get(page_id)
