"""What a page's front matter says beyond its title, as the source states it.

The site's newer (Astro) generation carries rich front matter: ``is_banned``,
``lastModified`` (or ``date``), ``ingredients`` with strengths, ``faqs``, a ``description``,
and on product pages (``type: single|combination``) the brand's ``company``, ``strength``,
``pack_size``, ``mrp`` and a link to its generic page (``generic_slug`` or
``combination_slug``). Older pages have none of these, and then nothing is shown.

Values are shown as written: a date is the content's date, a flag is shown only when set.
FAQ entries whose question holds its own answer (a known defect of that format) are split
at the answer and reported. Plain Python, no Qt.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rxcombo.content.names import clean_title, slugify

DESCRIPTION_CHARS = 300
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(
    r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"  # a tag, not "<6 months"
    r"|\*\*|__|`|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|^\s{0,3}(?:#{1,6}|>|[*+-]|\d+\.)\s+",
    re.MULTILINE,
)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
# "What is it? A: It is…": the answer written inside the question.
_ANSWER_IN_QUESTION = re.compile(r"(?<=[?.:])\s*(?:\*\*|__)?\s*A(?:ns(?:wer)?)?\s*[:.]\s*(?:\*\*|__)?\s*")
PRODUCT_TYPES = frozenset({"single", "combination"})


@dataclass(frozen=True, slots=True)
class Ingredient:
    name: str
    strength: str | None


@dataclass(frozen=True, slots=True)
class Product:
    """A brand's product page: what it names, and the generic page it belongs to."""

    brand: str
    company: str | None = None
    strength: str | None = None
    pack: str | None = None
    price: str | None = None  # the source's ``mrp``, as written
    generic: str | None = None  # the slug of its generic or combination page


@dataclass(frozen=True, slots=True)
class Faq:
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class PageMeta:
    date: str | None = None
    date_source: str | None = None  # the front matter key the date comes from
    banned: bool = False
    description: str = ""
    ingredients: list[Ingredient] = field(default_factory=list)
    product: Product | None = None
    faqs: list[Faq] = field(default_factory=list)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list | bool):
        return None
    text = clean_title(str(value))
    return text or None


def strip_markdown(text: str) -> str:
    """A snippet as plain text: links keep their words, markup and tags go, one line."""
    return clean_title(_MARKUP.sub("", _LINK.sub(r"\1", text)))


def description_of(metadata: Mapping[str, Any]) -> str:
    value = metadata.get("description")
    return strip_markdown(value)[: DESCRIPTION_CHARS * 2] if isinstance(value, str) else ""


def generic_link_of(metadata: Mapping[str, Any]) -> str | None:
    """The generic (or combination) page a product page belongs to, by its slug."""
    for key in ("generic_slug", "combination_slug"):
        slug = _text(metadata.get(key))
        if slug:
            return slug
    return None


def is_product(metadata: Mapping[str, Any]) -> bool:
    return generic_link_of(metadata) is not None or (
        metadata.get("type") in PRODUCT_TYPES and _text(metadata.get("company")) is not None
    )


def content_date(metadata: Mapping[str, Any]) -> tuple[str, str] | None:
    """(day or date as written, the key it comes from), from ``lastModified`` or ``date``."""
    for key in ("lastModified", "last_modified", "date"):
        value = metadata.get(key)
        if isinstance(value, datetime.date):
            return value.isoformat()[:10], key
        text = _text(value)
        if text:
            match = _ISO_DAY.match(text)
            return (match.group(0) if match else text), key
    return None


def faq_entries(metadata: Mapping[str, Any]) -> tuple[list[Faq], list[str]]:
    """The front matter's FAQ entries, and a description of each repair made to them."""
    raw = metadata.get("faqs")
    if not isinstance(raw, list):
        return [], []
    entries: list[Faq] = []
    repairs: list[str] = []
    for number, item in enumerate(raw, 1):
        if not isinstance(item, dict):
            continue
        question, answer = _text(item.get("q")) or "", _text(item.get("a")) or ""
        split = _ANSWER_IN_QUESTION.search(question)
        if split and split.end() < len(question):
            inside = question[split.end() :].strip()
            question = question[: split.start()].strip()
            answer = inside if not answer or answer in inside else f"{inside}\n\n{answer}"
            repairs.append(f"front matter faqs entry {number}: the question held its answer; split at 'A:'")
        if question or answer:
            entries.append(Faq(question, answer))
    return entries, repairs


def _ingredients(metadata: Mapping[str, Any], drugs: list[str]) -> list[Ingredient]:
    raw = metadata.get("ingredients")
    if not isinstance(raw, list):
        return []
    by_slug = {slugify(drug): drug for drug in drugs}
    found: list[Ingredient] = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        slug = _text(item.get("generic_slug"))
        name = _text(item.get("name")) or (by_slug.get(slug, slug) if slug else None)
        if name:
            found.append(Ingredient(name, _text(item.get("strength"))))
    return found


def _product(metadata: Mapping[str, Any], title: str) -> Product | None:
    if not is_product(metadata):
        return None
    brand = _text(metadata.get("brand")) or _text(metadata.get("brand_name")) or title
    return Product(
        brand=brand,
        company=_text(metadata.get("company")),
        strength=_text(metadata.get("strength")),
        pack=_text(metadata.get("pack_size")),
        price=_text(metadata.get("mrp")),
        generic=generic_link_of(metadata),
    )


def page_meta(metadata: Mapping[str, Any], title: str, drugs: list[str]) -> PageMeta:
    date = content_date(metadata)
    return PageMeta(
        date=date[0] if date else None,
        date_source=date[1] if date else None,
        banned=metadata.get("is_banned") is True,
        description=description_of(metadata),
        ingredients=_ingredients(metadata, drugs),
        product=_product(metadata, title),
        faqs=faq_entries(metadata)[0],
    )
