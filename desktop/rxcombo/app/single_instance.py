"""One running window per user and data folder: a second launch brings the first forward.

The first launch listens on a local socket (``QLocalServer``: a Unix-domain socket, or a
named pipe on Windows). A later launch connects, sends one line of JSON such as
``{"cmd": "activate", "content": "/abs/path"}``, waits briefly for ``{"ok": true}`` and
exits; the running instance emits :attr:`SingleInstance.activation_requested` and the
window raises itself. If nobody answers (no instance, or a crashed one left its socket
file behind) the new launch removes the stale socket and becomes the listener; a lock file
held meanwhile keeps two launches at the same moment from both becoming listeners.

``--new-instance`` skips all of this: that window neither asks nor listens.

The server name is derived from the user and the favorites folder, so two users, or two
test runs with different ``XDG_DATA_HOME``, never see each other. On Linux the socket lives
in ``$XDG_RUNTIME_DIR`` (private to the user) when that folder exists; the socket itself is
created with user-only access in any case.

A launch with no instance running pays for none of this before its window is painted:
no socket file means nobody listens (no QtNetwork import, no connection attempt), and the
new instance takes the lock at once (:meth:`SingleInstance.reserve`) but starts listening
after its first paint; a launch meanwhile waits for the lock and then finds it.

Both sides are non-blocking: the client waits in a local event loop rather than with
``waitFor…()``, so a client and a server in the same thread (the tests) work too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QDir, QEventLoop, QLockFile, QObject, QTimer, Signal

if TYPE_CHECKING:  # QtNetwork is imported when a socket is really needed (see above)
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

from rxcombo.dirs import server_name

CONNECT_TIMEOUT_MS = 1500
# How long the running instance waits for a connected client to send its line.
READ_TIMEOUT_MS = 3000
MAX_MESSAGE_BYTES = 64 * 1024

ACK = b'{"ok": true}\n'


def encode_message(message: dict[str, Any]) -> bytes:
    return json.dumps(message, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"


def decode_message(line: bytes) -> dict[str, Any] | None:
    """A message dict with a string ``cmd``, or None for anything else."""
    try:
        value = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(value, dict) or not isinstance(value.get("cmd"), str):
        return None
    return value


def _is_ack(line: bytes) -> bool:
    try:
        value = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(value, dict) and value.get("ok") is True


class SingleInstance(QObject):
    """The socket both sides use. ``try_activate_existing`` first; ``listen`` if it failed."""

    activation_requested = Signal(dict)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        name: str | None = None,
        timeout_ms: int = CONNECT_TIMEOUT_MS,
    ) -> None:
        super().__init__(parent)
        self.name = name if name is not None else server_name()
        self.timeout_ms = timeout_ms
        self.server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}
        self._lock: QLockFile | None = None  # held from reserve() until listening
        self.last_error = ""

    def _nobody_listens(self) -> bool:
        """True when no socket file exists, so no instance can answer (named pipes on
        Windows leave no file: there, always ask)."""
        if sys.platform == "win32":
            return False
        name = Path(self.name)
        socket_file = name if name.is_absolute() else Path(QDir.tempPath()) / self.name
        return not socket_file.exists()

    # -- the launch that finds an instance ---------------------------------------------

    def try_activate_existing(self, args: dict[str, Any] | None = None) -> bool:
        """Ask a running instance to come forward; True if one answered."""
        return self._request({**(args or {}), "cmd": "activate"})

    def ping(self) -> bool:
        """Whether an instance is listening and answering (it does not come forward)."""
        return self._request({"cmd": "ping"})

    def _request(self, message: dict[str, Any]) -> bool:
        self.last_error = ""
        if self._nobody_listens():
            self.last_error = "no instance is running"
            return False
        from PySide6.QtNetwork import QLocalSocket

        payload = encode_message(message)
        socket = QLocalSocket()
        loop = QEventLoop()
        received = bytearray()
        outcome = {"ok": False}

        def on_connected() -> None:
            socket.write(QByteArray(payload))

        def on_ready_read() -> None:
            if socket.isOpen() and socket.bytesAvailable():
                received.extend(bytes(socket.readAll().data()))
            if b"\n" in received:
                outcome["ok"] = _is_ack(bytes(received.split(b"\n", 1)[0]))
                loop.quit()

        def on_disconnected() -> None:
            on_ready_read()  # the answer may arrive together with the hang-up
            loop.quit()

        def on_error(_error: QLocalSocket.LocalSocketError) -> None:
            self.last_error = socket.errorString()
            loop.quit()

        socket.connected.connect(on_connected)
        socket.readyRead.connect(on_ready_read)
        socket.errorOccurred.connect(on_error)
        socket.disconnected.connect(on_disconnected)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(self.timeout_ms)
        socket.connectToServer(self.name)
        # connectToServer may fail synchronously (no such socket): no loop needed then.
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            loop.exec()
        timer.stop()
        if not outcome["ok"]:
            on_ready_read()  # an error (the peer hanging up) may have been reported first
        if outcome["ok"]:
            self.last_error = ""
        elif not self.last_error:
            self.last_error = "no answer from the running instance"
        socket.abort()
        socket.deleteLater()
        return outcome["ok"]

    # -- the launch that stays ---------------------------------------------------------

    def reserve(self) -> bool:
        """Take the lock that makes this launch the instance, before listening: a launch
        meanwhile waits for it (see :meth:`listen`). False if it cannot be had."""
        if self._lock is not None:
            return True
        lock = QLockFile(self.lock_path())
        if not lock.tryLock(self.timeout_ms * 2):
            self.last_error = f"cannot lock {self.lock_path()}: {lock.error().name}"
            return False
        self._lock = lock
        return True

    def listen(self) -> bool:
        """Become the running instance. False if another one answers or the socket fails.

        The lock (taken here, or earlier by :meth:`reserve`) makes "is anyone there? no:
        take the name" one step, so two launches at the same moment cannot both end up
        listening (the later one finds the earlier).
        """
        if self.server is not None and self.server.isListening():
            return True
        if not self.reserve():
            return False
        from PySide6.QtNetwork import QLocalServer

        try:
            if self.ping():
                self.last_error = "another instance is running"
                return False
            # Nobody answers: any socket file left is from a crashed instance. Qt would
            # otherwise either fail with AddressInUseError or replace it silently.
            QLocalServer.removeServer(self.name)
            server = QLocalServer(self)
            server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
            if not server.listen(self.name):
                self.last_error = server.errorString()
                server.deleteLater()
                return False
        finally:
            self._release()
        server.newConnection.connect(self._on_new_connection)
        self.server = server
        self.last_error = ""
        return True

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def lock_path(self) -> str:
        if Path(self.name).is_absolute():
            return self.name + ".lock"
        return str(Path(QDir.tempPath()) / f"{self.name}.lock")

    def close(self) -> None:
        """Stop listening and remove the socket file."""
        self._release()
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
            self.server = None
        for socket in list(self._buffers):
            socket.abort()
        self._buffers.clear()

    def _on_new_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket is None:
                break
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            socket.disconnected.connect(socket.deleteLater)
            # A client that connects and says nothing is cut off.
            QTimer.singleShot(READ_TIMEOUT_MS, socket, socket.abort)
            if socket.bytesAvailable():
                self._on_ready_read(socket)

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer.extend(bytes(socket.readAll().data()))
        if b"\n" not in buffer:
            if len(buffer) > MAX_MESSAGE_BYTES:
                self._forget(socket)
                socket.abort()
            return
        line = bytes(buffer.split(b"\n", 1)[0])
        self._forget(socket)
        message = decode_message(line[:MAX_MESSAGE_BYTES])
        if message is None or message["cmd"] not in ("activate", "ping"):
            socket.abort()
            return
        socket.write(ACK)
        socket.flush()
        socket.disconnectFromServer()
        if message["cmd"] == "activate":
            self.activation_requested.emit(message)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)


__all__ = [
    "SingleInstance",
    "decode_message",
    "encode_message",
    "server_name",
]
