"""The workbench as an ASGI application: the gate, the pages of each area, the static files, the error pages."""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import import_module, resources
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from clauses.errors import PeacedraftError
from workbench.errors import http_error, peacedraft_error, unexpected_error
from workbench.security import Gate
from workbench.state import Bench
from workbench.tokens import folder_token

AREAS = ("drafts", "document", "compose", "edit", "versions", "precedents", "timeline", "downloads")
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """Return the Host headers this server answers to: the address it serves, and loopback names on loopback."""
    names = {host if ":" not in host else f"[{host}]"}
    if host in ("127.0.0.1", "::1", "localhost"):
        names.update(LOOPBACK_NAMES)
    return frozenset(f"{name}:{port}" for name in names)


def area_routes() -> list:
    """Return the routes of every area of the workbench (each module of workbench/pages/ lists its own)."""
    routes = []
    for area in AREAS:
        try:
            module = import_module(f"workbench.pages.{area}")
        except ModuleNotFoundError as error:
            if error.name != f"workbench.pages.{area}":
                raise
            continue
        routes += module.routes
    return routes


@asynccontextmanager
async def startup(app: Starlette):
    """Warm the workbench in a background thread once the server starts (start-up is not held up)."""
    from workbench.warming import start_warming

    start_warming(app.state.bench)
    yield


def create_app(bench: Bench) -> Starlette:
    """Return the application serving a bench's folder."""
    static = StaticFiles(directory=str(resources.files("templates").joinpath("workbench", "static")))
    app = Starlette(routes=[*area_routes(), Mount("/static", static, name="static")],
                    middleware=[Middleware(Gate, bench=bench)],
                    exception_handlers={PeacedraftError: peacedraft_error, HTTPException: http_error,
                                        Exception: unexpected_error},
                    lifespan=startup)
    app.state.bench = bench
    return app


def workbench_for(target: str, host: str = "127.0.0.1", port: int = 8800) -> tuple[Bench, Starlette]:
    """Return the bench and application for a folder or a draft (a draft: its folder, opening on it)."""
    path = Path(target).resolve()
    root, start = (path.parent, path.name) if path.is_file() else (path, None)
    bench = Bench(root, token=folder_token(root), allowed_hosts=allowed_hosts(host, port), start=start)
    return bench, create_app(bench)
