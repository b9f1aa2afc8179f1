"""The dataclass code cache: the same classes, their methods compiled once across starts."""

from __future__ import annotations

import dataclasses
import marshal
import zlib
from collections.abc import Callable
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import FunctionType

import pytest

from helpers.code_caches import cache_file, two_runs
from rxcombo.support import code_store, dataclass_code, marshal_file
from rxcombo.support.dataclass_code import CACHE_NAME, DataclassCode


def _define() -> type:
    """A frozen dataclass with each kind of field: defaults, a factory, a non-init field."""

    @dataclasses.dataclass(frozen=True, order=True)
    class Testazepam:
        name: str
        strength_mg: float = 0.5
        tags: tuple[str, ...] = ()
        notes: list[str] = dataclasses.field(default_factory=list, compare=False)
        shown: bool = dataclasses.field(default=True, init=False)

    return Testazepam


def _methods(cls: type) -> dict[str, FunctionType]:
    return {name: value for name, value in vars(cls).items() if isinstance(value, FunctionType)}


def _define_through(cache: DataclassCode, monkeypatch: pytest.MonkeyPatch) -> type:
    with monkeypatch.context() as patch:
        patch.setattr(dataclasses, "exec", cache.exec, raising=False)
        return _define()


def test_a_class_made_through_the_cache_is_the_class_dataclasses_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = _define()
    cache = DataclassCode(tmp_path / CACHE_NAME)
    first = _define_through(cache, monkeypatch)
    cache.save()
    again = _define_through(DataclassCode(tmp_path / CACHE_NAME), monkeypatch)

    for cls in (first, again):
        assert _methods(cls).keys() == _methods(plain).keys()
        for name, method in _methods(plain).items():
            assert _methods(cls)[name].__code__.co_code == method.__code__.co_code, name
        made = cls("Testazepam")
        assert repr(made) == repr(plain("Testazepam")).replace(plain.__qualname__, cls.__qualname__)
        assert made == cls("Testazepam", 0.5, (), ["another note"])
        assert made < cls("Testazepam", 1.0)
        assert hash(made) == hash(cls("Testazepam"))
        assert made.notes == [] and made.notes is not cls("Testazepam").notes
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.name = "Testapine"


def test_a_second_start_compiles_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = DataclassCode(tmp_path / CACHE_NAME)
    _define_through(cache, monkeypatch)
    assert cache.compiled >= 5  # __init__, __repr__, __eq__, the order, __setattr__...
    cache.save()

    again = DataclassCode(tmp_path / CACHE_NAME)
    _define_through(again, monkeypatch)
    assert again.compiled == 0
    written = (tmp_path / CACHE_NAME).stat().st_mtime_ns
    again.save()  # nothing compiled: nothing written
    assert (tmp_path / CACHE_NAME).stat().st_mtime_ns == written


def _define_testapine() -> type:
    @dataclasses.dataclass
    class Testapine:
        dose: int

    return Testapine


def _run(path: Path, monkeypatch: pytest.MonkeyPatch, *defines: Callable[[], type]) -> DataclassCode:
    """One start: its classes defined through the cache, which it then saves."""
    cache = DataclassCode(path)
    with monkeypatch.context() as patch:
        patch.setattr(dataclasses, "exec", cache.exec, raising=False)
        for define in defines:
            define()
    cache.save()
    return cache


def _define_mockacillin() -> type:
    @dataclasses.dataclass
    class Mockacillin:
        strength: float

    return Mockacillin


def test_a_run_keeps_what_another_run_defined(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window and a command define different classes: running one must not make the
    other compile its own again, whichever uses more."""
    path = tmp_path / CACHE_NAME
    _run(path, monkeypatch, _define, _define_testapine)  # the window, say
    _run(path, monkeypatch, _define_mockacillin)  # a command defining less, and another class
    assert _run(path, monkeypatch, _define, _define_testapine).compiled == 0  # the window again
    assert _run(path, monkeypatch, _define_mockacillin).compiled == 0  # the command again


def test_a_save_at_the_first_paint_loses_nothing_defined_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / CACHE_NAME
    _run(path, monkeypatch, _define, _define_testapine)
    cache = DataclassCode(path)
    with monkeypatch.context() as patch:
        patch.setattr(dataclasses, "exec", cache.exec, raising=False)
        _define_mockacillin()  # before the first paint: new
        cache.save()  # the first paint
        _define()  # after it: read from the cache
        cache.save()  # the end
    assert _run(path, monkeypatch, _define, _define_testapine, _define_mockacillin).compiled == 0


def test_another_versions_entries_go_at_its_first_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Classes an earlier version defined do not pile up in the file."""
    path = tmp_path / CACHE_NAME
    monkeypatch.setattr(code_store, "__version__", "0.0.1")
    _run(path, monkeypatch, _define)
    monkeypatch.setattr(code_store, "__version__", "0.0.2")
    run = _run(path, monkeypatch, _define_testapine)
    assert set(DataclassCode(path).cached) == set(run.used)  # the old version's went
    assert _run(path, monkeypatch, _define_mockacillin).compiled  # then as above: both kept
    assert DataclassCode(path).cached.keys() > run.used.keys()


def _framed(content: object, python: bytes = MAGIC_NUMBER) -> bytes:
    """``content`` as the cache file holds it: a tag, the magic number of the Python that
    wrote it and a CRC before the marshal bytes."""
    data = marshal.dumps(content)
    return b"RXCM" + python + zlib.crc32(data).to_bytes(4, "little") + data


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not marshal at all",
        marshal.dumps({"python": code_store.flavour(), "code": {}}),  # no tag: an older file
        _framed([1, 2]),
        _framed({"python": b"\0\0\0\0", "code": {}}),
        _framed({"python": code_store.flavour(), "code": {}}, python=b"\0\0\r\n"),
    ],
    ids=["empty", "garbage", "untagged", "not a dict", "another Python's", "another Python's file"],
)
def test_a_damaged_or_foreign_file_reads_as_empty_and_is_compiled_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    path = tmp_path / CACHE_NAME
    path.write_bytes(content)
    cache = DataclassCode(path)
    assert cache.cached == {}
    cls = _define_through(cache, monkeypatch)
    assert cls("Testazepam").strength_mg == 0.5
    cache.save()
    assert DataclassCode(path).cached  # written over with what this run compiled


def test_a_foreign_entry_in_the_file_is_not_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / CACHE_NAME
    _run(path, monkeypatch, _define)
    payload = marshal_file.read_dict(path)
    assert isinstance(payload["code"], dict) and payload["code"]
    payload["code"] = {text: "print('not code')" for text in payload["code"]}
    marshal_file.write_dict(path, {str(key): value for key, value in payload.items()})
    assert DataclassCode(path).cached == {}


def test_the_rxcombo_command_writes_the_cache_and_reads_it_next_time(
    isolated_user_dirs: dict[str, Path], seeds_dir: Path
) -> None:
    """The installed entry point, in a process of its own: a command's dataclasses are
    compiled once, then read from the cache under the user's cache folder."""
    runs = two_runs("dataclass_code", ["list", "--content", str(seeds_dir)])
    assert cache_file(isolated_user_dirs["XDG_CACHE_HOME"], CACHE_NAME).is_file()
    (read_first, compiled_first), (read_next, compiled_next) = runs
    assert read_first == 0 and compiled_first > 20  # the command line's classes, compiled
    assert read_next >= compiled_first and compiled_next == 0  # then all read


def test_install_is_done_once_per_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dataclass_code, "_installed", None)
    monkeypatch.setattr(dataclasses, "exec", exec, raising=False)
    first = dataclass_code.install(tmp_path / "a")
    assert dataclass_code.install(tmp_path / "b") is first
    assert dataclasses.exec == first.exec  # type: ignore[attr-defined]


def test_no_damage_to_the_file_stops_a_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command reads this file first: whatever byte is damaged, it reads as a cache
    (marshal raises SystemError, not ValueError, for some damaged code objects)."""
    path = tmp_path / CACHE_NAME
    _run(path, monkeypatch, _define_testapine)
    whole = path.read_bytes()
    for position in range(len(whole)):
        for value in (0x00, whole[position] ^ 0x01):
            path.write_bytes(whole[:position] + bytes([value]) + whole[position + 1 :])
            DataclassCode(path)  # reads, or reads as empty: never raises
