"""Pickling an object's large tables packed, and unpacking them on first use.

A warm start reads the cached library just after its first frame (see
rxcombo.library.preview), but the search index's tables (postings, vocabulary, ranks:
about 8 ms of 6,447 pages) are not needed until the first search. A class that mixes this
in pickles those tables as one nested pickle, kept as bytes when read back and unpickled
the first time one of them is looked up (``__getattr__`` runs only for an attribute not
found). Plain Python, no Qt.
"""

from __future__ import annotations

import pickle
import zlib
from typing import TYPE_CHECKING, Any, ClassVar


class PackedTables:
    """Mixed into a class whose instances keep their attributes in ``__dict__``."""

    # Stored as they are (what is needed before the first use); and answers kept in memos,
    # not stored at all (each set to {} when read back).
    KEPT_OUT: ClassVar[tuple[str, ...]] = ()
    MEMOS: ClassVar[tuple[str, ...]] = ()

    def __getstate__(self) -> dict[str, Any]:
        attributes = self.__dict__
        state = {name: attributes[name] for name in self.KEPT_OUT if name in attributes}
        packed = attributes.get("_packed")  # read back and never used: still packed
        if packed is None:
            skipped = {*self.KEPT_OUT, *self.MEMOS}
            tables = {name: value for name, value in attributes.items() if name not in skipped}
            packed = pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL)
        state["_packed"] = packed
        state["_packed_crc"] = zlib.crc32(packed)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        # Checked here, while the cache is read (a damaged cache is rebuilt), rather than at
        # the first search, where unpickling damaged bytes would fail in the user's hands.
        packed = state.get("_packed")
        if packed is not None and zlib.crc32(packed) != state.pop("_packed_crc", None):
            raise pickle.UnpicklingError("packed tables damaged")
        self.__dict__.update(state)
        self.__dict__.update({memo: {} for memo in self.MEMOS})

    if not TYPE_CHECKING:  # hidden from mypy, which would then accept any attribute name

        def __getattr__(self, name: str) -> Any:
            """The packed tables, unpacked now. Two threads at once both unpack (the same
            values); neither sees a table missing (``_packed`` goes only after the update)."""
            if "_packed" not in self.__dict__:
                raise AttributeError(name)
            self.unpack()
            return getattr(self, name)

    def unpack(self) -> None:
        """Unpack the tables now rather than at their first use."""
        packed = self.__dict__.get("_packed")
        if packed is not None:
            self.__dict__.update(pickle.loads(packed))
            self.__dict__.pop("_packed", None)
