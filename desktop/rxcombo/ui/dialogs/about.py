"""The About box: version, content folder, page and drug counts, where favorites are kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from rxcombo import APP_NAME, __version__
from rxcombo.library import Library


def about_text(content_dir: Path, library: Library | None, favorites_path: Path) -> str:
    pages = len(library.documents) if library else 0
    drugs = len(library.drugs) if library else 0
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>An offline reference for drugs and drug combinations.</p>"
        f"<p><b>Content folder:</b> {content_dir}<br>"
        f"<b>Pages:</b> {pages} &nbsp; <b>Drugs:</b> {drugs}<br>"
        f"<b>Favorites stored in:</b> {favorites_path}</p>"
        "<p>The pages are AI-generated and unreviewed. They are not medical advice.</p>"
    )


def show_about(parent: QWidget, text: str) -> None:
    QMessageBox.about(parent, f"About {APP_NAME}", text)
