"""The top of the page pane: a banner for a flag the source states, the title, the drug
links, header fields (generic name, content date, ingredients…) and the favorite star."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from rxcombo.content import Document
from rxcombo.content.shown import ShownPage
from rxcombo.ui.icons import icon

DRUG_LINK_SCHEME = "drug"


class PageHeader(QWidget):
    drug_activated = Signal(str)  # a drug name from the links
    favorite_toggled = Signal()

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
        row = QHBoxLayout()
        row.addLayout(text, 1)
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

    def set_favorite(self, favorite: bool) -> None:
        self.star_button.setChecked(favorite)
        self.star_button.setIcon(icon("star" if favorite else "star-outline"))
        tip = "Remove from favorites (Ctrl+D)" if favorite else "Add to favorites (Ctrl+D)"
        self.star_button.setToolTip(tip)
        self.star_button.setAccessibleName(tip)

    def _on_drug_link(self, link: str) -> None:
        if link.startswith(f"{DRUG_LINK_SCHEME}:"):
            self.drug_activated.emit(html.unescape(link[len(DRUG_LINK_SCHEME) + 1 :]))
