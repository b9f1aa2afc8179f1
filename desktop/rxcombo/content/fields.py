"""The words pages use for their parts: a drug's fields ("Usage", "Side Effects"), the parts
of a field ("Common"), and closing paragraphs ("Disclaimer", "Important Note").

:mod:`rxcombo.content.marks` uses them to split a page into sections, and
:mod:`rxcombo.content.shown_parts` to decide which headings group the tabs after them.
"""

from __future__ import annotations

import re

from rxcombo.content.names import fold

# A drug's own fields: under a bold-line drug heading these stay inside the drug's section.
FIELD_LABELS: tuple[str, ...] = (
    "generic name",
    "usage",
    "uses",
    "dosage",
    "dose",
    "side effects",
    "how it works",
    "mechanism",
    "precautions",
    "warnings",
    "contraindications",
    "interactions",
    "faq",
    "popular brand names",
    "brand names",
    "common",
    "less common",
    "serious",
)
# "Disclaimer", "Note", "Important Disclaimer", "Medical Disclaimer", "Please Note"...
_CLOSING_TITLE = re.compile(
    r"^(?:(?:important|medical|general|legal|final|please|an?) )*(?:disclaimer|note)s?$"
)
# Every drug field a page may carry, for the shown page: these never name a group of tabs.
_TOP_FIELDS = (
    "generic name", "usage", "uses", "indication", "dosage", "dose", "administration",
    "side effect", "adverse", "how it works", "mechanism", "precaution", "warning",
    "contraindication", "interaction", "faq", "frequently asked", "popular brand", "brand name",
    "storage", "overdose",
)  # fmt: skip


def is_closing_title(title: str) -> bool:
    return _CLOSING_TITLE.match(fold(title)) is not None


def is_field_title(title: str) -> bool:
    """A drug's own field or one of its parts ("Usage", "Side Effects", "Common")."""
    folded = fold(title)
    return folded.startswith(FIELD_LABELS) or folded.startswith(_TOP_FIELDS)


def is_top_field_title(title: str) -> bool:
    """A field of a drug's page ("Usage", "Side Effects"), not a part of one ("Common")."""
    return fold(title).startswith(_TOP_FIELDS)
