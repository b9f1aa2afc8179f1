"""Drug lists: named lists of entries, saved like the favorites (atomic, merged under the
lock, a damaged file set aside and never lost)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rxcombo.dirs import favorites_path, lists_path
from rxcombo.userdata import ListsStore

from .favorites_helpers import damaged_copies


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "userdata" / "lists.json"


def loaded(path: Path) -> ListsStore:
    store = ListsStore(path)
    report = store.load()
    assert report.message is None, report.message
    return store


def as_dict(store: ListsStore) -> dict[str, list[str]]:
    return {drug_list.name: list(drug_list.entries) for drug_list in store.lists()}


def test_lists_live_beside_the_favorites(user_dirs) -> None:
    assert lists_path().parent == favorites_path().parent
    assert lists_path().name == "lists.json"


def test_round_trip_keeps_names_entries_and_order(path: Path) -> None:
    store = loaded(path)
    assert store.add("Me", "Testazepam")
    assert store.add("Mum", "Fakeprofen")
    assert store.add("Me", "Aceclofenac + Paracetamol")
    assert store.add("Me", "Faképrofen — ünïcode")
    assert store.save() and not store.dirty
    expected = {
        "Me": ["Testazepam", "Aceclofenac + Paracetamol", "Faképrofen — ünïcode"],
        "Mum": ["Fakeprofen"],
    }
    assert as_dict(store) == expected
    assert as_dict(loaded(path)) == expected
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "rxcombo-lists" and document["version"] == 1
    assert [item["name"] for item in document["lists"]] == ["Me", "Mum"]


def test_names_and_entries_ignore_case_and_spacing(path: Path) -> None:
    store = loaded(path)
    assert store.add("Mum", "Aceclofenac + Paracetamol")
    assert store.add(" mum ", "aceclofenac+PARACETAMOL") is False
    assert store.names() == ["Mum"]
    assert store.get("MUM") is not None
    assert store.remove("mum", "ACECLOFENAC  +  paracetamol")
    assert as_dict(store) == {"Mum": []}
    assert store.remove("mum", "Aceclofenac + Paracetamol") is False
    assert store.remove("nobody", "x") is False


def test_delete_removes_the_entries_and_a_new_list_of_that_name_starts_empty(path: Path) -> None:
    store = loaded(path)
    store.add("Mum", "Testazepam")
    store.add("Mum", "Fakeprofen")
    assert store.delete("Mum")
    assert store.delete("Mum") is False
    assert store.lists() == []
    assert store.create("Mum")
    assert store.create("mum") is False
    assert as_dict(store) == {"Mum": []}
    store.add("Mum", "Mockacillin")
    assert store.save()
    assert as_dict(loaded(path)) == {"Mum": ["Mockacillin"]}


def test_rename_moves_the_entries(path: Path) -> None:
    store = loaded(path)
    store.add("Mum", "Testazepam")
    store.add("Dad", "Fakeprofen")
    assert store.rename("Mum", "Dad") is False  # taken
    assert store.rename("Mum", "mum") and store.names() == ["mum", "Dad"]
    assert store.rename("mum", "Grandma")
    assert store.rename("Nobody", "Other") is False
    assert store.save()
    assert as_dict(loaded(path)) == {"Dad": ["Fakeprofen"], "Grandma": ["Testazepam"]}


def test_refused_names_and_entries(path: Path) -> None:
    store = loaded(path)
    for name, entry in (
        ("", "Testazepam"),
        ("Mum", "  "),
        ("Mum", " + "),
        ("x" * 101, "T"),
        ("Mum", "y" * 301),
        ("Mum", "Testazepam \udcff"),  # undecodable bytes of a command line
        ("\udcff", "Testazepam"),
    ):
        with pytest.raises(ValueError):
            store.add(name, entry)
    assert store.lists() == [] and not store.dirty


def test_two_windows_adding_to_one_list_keep_both(path: Path) -> None:
    first, second = loaded(path), loaded(path)
    first.add("Mum", "Testazepam")
    second.add("Mum", "Fakeprofen")
    second.add("Me", "Mockacillin")
    assert first.save() and second.save()
    assert as_dict(loaded(path)) == {"Mum": ["Testazepam", "Fakeprofen"], "Me": ["Mockacillin"]}


def test_a_removal_is_not_undone_by_a_window_still_holding_the_entry(path: Path) -> None:
    store = loaded(path)
    store.add("Mum", "Testazepam")
    store.add("Mum", "Fakeprofen")
    assert store.save()
    first, second = loaded(path), loaded(path)
    assert first.remove("Mum", "Testazepam") and first.save()
    second.add("Mum", "Mockacillin")
    assert second.save()
    assert as_dict(loaded(path)) == {"Mum": ["Fakeprofen", "Mockacillin"]}


def test_an_entry_added_after_another_window_deleted_the_list_brings_back_only_itself(path: Path) -> None:
    store = loaded(path)
    store.add("Mum", "Testazepam")
    assert store.save()
    deleter, adder = loaded(path), loaded(path)
    assert deleter.delete("Mum") and deleter.save()
    adder.add("Mum", "Fakeprofen")  # later than the deletion: the user's last action wins
    assert adder.save()
    assert as_dict(loaded(path)) == {"Mum": ["Fakeprofen"]}


def test_a_deletion_after_an_addition_elsewhere_wins(path: Path) -> None:
    adder, deleter = loaded(path), loaded(path)
    adder.add("Mum", "Testazepam")
    assert adder.save()
    deleter.load()
    deleter.delete("Mum")
    assert deleter.save()
    adder.load()
    assert adder.lists() == []


def test_a_damaged_file_is_set_aside_and_never_overwritten(path: Path) -> None:
    path.parent.mkdir(parents=True)
    bad = '{"format": "rxcombo-lists", "version": 1, "lists": [{"name": "Mum", "entries": 3}]}'
    path.write_text(bad, encoding="utf-8")
    store = ListsStore(path)
    report = store.load()
    assert report.damaged and report.message is not None
    assert "drug lists" in report.message and "no saved drug lists" in report.message
    [aside] = damaged_copies(path)
    assert aside.read_text(encoding="utf-8") == bad
    assert store.add("Mum", "Testazepam") and store.save()
    assert as_dict(loaded(path)) == {"Mum": ["Testazepam"]}
    assert damaged_copies(path) == [aside]


@pytest.mark.parametrize(
    "document",
    [
        {"lists": "no"},
        {"lists": [1]},
        {
            "lists": [
                {"name": "", "created": "2026-01-01T00:00:00+00:00", "changed": "2026-01-01T00:00:00+00:00"}
            ]
        },
        {"lists": [{"name": "Mum", "created": "yesterday", "changed": "2026-01-01T00:00:00+00:00"}]},
        {"lists": [], "deleted": {}},
        {
            "lists": [
                {
                    "name": "Mum",
                    "created": "2026-01-01T00:00:00+00:00",
                    "changed": "2026-01-01T00:00:00+00:00",
                    "entries": [{"text": 5, "added": "2026-01-01T00:00:00+00:00"}],
                }
            ]
        },
    ],
)
def test_misshapen_documents_are_damaged(path: Path, document: dict) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"format": "rxcombo-lists", "version": 1, **document}), encoding="utf-8")
    report = ListsStore(path).load()
    assert report.damaged, document
    assert len(damaged_copies(path)) == 1


def test_a_newer_file_is_read_but_never_written(path: Path) -> None:
    store = loaded(path)
    store.add("Mum", "Testazepam")
    assert store.save()
    document = json.loads(path.read_text(encoding="utf-8"))
    document["version"] = 99
    path.write_text(json.dumps(document), encoding="utf-8")
    newer = ListsStore(path)
    assert newer.load().read_only and as_dict(newer) == {"Mum": ["Testazepam"]}
    newer.add("Mum", "Fakeprofen")
    assert newer.save() is False and newer.dirty
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 99


def test_nothing_is_written_until_a_change(path: Path) -> None:
    store = loaded(path)
    assert store.save()
    assert not path.parent.exists()
