"""A combination report as text (to copy), Markdown, CSV and the JSON of ``rxcombo combos``.

Every sentence comes from :mod:`rxcombo.wording`; every export ends with where the pages
come from and the app's one-line disclaimer, as every printed sheet does
(shared/guides/safety.md). Page titles and drug names are the library's text: Markdown
specials are escaped, and a CSV cell that a spreadsheet would run as a formula is quoted.
Plain Python, no Qt.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from rxcombo import wording
from rxcombo.content.names import fold
from rxcombo.search.answer import Match
from rxcombo.search.combos import CombinationReport, CoveringPage, Unknown

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _entry_line(entry_text: str, ingredients: tuple[str, ...]) -> str:
    named = " + ".join(ingredients)
    return entry_text if fold(named) == fold(entry_text) else f"{entry_text} ({named})"


def _suggestion_line(unknown: Unknown) -> list[str]:
    marked = f" ({wording.SIMILAR_MARK})"
    return [s.text + marked if s.match is Match.SIMILAR else s.text for s in unknown.suggestions]


def _page_label(page: CoveringPage) -> str:
    return f"{page.title} [{page.hint}]" if page.hint else page.title


def report_text(report: CombinationReport) -> str:
    """The report as plain text, one row a line (rows of pages: id, title, what it covers)."""
    lines = [wording.REPORT_ENTRIES_HEADING]
    lines += [f"  {_entry_line(e.text, e.ingredients)}" for e in report.entries]
    if report.notices:
        lines += ["", *report.notices]
    if len(report.drugs) >= 2:
        lines += ["", wording.REPORT_PAGES_HEADING]
        lines += [f"  {p.id}\t{_page_label(p)}\t({wording.covers(p.covers)})" for p in report.pages]
        if not report.pages:
            lines.append(f"  {wording.NO_PAGE_COVERS_TWO}")
    if report.pairs_without_page:
        lines += ["", wording.REPORT_PAIRS_HEADING]
        lines += [f"  {pair.text}" for pair in report.pairs_without_page]
    if report.own_pages:
        lines += ["", wording.REPORT_OWN_PAGES_HEADING]
        for own in report.own_pages:
            lines.append(f"  {own.drug}\t{own.page_id}\t{own.title}" if own.page_id else f"  {own.text}")
    if report.unknown:
        lines += ["", wording.REPORT_UNKNOWN_HEADING]
        for unknown in report.unknown:
            lines.append(f"  {unknown.heading}")
            lines += [f"    {line}" for line in _suggestion_line(unknown)]
    if report.duplicates:
        lines += ["", wording.REPORT_DUPLICATES_HEADING]
        lines += [f"  {duplicate.text}" for duplicate in report.duplicates]
    lines += ["", f"{wording.REPORT_SOURCE_LABEL}: {report.source}", wording.APP_DISCLAIMER_LINE]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _heading(text: str) -> str:
    return f"## {_md(text.rstrip(':'))}"


def report_markdown(report: CombinationReport, title: str | None = None) -> str:
    """The report as a Markdown document (``title``: e.g. the list's name)."""
    lines = [f"# {_md(title or ', '.join(report.drugs) or wording.REPORT_ENTRIES_HEADING.rstrip(':'))}", ""]
    lines += [_heading(wording.REPORT_ENTRIES_HEADING), ""]
    lines += [f"- {_md(_entry_line(e.text, e.ingredients))}" for e in report.entries]
    if report.notices:
        lines += ["", *(f"> {_md(notice)}" for notice in report.notices)]
    if len(report.drugs) >= 2:
        lines += ["", _heading(wording.REPORT_PAGES_HEADING), ""]
        if report.pages:
            lines += ["| Page | Id | Covers |", "| --- | --- | --- |"]
            for p in report.pages:
                lines.append(f"| {_md(_page_label(p))} | {_md(p.id)} | {_md(', '.join(p.covers))} |")
        else:
            lines.append(_md(wording.NO_PAGE_COVERS_TWO))
    if report.pairs_without_page:
        lines += ["", _heading(wording.REPORT_PAIRS_HEADING), ""]
        lines += [f"- {_md(pair.text)}" for pair in report.pairs_without_page]
    if report.own_pages:
        lines += ["", _heading(wording.REPORT_OWN_PAGES_HEADING), ""]
        for own in report.own_pages:
            row = f"{own.drug}: {own.title} ({own.page_id})" if own.page_id else str(own.text)
            lines.append(f"- {_md(row)}")
    if report.unknown:
        lines += ["", _heading(wording.REPORT_UNKNOWN_HEADING), ""]
        for unknown in report.unknown:
            lines.append(f"- {_md(unknown.heading)}")
            lines += [f"  - {_md(line)}" for line in _suggestion_line(unknown)]
    if report.duplicates:
        lines += ["", _heading(wording.REPORT_DUPLICATES_HEADING), ""]
        lines += [f"- {_md(duplicate.text)}" for duplicate in report.duplicates]
    lines += ["", "---", "", _md(f"{wording.REPORT_SOURCE_LABEL}: {report.source}"), "",
              _md(wording.APP_DISCLAIMER_LINE)]  # fmt: skip
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def report_csv(report: CombinationReport) -> str:
    """The report as CSV: ``row, id, title, drugs, text``, one row per line of the report."""
    rows: list[tuple[str, str, str, str, str]] = [("row", "id", "title", "drugs", "text")]
    rows += [("entry", "", "", "; ".join(e.ingredients), e.text) for e in report.entries]
    rows += [("notice", "", "", "", notice) for notice in report.notices]
    for p in report.pages:
        rows.append(("page", p.id, _page_label(p), "; ".join(p.covers), wording.covers(p.covers)))
    rows += [("no-page-pair", "", "", f"{x.first}; {x.second}", x.text) for x in report.pairs_without_page]
    for own in report.own_pages:
        rows.append(("own-page", own.page_id or "", own.title or "", own.drug, own.text or ""))
    for unknown in report.unknown:
        rows.append(("not-in-library", "", "", unknown.name, unknown.heading))
        rows += [("suggestion", "", "", unknown.name, line) for line in _suggestion_line(unknown)]
    rows += [("duplicate", "", "", d.ingredient, d.text) for d in report.duplicates]
    rows.append(("source", "", "", "", f"{wording.REPORT_SOURCE_LABEL}: {report.source}"))
    rows.append(("disclaimer", "", "", "", wording.APP_DISCLAIMER_LINE))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([tuple(_cell(value) for value in row) for row in rows])
    return out.getvalue()


def report_json(report: CombinationReport) -> dict[str, Any]:
    """What ``rxcombo combos --json`` prints (see the README's command-line section)."""
    return {
        "entries": [{"text": e.text, "ingredients": list(e.ingredients)} for e in report.entries],
        "drugs": list(report.drugs),
        "unknown": [u.name for u in report.unknown],
        "suggestions": [
            {
                "name": u.name,
                "heading": u.heading,
                "names": [{"name": s.text, "match": s.match.value} for s in u.suggestions],
            }
            for u in report.unknown
        ],
        "pages": [{"id": p.id, "title": p.title, "covers": list(p.covers)} for p in report.pages],
        "pairs_without_page": [[pair.first, pair.second] for pair in report.pairs_without_page],
        "pair_count": report.pair_count,
        "own_pages": [{"drug": o.drug, "id": o.page_id, "title": o.title} for o in report.own_pages],
        "duplicates": [{"ingredient": d.ingredient, "entries": list(d.entries)} for d in report.duplicates],
        "notice": report.notice,
        "source": report.source,
    }
