"""Every sentence the app adds about what a page does or does not say, in one place.

The pages are AI-generated and unreviewed, and people read them to decide about their own
medicines, so these words follow ``shared/guides/safety.md``: absence is never safety, a
similar spelling is never the drug asked, dates are the content's dates. Each sentence
here is covered by ``tests/test_wording.py``; changing one is a reviewed change. Plain
text, no Qt: the command line prints the same words the window shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

MAX_WORDS_NAMED = 3

ASK_A_PROFESSIONAL = "ask a pharmacist or doctor"
NOT_A_SIGN_OF_SAFETY = f"This is not a sign that the combination is safe: {ASK_A_PROFESSIONAL}."
GENERIC_NAMES_HINT = "Pages are titled by generic drug names, not brand names."
SIMILAR_MARK = "similar name"
SIMILAR_TOOLTIP = "A similar spelling, not the name you typed: a different drug may look alike."
APP_DISCLAIMER_LINE = (
    "This text is AI-generated and unreviewed. It is not medical advice: "
    f"{ASK_A_PROFESSIONAL} before changing how you take any medicine."
)
BANNED_BANNER = "The source marks this combination as banned."
CONTENT_DATE_LABEL = "Content date"
GENERIC_NAME_LABEL = "Generic name"
COMBINED_USE_TAB = "Combined use"
WHOLE_PAGE_TAB = "Whole page"
RELATED_HEADING = "Pages that exist for the drugs you asked about:"
# Header labels of what the front matter states (newer pages), shown as "Label: value".
INGREDIENTS_LABEL = "Ingredients"
BRAND_LABEL = "Brand"
COMPANY_LABEL = "Company"
STRENGTH_LABEL = "Strength"
PACK_LABEL = "Pack"
PRICE_LABEL = "MRP"
GENERIC_PAGE_LABEL = "Generic page"
FAQS_TAB = "FAQs"
ENTER_SIMILAR_HINT = "Pick a similar name with the arrow keys or the mouse: Enter does not open it."
# A favorite or list entry whose page no enabled source holds (it is kept, never dropped).
NOT_IN_ANY_ENABLED_SOURCE = "not in any enabled source"
# Where a source's content dates come from (library.facts' ``dates_from``), in words.
DATES_FROM_WORDS = {
    "front matter": "the pages' own dates",
    "file times": "the files' modification times",
    "front matter and file times": "the pages' own dates, else the files' modification times",
}


def join_names(names: Sequence[str], conjunction: str = "and") -> str:
    """``["A", "B", "C"]`` -> ``"A, B and C"``."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def no_page_covers(names: Sequence[str]) -> str:
    """No page covers these drugs together (each is a drug of the library)."""
    drugs = f"{names[0]} with {names[1]}" if len(names) == 2 else f"{join_names(names)} together"
    return f"No page covers {drugs}. {NOT_A_SIGN_OF_SAFETY}"


def no_page_matches(query: str, words: int) -> str:
    """Nothing matched, and the words could not be read as drugs of the library."""
    sentence = f"No page matches '{query}'."
    return f"{sentence} {NOT_A_SIGN_OF_SAFETY}" if words > 1 else sentence


def _quoted(words: Sequence[str]) -> str:
    """At most three words, quoted: a pasted paragraph must not become the notice."""
    shown = [f"'{word}'" for word in words[:MAX_WORDS_NAMED]]
    if len(words) > MAX_WORDS_NAMED:
        shown.append(f"{len(words) - MAX_WORDS_NAMED} more")
    return join_names(shown, "or")


def no_drug_named(
    words: Sequence[str],
    lookalikes: Mapping[str, Sequence[str]] | None = None,
    *,
    several_words: bool = False,
) -> str:
    """Words that match no drug name (often a brand name); a typo's look-alikes are named as
    similar names, never as the drug typed. With several words, absence is not safety."""
    sentence = f"No drug named {_quoted(words)} in this library."
    similar = [f"{', '.join(names)} (for '{word}')" for word, names in (lookalikes or {}).items() if names]
    if similar:
        sentence += f" Similar names, which may be different drugs: {'; '.join(similar)}."
    sentence += f" {GENERIC_NAMES_HINT}"
    return f"{sentence} {NOT_A_SIGN_OF_SAFETY}" if several_words else sentence


def similar_names_heading(words: Sequence[str]) -> str:
    """Heads a list of typo-tolerant matches: they are other drugs until the user picks one."""
    similar = "Similar names (different drugs may look alike):"
    return f"No drug named {_quoted(words)}. {GENERIC_NAMES_HINT} {similar}"


def several_pages_match(query: str) -> str:
    """``show`` with words that fit several pages and name none exactly."""
    return f"Several pages match '{query}'; give a full drug name or a page id:"


def related_count(count: int) -> str:
    """The status bar, when the list holds related pages rather than answers."""
    return f"No page matches; {count} related page{'s' if count != 1 else ''}"


def _pages(count: int, more: bool) -> str:
    if more:
        return f"More than {count:,} pages mention"
    return "1 page mentions" if count == 1 else f"{count:,} pages mention"


def pages_mention(text: str, count: int, more: bool = False) -> str:
    """How many pages hold what was typed, word for word (full-text search). ``more``: the
    count stopped at ``count``."""
    if count == 0 and not more:
        return f"No page mentions '{text}'."
    return f"{_pages(count, more)} '{text}'."


def no_drug_named_but_mentioned(text: str, count: int, more: bool = False) -> str:
    """A name search found no drug, and the full-text search finds pages that mention it:
    "No drug named 'coumadin'. 3 pages mention 'coumadin'." (a page that mentions a name is
    not that drug's page)."""
    return f"No drug named '{text}'. {pages_mention(text, count, more)}"


def no_page_mentions(text: str, words: int) -> str:
    """The full-text search found nothing; for several words, absence is not safety."""
    sentence = pages_mention(text, 0)
    return f"{sentence} {NOT_A_SIGN_OF_SAFETY}" if words > 1 else sentence


def pages_mention_in(text: str, count: int, more: bool = False, section: str | None = None) -> str:
    """:func:`pages_mention`, when the search was limited to sections titled ``section``."""
    sentence = pages_mention(text, count, more)
    return sentence if section is None else f"{sentence[:-1]} in a section titled '{section}'."


def no_page_mentions_in(text: str, words: int, section: str | None = None) -> str:
    """The full-text search found nothing. Limited to one section ("Drug Interactions"), a
    missing word must not read as "no interaction" either, even for one word."""
    if section is None:
        return no_page_mentions(text, words)
    return f"{pages_mention_in(text, 0, section=section)} {NOT_A_SIGN_OF_SAFETY}"


def text_index_building(percent: int) -> str:
    """Results of a full-text search while the index is still being built."""
    return f"Still indexing the page text ({percent}% done): pages not indexed yet are missing here."


def not_found_yet(text: str, percent: int, *, stopped: bool = False) -> str:
    """Nothing found while the index is still being built (or its build was stopped):
    never "no page mentions", since the pages not indexed yet may."""
    if stopped:
        return f"No page indexed so far mentions '{text}'. {text_index_stopped(percent)}"
    return (
        f"No page indexed so far mentions '{text}', but the text of the pages is still being "
        f"indexed ({percent}% done). Search again when it is done."
    )


def text_index_stopped(percent: int) -> str:
    """The build was cancelled: what is found is true, what is missing may be in the rest."""
    return (
        f"Indexing the text of the pages was stopped at {percent}%: pages not indexed yet are "
        "missing from these results. Edit > Index Page Text finishes it."
    )


def covers(names: Sequence[str]) -> str:
    """Which of the asked drugs a related page covers."""
    return f"covers {join_names(names)}"


def content_date_value(date: str, source: str) -> str:
    """The value beside the "Content date" label: the date and where it comes from."""
    return f"{date} ({source})"


def content_date(date: str, source: str) -> str:
    """The date the content carries (front matter or file time), never a review date."""
    return f"{CONTENT_DATE_LABEL}: {content_date_value(date, source)}"


def content_dates(newest: str | None, oldest: str | None, dates_from: str | None) -> str:
    """A source's newest and oldest content date and where they come from (About, Sources)."""
    if newest is None or oldest is None:
        return f"{CONTENT_DATE_LABEL}s: none (no pages)"
    where = DATES_FROM_WORDS.get(dates_from or "", dates_from or "")
    span = newest if newest == oldest else f"{oldest} to {newest}"
    return f"{CONTENT_DATE_LABEL}s: {span} (from {where})"


def pages_changed(count: int) -> str:
    """The status bar after a start that found changed pages ("What changed" lists them)."""
    return f"{count} page{'' if count == 1 else 's'} changed since last start"


ALL_SENTENCES = (
    NOT_A_SIGN_OF_SAFETY,
    GENERIC_NAMES_HINT,
    SIMILAR_MARK,
    SIMILAR_TOOLTIP,
    APP_DISCLAIMER_LINE,
    BANNED_BANNER,
    CONTENT_DATE_LABEL,
    GENERIC_NAME_LABEL,
    COMBINED_USE_TAB,
    WHOLE_PAGE_TAB,
    ENTER_SIMILAR_HINT,
    RELATED_HEADING,
    INGREDIENTS_LABEL,
    BRAND_LABEL,
    COMPANY_LABEL,
    STRENGTH_LABEL,
    PACK_LABEL,
    PRICE_LABEL,
    GENERIC_PAGE_LABEL,
    FAQS_TAB,
    NOT_IN_ANY_ENABLED_SOURCE,
    *DATES_FROM_WORDS.values(),
)


# -- several drugs at once: the report of a drug list or of ``rxcombo combos`` ---------------

REPORT_ENTRIES_HEADING = "Entries:"
REPORT_PAGES_HEADING = "Pages that cover two or more drugs of this list:"
REPORT_PAIRS_HEADING = "Pairs of drugs that no page covers:"
REPORT_OWN_PAGES_HEADING = "Each drug's own page:"
REPORT_UNKNOWN_HEADING = "Not in this library:"
REPORT_DUPLICATES_HEADING = "Ingredients in more than one entry:"
REPORT_SOURCE_LABEL = "Pages from"
NO_PAGE_COVERS_TWO = f"No page covers two or more drugs of this list. {NOT_A_SIGN_OF_SAFETY}"


def pairs_without_page(missing: int, total: int) -> str:
    """How many of a list's pairs of drugs no page covers (``missing`` >= 1)."""
    if total == 1:
        return f"No page covers the two drugs of this list together. {NOT_A_SIGN_OF_SAFETY}"
    if missing == total:
        return f"No page covers any of the {total} pairs of drugs in this list. {NOT_A_SIGN_OF_SAFETY}"
    return f"No page covers {missing} of the {total} pairs of drugs in this list. {NOT_A_SIGN_OF_SAFETY}"


def not_in_library(names: Sequence[str]) -> str:
    """Entries of a list that name no drug of the library: nothing covers them with the others."""
    quoted = join_names([f"'{name}'" for name in names], "or")
    them = "it" if len(names) == 1 else "them"
    return (
        f"No drug of this library is named {quoted}, so no page covers {them} with the other "
        f"drugs of the list. {NOT_A_SIGN_OF_SAFETY}"
    )


def names_containing(word: str) -> str:
    """Heads the drug names that contain an entry which is not itself a drug's name."""
    return f"No drug named '{word}' in this library. Names that contain it:"


def in_entries(ingredient: str, entries: Sequence[str]) -> str:
    """An ingredient found in several entries of a list (on its own, or in products)."""
    return f"{ingredient} is in {len(entries)} entries: {', '.join(entries)}"


def no_own_page(name: str, pages: int) -> str:
    """A drug of the list that has no page about it alone (it is named on other pages)."""
    named = "1 page names it" if pages == 1 else f"{pages} pages name it"
    return f"No page is about {name} alone; {named} with other drugs."


def no_page_with_id(page_id: str) -> str:
    """A link to a page this library does not hold (another library's, or a mistyped id)."""
    return f"No page '{page_id}' in this library. Its words are searched instead."


REPORT_SENTENCES = (
    REPORT_ENTRIES_HEADING,
    REPORT_PAGES_HEADING,
    REPORT_PAIRS_HEADING,
    REPORT_OWN_PAGES_HEADING,
    REPORT_UNKNOWN_HEADING,
    REPORT_DUPLICATES_HEADING,
    REPORT_SOURCE_LABEL,
    NO_PAGE_COVERS_TWO,
)
