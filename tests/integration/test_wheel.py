"""``pip install .`` (not editable) gives a working ``rxcombo`` with the pages inside the wheel.

The wheel is built from the checkout with ``pip wheel --no-deps`` and installed, with its
dependencies, into a brand-new virtual environment (no ``--system-site-packages``, so nothing
leaks in from the development environment). The commands then run from a folder outside the
source tree, so only the installed copy can answer.

Dependencies come from wherever pip is configured to get them: PyPI, a mirror, or a local
wheelhouse (``PIP_INDEX_URL`` / ``PIP_FIND_LINKS`` / ``PIP_NO_INDEX``); ``PIP_CACHE_DIR`` lets CI
keep downloads between runs. Building needs ``hatchling``: taken from the current environment
when it is installed there, otherwise pip fetches it into an isolated build environment.
Takes 15-60 s depending on how fast PySide6-Essentials (about 80 MB) arrives.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from helpers import ROOT

pytestmark = pytest.mark.slow

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]
EXPECTED_TITLES = (
    "Alprazolam + Imipramine",
    "Amitriptyline + Ketamine",
    "Gabapentin + Amitriptyline",
)
BIN = "Scripts" if sys.platform == "win32" else "bin"


def _files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def _clean_env(base: Path) -> dict[str, str]:
    """The environment minus anything that could point Python at the checkout.

    Home and XDG folders go under ``base`` (these fixtures run before the per-test isolation
    of conftest.py, and nothing here may touch the real home).
    """
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
    }
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        path = base / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _run(args: list[str | Path], *, timeout: float, **kwargs) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        **kwargs,
    )
    assert result.returncode == 0, (
        f"{args} exited with {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
    )
    return result


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("wheel")


@pytest.fixture(scope="module")
def wheel(work: Path) -> Path:
    out = work / "wheels"
    args: list[str | Path] = [sys.executable, "-m", "pip", "wheel", "--no-deps"]
    if importlib.util.find_spec("hatchling") is not None:
        args.append("--no-build-isolation")
    args += ["--disable-pip-version-check", "--wheel-dir", out, ROOT]
    _run(args, timeout=600, env=_clean_env(work / "build-home"), cwd=work)
    built = sorted(out.glob("rxcombo-*.whl"))
    assert len(built) == 1, built
    return built[0]


@pytest.fixture(scope="module")
def venv(work: Path, wheel: Path) -> Path:
    target = work / "venv"
    env = _clean_env(work / "install-home")
    _run([sys.executable, "-m", "venv", target], timeout=300, env=env, cwd=work)
    python = target / BIN / "python"
    _run(
        [python, "-m", "pip", "install", "--disable-pip-version-check", wheel],
        timeout=900,
        env=env,
        cwd=work,
    )
    return target


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    assert ROOT not in folder.parents
    return folder


def test_wheel_carries_pages_resources_and_entry_points(wheel: Path) -> None:
    assert wheel.name == f"rxcombo-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = archive.read(f"rxcombo-{VERSION}.dist-info/entry_points.txt").decode()
        metadata = archive.read(f"rxcombo-{VERSION}.dist-info/METADATA").decode()

    pages = {n.removeprefix("rxcombo/_bundled/data/") for n in names if "/_bundled/data/" in n}
    assert pages == _files_under(ROOT / "data")
    resources = {n.removeprefix("rxcombo/_bundled/resources/") for n in names if "/_bundled/resources/" in n}
    assert resources == _files_under(ROOT / "resources")

    modules = {
        "rxcombo/" + path.relative_to(ROOT / "desktop" / "rxcombo").as_posix()
        for path in (ROOT / "desktop" / "rxcombo").rglob("*.py")
    }
    assert "rxcombo/cli/main.py" in modules and "rxcombo/dirs.py" in modules
    assert modules <= names  # every module of every subpackage is in the wheel
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert not [n for n in names if n.startswith(("tests/", "packaging/", "desktop/"))]

    assert "[console_scripts]\nrxcombo = rxcombo.entry:main" in entry_points
    assert "[gui_scripts]\nrxcombo-gui = rxcombo.entry:main_gui" in entry_points
    assert "requires-dist: pyside6-essentials" in metadata.lower()


def test_installed_rxcombo_check_and_list_outside_the_source_tree(
    venv: Path, outside: Path, tmp_path: Path
) -> None:
    env = _clean_env(tmp_path / "home")
    rxcombo = venv / BIN / "rxcombo"
    assert (venv / BIN / "rxcombo-gui").exists()

    check = _run([rxcombo, "check"], timeout=120, env=env, cwd=outside)
    assert " 0 errors" in check.stdout, check.stdout
    assert f"{len(_files_under(ROOT / 'data'))} pages" in check.stdout, check.stdout

    listing = _run([rxcombo, "list"], timeout=120, env=env, cwd=outside)
    titles = [line.split("\t", 1)[1] for line in listing.stdout.splitlines() if "\t" in line]
    for title in EXPECTED_TITLES:
        assert title in titles, listing.stdout

    version = _run([rxcombo, "--version"], timeout=120, env=env, cwd=outside)
    assert VERSION in version.stdout


def test_installed_copy_reads_its_own_bundled_folders(venv: Path, outside: Path, tmp_path: Path) -> None:
    probe = (
        "import rxcombo, rxcombo.dirs as p\n"
        "print(rxcombo.__file__)\n"
        "print(p.bundled_content_dir())\n"
        "print(p.resources_dir())\n"
        "from PySide6 import QtCore, QtGui, QtWidgets, QtSvg, QtNetwork\n"
    )
    env = _clean_env(tmp_path / "home")
    result = _run([venv / BIN / "python", "-c", probe], timeout=120, env=env, cwd=outside)
    package, pages, resources = (Path(line) for line in result.stdout.splitlines()[:3])
    site = package.resolve().parent.parent
    assert venv.resolve() in site.parents, package
    assert pages.resolve() == site / "rxcombo" / "_bundled" / "data"
    assert resources.resolve() == site / "rxcombo" / "_bundled" / "resources"
    assert ROOT not in pages.resolve().parents
    assert (resources / "disclaimer.md").is_file()
