"""PySide6's Python enums made in one pass rather than member by member.

PySide6 turns each Qt enum into a Python ``enum`` class the first time its Qt class is
used, through the functional API (``IntEnum("Key", [("Key_Escape", 16777216), ...])``). On
Python 3.11 that costs about 15 µs a member: ``_EnumDict`` checks each name, then the
class's ``__set_name__`` hook turns each one into a member through several attribute
look-ups and ``EnumType.__setattr__``. The window's first paint makes 244 enums with
3,900 members: 60 to 90 ms of its start, the largest single cost after importing Qt.

:func:`fast_create` makes the same class in two steps: ``enum`` itself makes the first
class with no members on each base (its checks, mixins, ``__repr__`` choices and ``Flag``
structures, which depend on the base and the boundary alone), and every later one is that
namespace under a new name with new member containers; then one loop adds the members
exactly as Python 3.11's ``_proto_member.__set_name__`` does for plain ``int`` values
(aliases, ``Flag`` masks, definition order). The window's 244 enums: 60-90 -> 17-21 ms.

Only calls it can prove plain take this path: one of the four stock bases, a list of
``(str, int)`` pairs, distinct public names that no base class defines. Anything else goes
to ``enum``'s own code, and so does every call on a Python whose ``enum`` functions are not
those this follows (their fingerprint is checked: bug-fix releases of 3.11 differ). A test
compares every enum of QtCore, QtGui and QtWidgets made both ways.
"""

from __future__ import annotations

import builtins
import enum
import sys
from typing import Any

from rxcombo.support.code_print import fingerprint

# Looked up here, used only on Python 3.11 (see install): elsewhere it may not exist.
_STOCK_CREATE: Any = getattr(enum.EnumType, "_create_", None)
_PLAIN_BASES = (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag)
_TAKEN: dict[type, frozenset[str]] = {
    base: frozenset(name for kind in base.__mro__ for name in vars(kind)) for base in _PLAIN_BASES
}
_set_class_attribute = type.__setattr__  # EnumType.__setattr__ only guards existing members


def _plain_pairs(cls: type, names: object) -> list[tuple[str, int]] | None:
    """``names`` as pairs if every member is a plain one, else None (the stock path)."""
    taken = _TAKEN.get(cls)
    if taken is None or not isinstance(names, list):
        return None
    seen: set[str] = set()
    for item in names:
        if not (type(item) is tuple and len(item) == 2):
            return None
        name, value = item
        if type(name) is not str or type(value) is not int:
            return None
        if not name or name.startswith("_") or name == "mro" or name in taken or name in seen:
            return None
        seen.add(name)
    return names


def fast_create(
    cls: Any,
    class_name: str,
    names: Any,
    *,
    module: str | None = None,
    qualname: str | None = None,
    type: Any = None,  # enum's own parameter name, kept for keyword calls
    start: int = 1,
    boundary: Any = None,
) -> Any:
    """``EnumType._create_`` (the functional API's worker), for plain members in one pass."""
    unknown_module = False
    if module is None:  # the caller's module, found as enum finds it (two frames up)
        try:
            module = sys._getframe(2).f_globals["__name__"]
        except (AttributeError, ValueError, KeyError):
            unknown_module = True  # enum makes such a class unpicklable: so do we, below
    # Boundaries other than FlagBoundary's own members ("strict", which equals STRICT; an
    # invalid one) take enum's path: the template below is keyed by the boundary.
    plain_boundary = boundary is None or builtins.type(boundary) is enum.FlagBoundary
    pairs = _plain_pairs(cls, names) if type is None and plain_boundary else None
    shown_module = "<unknown>" if unknown_module else module
    template = _EMPTY.get((cls, boundary)) if pairs is not None else None
    if template is not None:
        made = _empty_like(template, cls, class_name, shown_module, qualname)
    else:
        made = _STOCK_CREATE(
            cls,
            class_name,
            names if pairs is None else [],
            module=shown_module,
            qualname=qualname,
            type=type,
            start=start,
            boundary=boundary,
        )
        if pairs is not None:
            _EMPTY[cls, boundary] = dict(vars(made))
    if pairs is not None:
        _add_members(made, pairs)
    if unknown_module:
        enum._make_class_unpicklable(made)  # type: ignore[attr-defined]
    return made


# The namespace of the first empty class enum made on each base and boundary: every other
# empty one differs from it only in its name, module and containers (enum's checks and
# choices depend on the base and the boundary alone).
_EMPTY: dict[tuple[type, object], dict[str, Any]] = {}
_FRESH = frozenset(("__dict__", "__weakref__", "__module__", "__qualname__", "__new__"))


def _empty_like(
    template: dict[str, Any], base: type, class_name: str, module: object, qualname: str | None
) -> Any:
    """An empty enum class as ``enum`` makes it, from a template's namespace."""
    namespace = {key: value for key, value in template.items() if key not in _FRESH}
    namespace.update(
        __module__=module,
        __qualname__=qualname if qualname is not None else class_name,
        _member_names_=[],
        _member_map_={},
        _value2member_map_={},
        _unhashable_values_=[],
    )
    made = type.__new__(enum.EnumType, class_name, (base,), namespace)
    _set_class_attribute(made, "__new__", template["__new__"])  # set after, as enum does: no staticmethod
    return made


def _add_members(made: Any, pairs: list[tuple[str, int]]) -> None:
    """What ``_proto_member.__set_name__`` does for each pair, in order (Python 3.11)."""
    is_flag = issubclass(made, enum.Flag)
    new_member = made._new_member_
    use_args = made._use_args_
    canonical_names: list[str] = made._member_names_
    member_map: dict[str, Any] = made._member_map_
    by_value: dict[int, Any] = made._value2member_map_
    flag_mask = made._flag_mask_ if is_flag else 0
    singles = made._singles_mask_ if is_flag else 0
    for name, value in pairs:
        member = new_member(made, value) if use_args else new_member(made)
        member._value_ = value  # int(value) is value: the pairs hold exact ints
        member._name_ = name
        member.__objclass__ = made
        member._sort_order_ = len(canonical_names)
        single = value != 0 and value & (value - 1) == 0
        if is_flag:
            flag_mask |= value
            if single:
                singles |= value
        existing = by_value.get(value)
        if existing is None:
            if not is_flag or single:  # a Flag's multi-bit values are aliases
                canonical_names.append(name)
            by_value[value] = member
        else:  # the same value as an earlier name: this name is an alias of it
            member = existing
        _set_class_attribute(made, name, member)
        member_map[name] = member
    if is_flag:
        made._flag_mask_ = flag_mask
        made._singles_mask_ = singles
        made._all_bits_ = 2 ** flag_mask.bit_length() - 1
        values = [member._value_ for member in made]
        if values != sorted(values):
            made._iter_member_ = made._iter_member_by_def_


# The fingerprints (rxcombo.support.code_print) of the enum code this module mirrors, in
# the releases it was checked on: Python 3.11.7. 3.11.2 (Debian 12's) differs (its Flag has
# no _singles_mask_): it keeps enum's own code.
_CHECKED = {"4a85a4e499240256": "3.11.7"}


def mirrored() -> list[Any]:
    """The enum functions fast_create does the work of, or takes for granted (the template,
    the member loop); the functional API's worker as captured at import: enum's own."""
    names: tuple[str, ...] = ("__new__", "__prepare__", "__call__", "__setattr__", "__delattr__")
    names += ("__iter__", "_get_mixins_", "_find_new_", "_find_data_repr_", "_find_data_type_")
    found: list[Any] = [_STOCK_CREATE, *(getattr(enum.EnumType, name, None) for name in names)]
    found += [getattr(getattr(enum, "_proto_member", None), "__set_name__", None)]
    found += [getattr(getattr(enum, "_EnumDict", None), "__setitem__", None)]
    found += [getattr(enum.Enum, "__init__", None), getattr(enum.Flag, "_iter_member_by_def_", None)]
    found += [getattr(enum, "_make_class_unpicklable", None), getattr(enum, "_is_single_bit", None)]
    return found


def followed() -> bool:
    """Whether this Python's enum is the code :func:`fast_create` follows."""
    if sys.version_info[:2] != (3, 11):
        return False
    functions = mirrored()
    return None not in functions and fingerprint(*functions) in _CHECKED


def install() -> bool:
    """Make enums through :func:`fast_create` from now on, on the Python releases whose enum
    it was checked against only (True if so)."""
    if not followed():
        return False
    enum.EnumType._create_ = fast_create  # type: ignore[attr-defined]
    return True
