"""``rxcombo combos`` and ``rxcombo lists``: the report on several drugs, and saved drug lists.

Arguments are split one per drug: ``rxcombo combos "sodium chloride" paracetamol`` names two
drugs, and a combination product is one argument, ``"Aceclofenac + Paracetamol"`` (a lone
``+`` argument is refused rather than guessed at). ``combos`` exits 0 when every pair of
the drugs has a page and every name is a drug of the library, 1 when the report carries a
notice (a pair no page covers, a name the library lacks), 2 for a usage error, so a script
never takes "no page" for an answer. ``lists`` reads and writes the same file as the
window (:class:`rxcombo.userdata.ListsStore`); an entry added here is stored in the
library's spelling when it names a drug (``alpraz`` -> ``Alprazolam``), else as written.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from rxcombo import wording
from rxcombo.cli.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, emit_json, load
from rxcombo.library import Library
from rxcombo.search.answer import Match
from rxcombo.search.combos import combination_report
from rxcombo.search.combos_export import report_csv, report_json, report_markdown, report_text
from rxcombo.search.drug_names import DrugNames, entry_key

if TYPE_CHECKING:
    from rxcombo.userdata import ListsStore

LONE_PLUS = (
    "'+' alone is not a drug: write a combination product as one argument, e.g. 'Aceclofenac + Paracetamol'"
)

NOT_TEXT = "a drug's name holds bytes that are not UTF-8 text"


def _usage(message: str) -> int:
    print(f"rxcombo: {message}", file=sys.stderr)
    return EXIT_USAGE


def _undecodable(text: str) -> bool:
    """Bytes of the command line that were not UTF-8 (Python keeps them as surrogates)."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def _lone_plus(drugs: list[str]) -> bool:
    return any(not drug.replace("+", "").strip() and drug.strip() for drug in drugs)


def cmd_combos(args: argparse.Namespace) -> int:
    drugs = list(args.drugs)
    if _lone_plus(drugs):
        return _usage(LONE_PLUS)
    if any(_undecodable(drug) for drug in drugs):
        return _usage(NOT_TEXT)
    title = None
    if args.list is not None:
        store = _open_store()
        saved = store.get(args.list)
        if saved is None:
            return _usage(_no_such_list(args.list, store.names()))
        title = saved.name
        drugs = [*saved.entries, *drugs]
    elif not any(drug.strip() for drug in drugs):
        return _usage("name at least one drug, or a saved list with --list NAME")
    library = load(args)
    report = combination_report(library, drugs)
    if args.json:
        emit_json({**({"list": title} if title else {}), **report_json(report)})
    elif args.markdown:
        sys.stdout.write(report_markdown(report, title))
    elif args.csv:
        sys.stdout.write(report_csv(report))
    else:
        sys.stdout.write(report_text(report))
    return EXIT_PROBLEMS if report.notice is not None else EXIT_OK


def _no_such_list(name: str, names: list[str]) -> str:
    saved = ", ".join(names) if names else "none"
    return f"no list named {name!r} (saved lists: {saved})"


def _open_store() -> ListsStore:
    # Imported here: the store's lock is Qt's, and ``combos DRUG…`` runs without Qt.
    from rxcombo.dirs import lists_path
    from rxcombo.userdata import ListsStore

    store = ListsStore(lists_path())
    report = store.load()
    if report.message:
        print(report.message, file=sys.stderr)
    return store


def _save(store: ListsStore) -> int:
    if store.save():
        return EXIT_OK
    print(store.last_error, file=sys.stderr)
    return EXIT_PROBLEMS


def cmd_lists(args: argparse.Namespace) -> int:
    store = _open_store()
    action = args.lists_action
    if action is None:
        return _print_lists(store, args.json)
    if action in ("add", "remove") and _lone_plus(args.drugs):
        return _usage(LONE_PLUS)
    try:
        if action == "delete":
            return _delete(store, args.name)
        if action == "rename":
            return _rename(store, args.name, args.new_name)
        library = load(args)
        if action == "add":
            return _add(store, library, args.name, args.drugs)
        return _remove(store, DrugNames(library), args.name, args.drugs)
    except ValueError as exc:  # a name or an entry the store refuses (empty, too long)
        return _usage(str(exc))


def _delete(store: ListsStore, name: str) -> int:
    saved = store.get(name)
    if saved is None:
        return _usage(_no_such_list(name, store.names()))
    store.delete(name)
    print(f"Deleted the list {saved.name!r}.")
    return _save(store)


def _rename(store: ListsStore, name: str, new_name: str) -> int:
    if store.get(name) is None:
        return _usage(_no_such_list(name, store.names()))
    if not store.rename(name, new_name):
        return _usage(f"a list named {new_name!r} exists already")
    print(f"Renamed the list {name!r} to {new_name!r}.")
    return _save(store)


def _add(store: ListsStore, library: Library, name: str, drugs: list[str]) -> int:
    names = DrugNames(library)
    for drug in drugs:
        entry = names.canonical(drug)
        shown = entry if entry_key(entry) == entry_key(drug) else f"{entry} (for {drug!r})"
        added = store.add(name, entry)
        held_by = store.get(name)
        list_name = held_by.name if held_by is not None else name
        print(f"Added {shown} to {list_name}." if added else f"{list_name} already holds {shown}.")
    report = combination_report(library, drugs, names)
    for unknown in report.unknown:  # kept as written; similar names are offered, never put in
        print(unknown.heading)
        for suggestion in unknown.suggestions:
            marked = f" ({wording.SIMILAR_MARK})" if suggestion.match is Match.SIMILAR else ""
            print(f"  {suggestion.text}{marked}")
    return _save(store)


def _remove(store: ListsStore, names: DrugNames, name: str, drugs: list[str]) -> int:
    saved = store.get(name)
    if saved is None:
        return _usage(_no_such_list(name, store.names()))
    missing = []
    for drug in drugs:
        if store.remove(name, drug) or store.remove(name, names.canonical(drug)):
            print(f"Removed {drug} from {saved.name}.")
        else:
            missing.append(drug)
    for drug in missing:
        print(f"rxcombo: {saved.name} holds no entry {drug!r}", file=sys.stderr)
    code = _save(store)
    return EXIT_PROBLEMS if missing else code


def _print_lists(store: ListsStore, as_json: bool) -> int:
    lists = store.lists()
    if as_json:
        emit_json([{"name": drug_list.name, "entries": list(drug_list.entries)} for drug_list in lists])
        return EXIT_OK
    if not lists:
        print("No saved drug lists. Add one with: rxcombo lists add NAME DRUG...")
    for drug_list in lists:
        print(f"{drug_list.name} ({len(drug_list.entries)})")
        for entry in drug_list.entries:
            print(f"  {entry}")
    return EXIT_OK
