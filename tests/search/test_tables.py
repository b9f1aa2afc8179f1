"""The name index's tables: what each page is found by, each drug's words made once."""

from __future__ import annotations

import pickle

from rxcombo.search.tables import drug_tables

PAGES = [
    ["Testazepam"],
    ["Fakeic Acid", "Testazepam"],
    ["Mockic acid"],
    ["Fakeic Acid"],
]


def test_each_page_is_found_by_its_drugs_words_and_its_other_names() -> None:
    tables = drug_tables(PAGES, {2: (("shamex",),)})
    assert tables.drug_words == [
        (("testazepam",),),
        (("fakeic", "acid"), ("testazepam",)),
        (("mockic", "acid"),),
        (("fakeic", "acid"),),
    ]
    assert list(tables.word_counts) == [1, 3, 2, 2]  # another name is not one of its drugs
    assert tables.postings == {
        "testazepam": (0, 1),
        "fakeic": (1, 3),
        "acid": (1, 2, 3),
        "mockic": (2,),
        "shamex": (2,),
    }


def test_pages_naming_a_drug_share_its_words_and_keep_sharing_them_when_cached() -> None:
    tables = drug_tables(PAGES, {})
    for words in (tables.drug_words, pickle.loads(pickle.dumps(tables.drug_words))):
        assert words[0][0] is words[1][1]  # Testazepam, on two pages
        assert words[1][0] is words[3][0]  # Fakeic Acid
        assert words[1][0][1] is words[2][0][1]  # "acid", in two drugs
