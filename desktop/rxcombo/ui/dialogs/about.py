"""The About box: version, each content source and where its pages come from, page and
drug counts, where favorites are kept."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from rxcombo import APP_NAME, __version__, wording
from rxcombo.library import Library, SourceFacts

ABOUT_SHOWN_CHARS = 300  # of a source's about file; the Sources dialog shows all of it


def about_text(library: Library | None, favorites_path: Path) -> str:
    pages = len(library.documents) if library else 0
    drugs = len(library.drugs) if library else 0
    sources = "".join(_source(facts) for facts in library.sources) if library else ""
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>An offline reference for drugs and drug combinations.</p>"
        f"<p><b>Pages:</b> {pages} &nbsp; <b>Drugs:</b> {drugs}</p>"
        f"{sources}"
        f"<p><b>Favorites stored in:</b> {html.escape(str(favorites_path))}</p>"
        "<p>The pages are AI-generated and unreviewed. They are not medical advice.</p>"
    )


def _source(facts: SourceFacts) -> str:
    """One source's facts; every value from the folder is escaped (a name is not markup)."""
    dates = wording.content_dates(
        facts.newest.isoformat() if facts.newest else None,
        facts.oldest.isoformat() if facts.oldest else None,
        facts.dates_from,
    )
    lines = [
        f"<b>Source: {html.escape(facts.name)}</b>",
        f"Content folder: {html.escape(str(facts.folder))}",
        f"Pages: {facts.pages} &nbsp; Drugs: {facts.drugs} &nbsp; Problems: {len(facts.problems)}",
        html.escape(dates),
    ]
    if facts.about:
        about = facts.about.strip()
        cut = about[:ABOUT_SHOWN_CHARS] + ("…" if len(about) > ABOUT_SHOWN_CHARS else "")
        lines.append(f"{html.escape(facts.about_file or 'About')}: <i>{html.escape(cut)}</i>")
    return "<p>" + "<br>".join(lines) + "</p>"


def show_about(parent: QWidget, text: str) -> None:
    QMessageBox.about(parent, f"About {APP_NAME}", text)
