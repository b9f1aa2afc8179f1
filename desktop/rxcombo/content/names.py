"""Drug names, their folded matching keys, and document ids.

A page's drugs come from its title split on ``+``, kept in the title's spelling. Matching
uses a folded key: case-folded, accents removed, and the dangling hyphen that some names
kept after losing their digits ("Omega-", "Interferon Beta-") dropped.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[\W_]+")
# Words are any letters or digits, not only Latin ones: a Greek or CJK name stays searchable.
_TOKEN_SPLIT = re.compile(r"[\W_]+")
MAX_SLUG_LENGTH = 80


def clean_title(title: str) -> str:
    """One line, single spaces: titles show in list rows and window captions."""
    return _SPACES.sub(" ", title).strip()


def split_drugs(title: str) -> list[str]:
    """``"Alprazolam + Imipramine"`` -> ``["Alprazolam", "Imipramine"]``; empty parts dropped."""
    return [part for part in (clean_title(p) for p in title.split("+")) if part]


def fold(text: str) -> str:
    """Matching key: ``"Ácido  Fólico-"`` -> ``"acido folico"``."""
    if text.isascii():  # nearly every name: skip the per-character Unicode work
        folded = text.casefold()
        if "  " in folded or not folded.isprintable():  # else there is no run of spaces to join
            folded = _SPACES.sub(" ", folded)
        return folded.strip().rstrip("- ").strip()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # The German sharp s and similar survive NFKD; casefold already mapped ß -> ss.
    stripped = _SPACES.sub(" ", stripped).strip()
    return stripped.rstrip("-– ").strip()


def tokens(folded: str) -> list[str]:
    """Words of a folded name, the units a query word is matched against."""
    return [t for t in _TOKEN_SPLIT.split(folded) if t]


def slugify(title: str) -> str:
    """A stable, URL-safe id from a title: ``"A + B"`` -> ``a-b``."""
    slug = _NON_WORD.sub("-", fold(title)).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rstrip("-")
    return slug or "page"
