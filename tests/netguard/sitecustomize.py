"""Loaded by every Python process the test suite starts (tests/conftest.py puts this folder on
PYTHONPATH): refuse any network connection that does not stay on this machine.

The notebooks' kernels and JupyterLab talk over loopback (127.0.0.0/8, ::1) and Unix sockets,
which stay allowed; anything else (a download, a model hub) fails at once with a clear error.
"""

from __future__ import annotations

import ipaddress
import socket

_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex


class NetworkBlocked(OSError):
    """The course must work offline; this connection would have left the machine."""


def _check(sock: socket.socket, address: object) -> None:
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return  # Unix sockets and the like stay on this machine
    host = address[0] if isinstance(address, tuple) else address
    try:
        if ipaddress.ip_address(str(host).split("%")[0]).is_loopback:
            return
    except ValueError:
        if host == "localhost":
            return
    raise NetworkBlocked(f"network access to {address!r} blocked: the course must run offline")


def _guarded_connect(self: socket.socket, address: object) -> None:
    _check(self, address)
    return _connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    _check(self, address)
    return _connect_ex(self, address)


socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
