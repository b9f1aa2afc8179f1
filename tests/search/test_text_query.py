"""What a user types into the full-text search becomes terms, never FTS5 syntax."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.fulltext import HOSTILE
from rxcombo.search.fulltext import Term, TextQuery
from rxcombo.search.fulltext.text_query import MAX_TERMS


def words(query: str) -> list[tuple[tuple[str, ...], bool]]:
    return [(term.words, term.prefix) for term in TextQuery.parse(query).terms]


def test_words_are_prefixes_and_short_words_whole() -> None:
    assert words("rhabdo") == [(("rhabdo",), True)]
    assert words("Warfarin  BLEEDING") == [(("warfarin",), True), (("bleeding",), True)]
    assert words("of a vitamin") == [(("of",), False), (("a",), False), (("vitamin",), True)]


def test_quotes_make_phrases_of_whole_words() -> None:
    assert words('"side effects" liver') == [(("side", "effects"), False), (("liver",), True)]
    assert words('"Side  Effects"') == [(("side", "effects"), False)]
    # Still typing: the open phrase's last word is a prefix.
    assert words('liver "side eff') == [(("liver",), True), (("side", "eff"), True)]
    assert words('""') == [] and words('"') == []


def test_words_joined_by_punctuation_are_a_phrase() -> None:
    assert words("side-effects") == [(("side", "effects"), True)]
    assert words("don't") == [(("don", "t"), False)]
    assert words("5-HT1B") == [(("5", "ht1b"), True)]


def test_case_and_accents_are_folded_as_the_index_folds_them() -> None:
    assert words("FÓLICO") == [(("folico",), True)]
    assert words("Fo\u0301lico") == [(("folico",), True)]
    assert words("Straße") == [(("strasse",), True)]
    assert words("ﬁbrate") == [(("fibrate",), True)]


def test_terms_are_kept_once_and_bounded() -> None:
    assert words("liver LIVER liver") == [(("liver",), True)]
    parsed = TextQuery.parse(" ".join(f"word{n}" for n in range(40)))
    assert len(parsed.terms) == MAX_TERMS and parsed.truncated
    assert TextQuery.parse("").blank and TextQuery.parse(" \t\n").blank and TextQuery.parse("*-:").blank


def test_the_expression_is_quoted_strings_only() -> None:
    assert TextQuery.parse('rhabdo "side effects"').match_expression() == '"rhabdo"* AND "side effects"'
    assert TextQuery.parse("NEAR(a b)").match_expression() == '"near a" AND "b"'
    assert TextQuery.parse("title: x OR y").match_expression() == '"title"* AND "x" AND "or" AND "y"'
    assert Term(("a",), False).expression() == '"a"'


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE fts USING fts5 (title, section, body, prefix = '3')")
    connection.execute(
        "INSERT INTO fts VALUES ('testazepam', 'interactions', 'near warfarin and aspirin or not')"
    )
    return connection


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_accepted_by_fts5_as_words(fts: sqlite3.Connection, text: str) -> None:
    parsed = TextQuery.parse(text)
    for term in parsed.terms:
        assert all(word.isalnum() for word in term.words), term
    if not parsed.blank:
        fts.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (parsed.match_expression(),)).fetchall()


def test_hostile_operators_match_as_words(fts: sqlite3.Connection) -> None:
    def found(text: str) -> int:
        expression = TextQuery.parse(text).match_expression()
        return len(fts.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expression,)).fetchall())

    assert found("warfarin NOT aspirin") == 1  # NOT is a word of the page, not an operator
    assert found("warfarin NOT ibuprofen") == 0  # every word must be there
    assert found("title: warfarin") == 0  # "title" is a word, not a column filter
    assert found("NEAR(warfarin aspirin)") == 1
    assert found("-aspirin") == 1


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_a_valid_expression(text: str) -> None:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE fts USING fts5 (body, prefix = '3')")
    parsed = TextQuery.parse(text)
    if not parsed.blank:
        connection.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (parsed.match_expression(),)).fetchall()
