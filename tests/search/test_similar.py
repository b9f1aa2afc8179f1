"""The similar-name rule's measure: the Indel ratio, bit-parallel, against the textbook
longest-common-subsequence table, and the rule on names a user would type."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rxcombo.search.similar import indel_ratio_reaches, similar_words

letters = st.text(alphabet="abcdeilmnoprstxyz", min_size=1, max_size=40)


def _lcs(a: str, b: str) -> int:
    row = [0] * (len(b) + 1)
    for char in a:
        previous_diagonal = 0
        for j, other in enumerate(b, 1):
            previous_diagonal, row[j] = (
                row[j],
                (previous_diagonal + 1 if char == other else max(row[j], row[j - 1])),
            )
    return row[-1]


@settings(max_examples=400, derandomize=True)
@given(letters, letters, st.sampled_from([50.0, 75.0, 80.0, 90.0, 100.0]))
def test_ratio_matches_the_longest_common_subsequence(a: str, b: str, score: float) -> None:
    expected = 200 * _lcs(a, b) >= score * (len(a) + len(b))
    assert indel_ratio_reaches(a, b, score) is expected


def test_typos_find_the_drug_and_unrelated_words_find_nothing() -> None:
    vocabulary = sorted(["testazepam", "testoprofen", "fakeprofen", "mockacillin", "testazine"])
    assert similar_words("testazpam", vocabulary) == ["testazepam"]  # a letter left out
    assert similar_words("tsetazepam", vocabulary) == ["testazepam"]  # a swapped pair
    assert similar_words("mockacilin", vocabulary) == ["mockacillin"]
    assert similar_words("fakepro", vocabulary) == ["fakeprofen"]  # a name being typed
    assert similar_words("qwertyuiop", vocabulary) == []
    assert similar_words("xyz", vocabulary) == []  # too short to be taken for a typo
