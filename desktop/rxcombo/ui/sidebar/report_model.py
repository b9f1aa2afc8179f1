"""A drug list's combination report as a tree model: one heading per part, its rows below.

The rows are built from :class:`~rxcombo.search.combos.CombinationReport` by
:func:`report_rows` and say only what the report says, in its words (wording.py): which
pages exist for which drugs, which pairs no page covers (each with the sentence that this
is not a sign of safety), each drug's own page, names the library lacks (their similar
names marked as different drugs) and ingredients in more than one entry. A row that stands
for a page carries its id (PAGE_ID_ROLE), so it opens, and has the page menu, like any row
of the pane.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from rxcombo import wording
from rxcombo.search.answer import Match
from rxcombo.ui.plain_text import plain_tip
from rxcombo.ui.roles import FAVORITE_ROLE, PAGE_ID_ROLE, SIMILAR_ROLE

if TYPE_CHECKING:  # the report's module comes with the first list shown
    from rxcombo.search.combos import CombinationReport

AnyIndex = QModelIndex | QPersistentModelIndex
KIND_ROLE = Qt.ItemDataRole.UserRole + 40  # what a row is: "heading", "page", "pair", …
NAME_ROLE = Qt.ItemDataRole.UserRole + 41  # a suggestion's drug name; an unknown's name


@dataclass(eq=False)
class ReportRow:
    text: str
    kind: str  # heading, notice, page, no-page, pair, own-page, no-own-page, unknown, suggestion, duplicate
    page_id: str | None = None
    name: str | None = None
    similar: bool = False
    children: list[ReportRow] = field(default_factory=list)
    parent: ReportRow | None = None
    row: int = 0
    number: int = 0  # the row's internal id in the model


def _heading(text: str, count: int, children: list[ReportRow]) -> ReportRow:
    return ReportRow(f"{text.rstrip(':')} ({count})", "heading", children=children)


def report_rows(report: CombinationReport) -> list[ReportRow]:
    """The top rows of the tree: notices, then one heading per part of the report that has rows."""
    top = [ReportRow(notice, "notice") for notice in report.notices]
    if len(report.drugs) >= 2:
        pages = [ReportRow(_page_text(p.title, p.hint, p.covers), "page", p.id) for p in report.pages]
        if not pages:
            pages = [ReportRow(wording.NO_PAGE_COVERS_TWO, "no-page")]
        top.append(_heading(wording.REPORT_PAGES_HEADING, len(report.pages), pages))
    if report.pairs_without_page:
        pairs = [ReportRow(pair.text, "pair") for pair in report.pairs_without_page]
        top.append(_heading(wording.REPORT_PAIRS_HEADING, len(pairs), pairs))
    if report.own_pages:
        own = [
            ReportRow(o.title or o.drug, "own-page", o.page_id, name=o.drug)
            if o.page_id
            else ReportRow(o.text or o.drug, "no-own-page", name=o.drug)
            for o in report.own_pages
        ]
        top.append(_heading(wording.REPORT_OWN_PAGES_HEADING, len(own), own))
    if report.unknown:
        unknown = []
        for item in report.unknown:
            names = [
                ReportRow(
                    f"{s.text} ({wording.SIMILAR_MARK})" if s.match is Match.SIMILAR else s.text,
                    "suggestion",
                    name=s.text,
                    similar=s.match is Match.SIMILAR,
                )
                for s in item.suggestions
            ]
            unknown.append(ReportRow(item.heading, "unknown", name=item.name, children=names))
        top.append(_heading(wording.REPORT_UNKNOWN_HEADING, len(unknown), unknown))
    if report.duplicates:
        duplicates = [ReportRow(d.text, "duplicate", name=d.ingredient) for d in report.duplicates]
        top.append(_heading(wording.REPORT_DUPLICATES_HEADING, len(duplicates), duplicates))
    return top


def _page_text(title: str, hint: str | None, covers: tuple[str, ...]) -> str:
    """The title alone on the first line (the page menu stars it under that title)."""
    return f"{title}\n{wording.covers(covers)}" + (f" [{hint}]" if hint else "")


class ReportModel(QAbstractItemModel):
    """The rows of :func:`report_rows`, or one line saying why there are none."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._top: list[ReportRow] = []
        self._rows: list[ReportRow] = []  # every row, by its number
        self._is_favorite: Callable[[str], bool] = lambda _page_id: False

    def set_favorite_check(self, is_favorite: Callable[[str], bool]) -> None:
        self._is_favorite = is_favorite

    def set_report(self, report: CombinationReport | None, empty_text: str = "") -> None:
        self.beginResetModel()
        top = report_rows(report) if report is not None else []
        if not top and empty_text:
            top = [ReportRow(empty_text, "empty")]
        self._top, self._rows = top, []
        self._number(top, None)
        self.endResetModel()

    def _number(self, rows: list[ReportRow], parent: ReportRow | None) -> None:
        for position, row in enumerate(rows):
            row.parent, row.row, row.number = parent, position, len(self._rows)
            self._rows.append(row)
            self._number(row.children, row)

    def rows(self) -> list[ReportRow]:
        return list(self._top)

    def _row(self, index: AnyIndex) -> ReportRow | None:
        return self._rows[index.internalId()] if index.isValid() else None

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        owner = self._row(parent)
        children = owner.children if owner is not None else self._top
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row].number)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        row = self._row(index)
        if row is None or row.parent is None:
            return QModelIndex()
        return self.createIndex(row.parent.row, 0, row.parent.number)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        owner = self._row(parent)
        return len(owner.children if owner is not None else self._top)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index)
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.text
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.similar:
                return wording.SIMILAR_TOOLTIP
            return "Enter or double-click opens this page" if row.page_id else plain_tip(row.text)
        if role == Qt.ItemDataRole.FontRole and row.kind in ("heading", "notice"):
            font = QFont()
            font.setBold(True)
            return font
        if role == PAGE_ID_ROLE:
            return row.page_id
        if role == FAVORITE_ROLE:
            return self._is_favorite(row.page_id) if row.page_id else None
        if role == SIMILAR_ROLE:
            return row.similar
        if role == KIND_ROLE:
            return row.kind
        if role == NAME_ROLE:
            return row.name
        return None
