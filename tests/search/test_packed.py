"""The search index's tables, stored packed in the library cache: damage is found while the
cache is read (which then rebuilds it), never at the user's first search."""

from __future__ import annotations

import pickle

import pytest

from helpers.pages import SearchablePage as Page
from rxcombo.search import SearchIndex


def _index() -> SearchIndex:
    titles = ["Testazepam", "Fakeprofen", "Testazepam + Fakeprofen", "Mockacillin"]
    return SearchIndex([Page(t.lower().replace(" + ", "-"), t, t.split(" + ")) for t in titles])


def test_damaged_packed_tables_fail_while_the_cache_is_read() -> None:
    index = _index()
    data = bytearray(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    packed = index.__getstate__()["_packed"]
    start = data.find(packed)  # the whole: a part of it may also be found outside it
    assert start > 0
    data[start + len(packed) // 2] ^= 0xFF  # one byte of the tables flipped: the rest still unpickles
    with pytest.raises(pickle.UnpicklingError):
        pickle.loads(bytes(data))


def test_intact_packed_tables_answer_as_before() -> None:
    index = _index()
    cached = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    assert [hit.title for hit in cached.search("testaz")] == [hit.title for hit in index.search("testaz")]
    cached.unpack()  # unpacking again (the search unpacked the tables) is harmless
    assert cached.vocabulary == index.vocabulary
