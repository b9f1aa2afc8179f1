"""Watching a program's window from the X server, as a user's eyes would.

``map``: when the server mapped the program's first top-level window (the MapNotify events
the root window receives, drained every 2 ms). ``painted``: the last time that window's
pixels changed, sampled with XGetImage every 20 ms until they have been still for a while;
a change confined to a text cursor's box (a caret blinking) is not a change. The same two
figures as ``../shared/peer-bench`` reports, taken alike for the floors and the app.

libX11 through ctypes (the standard library): a sample must not cost a process start, as
an ``xwd`` or ``xdotool`` call in a loop would, on a 2-core machine the program being
timed shares; for the same reason samples are 20 ms apart and compared as bytes, not
hashed. Without libX11 the watcher is unavailable and the benchmark reports the
in-process marks only.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import time
from collections.abc import Callable
from ctypes import (
    POINTER,
    Structure,
    Union,
    byref,
    c_char_p,
    c_int,
    c_long,
    c_ubyte,
    c_uint,
    c_ulong,
    c_void_p,
)

MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
Z_PIXMAP = 2
ALL_PLANES = 0xFFFFFFFF
XA_CARDINAL = 6
SAMPLE_EVERY_S = 0.020
CARET_BOX = (4, 40)  # at most this wide and tall (pixels): a blinking caret, not a paint


class _MapEvent(Structure):
    _fields_ = [
        ("type", c_int),
        ("serial", c_ulong),
        ("send_event", c_int),
        ("display", c_void_p),
        ("event", c_ulong),
        ("window", c_ulong),
        ("override_redirect", c_int),
    ]


class _Event(Union):
    _fields_ = [("type", c_int), ("xmap", _MapEvent), ("pad", c_long * 24)]


class _Attributes(Structure):  # XWindowAttributes, up to the fields read here
    _fields_ = [
        ("x", c_int),
        ("y", c_int),
        ("width", c_int),
        ("height", c_int),
        ("border_width", c_int),
        ("depth", c_int),
        ("visual", c_void_p),
        ("root", c_ulong),
        ("class_", c_int),
        ("bit_gravity", c_int),
        ("win_gravity", c_int),
        ("backing_store", c_int),
        ("backing_planes", c_ulong),
        ("backing_pixel", c_ulong),
        ("save_under", c_int),
        ("colormap", c_ulong),
        ("map_installed", c_int),
        ("map_state", c_int),
        ("all_event_masks", c_long),
        ("your_event_mask", c_long),
        ("do_not_propagate_mask", c_long),
        ("override_redirect", c_int),
        ("screen", c_void_p),
    ]


class _Image(Structure):  # XImage, up to the fields read here
    _fields_ = [
        ("width", c_int),
        ("height", c_int),
        ("xoffset", c_int),
        ("format", c_int),
        ("data", POINTER(c_ubyte)),
        ("byte_order", c_int),
        ("bitmap_unit", c_int),
        ("bitmap_bit_order", c_int),
        ("bitmap_pad", c_int),
        ("depth", c_int),
        ("bytes_per_line", c_int),
    ]


def _libx11() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("X11")
    if name is None:
        return None
    lib = ctypes.CDLL(name)
    lib.XOpenDisplay.restype = c_void_p
    lib.XOpenDisplay.argtypes = [c_char_p]
    lib.XDefaultRootWindow.restype = c_ulong
    lib.XDefaultRootWindow.argtypes = [c_void_p]
    lib.XSelectInput.argtypes = [c_void_p, c_ulong, c_long]
    lib.XPending.argtypes = [c_void_p]
    lib.XNextEvent.argtypes = [c_void_p, POINTER(_Event)]
    lib.XConnectionNumber.argtypes = [c_void_p]
    lib.XInternAtom.restype = c_ulong
    lib.XInternAtom.argtypes = [c_void_p, c_char_p, c_int]
    lib.XGetWindowProperty.argtypes = [
        c_void_p, c_ulong, c_ulong, c_long, c_long, c_int, c_ulong,
        POINTER(c_ulong), POINTER(c_int), POINTER(c_ulong), POINTER(c_ulong), POINTER(POINTER(c_ubyte)),
    ]  # fmt: skip
    lib.XFree.argtypes = [c_void_p]
    lib.XGetWindowAttributes.argtypes = [c_void_p, c_ulong, POINTER(_Attributes)]
    lib.XGetImage.restype = POINTER(_Image)
    lib.XGetImage.argtypes = [c_void_p, c_ulong, c_int, c_int, c_uint, c_uint, c_ulong, c_int]
    lib.XDestroyImage.argtypes = [POINTER(_Image)]
    lib.XCloseDisplay.argtypes = [c_void_p]
    lib.XSetErrorHandler.argtypes = [c_void_p]
    return lib


_ERROR_HANDLER = ctypes.CFUNCTYPE(c_int, c_void_p, c_void_p)(lambda _display, _error: 0)


class XWatch:
    """A connection to ``display`` that sees windows map and reads their pixels."""

    def __init__(self, display: str) -> None:
        lib = _libx11()
        handle = lib.XOpenDisplay(display.encode()) if lib is not None else None
        if lib is None or not handle:
            raise OSError(f"cannot open X display {display} with libX11")
        self._x, self._display = lib, handle
        lib.XSetErrorHandler(_ERROR_HANDLER)  # a window gone between two calls is no crash
        self._root = lib.XDefaultRootWindow(handle)
        lib.XSelectInput(handle, self._root, SUBSTRUCTURE_NOTIFY_MASK)
        self._pid_atom = lib.XInternAtom(handle, b"_NET_WM_PID", 0)
        self._maps: list[tuple[int, float]] = []  # (window, monotonic time seen)

    def close(self) -> None:
        self._x.XCloseDisplay(self._display)

    def _drain(self) -> None:
        event = _Event()
        while self._x.XPending(self._display):
            self._x.XNextEvent(self._display, byref(event))
            if event.type == MAP_NOTIFY:
                self._maps.append((event.xmap.window, time.monotonic()))

    def _pid_of(self, window: int) -> int | None:
        kind, fmt, count, after = c_ulong(), c_int(), c_ulong(), c_ulong()
        data = POINTER(c_ubyte)()
        status = self._x.XGetWindowProperty(
            self._display, window, self._pid_atom, 0, 1, 0, XA_CARDINAL,
            byref(kind), byref(fmt), byref(count), byref(after), byref(data),
        )  # fmt: skip
        if status != 0 or not data:
            return None
        try:
            return int(ctypes.cast(data, POINTER(c_ulong))[0]) if count.value else None
        finally:
            self._x.XFree(data)

    def wait_map(self, pid: int, timeout: float, alive: Callable[[], bool]) -> tuple[int, float] | None:
        """The first top-level window of process ``pid`` mapped (window, monotonic time);
        None once ``timeout`` has passed or the process has ended."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and alive():
            self._drain()
            for window, seen in self._maps:
                if self._pid_of(window) == pid:
                    return window, seen
            time.sleep(0.002)
        return None

    def _sample(self, window: int) -> tuple[bytes, int] | None:
        """The window's pixels and the bytes per row."""
        attributes = _Attributes()
        if not self._x.XGetWindowAttributes(self._display, window, byref(attributes)):
            return None
        width, height = attributes.width, attributes.height
        image = self._x.XGetImage(self._display, window, 0, 0, width, height, ALL_PLANES, Z_PIXMAP)
        if not image:
            return None
        try:
            stride = image.contents.bytes_per_line
            return ctypes.string_at(image.contents.data, stride * image.contents.height), stride
        finally:
            self._x.XDestroyImage(image)

    def last_change(
        self, window: int, mapped: float, quiet_s: float = 1.0, limit_s: float = 15.0
    ) -> float | None:
        """Sample ``window`` (mapped at monotonic time ``mapped``) until its pixels have not
        changed for ``quiet_s``: the monotonic time of the last change seen, ``mapped`` if
        none was (None if the window could not be read)."""
        start = time.monotonic()
        last = self._sample(window)
        if last is None:
            return None
        changed = mapped
        while time.monotonic() - changed < quiet_s and time.monotonic() - start < limit_s:
            time.sleep(SAMPLE_EVERY_S)
            now = time.monotonic()
            sample = self._sample(window)
            if sample is None:
                break
            if sample[0] != last[0] and not _caret_only(last, sample):
                changed = now
            last = sample
        return changed


def _caret_only(before: tuple[bytes, int], after: tuple[bytes, int], bpp: int = 4) -> bool:
    """Whether every pixel that differs lies in one box no bigger than a text caret."""
    (old, stride), (new, new_stride) = before, after
    if stride != new_stride or len(old) != len(new):
        return False  # the window was resized: a change
    first = _first_diff(old, new)
    last = len(old) - 1 - _first_diff(old[::-1], new[::-1])
    top, bottom = first // stride, last // stride
    if bottom - top + 1 > CARET_BOX[1]:
        return False
    spans = [
        _row_span(old[row * stride : (row + 1) * stride], new[row * stride : (row + 1) * stride])
        for row in range(top, bottom + 1)
    ]
    left = min(span[0] for span in spans if span) // bpp
    right = max(span[1] for span in spans if span) // bpp
    return right - left + 1 <= CARET_BOX[0]


def _first_diff(a: bytes, b: bytes) -> int:
    """Index of the first differing byte (equal lengths, known to differ): halving, in C."""
    low, high = 0, len(a)
    while high - low > 64:
        middle = (low + high) // 2
        if a[low:middle] != b[low:middle]:
            high = middle
        else:
            low = middle
    return next(i for i in range(low, high) if a[i] != b[i])


def _row_span(a: bytes, b: bytes) -> tuple[int, int] | None:
    if a == b:
        return None
    return _first_diff(a, b), len(a) - 1 - _first_diff(a[::-1], b[::-1])
