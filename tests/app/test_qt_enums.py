"""Qt's enums made in one pass (rxcombo.app.qt_enums) are the classes enum itself makes.

Every enum of QtCore, QtGui and QtWidgets is made again both ways from the members PySide6
gave it, and the two classes are compared on everything code can see: members, aliases,
values, order, Flag masks and iteration, names, repr and str, the class's own attributes.
"""

from __future__ import annotations

import enum
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6 import QtCore, QtGui, QtWidgets

from rxcombo.app import qt_enums

stock_create = qt_enums._STOCK_CREATE
PLAIN = (enum.IntFlag, enum.Flag, enum.IntEnum, enum.Enum)
FOLLOWED = qt_enums.followed()
needs_the_followed_enum = pytest.mark.skipif(
    not FOLLOWED, reason="this Python's enum is not the one followed"
)


def qt_enum_classes() -> list[type[enum.Enum]]:
    found: dict[int, type[enum.Enum]] = {}
    for module in (QtCore, QtGui, QtWidgets):
        for name in dir(module):
            holder = getattr(module, name)
            if not isinstance(holder, type):
                continue
            for attribute in vars(holder).values():  # touching the class made its enums
                if isinstance(attribute, enum.EnumType) and issubclass(attribute, PLAIN):
                    found[id(attribute)] = attribute
    return list(found.values())


def portrait(made: Any) -> tuple[object, ...]:
    """What code can see of an enum class, with functions named rather than compared."""

    def shown(value: object) -> object:
        if isinstance(value, made):
            return ("member", value._name_)  # another class's members are never equal
        if isinstance(value, enum.property):  # a member whose name a base class uses
            return ("redirect", value.name, getattr(getattr(value, "member", None), "_name_", None))
        return getattr(value, "__qualname__", value) if callable(value) else value

    own = {
        key: shown(value)
        for key, value in vars(made).items()
        if key not in {"_member_map_", "_value2member_map_"}
    }
    members = [
        (key, member._name_, member._value_, member._sort_order_, type(member).__name__)
        for key, member in made._member_map_.items()
    ]
    by_value = sorted((value, member._name_) for value, member in made._value2member_map_.items())
    listed = [(repr(member), str(member), format(member)) for member in made]
    names = (made.__name__, made.__qualname__, made.__module__)
    return (
        names,
        sorted(own.items(), key=repr),
        made._member_names_,
        members,
        by_value,
        listed,
        made.__mro__[1:],
    )


def remade(qt_enum: type[enum.Enum], create: Any) -> Any:
    base = next(kind for kind in PLAIN if kind in qt_enum.__bases__)
    pairs = [(name, member._value_) for name, member in qt_enum._member_map_.items()]
    return create(
        base, qt_enum.__name__, pairs, module=qt_enum.__module__, qualname=qt_enum.__qualname__,
        boundary=enum.KEEP,
    )  # fmt: skip


@needs_the_followed_enum
def test_every_qt_enum_made_in_one_pass_equals_enums_own() -> None:
    classes = qt_enum_classes()
    assert len(classes) > 500  # all three modules' classes were reached
    flags_with_aliases = 0
    for qt_enum in classes:
        ours = remade(qt_enum, qt_enums.fast_create)
        assert portrait(ours) == portrait(remade(qt_enum, stock_create)), qt_enum.__qualname__
        assert list(ours.__members__) == list(qt_enum.__members__), qt_enum.__qualname__
        if issubclass(ours, enum.Flag) and len(ours.__members__) > len(ours):
            flags_with_aliases += 1
    assert flags_with_aliases > 10  # the alias and multi-bit paths were taken


@needs_the_followed_enum
def test_members_behave_as_qt_code_uses_them() -> None:
    ours = remade(QtCore.Qt.AlignmentFlag, qt_enums.fast_create)
    both = ours.AlignLeft | ours.AlignTop
    assert both.value == QtCore.Qt.AlignmentFlag.AlignLeft.value | QtCore.Qt.AlignmentFlag.AlignTop.value
    assert ours(ours.AlignCenter.value) is ours.AlignCenter  # a multi-bit alias is found by value
    assert ours["AlignLeft"] is ours.AlignLeft
    key = remade(QtCore.Qt.Key, qt_enums.fast_create)
    assert key.Key_Escape == QtCore.Qt.Key.Key_Escape.value and key(key.Key_Escape.value) is key.Key_Escape


names = st.text(alphabet="ABCDEFGHIJxyz_", min_size=1, max_size=4)
values = st.integers(min_value=-3, max_value=70) | st.sampled_from([0, 1, 2, 4, 8, 2**31, -(2**31)])
pair_lists = st.lists(st.tuples(names | st.sampled_from(["name", "value", "mro", "_x"]), values), max_size=12)


@needs_the_followed_enum
@settings(max_examples=300, deadline=None)
@given(
    base=st.sampled_from(PLAIN),
    pairs=pair_lists,
    boundary=st.sampled_from([None, enum.KEEP, enum.STRICT, "strict"]),
)
def test_any_member_list_gives_what_enum_gives(
    base: Any, pairs: list[tuple[str, int]], boundary: Any
) -> None:
    """Repeated names, reserved or private names, aliases, zero and negative values: the
    same class, or the same error, either way."""
    outcomes = []
    for create in (qt_enums.fast_create, stock_create):
        try:
            made = create(
                base, "Testazepam", list(pairs), module="m", qualname="Fake.Testazepam", boundary=boundary
            )
            outcomes.append((portrait(made), made._boundary_ if issubclass(made, enum.Flag) else None))
        except Exception as error:  # the error itself is what is compared
            outcomes.append((type(error), str(error)))
    assert outcomes[0] == outcomes[1]


@needs_the_followed_enum
def test_a_boundary_given_as_text_keeps_its_own_class(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "strict" equals enum.STRICT: the one must not lend its class's namespace to the other."""
    monkeypatch.setattr(qt_enums, "_EMPTY", {})
    for boundary in ("strict", enum.STRICT, "strict"):
        ours, theirs = (create(enum.Flag, "Testazepam", [("A", 1)], module="m", boundary=boundary)
                        for create in (qt_enums.fast_create, stock_create))  # fmt: skip
        assert type(ours._boundary_) is type(theirs._boundary_), boundary
        with pytest.raises(ValueError) as raised_ours:
            ours(8)
        with pytest.raises(ValueError) as raised_theirs:
            theirs(8)
        assert str(raised_ours.value) == str(raised_theirs.value)


@needs_the_followed_enum
def test_classes_made_on_one_base_share_no_container() -> None:
    """The second class on a base is made from the first one's namespace: each must still
    hold its own member lists and maps."""
    first, second = (qt_enums.fast_create(enum.IntFlag, name, [("A", 1)], module="m") for name in "XY")
    for attribute in ("_member_names_", "_member_map_", "_value2member_map_", "_unhashable_values_"):
        assert getattr(first, attribute) is not getattr(second, attribute), attribute
    assert second.A is not first.A and second(1) is second.A


@needs_the_followed_enum
def test_a_caller_without_a_module_gets_an_unpicklable_class_as_with_enum(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_frame(depth: int = 0) -> Any:
        raise ValueError("call stack is not deep enough")

    monkeypatch.setattr(sys, "_getframe", no_frame)
    made = [create(enum.IntEnum, "Testazepam", [("A", 1)]) for create in (qt_enums.fast_create, stock_create)]
    assert [each.__module__ for each in made] == ["<unknown>", "<unknown>"]
    for each in made:
        with pytest.raises(TypeError, match="cannot be pickled"):
            each.A.__reduce_ex__(4)


def test_installed_only_on_the_python_it_follows() -> None:
    assert qt_enums.install() is FOLLOWED
    assert (enum.EnumType._create_ is qt_enums.fast_create) is FOLLOWED  # type: ignore[attr-defined]


def test_another_release_of_enum_keeps_its_own_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bug-fix releases of 3.11 change enum (3.11.2's Flag has no _singles_mask_): one whose
    functions have another fingerprint is left as it is."""
    monkeypatch.setattr(enum.EnumType, "_create_", stock_create)
    monkeypatch.setattr(qt_enums, "_CHECKED", {"0000000000000000": "another release"})
    assert qt_enums.followed() is False
    assert qt_enums.install() is False
    assert enum.EnumType._create_ is stock_create  # type: ignore[attr-defined]
