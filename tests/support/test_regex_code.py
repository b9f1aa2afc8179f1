"""The regex code cache: the same patterns, compiled once across starts."""

from __future__ import annotations

import importlib
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers.code_caches import cache_file, two_runs
from rxcombo.support import marshal_file, regex_code
from rxcombo.support.regex_code import CACHE_NAME, RegexCode

stock = regex_code._stock_compile


def always() -> bool:
    return True  # keep every pattern, not only those compiled by an import


pytestmark = pytest.mark.skipif(not regex_code._FOLLOWED, reason="this Python's re is not the one followed")

SAMPLES: list[tuple[Any, int]] = [
    (r"(?P<drug>[A-Z]\w+)\s*\+\s*(?P<other>[A-Z]\w+)", 0),
    (r"^\s*#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE),
    (r"testazepam|testapine", re.IGNORECASE),
    (r"(?x) \b (\d+) \s* mg \b  # a dose", 0),
    (r"(?i)[ǅa-zé]+", 0),
    (rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", re.ASCII),
    (r"(a)(b)?(?P<c>c)(?:d)(?P=c)", re.DOTALL | re.VERBOSE),
    (r"", 0),
]


def _made_both_ways(cache: RegexCode, pattern: Any, flags: int) -> tuple[re.Pattern[Any], re.Pattern[Any]]:
    flags = int(flags)  # as re.compile hands them on
    return cache.compile(pattern, flags), stock(pattern, flags)


def _installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RegexCode:
    """A cache in re's place for this test, with re's own memo emptied (so re asks it)."""
    cache = RegexCode(tmp_path / CACHE_NAME)
    monkeypatch.setattr(re._compiler, "compile", cache.compile)  # type: ignore[attr-defined]
    monkeypatch.setattr(re, "_cache", {})
    return cache


def _same(ours: re.Pattern[Any], theirs: re.Pattern[Any]) -> None:
    assert ours == theirs  # Pattern.__eq__ compares the flags and the compiled program too
    assert (ours.flags, ours.groups, dict(ours.groupindex)) == (
        theirs.flags,
        theirs.groups,
        dict(theirs.groupindex),
    )


# Records every pattern compiled while the window's modules, the page reader's and the
# command line's are imported, as the app imports them (Qt through qt_import).
RECORD = """
import marshal, re, sys
seen = []
real = re._compiler.compile
def recording(pattern, flags=0):
    if type(pattern) in (str, bytes) and type(flags) is int:
        seen.append((pattern, flags))
    return real(pattern, flags)
re._compiler.compile = recording
import rxcombo.app.startup, rxcombo.cli.main, rxcombo.content.reader, rxcombo.content.shown
import rxcombo.ui.sidebar.text_results, markdown, frontmatter, nh3
sys.stdout.buffer.write(marshal.dumps(seen))
"""


def _window_patterns() -> list[tuple[Any, int]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", RECORD], capture_output=True, env=env, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    found: list[tuple[Any, int]] = marshal.loads(result.stdout)
    return found


def test_patterns_read_back_from_the_file_are_the_patterns_re_makes(tmp_path: Path) -> None:
    """Every pattern the window's modules compile as they are imported, every pattern this
    test process has compiled (re keeps the last 512) and the samples: made from nothing,
    then read back from the file by a new cache."""
    window = _window_patterns()
    assert len(window) > 40
    seen = [(pattern, flags) for (_kind, pattern, flags) in list(re._cache)]  # type: ignore[attr-defined]
    everything = window + seen + SAMPLES
    first = RegexCode(tmp_path / CACHE_NAME, always)
    for pattern, flags in everything:
        _same(*_made_both_ways(first, pattern, flags))
    assert first.compiled == len(set(everything))
    first.save()
    again = RegexCode(tmp_path / CACHE_NAME, always)
    for pattern, flags in everything:
        _same(*_made_both_ways(again, pattern, flags))
    assert again.compiled == 0  # all read back


def test_a_warning_at_run_time_names_the_caller_as_re_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = _installed(tmp_path, monkeypatch)
    with pytest.warns(FutureWarning, match="nested set") as caught:
        line = sys._getframe().f_lineno + 1
        re.compile("[[b]")
    assert (caught[0].filename, caught[0].lineno) == (__file__, line)  # this line, as re says
    assert cache.compiled == 0  # made at run time: not kept


def test_a_refused_entry_is_left_out_of_the_file_even_when_nothing_is_learnt(tmp_path: Path) -> None:
    path = tmp_path / CACHE_NAME
    cache = RegexCode(path, always)
    cache.compile(SAMPLES[0][0], 0)
    cache.save()
    _damaged(path, lambda parts: (parts[0], [1, 2, 3], *parts[2:]))
    never = RegexCode(path, lambda: False)
    _same(*_made_both_ways(never, SAMPLES[0][0], 0))
    never.save()
    assert RegexCode(path, always).cached == {}  # the refused entry went, nothing replaced it


def test_a_warning_names_the_importing_module_as_re_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = _installed(tmp_path, monkeypatch)
    module = tmp_path / "testazepam_nested.py"
    module.write_text('import re\nNESTED = re.compile("[[a]")\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.warns(FutureWarning, match="nested set") as caught:
        importlib.import_module("testazepam_nested")
    assert (caught[0].filename, caught[0].lineno) == (str(module), 2)
    assert cache.compiled == 1


@pytest.mark.parametrize(("pattern", "flags"), SAMPLES)
def test_a_cached_pattern_finds_what_re_finds(tmp_path: Path, pattern: Any, flags: int) -> None:
    cache = RegexCode(tmp_path / CACHE_NAME, always)
    cache.compile(pattern, int(flags))
    cache.save()
    ours, theirs = _made_both_ways(RegexCode(tmp_path / CACHE_NAME, always), pattern, flags)
    text: Any = "Alprazolam + Imipramine\n## Dosage ##\n10 mg Testazepam ǅé abcc é"
    text = text.encode() if isinstance(pattern, bytes) else text

    def found(pattern: re.Pattern[Any]) -> list[object]:
        return [
            (m.groups(), m.lastgroup, m.lastindex, m.groupdict(), m.span()) for m in pattern.finditer(text)
        ]

    assert found(ours) == found(theirs)


def test_bad_patterns_and_debug_output_are_re_own(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = RegexCode(tmp_path / CACHE_NAME, always)
    with pytest.raises(re.error, match="missing \\)"):
        cache.compile("(unclosed", 0)
    cache.compile("a+", int(re.DEBUG))
    assert "MAX_REPEAT" in capsys.readouterr().out  # re's debug listing, printed as asked
    assert cache.used == {}  # neither is kept


def _damaged(path: Path, change: Any) -> None:
    payload = marshal_file.read_dict(path)
    entries = payload["code"]
    assert isinstance(entries, dict)
    payload["code"] = {key: change(value) for key, value in entries.items()}
    marshal_file.write_dict(path, {str(key): value for key, value in payload.items()})


@pytest.mark.parametrize(
    "change",
    [
        lambda parts: (parts[0], [*parts[1][:-3], 999_999], *parts[2:]),  # a program _sre refuses
        lambda parts: (parts[0], [1, 2, 3], *parts[2:]),
        lambda parts: (parts[0], ["x", -1, *parts[1]], *parts[2:]),  # not a program's numbers
        lambda parts: (*parts[:5], (parts[5][0] - 1, parts[5][1])),  # another Python release's
        lambda parts: (*parts[:5], (parts[5][0], 20000101)),  # another engine's program
        lambda parts: (parts[0], parts[1], parts[2] + 4, *parts[3:]),  # more groups than names
        lambda parts: (parts[0], parts[1], 2**29, *parts[3:]),  # a count that asks for gigabytes
        lambda parts: (*parts[:3], {**parts[3], "x": 7}, *parts[4:]),  # a name past the groups
        lambda parts: (*parts[:4], tuple(None for _ in parts[4]), parts[5]),  # names lost
        lambda parts: (0, *parts[1:]),  # flags without those asked for
        lambda parts: parts[:4],  # not the right shape
        lambda parts: "print('not code')",
    ],
    ids=[
        "refused program",
        "short program",
        "not numbers",
        "another release",
        "another engine",
        "groups",
        "huge groups",
        "name past groups",
        "names lost",
        "flags",
        "wrong shape",
        "not parts",
    ],
)
def test_a_damaged_entry_is_compiled_again(tmp_path: Path, change: Any) -> None:
    path = tmp_path / CACHE_NAME
    cache = RegexCode(path, always)
    for pattern, flags in SAMPLES:
        cache.compile(pattern, int(flags))
    cache.save()
    _damaged(path, change)
    again = RegexCode(path, always)
    for pattern, flags in SAMPLES:
        _same(*_made_both_ways(again, pattern, flags))
    assert again.compiled > 0
    again.save()  # what was compiled again replaces what was damaged
    last = RegexCode(path, always)
    for pattern, flags in SAMPLES:
        _same(*_made_both_ways(last, pattern, flags))
    assert last.compiled == 0


def test_a_damaged_file_reads_as_empty(tmp_path: Path) -> None:
    path = tmp_path / CACHE_NAME
    path.write_bytes(b"RXCM" + marshal.dumps({"code": {}}))
    cache = RegexCode(path, always)
    assert cache.cached == {}
    _same(*_made_both_ways(cache, *SAMPLES[0]))


def test_the_rxcombo_command_writes_the_cache_and_reads_it_next_time(
    isolated_user_dirs: dict[str, Path], seeds_dir: Path
) -> None:
    """The installed entry point, in a process of its own: the command line's patterns are
    compiled once, then read from the cache under the user's cache folder."""
    runs = two_runs("regex_code", ["search", "--text", "alprazolam", "--content", str(seeds_dir)])  # snippets
    assert cache_file(isolated_user_dirs["XDG_CACHE_HOME"], CACHE_NAME).is_file()
    (read_first, compiled_first), (read_next, compiled_next) = runs
    assert read_first == 0 and compiled_first > 5
    assert read_next >= compiled_first and compiled_next == 0
    written = cache_file(isolated_user_dirs["XDG_CACHE_HOME"], CACHE_NAME).read_bytes()
    assert b"alprazolam" not in written.lower()  # the snippets' pattern of the typed word: never kept


def test_only_patterns_compiled_by_an_import_are_written_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A module's own patterns are kept; one made at run time from what a user typed
    (the full-text search's, for one) is compiled by re and never written to the file."""
    cache = _installed(tmp_path, monkeypatch)
    (tmp_path / "testazepam_patterns.py").write_text(
        'import re\nDOSE = re.compile(r"testazepam (\\d+) mg")\n'
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("testazepam_patterns")
    typed = re.compile(r"(?P<t0>testapine\w*)|my private search")
    assert module.DOSE.match("testazepam 5 mg") and typed.search("a testapine dose")
    cache.save()
    kept = RegexCode(tmp_path / CACHE_NAME).cached
    assert (r"testazepam (\d+) mg", 0) in kept
    assert not any("private" in str(pattern) for pattern, _flags in kept)


def test_another_release_of_re_keeps_its_own_compiler(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_code, "_installed", None)
    monkeypatch.setattr(regex_code, "_FOLLOWED", False)
    monkeypatch.setattr(re._compiler, "compile", stock)  # type: ignore[attr-defined]
    assert regex_code.install() is None
    assert re._compiler.compile is stock  # type: ignore[attr-defined]


def test_install_is_done_once_per_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_code, "_installed", None)
    monkeypatch.setattr(re._compiler, "compile", stock)  # type: ignore[attr-defined]
    first = regex_code.install(tmp_path / "a")
    assert first is not None and regex_code.install(tmp_path / "b") is first
    assert re._compiler.compile == first.compile  # type: ignore[attr-defined]
