"""What a user typed into the full-text search, parsed once into terms; never FTS5 syntax.

* A word matches any word it starts (``rhabdo`` finds rhabdomyolysis); a word of one or
  two letters matches only itself: as a prefix it would match nearly every section.
* Text in double quotes is a phrase: its words in that order, each whole. A quote left
  open while typing is a phrase whose last word is still a prefix.
* A run of characters without spaces that holds several words (``side-effects``,
  ``don't``) is a phrase too: the words as written, the last one a prefix.
* Case and accents are folded as the index folds the page text (:mod:`.plain`).

Every word is made of letters and digits only (everything else separates words, as in the
name search), and each term reaches SQLite as a double-quoted FTS5 string built here: the
quotes, ``*``, ``-``, ``^``, ``:``, ``NEAR``, ``AND``/``OR``/``NOT`` and column names a
user types are words or separators, never operators.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rxcombo.search.fulltext.plain import words_of

MIN_PREFIX = 3  # letters a word needs to match as a prefix (the index keeps 3-letter starts)
MAX_TERMS = 16  # further terms are ignored (and said so by ``truncated``)
MAX_PHRASE_WORDS = 32
MAX_WORD_LENGTH = 100


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]  # folded; one word, or a phrase
    prefix: bool  # the last word matches every word it starts

    def expression(self, expansion: Sequence[str] | None = None) -> str:
        """This term as FTS5 strings: its words (letters and digits only) in quotes, or
        the words of the index its prefix was expanded to."""
        if expansion:
            return "(" + " OR ".join(_quoted(word) for word in expansion) + ")"
        return _quoted(" ".join(self.words)) + ("*" if self.prefix else "")

    def __str__(self) -> str:
        text = " ".join(self.words)
        return f'"{text}"' if len(self.words) > 1 else text


@dataclass(frozen=True, slots=True)
class TextQuery:
    text: str  # as typed
    terms: tuple[Term, ...]
    truncated: bool = False  # more terms were typed than MAX_TERMS

    @classmethod
    def parse(cls, text: str) -> TextQuery:
        terms: dict[Term, None] = {}
        parts = text.split('"')
        for number, part in enumerate(parts):
            if number % 2 == 0:  # outside quotes: words, or runs of words without spaces
                for chunk in part.split():
                    _add(terms, words_of(chunk), prefix=True)
            else:  # a quoted phrase; the last part after an unmatched quote is still open
                _add(terms, words_of(part), prefix=number == len(parts) - 1)
        found = tuple(terms)
        return cls(text, found[:MAX_TERMS], len(found) > MAX_TERMS)

    @classmethod
    def of(cls, value: TextQueryLike) -> TextQuery:
        return value if isinstance(value, TextQuery) else cls.parse(value)

    @property
    def blank(self) -> bool:
        return not self.terms

    def whole_words(self) -> TextQuery:
        """The same words, each matching only itself: "pages mention 'sulfa'" must not count
        pages that only say "sulfasalazine", another drug."""
        return TextQuery(self.text, tuple(Term(term.words, False) for term in self.terms), self.truncated)

    def match_expression(self, expansions: Mapping[Term, Sequence[str]] | None = None) -> str:
        """The FTS5 MATCH expression: every term, anywhere in a section (title, section title
        or text); a prefix term as the words given in ``expansions``. Empty when blank."""
        expansions = expansions or {}
        return " AND ".join(term.expression(expansions.get(term)) for term in self.terms)

    def __str__(self) -> str:
        return self.text.strip()


TextQueryLike = TextQuery | str


def _add(terms: dict[Term, None], words: list[str], *, prefix: bool) -> None:
    words = [word[:MAX_WORD_LENGTH] for word in words[:MAX_PHRASE_WORDS]]
    if not words:
        return
    term = Term(tuple(words), prefix and len(words[-1]) >= MIN_PREFIX)
    terms.setdefault(term, None)


def _quoted(text: str) -> str:
    # Doubling quotes is FTS5's escape; typed words never hold one, index words neither.
    return '"' + text.replace('"', '""') + '"'
