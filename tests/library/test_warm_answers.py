"""The search warm-up's answers kept for the next start: read back only for the same
library and the same search code, and always the answers a fresh warm-up gives."""

from __future__ import annotations

from array import array
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.pages import SearchablePage as Page
from rxcombo.library import warm_answers
from rxcombo.library.warm_answers import answers_key, answers_path, read_answers, write_answers
from rxcombo.search import SearchIndex, warm_up_queries
from rxcombo.support import marshal_file

KEY = "signatures of every page file"


def _index() -> SearchIndex:
    pages = [Page(f"tes-{n}", f"Testazepam {n}", [f"Testazepam {n}"]) for n in range(300)]
    pages += [
        Page(f"fak-{n}", f"Fakeprofen + Testapine {n}", ["Fakeprofen", f"Testapine {n}"]) for n in range(40)
    ]
    return SearchIndex(pages)


def _key(path: Path, pages_key: str = KEY) -> list[object]:
    """The answers' key of a library cached beside ``path`` (the cache file made if need be)."""
    cache = path.with_name(path.name.removesuffix(".answers"))
    if not cache.exists():
        cache.write_bytes(b"a cached library")
    key = answers_key(pages_key, cache)
    assert key is not None
    return key


def _warmed(path: Path) -> SearchIndex:
    index = _index()
    assert index.warm_up(warm_up_queries(index)) >= 3  # ranked now: none were kept
    write_answers(path, _key(path), index.warm_answers())
    assert index.warm_up(warm_up_queries(index)) == 0  # all kept already
    return index


def test_answers_read_back_are_what_typing_gets_from_a_fresh_index(tmp_path: Path) -> None:
    path = answers_path(tmp_path / "library.pickle")
    assert path.name == "library.pickle.answers"
    warmed = _warmed(path)
    index = _index()
    answers = read_answers(path, _key(path), len(index))
    assert answers.keys() == warmed.warm_answers().keys() and len(answers) >= 3
    index.keep_warm_answers(answers)
    fresh = _index()
    for query in ("t", "te", "f", "fa", "testap"):
        assert list(index.search_rows(query)) == list(fresh.search_rows(query)), query


@pytest.mark.parametrize(
    "change",
    [
        lambda patch: patch.setattr(warm_answers, "__version__", "0.0.0-other"),
        lambda patch: patch.setattr(warm_answers, "CACHE_FORMAT", -1),
        lambda patch: patch.setattr(warm_answers, "_search_code", lambda: [("ranking.py", 1, 2)]),
    ],
    ids=["another version", "another cache format", "edited search code"],
)
def test_answers_of_other_code_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Callable[[pytest.MonkeyPatch], None]
) -> None:
    path = answers_path(tmp_path / "library.pickle")
    _warmed(path)
    with monkeypatch.context() as patch:
        change(patch)
        assert read_answers(path, _key(path), len(_index())) == {}
    assert read_answers(path, _key(path), len(_index()))  # the same code again: read


def test_answers_of_another_library_are_not_read(tmp_path: Path) -> None:
    path = answers_path(tmp_path / "library.pickle")
    _warmed(path)
    assert read_answers(path, _key(path, "another library's signatures"), len(_index())) == {}
    assert answers_key("", path) is None  # a library never cached: no key to read under


@pytest.mark.parametrize(
    "answers",
    [
        {("t",): array("i", [0, 1, 400]).tobytes()},  # past the library's last page
        {("t",): array("i", [-1]).tobytes()},
        {("t",): b"\x01\x02\x03"},  # not whole numbers
        {("t",): "0 1 2"},
        {"t": array("i", [0]).tobytes()},
    ],
    ids=["page past the end", "negative page", "torn number", "text", "words not a tuple"],
)
def test_damaged_answers_are_not_read(tmp_path: Path, answers: dict[object, object]) -> None:
    path = answers_path(tmp_path / "library.pickle")
    _warmed(path)
    found = marshal_file.read_dict(path)
    assert isinstance(found["answers"], dict)
    marshal_file.write_dict(path, {"key": found["key"], "answers": {**found["answers"], **answers}})
    assert read_answers(path, _key(path), len(_index())) == {}
    path.write_bytes(b"not a cache file")
    assert read_answers(path, _key(path), len(_index())) == {}


def test_nothing_is_written_without_answers(tmp_path: Path) -> None:
    path = answers_path(tmp_path / "library.pickle")
    write_answers(path, _key(path), {})
    assert not path.exists()


def test_a_cache_written_again_under_the_same_pages_key_has_another_answers_key(tmp_path: Path) -> None:
    cache = tmp_path / "library.pickle"
    assert answers_key(KEY, cache) is None  # no cache file: nothing to key answers to
    cache.write_bytes(b"a library")
    first = answers_key(KEY, cache)
    (tmp_path / "other.pickle").write_bytes(b"the same library, written again by other code")
    (tmp_path / "other.pickle").replace(cache)  # as the cache is written: a new file renamed
    assert first is not None and answers_key(KEY, cache) not in (None, first)
    assert answers_key("", cache) is None
