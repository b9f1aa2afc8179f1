"""Every sentence the app adds about what a page does or does not say, in one place.

The pages are AI-generated and unreviewed, and people read them to decide about their own
medicines, so these words follow ``shared/guides/safety.md``: absence is never safety, a
similar spelling is never the drug asked, dates are the content's dates. Each sentence
here is covered by ``tests/test_wording.py``; changing one is a reviewed change. Plain
text, no Qt: the command line prints the same words the window shows.
"""

from __future__ import annotations

from collections.abc import Sequence

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
ENTER_SIMILAR_HINT = "Pick a similar name with the arrow keys or the mouse: Enter does not open it."


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


def no_drug_named(words: Sequence[str]) -> str:
    """Words that match no drug name at all (often a brand name)."""
    quoted = join_names([f"'{word}'" for word in words], "or")
    return f"No drug named {quoted} in this library. {GENERIC_NAMES_HINT}"


def similar_names_heading(words: Sequence[str]) -> str:
    """Heads a list of typo-tolerant matches: they are other drugs until the user picks one."""
    quoted = join_names([f"'{word}'" for word in words], "or")
    return f"No drug named {quoted}. Similar names (different drugs may look alike):"


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


def covers(names: Sequence[str]) -> str:
    """Which of the asked drugs a related page covers."""
    return f"covers {join_names(names)}"


def content_date(date: str, source: str) -> str:
    """The date the content carries (front matter or file time), never a review date."""
    return f"{CONTENT_DATE_LABEL}: {date} ({source})"


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
)
