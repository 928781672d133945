"""Starting the workbench: the socket bound first (so a taken port is a one-line error), then uvicorn on it."""

from __future__ import annotations

import socket
import webbrowser
from collections.abc import Callable
from pathlib import Path

import uvicorn

from clauses.errors import InputError
from workbench.app import workbench_for
from workbench.state import Bench


def bound_socket(host: str, port: int) -> socket.socket:
    """Return a listening socket on host:port (PD-E117 when the address cannot be had)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise InputError(f"cannot listen on {host}:{port}: {error.strerror or error}", "PD-E117") from None
    sock.listen(128)
    return sock


def address_of(bench: Bench, host: str, port: int) -> str:
    """Return the address to open: the first page, carrying the access token."""
    shown = f"[{host}]" if ":" in host else host
    page = f"/draft/{bench.start}" if bench.start else "/"
    return f"http://{shown}:{port}{page}?token={bench.token}"


def check_target(target: str) -> None:
    """Refuse (PD-E117) a target that is neither a folder nor a draft file."""
    path = Path(target)
    if not (path.is_dir() or (path.is_file() and path.suffix.lower() in (".yaml", ".yml"))):
        raise InputError(f"{target}: not a folder or a draft file (.yaml) to serve", "PD-E117")


def serve(target: str, host: str, port: int, open_browser: bool, announce: Callable[[str], None]) -> None:
    """Serve a folder or a draft until interrupted; announce the address to open before serving."""
    check_target(target)
    sock = bound_socket(host, port)
    port = sock.getsockname()[1]
    bench, app = workbench_for(target, host, port)
    address = address_of(bench, host, port)
    announce(address)
    if open_browser:
        webbrowser.open(address)
    config = uvicorn.Config(app, log_level="warning", access_log=False, server_header=False, proxy_headers=False)
    uvicorn.Server(config).run(sockets=[sock])
