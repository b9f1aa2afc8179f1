"""Setting a damaged file aside: renamed with a time stamp, never overwritten or deleted."""

from __future__ import annotations

from datetime import datetime

import pytest

from rxcombo.userdata import set_aside


def test_set_aside_renames_with_timestamp_and_keeps_bytes(tmp_path):
    damaged = tmp_path / "favorites.json"
    damaged.write_bytes(b"\x00garbage")
    moved = set_aside(damaged, now=datetime(2024, 5, 6, 7, 8, 9))
    assert moved == tmp_path / "favorites.json.damaged-20240506-070809"
    assert moved.read_bytes() == b"\x00garbage"
    assert not damaged.exists()


def test_set_aside_never_overwrites_an_earlier_damaged_copy(tmp_path):
    when = datetime(2024, 5, 6, 7, 8, 9)
    damaged = tmp_path / "favorites.json"
    damaged.write_text("first", encoding="utf-8")
    first = set_aside(damaged, now=when)
    damaged.write_text("second", encoding="utf-8")
    second = set_aside(damaged, now=when)
    damaged.write_text("third", encoding="utf-8")
    third = set_aside(damaged, now=when)
    assert len({first, second, third}) == 3
    assert second.name.startswith(first.name)
    assert [p.read_text(encoding="utf-8") for p in (first, second, third)] == [
        "first",
        "second",
        "third",
    ]


def test_set_aside_of_missing_file_raises(tmp_path):
    with pytest.raises(OSError):
        set_aside(tmp_path / "absent.json")
