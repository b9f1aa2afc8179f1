"""The top of the page pane: a banner for a flag the source states, the title, the drug
links, header fields (generic name, content date, ingredients…), the source the page comes
from, the favorite star and the favorite's note."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from rxcombo.content import Document
from rxcombo.ui.icons import icon
from rxcombo.ui.plain_text import plain_tip

if TYPE_CHECKING:
    from rxcombo.content.shown import ShownPage

DRUG_LINK_SCHEME = "drug"
SOURCE_LABEL = "Source"


class PageHeader(QWidget):
    drug_activated = Signal(str)  # a drug name from the links
    favorite_toggled = Signal()
    note_requested = Signal()  # the "Note…" button: edit the favorite's note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = QLabel()
        self.banner.setObjectName("pageBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setMargin(8)
        # The palette's highlight pair: stands out in light and dark themes alike.
        self.banner.setBackgroundRole(self.banner.palette().ColorRole.Highlight)
        self.banner.setForegroundRole(self.banner.palette().ColorRole.HighlightedText)
        self.banner.setAutoFillBackground(True)
        bold = self.banner.font()
        bold.setBold(True)
        self.banner.setFont(bold)
        self.banner.hide()

        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # a title is never markup
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setAccessibleName("Page title")

        self.drugs_label = QLabel()
        self.drugs_label.setObjectName("pageDrugs")
        self.drugs_label.setWordWrap(True)
        self.drugs_label.setTextFormat(Qt.TextFormat.RichText)
        self.drugs_label.setOpenExternalLinks(False)
        self.drugs_label.linkActivated.connect(self._on_drug_link)
        self.drugs_label.setToolTip("Click a drug to list all of its pages")
        # Reachable with Tab, and each link with Tab again, then Enter.
        self.drugs_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.drugs_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.drugs_label.setAccessibleName("Drugs of this page")

        self.fields_label = QLabel()
        self.fields_label.setObjectName("pageFields")
        self.fields_label.setWordWrap(True)
        self.fields_label.setTextFormat(Qt.TextFormat.RichText)
        self.fields_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.source_label = QLabel()
        self.source_label.setObjectName("pageSource")
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name is never markup
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source_label.hide()

        self.note_label = QLabel()
        self.note_label.setObjectName("pageNote")
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        italic = self.note_label.font()
        italic.setItalic(True)
        self.note_label.setFont(italic)
        self.note_label.hide()

        self.note_button = QToolButton()
        self.note_button.setObjectName("noteButton")
        self.note_button.setText("Note…")
        self.note_button.setAutoRaise(True)
        self.note_button.setToolTip("Write a note on this favorite (shown in the Favorites view)")
        self.note_button.setAccessibleName("Edit the favorite's note")
        self.note_button.clicked.connect(lambda _checked: self.note_requested.emit())
        self.note_button.hide()

        self.star_button = QToolButton()
        self.star_button.setObjectName("starButton")
        self.star_button.setCheckable(True)
        self.star_button.setIconSize(QSize(24, 24))
        self.star_button.setAutoRaise(True)
        self.star_button.clicked.connect(lambda _checked: self.favorite_toggled.emit())

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title_label)
        text.addWidget(self.drugs_label)
        text.addWidget(self.fields_label)
        text.addWidget(self.source_label)
        text.addWidget(self.note_label)
        row = QHBoxLayout()
        row.addLayout(text, 1)
        row.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.star_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(row)
        self.set_favorite(False)
        self.fields_plain = ""  # the header fields as the user reads them, one per line

    def show_page(self, document: Document, shown: ShownPage) -> None:
        self.banner.setText(shown.banner or "")
        self.banner.setVisible(bool(shown.banner))
        self.title_label.setText(document.title)
        links = " + ".join(
            f'<a href="{DRUG_LINK_SCHEME}:{html.escape(name, quote=True)}">{html.escape(name)}</a>'
            for name in document.drugs
        )
        noun = "Drug" if len(document.drugs) == 1 else "Drugs"
        self.drugs_label.setText(f"{noun}: {links}")
        fields = "<br>".join(
            f"{html.escape(field.label)}: {html.escape(field.value)}" for field in shown.header
        )
        self.fields_label.setText(fields)
        self.fields_label.setVisible(bool(shown.header))
        self.fields_plain = "\n".join(f"{field.label}: {field.value}" for field in shown.header)

    def set_source(self, name: str | None) -> None:
        """The name of the source the page comes from (None: not said, one source only)."""
        self.source_label.setText(f"{SOURCE_LABEL}: {name}" if name else "")
        self.source_label.setVisible(bool(name))

    def set_note(self, note: str | None) -> None:
        """The favorite's note (None: the page is no favorite, so it can have none)."""
        self.note_button.setVisible(note is not None)
        self.note_label.setText(f"Note: {short_note(note)}" if note else "")
        self.note_label.setToolTip(plain_tip(note or ""))
        self.note_label.setVisible(bool(note))

    def set_favorite(self, favorite: bool) -> None:
        self.star_button.setChecked(favorite)
        self.star_button.setIcon(icon("star" if favorite else "star-outline"))
        tip = "Remove from favorites (Ctrl+D)" if favorite else "Add to favorites (Ctrl+D)"
        self.star_button.setToolTip(tip)
        self.star_button.setAccessibleName(tip)

    def _on_drug_link(self, link: str) -> None:
        if link.startswith(f"{DRUG_LINK_SCHEME}:"):
            self.drug_activated.emit(html.unescape(link[len(DRUG_LINK_SCHEME) + 1 :]))


NOTE_SHOWN_CHARS = 240
NOTE_SHOWN_LINES = 3


def short_note(note: str) -> str:
    """A note as the header shows it: a few lines at most (the page stays in view)."""
    lines = note.strip().splitlines()
    shown = "\n".join(lines[:NOTE_SHOWN_LINES])
    if len(shown) > NOTE_SHOWN_CHARS:
        shown = shown[:NOTE_SHOWN_CHARS].rstrip()
    return shown + ("…" if shown != note.strip() else "")
