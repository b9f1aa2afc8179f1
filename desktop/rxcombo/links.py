"""Links into the app: ``rxcombo:`` URLs and ``rxcombo open`` text, parsed into a request.

The forms (the scheme is registered by the desktop entry, ``Exec=rxcombo %u``):

* ``rxcombo:page/ID`` opens the page with that id (``rxcombo:page/alprazolam-imipramine``);
* ``rxcombo:search?q=QUERY`` shows the search for QUERY, notice and all;
* ``rxcombo:combos?drugs=A,B,C`` shows the combination report for those drugs (a product
  is one drug with ``+``: ``%2B``, and a name with a comma writes it ``%2C``).

``rxcombo://page/ID`` is read the same. Query values are form-encoded as browsers write
them (``+`` is a space); the links made here (:func:`link_for_page` and the others) escape
everything, so they read the same either way.

Everything arriving here is untrusted text (from a web page, the clipboard, another
process): it is never a path, never code. A page id must look like one (letters, digits,
single hyphens), so ``rxcombo:page/../../etc/passwd`` is refused; text is capped in length,
percent escapes must decode to UTF-8, control characters count as spaces, and every
refusal is a :class:`LinkError` whose message says what is wrong. Plain Python, no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote, unquote, unquote_plus

from rxcombo import wording
from rxcombo.content.names import slugify
from rxcombo.search.answer import LibraryLike, answer

SCHEME = "rxcombo"
MAX_LINK_LENGTH = 4096
MAX_TEXT_LENGTH = 1000  # a query, a page id, or one drug's name
MAX_DRUGS = 100
MAX_FIELDS = 20
_PAGE_ID = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_OTHER_URL = re.compile(
    r"[a-z][a-z0-9+.-]*://|(?:javascript|vbscript|data|file|mailto|about):", re.IGNORECASE
)
FORMS = "rxcombo:page/ID, rxcombo:search?q=QUERY or rxcombo:combos?drugs=A,B"


class LinkError(ValueError):
    """A link or text that cannot be opened; ``str()`` says why, for the user."""


class RequestKind(StrEnum):
    PAGE = "page"  # the page with this id
    SEARCH = "search"  # the search for this query
    COMBOS = "combos"  # the combination report for these drugs
    LOOKUP = "lookup"  # ``rxcombo open TEXT``: a page id, else the query's answer


@dataclass(frozen=True, slots=True)
class OpenRequest:
    kind: RequestKind
    text: str = ""  # the page id (PAGE), the query (SEARCH, LOOKUP); empty for COMBOS
    drugs: tuple[str, ...] = ()  # COMBOS: the entries, each a drug or a product "A + B"

    def message_text(self) -> str:
        """What goes in ``{"cmd": "activate", "open": ...}``: a link, or the looked-up text."""
        if self.kind is RequestKind.PAGE:
            return link_for_page(self.text)
        if self.kind is RequestKind.SEARCH:
            return link_for_search(self.text)
        if self.kind is RequestKind.COMBOS:
            return link_for_combos(self.drugs)
        return self.text


def _shown(text: str) -> str:
    """Untrusted text quoted in a message: short, control characters escaped."""
    return repr(text if len(text) <= 60 else text[:60] + "…")


def clean_text(text: str, what: str = "text") -> str:
    """Control characters become spaces, runs of spaces one; refused when empty or too long."""
    if len(text) > MAX_TEXT_LENGTH:
        raise LinkError(f"The {what} is too long ({len(text)} characters; at most {MAX_TEXT_LENGTH}).")
    if any("\ud800" <= ch <= "\udfff" for ch in text):  # undecodable bytes of a command line
        raise LinkError(f"The {what} holds bytes that are not UTF-8 text.")
    spaced = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in text)
    cleaned = " ".join(spaced.split())
    if not cleaned:
        raise LinkError(f"Nothing to open: the {what} is empty.")
    return cleaned


def _decode(value: str, *, plus_is_space: bool) -> str:
    try:
        return (unquote_plus if plus_is_space else unquote)(value, errors="strict")
    except UnicodeDecodeError:
        raise LinkError(f"The link holds percent escapes that are not UTF-8 text: {_shown(value)}.") from None


def _fields(query: str) -> dict[str, str]:
    """``a=1&b=2`` -> raw (still escaped) values by decoded name; the first of a name wins."""
    fields: dict[str, str] = {}
    for part in query.split("&")[:MAX_FIELDS]:
        name, _, value = part.partition("=")
        fields.setdefault(_decode(name, plus_is_space=True), value)
    return fields


def parse_link(url: str) -> OpenRequest:
    """An ``rxcombo:`` URL -> the request it makes; LinkError for anything else."""
    if len(url) > MAX_LINK_LENGTH:
        raise LinkError(f"The link is too long ({len(url)} characters; at most {MAX_LINK_LENGTH}).")
    scheme, colon, rest = url.strip().partition(":")
    if not colon or scheme.casefold() != SCHEME:
        raise LinkError(f"Not an RxCombo link: {_shown(url)}. RxCombo opens only {FORMS}.")
    path, _, query = rest.split("#", 1)[0].partition("?")
    action, _, tail = path.lstrip("/").partition("/")
    action = action.casefold()
    if action == "page":
        page_id = clean_text(_decode(tail.removesuffix("/"), plus_is_space=False), "page id")
        if not _PAGE_ID.fullmatch(page_id):
            raise LinkError(
                f"{_shown(page_id)} is not a page id: ids are letters and digits joined by hyphens."
            )
        return OpenRequest(RequestKind.PAGE, page_id)
    fields = _fields(query)
    if action == "search":
        raw = fields.get("q", "")
        return OpenRequest(RequestKind.SEARCH, clean_text(_decode(raw, plus_is_space=True), "search"))
    if action == "combos":
        raw_names = [name for name in fields.get("drugs", "").split(",") if name.strip()]
        if len(raw_names) > MAX_DRUGS:
            raise LinkError(f"The link names {len(raw_names)} drugs; at most {MAX_DRUGS} open at once.")
        drugs = [_decode(name, plus_is_space=True) for name in raw_names]
        names = tuple(dict.fromkeys(clean_text(name, "drug name") for name in drugs if name.strip()))
        if not names:
            raise LinkError("The link names no drugs: write rxcombo:combos?drugs=A,B.")
        return OpenRequest(RequestKind.COMBOS, drugs=names)
    raise LinkError(f"Unknown RxCombo link {_shown(url)}. RxCombo opens {FORMS}.")


def is_link(text: str) -> bool:
    return text.strip()[: len(SCHEME) + 1].casefold() == SCHEME + ":"


def request_for(text: str) -> OpenRequest:
    """What ``rxcombo open TEXT`` (or the clipboard, or a message) asks: a link's request,
    or a look-up of the text (a page id, else a search). Another scheme's URL (``https://…``,
    ``file:…``, ``javascript:…``) is refused as a link, not searched for as words."""
    if is_link(text) or _OTHER_URL.match(text.strip()):
        return parse_link(text)
    return OpenRequest(RequestKind.LOOKUP, clean_text(text))


def link_for_page(page_id: str) -> str:
    """The link that opens this page ("Copy link")."""
    return f"{SCHEME}:page/{quote(page_id, safe='-')}"


def link_for_search(query: str) -> str:
    return f"{SCHEME}:search?q={quote(query, safe='')}"


def link_for_combos(drugs: tuple[str, ...] | list[str]) -> str:
    return f"{SCHEME}:combos?drugs=" + ",".join(quote(drug, safe="") for drug in drugs)


@dataclass(frozen=True, slots=True)
class OpenPlan:
    """What the window does for a request, decided here so that every caller agrees."""

    page_id: str | None = None  # open this page
    query: str = ""  # put this in the search field (its answer shows, notice and all)
    drugs: tuple[str, ...] = ()  # show the combination report of these entries
    notice: str | None = None  # a sentence (wording.py) to show with the rest


def plan_open(library: LibraryLike, request: OpenRequest) -> OpenPlan:
    """PAGE: that page, or its id's words searched with a notice when this library has no
    such page. SEARCH: the search. COMBOS: the report. LOOKUP: the page with that id, else
    the best page of the query when the search answers it plainly (as ``rxcombo show``),
    else the search, whose notice says what is missing: never a look-alike's page."""
    if request.kind is RequestKind.COMBOS:
        return OpenPlan(drugs=request.drugs)
    if request.kind is RequestKind.SEARCH:
        return OpenPlan(query=request.text)
    page = library.get(request.text)
    if request.kind is RequestKind.PAGE:
        page = page or library.get(slugify(request.text))
        if page is None:
            words = request.text.replace("-", " ")
            return OpenPlan(query=words, notice=wording.no_page_with_id(request.text))
        return OpenPlan(page_id=page.id)
    if page is not None:
        return OpenPlan(page_id=page.id)
    found = answer(library, request.text, limit=1)
    if found.notice is None and found.hits:
        return OpenPlan(page_id=found.hits[0].id, query=request.text)
    return OpenPlan(query=request.text)
