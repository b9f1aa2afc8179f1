"""What the window shows of a page, decided once for the window and ``rxcombo show``.

Every non-blank line of a page reaches the screen: as a tab's text, a tab's title, or a
header field (``tests/helpers/content.py`` checks this on every page it can find). How the
page's sections become tabs is in :mod:`rxcombo.content.shown_parts` (labels that carry
text, group headers, repeated fields, notes in the middle) and
:mod:`rxcombo.content.shown_labels` (short labels, a heading that only repeats the title).
On top of those:

* On a page of two or more drugs, the section about taking them together ("Combined Use
  of …", "Combining …", "Using … Together", "Interactions") is marked as the combined use:
  a short tab title, the full title as a heading inside, and it is the tab the page opens on.
* A "Generic Name" whose text is one line goes into the page header ("Generic name:
  Alprazolam") on a one-drug page, and for each drug of a page grouped by drug.
* The closing paragraphs (Disclaimer, then perhaps a Note) share one disclaimer tab.
* What the front matter states (:mod:`rxcombo.content.meta`): a banned flag is a banner,
  the content date, ingredients with strengths and a product's brand, company, strength,
  pack, price and generic page are header fields; its FAQs are a tab when the body has none.
* A page with no disclaimer of its own shows the app's one-line disclaimer at its foot.
* A last "Whole page" tab shows every tab in one scroll, with its headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rxcombo import wording
from rxcombo.content.document import Document
from rxcombo.content.fields import is_top_field_title
from rxcombo.content.meta import PageMeta, page_meta, strip_markdown
from rxcombo.content.names import fold
from rxcombo.content.sections import SectionKind
from rxcombo.content.shown_labels import escape_heading, short_label, split_under_title
from rxcombo.content.shown_parts import Part, Split, closing_start, shown_parts
from rxcombo.content.tab_kinds import TabKind as TabKind  # re-exported: where it was defined before

_COMBINED = re.compile(
    r"\bcombined use\b|^combining\b|^combination\b|\btogether\b|^concomitant\b|^concurrent\b"
    r"|^co-?administration\b|^(drug )?interactions?\b"
)
_NOT_COMBINED = ("generic name", "faq", "precaution", "dosage", "side effect", "usage")
# The whole-page tab renders every section at once: on a huge or hostile page that would
# hold the window for seconds, so such a page (far beyond any real one) has none.
WHOLE_PAGE_MAX_TABS = 30
WHOLE_PAGE_MAX_CHARS = 200_000
MAX_HEADER_VALUE = 60  # a longer "generic name" is a note, not a name: it stays a tab
_FAQ_TITLE = re.compile(r"^(faq|frequently asked)")
GROUP_JOIN = " — "


@dataclass(frozen=True, slots=True)
class HeaderField:
    label: str
    value: str  # the page's own text
    line: int | None  # 1-based body line it comes from (None: the front matter)


@dataclass(frozen=True, slots=True)
class Tab:
    title: str  # what the tab says (short)
    full_title: str  # the section's own title (tooltip, and heading inside when shortened)
    kind: TabKind
    markdown: str  # what the tab renders


@dataclass(frozen=True, slots=True)
class GroupHeader:
    text: str  # the heading's text, as it names the tabs after it
    line: int  # 1-based body line


@dataclass(frozen=True, slots=True)
class ShownPage:
    """Everything the page pane shows, in order: banner, header fields, tabs, footer."""

    header: list[HeaderField] = field(default_factory=list)
    tabs: list[Tab] = field(default_factory=list)
    open_tab: int = 0  # index in tabs of the tab the page opens on
    banner: str | None = None  # a flag the source states, shown above everything (wording.py)
    footer: str | None = None  # the app's one-line disclaimer, on pages without their own
    meta: PageMeta = field(default_factory=PageMeta)
    split: str = Split.SECTIONS  # how the page was split (``rxcombo check`` counts these)
    group_headers: list[GroupHeader] = field(default_factory=list)


def is_combined_use(title: str) -> bool:
    folded = fold(title)
    if folded.startswith(_NOT_COMBINED):
        return False
    return _COMBINED.search(folded) is not None


def _generic_name(part: Part) -> str | None:
    if fold(part.title) not in ("generic name", "generic names"):
        return None
    lines = [line.strip() for line in part.lines if line.strip()]
    if len(lines) != 1:
        return None
    value = (strip_markdown(lines[0]) or lines[0]).strip().strip("*_").strip()
    return value if 0 < len(value) <= MAX_HEADER_VALUE else None


def _meta_header(meta: PageMeta) -> list[HeaderField]:
    fields: list[HeaderField] = []
    product = meta.product
    if product is not None:
        for label, value in (
            (wording.BRAND_LABEL, product.brand),
            (wording.COMPANY_LABEL, product.company),
            (wording.STRENGTH_LABEL, product.strength),
            (wording.PACK_LABEL, product.pack),
            (wording.PRICE_LABEL, product.price),
            (wording.GENERIC_PAGE_LABEL, product.generic),
        ):
            if value:
                fields.append(HeaderField(label, value, None))
    if meta.ingredients:
        value = " + ".join(f"{i.name} {i.strength}" if i.strength else i.name for i in meta.ingredients)
        fields.append(HeaderField(wording.INGREDIENTS_LABEL, value, None))
    if meta.date and meta.date_source:
        value = wording.content_date_value(meta.date, meta.date_source)
        fields.append(HeaderField(wording.CONTENT_DATE_LABEL, value, None))
    return fields


def shown_page(document: Document) -> ShownPage:
    """Banner, header fields and tabs of ``document`` (reads its body; raises ContentError)."""
    sections = document.sections
    resplit = split_under_title(document.title, document.structure, sections)
    parts, headers, split = shown_parts(resplit or sections, document.title, document.drugs)
    if resplit is not None:
        split = Split.UNDER_TITLE
    meta = page_meta(document.metadata, document.title, document.drugs)
    several_drugs = len(document.drugs) >= 2
    header = _meta_header(meta)
    tabs: list[Tab] = []
    end = closing_start(parts)
    for part in parts[:end]:
        if part.kind is SectionKind.OVERVIEW and part.empty:
            continue
        drug_group = bool(part.groups) and not is_top_field_title(part.groups[0].title)
        generic = _generic_name(part) if not several_drugs or drug_group else None
        if generic is not None:
            header.append(HeaderField(wording.GENERIC_NAME_LABEL, generic, part.first_line))
            continue
        tabs.append(_tab(part, several_drugs))
    if meta.faqs and not any(_FAQ_TITLE.match(fold(tab.full_title)) for tab in tabs):
        tabs.append(_faq_tab(meta))
    if end < len(parts):
        tabs.append(_closing_tab(parts[end:]))
    open_tab = next((i for i, tab in enumerate(tabs) if tab.kind is TabKind.COMBINED), 0)
    own_disclaimer = any(tab.kind is TabKind.DISCLAIMER for tab in tabs)
    if 1 < len(tabs) <= WHOLE_PAGE_MAX_TABS and sum(len(t.markdown) for t in tabs) <= WHOLE_PAGE_MAX_CHARS:
        tabs.append(_whole_page(tabs))
    return ShownPage(
        header=header,
        tabs=tabs,
        open_tab=open_tab,
        banner=wording.BANNED_BANNER if meta.banned else None,
        footer=None if own_disclaimer else wording.APP_DISCLAIMER_LINE,
        meta=meta,
        split=split,
        group_headers=[GroupHeader(h.title, h.first_line) for h in headers],
    )


def _tab(part: Part, several_drugs: bool) -> Tab:
    if part.kind is SectionKind.OVERVIEW:
        return Tab(part.title, part.title, TabKind.OVERVIEW, part.markdown)
    if several_drugs and not part.groups and is_combined_use(part.title):
        markdown = f"### {escape_heading(part.title)}\n\n{part.markdown}"
        return Tab(wording.COMBINED_USE_TAB, part.title, TabKind.COMBINED, markdown)
    names = [*part.groups, part]
    full_title = GROUP_JOIN.join(p.title for p in names)
    title = GROUP_JOIN.join(short_label(p.title) for p in names)
    markdown = part.markdown
    if title != full_title:
        markdown = f"### {escape_heading(full_title)}\n\n{markdown}".rstrip("\n")
    return Tab(title, full_title, TabKind.PART, markdown)


def _faq_tab(meta: PageMeta) -> Tab:
    entries = [f"**{faq.question}**\n\n{faq.answer}".strip() for faq in meta.faqs]
    return Tab(wording.FAQS_TAB, wording.FAQS_TAB, TabKind.PART, "\n\n".join(entries))


def _closing_tab(parts: list[Part]) -> Tab:
    """The closing paragraphs in one tab, titled by the disclaimer among them."""
    titled = next((p for p in parts if "disclaimer" in fold(p.title)), parts[0])
    texts = [p.markdown if p is titled else p.original for p in parts]
    return Tab(titled.title, titled.title, TabKind.DISCLAIMER, "\n\n".join(t for t in texts if t.strip()))


def _whole_page(tabs: list[Tab]) -> Tab:
    parts = []
    for tab in tabs:
        if tab.kind in (TabKind.OVERVIEW, TabKind.COMBINED) or tab.title != tab.full_title:
            parts.append(tab.markdown)  # no heading, or its heading is already inside
        else:
            parts.append(f"### {escape_heading(tab.full_title)}\n\n{tab.markdown}")
    return Tab(wording.WHOLE_PAGE_TAB, wording.WHOLE_PAGE_TAB, TabKind.WHOLE_PAGE, "\n\n".join(parts))
