"""The dataclass code cache: the same classes, their methods compiled once across starts."""

from __future__ import annotations

import dataclasses
import marshal
import os
import subprocess
import sys
from pathlib import Path
from types import FunctionType

import pytest

from rxcombo.support import dataclass_code
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


def test_the_file_keeps_only_what_the_last_run_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / CACHE_NAME
    cache = DataclassCode(path)
    _define_through(cache, monkeypatch)
    cache.save()
    used = set(DataclassCode(path).cached)

    other = DataclassCode(path)
    with monkeypatch.context() as patch:
        patch.setattr(dataclasses, "exec", other.exec, raising=False)

        @dataclasses.dataclass
        class Testapine:
            dose: int

    other.save()
    kept = set(DataclassCode(path).cached)
    assert kept and not kept & used  # the first run's entries went with it
    assert any("dose" in text for text in kept)


@pytest.mark.parametrize(
    "content",
    [b"", b"not marshal at all", marshal.dumps([1, 2]), marshal.dumps({"python": b"\0\0\0\0", "code": {}})],
    ids=["empty", "garbage", "not a dict", "another Python's"],
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
    cache = DataclassCode(path)
    _define_through(cache, monkeypatch)
    cache.save()
    payload = marshal.loads(path.read_bytes())
    payload["code"] = {text: "print('not code')" for text in payload["code"]}
    path.write_bytes(marshal.dumps(payload))
    assert DataclassCode(path).cached == {}


def test_the_rxcombo_command_writes_the_cache_and_reads_it_next_time(
    isolated_user_dirs: dict[str, Path], seeds_dir: Path
) -> None:
    """The installed entry point, in a process of its own: a command's dataclasses are
    compiled once, then read from the cache under the user's cache folder."""
    script = (
        "import sys\n"
        "from rxcombo.entry import main\n"
        "from rxcombo.support import dataclass_code\n"
        "code = main(['list', '--content', sys.argv[1]])\n"
        "print(dataclass_code._installed.compiled, len(dataclass_code._installed.cached))\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ}
    runs = []
    for _ in range(2):
        result = subprocess.run(
            [sys.executable, "-c", script, str(seeds_dir)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        runs.append(result.stdout.split()[-2:])
    path = isolated_user_dirs["XDG_CACHE_HOME"] / "RxCombo" / CACHE_NAME
    assert path.is_file()
    first_cached, second_compiled = int(runs[0][1]), int(runs[1][0])
    assert first_cached == 0  # nothing to read on the first run
    assert second_compiled == 0 and int(runs[1][1]) > 20  # the command line's classes, all read


def test_install_is_done_once_per_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dataclass_code, "_installed", None)
    monkeypatch.setattr(dataclasses, "exec", exec, raising=False)
    first = dataclass_code.install(tmp_path / "a")
    assert dataclass_code.install(tmp_path / "b") is first
    assert dataclasses.exec == first.exec  # type: ignore[attr-defined]
