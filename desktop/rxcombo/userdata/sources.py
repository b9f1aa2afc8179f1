"""The user's content sources: kept in settings, edited by the window, used by every command.

The sources are the bundled pages plus the folders the user adds, each with a unique
name, on or off, in the user's order (``settings.sources``). Until the user changes them,
they are the bundled pages, and the folder an earlier version was told to open
(``settings.content_dir``) as a second source. The bundled pages are always listed (they
can be turned off, not removed). ``--content DIR`` on the command line stands for the
saved list: those folders only, named as saved when they are saved sources.

A favorite points into a source by its page id and the source's name: when no enabled
source holds its page, it is kept and shown as not in any enabled source.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from rxcombo import dirs, wording
from rxcombo.content.document import Document
from rxcombo.content.names import fold, slugify
from rxcombo.library import BUNDLED_NAME, Library, Source

from .favorites_file import Favorite
from .options import MAX_SOURCE_NAME, SavedSource
from .settings import SettingsStore


def saved_sources(settings: SettingsStore) -> list[Source]:
    """The sources the window and the commands use when none are given."""
    saved = settings.sources
    if saved is None:
        sources = [Source(BUNDLED_NAME, dirs.bundled_content_dir(), bundled=True)]
        legacy = settings.content_dir
        if legacy and not _same_folder(Path(legacy), sources[0].folder):
            sources = add_folder(sources, Path(legacy))[0]
        return sources
    sources = [
        Source(entry.name, dirs.bundled_content_dir(), entry.enabled, bundled=True)
        if entry.folder is None
        else Source(entry.name, Path(entry.folder), entry.enabled)
        for entry in saved
    ]
    if not any(source.bundled for source in sources):
        name = unique_name(BUNDLED_NAME, sources)
        sources.append(Source(name, dirs.bundled_content_dir(), enabled=False, bundled=True))
    return sources


def store_sources(settings: SettingsStore, sources: Sequence[Source]) -> None:
    """Keep ``sources`` (names must be unique) as the user's; save the settings after."""
    names = [source.name for source in sources]
    if len(set(names)) != len(names):
        raise ValueError(f"source names must be unique: {names}")
    settings.sources = [SavedSource(s.name, None if s.bundled else str(s.folder), s.enabled) for s in sources]


def add_folder(
    sources: Sequence[Source], folder: Path, name: str | None = None
) -> tuple[list[Source], Source]:
    """``sources`` with ``folder`` added last and enabled (File > Add Content Folder…); a
    folder already listed is enabled where it stands. Returns (sources, the folder's)."""
    folder = _absolute(folder)
    listed = list(sources)
    for index, source in enumerate(listed):
        if _same_folder(source.folder, folder):
            listed[index] = replace(source, enabled=True)
            return listed, listed[index]
    wanted = (name or folder.name or str(folder)).strip()[:MAX_SOURCE_NAME] or str(folder)[:MAX_SOURCE_NAME]
    added = Source(unique_name(wanted, listed), folder)
    return [*listed, added], added


def remove_source(sources: Sequence[Source], name: str) -> list[Source]:
    """``sources`` without ``name`` (the bundled pages are turned off instead). Favorites
    into it are kept: they show as not in any enabled source."""
    return [
        replace(source, enabled=False) if source.bundled and source.name == name else source
        for source in sources
        if source.bundled or source.name != name
    ]


def unique_name(wanted: str, sources: Sequence[Source]) -> str:
    """``wanted``, or ``wanted (2)``, ``(3)``… when a source already has that name."""
    taken = {source.name for source in sources}
    name, number = wanted, 2
    while name in taken:
        name, number = f"{wanted} ({number})", number + 1
    return name


def command_line_sources(folders: Sequence[Path], saved: Sequence[Source]) -> list[Source]:
    """The sources ``--content DIR`` (repeated) stands for: each folder, enabled, with the
    name of the saved source of that folder, if any (so favorites still point into it)."""
    sources: list[Source] = []
    for folder in folders:
        own = next((source for source in saved if _same_folder(source.folder, folder)), None)
        if own is not None and all(source.name != own.name for source in sources):
            sources.append(replace(own, enabled=True))
        else:
            sources = add_folder(sources, folder)[0]
    return sources


def favorite_page(library: Library, favorite: Favorite) -> Document | None:
    """The page a favorite points at, in the source it was saved from, or None."""
    return library.find(favorite.page_id, favorite.source or None)


def favorite_mark(library: Library, favorite: Favorite) -> str | None:
    """What a list says beside a favorite no enabled source holds (None when found)."""
    return None if favorite_page(library, favorite) is not None else wording.NOT_IN_ANY_ENABLED_SOURCE


def title_resolver(library: Library) -> Callable[[str], tuple[str, str] | None]:
    """Title -> (page id, source) for an imported CSV row (it has no page id): the page
    holding the title's plain id, else the first page of that title."""
    found: dict[str, tuple[str, str]] = {}
    for document in library.documents:
        key = fold(document.title)
        if key not in found or document.id == slugify(document.title):
            found[key] = (document.id, library.source_of(document.id) or "")
    return lambda title: found.get(fold(title))


def _absolute(folder: Path) -> Path:
    try:
        return Path(folder).expanduser().resolve()
    except (OSError, RuntimeError):
        return Path(folder).expanduser().absolute()


def _same_folder(one: Path, other: Path) -> bool:
    return _absolute(one) == _absolute(other)
