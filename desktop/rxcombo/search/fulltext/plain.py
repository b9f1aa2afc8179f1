"""Section Markdown -> the plain text the full-text index holds, and how text is folded.

The plain text is what a snippet shows and what the words are found in. It comes from a
cheap strip with regular expressions rather than the renderer (Python-Markdown + nh3 cost
about 1 ms a section, this about 20 µs): link and image targets, HTML tags (not the text
between them), emphasis, heading, list, quote and table marks, backslash escapes and
control characters go; every word a reader sees stays (a test checks this against the
rendered text of the corpus). Every pattern is bounded, so no page can make it backtrack.

Folding is the name search's (:func:`rxcombo.content.names.fold`) for running text: case
folded, accents and other combining marks removed, compatibility forms decomposed
(``ﬁ`` -> ``fi``, ``²`` -> ``2``), so ``Fólico``, ``FOLICO`` and ``folico`` are one word.
ASCII text, nearly all of it, is only lower-cased, and folds without moving a character.
"""

from __future__ import annotations

import html
import re
import unicodedata

_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]{1,2000})>", re.IGNORECASE)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]{0,20})[^<>]{0,2000}>|<!--|-->")
# Inline tags sit inside words ("GABA<sub>A</sub>" reads "GABAA"); others separate words.
_INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
    "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
    "u", "var", "wbr",
})  # fmt: skip
# ![alt](target "title") and [text](target): the target goes, the text stays.
_LINK = re.compile(
    r"!?\[([^\[\]\n]{0,1000})\]\(\s*<?[^()\s<>]{0,2000}>?(?:\s+[\"'][^\"'\n]{0,500}[\"'])?\s*\)"
)
_REFERENCE = re.compile(r"!?\[([^\[\]\n]{0,1000})\]\[[^\[\]\n]{0,200}\]")
_DEFINITION = re.compile(r"^ {0,3}\[[^\[\]\n]{1,200}\]:\s*\S{1,2000}.*$", re.MULTILINE)
_LINE_MARKS = re.compile(
    r"^[ \t]{0,40}(?:(?:>[ \t]?)+|#{1,6}(?=\s)|[*+-](?=\s)|\d{1,9}[.)](?=\s))", re.MULTILINE
)
_RULE = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$|^[ \t|:-]*-{3,}[ \t|:-]*$", re.MULTILINE)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_UNDERSCORES = re.compile(r"(?<![^\W_])_+|_+(?![^\W_])")  # emphasis, not snake_case
_MARKS = str.maketrans({"*": " ", "`": " ", "|": " "})
_ODD = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x9f\xad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# Invisible characters inside words (soft hyphen, zero-width space, joiners) are dropped:
# a reader sees one word. Other control characters separate words.
_ODD_TABLE = {
    code: (None if code == 0xAD or code >= 0x200B else " ")
    for code in (*range(0x00, 0x09), *range(0x0E, 0x1C), *range(0x7F, 0xA0), 0xAD,
                 *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065), 0xFEFF)
}  # fmt: skip
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
WORD_SPLIT = re.compile(r"[\W_]+")  # as the name search: words are letters and digits of any script


def plain_text(markdown: str) -> str:
    """One line of the section's words, as a reader sees them, without the Markdown marks."""
    text = markdown
    if "<" in text or "-->" in text:
        text = _TAG.sub(_tag_gap, _AUTOLINK.sub(r" \1 ", text))
    if "[" in text:
        text = _DEFINITION.sub(" ", _REFERENCE.sub(r"\1", _LINK.sub(r"\1", text)))
    text = _LINE_MARKS.sub(" ", _RULE.sub(" ", text))
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    text = text.translate(_MARKS).replace("~~", " ")
    if "_" in text:
        text = _UNDERSCORES.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    if _ODD.search(text):
        text = text.translate(_ODD_TABLE)
    return " ".join(text.split())


def _tag_gap(match: re.Match[str]) -> str:
    name = match.group(1)
    return "" if name is not None and name.lower() in _INLINE_TAGS else " "


def _fold_run(match: re.Match[str]) -> str:
    return fold_chars(match.group())


def fold_chars(text: str) -> str:
    """Fold text that is not ASCII: case, compatibility forms, combining marks."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_text(text: str) -> str:
    """Running text folded for matching; the index and the query use this one function."""
    if text.isascii():
        return text.lower()
    return _NON_ASCII.sub(_fold_run, text).lower()


def words_of(text: str) -> list[str]:
    """The folded words of ``text``, in order (what the index holds of it)."""
    return [word for word in WORD_SPLIT.split(fold_text(text)) if word]
