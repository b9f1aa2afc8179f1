"""Page ids: unique within a source and across sources, stable between runs. No Qt.

A page's id is a slug of its title, and favorites and lists keep it, so ids must not
shift when pages or sources come and go:

* Within one folder, when two pages share a title, the first file by path keeps the plain
  id and the others get a suffix from their own path.
* Across sources, the first source (in the user's order) holding an id keeps it, and a
  later source's page with the same id gets ``-<source name as a slug>`` (a hash of its
  path besides, in the rare case that is taken too). :meth:`Library.find` finds a favorite
  again when a change of order moved its page between the two forms.

Pages sharing a title are never merged: each list shows a hint beside them (their source's
name, or their file) so that they can be told apart.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from rxcombo.content.document import Document
from rxcombo.content.names import fold, slugify
from rxcombo.content.problems import Problem, Severity
from rxcombo.support.digests import sha1


def assign_unique_ids(documents: list[Document], root: Path) -> list[Problem]:
    """Same title twice: the first file (by path) keeps the plain id, the others get a suffix
    from their own path, so ids (and the favorites that use them) do not shift between runs."""
    problems: list[Problem] = []
    by_path = sorted(documents, key=lambda d: relative_source(d, root))
    first_holder: dict[str, Document] = {}
    for document in by_path:
        document.id = slugify(document.title)  # ids from a cache may carry an old suffix
    taken = {d.id for d in documents}
    for document in by_path:
        holder = first_holder.get(document.id)
        if holder is None:
            first_holder[document.id] = document
            continue
        digest = sha1(relative(document.path, root).encode()).hexdigest()
        new_id = f"{document.id}-{digest[:6]}"
        while new_id in taken:
            digest = sha1(digest.encode()).hexdigest()
            new_id = f"{document.id}-{digest[:6]}"
        taken.add(new_id)
        problems.append(
            Problem(
                document.path,
                None,
                Severity.WARNING,
                f"duplicate title {document.title!r} (also {relative(holder.path, root)}); id {new_id!r}",
            )
        )
        document.id = new_id
    return problems


def duplicate_hints(documents: list[Document], where: Callable[[Document], str]) -> dict[str, str]:
    by_title: dict[str, list[Document]] = {}
    for document in documents:
        by_title.setdefault(fold(document.title), []).append(document)
    return {
        document.id: where(document) for group in by_title.values() if len(group) > 1 for document in group
    }


def source_hints(
    documents: list[Document], source_of: dict[str, str], folders: dict[str, Path]
) -> dict[str, str]:
    """Pages sharing a title: the source's name tells them apart, and the file too when the
    title is twice in one source (only the file when every copy is in one source)."""
    by_title: dict[str, list[Document]] = {}
    for document in documents:
        by_title.setdefault(fold(document.title), []).append(document)
    hints: dict[str, str] = {}
    for group in by_title.values():
        if len(group) < 2:
            continue
        names = [source_of[document.id] for document in group]
        for document, name in zip(group, names, strict=True):
            file = relative(document.path, folders[name])
            if len(set(names)) == 1:
                hints[document.id] = file
            else:
                hints[document.id] = f"{name}: {file}" if names.count(name) > 1 else name
    return hints


def relative_source(document: Document, root: Path) -> str:
    """:func:`relative` of the document's file, from its path string when it lies under
    ``root`` as written (a cold start at 100,000 pages spent 2 s making Path objects here)."""
    prefix = str(root).rstrip(os.sep) + os.sep
    source = document.source
    if source.startswith(prefix) and os.sep + "." not in source:
        rest = source[len(prefix) :]
        return rest.replace(os.sep, "/") if os.sep != "/" else rest
    return relative(document.path, root)


def relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def across_sources(
    parts: Iterable[tuple[str, list[Document]]],
) -> tuple[list[Document], dict[str, str], dict[tuple[str, str], str]]:
    """Every source's pages in one list with ids unique across sources, in source order.

    Returns (documents, id -> source name, (source name, the page's own id) -> its id here
    for each page that had to take another id). A page that takes another id is a copy:
    each source's own library, and its cache, keep the page's own id.
    """
    documents: list[Document] = []
    source_of: dict[str, str] = {}
    moved: dict[tuple[str, str], str] = {}
    for name, pages in parts:
        taken = source_of.keys() | {page.id for page in pages}
        suffix = slugify(name)
        for page in pages:
            if page.id in source_of:
                new_id, seed = f"{page.id}-{suffix}", page.source
                while new_id in taken:
                    seed = sha1(f"{name}\0{seed}".encode("utf-8", "surrogatepass")).hexdigest()
                    new_id = f"{page.id}-{suffix}-{seed[:6]}"
                taken.add(new_id)
                moved[(name, page.id)] = new_id
                page = replace(page, id=new_id)
            source_of[page.id] = name
            documents.append(page)
    return documents, source_of, moved
