"""Errors as the browser shows them: one line naming the code, with the right HTTP status, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

from markupsafe import escape
from starlette.requests import Request
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse

from clauses.errors import PeacedraftError
from workbench.state import NAVIGATION

STATUS_BY_CODE = {"PD-E010": 404, "PD-E060": 404, "PD-E110": 409, "PD-E111": 403, "PD-E112": 413, "PD-E113": 401,
                  "PD-E114": 403, "PD-E115": 400, "PD-E117": 400}
LINKS = "".join(f'<li><a href="{href}">{label}</a></li>' for _, href, label in NAVIGATION)
PAGE = ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        '<link rel="stylesheet" href="/static/workbench.css"></head>\n<body><header class="banner">'
        f'<a class="brand" href="/">peacedraft</a><nav aria-label="Main"><ul>{LINKS}</ul></nav></header>\n'
        '<main id="main"><h1>{title}</h1><p class="error" role="alert">{line}</p>'
        '<p><a href="/">Back to the drafts</a></p></main></body></html>\n')


class FormTokenError(PeacedraftError):
    """A form came without the workbench's form token, or with another (a cross-site request)."""

    def __init__(self):
        super().__init__("the form token is missing or wrong: reload the page and send the form again", "PD-E114")


def error_line(error: PeacedraftError, root: Path | None = None) -> str:
    """Return the one line the browser shows for an error (located lines joined), paths relative to the folder."""
    line = " · ".join(error.lines()).removeprefix("peacedraft: ")
    return line.replace(f"{root}{os.sep}", "") if root else line


def status_of(error: PeacedraftError) -> int:
    """Return the HTTP status of an error: its code's, else 400 for unusable input and 422 for findings."""
    return STATUS_BY_CODE.get(error.code, 422 if error.exit_code == 1 else 400)


def error_reply(message: str, code: str, status: int) -> HTMLResponse:
    """Return the one-line error page for a message and its code."""
    line = f"{message} [{code}]"
    return HTMLResponse(PAGE.format(title=escape(f"Error {status}"), line=escape(line)), status_code=status)


async def peacedraft_error(request: Request, error: PeacedraftError) -> HTMLResponse:
    """Return the page for a library error: its one line, with its status; a fragment for a partial update."""
    line = error_line(error, request.app.state.bench.root)
    if request.headers.get("hx-request") == "true":
        return HTMLResponse(f'<p class="error" role="alert">{escape(line)}</p>', status_code=status_of(error))
    return error_reply(line.removesuffix(f" [{error.code}]"), error.code, status_of(error))


async def http_error(request: Request, error: HTTPException) -> HTMLResponse:
    """Return the one-line page for a route that does not exist or a method it does not take."""
    messages = {404: f"no page at {request.url.path}", 405: f"{request.method} is not a way to use {request.url.path}"}
    message = messages.get(error.status_code, error.detail)
    return error_reply(message, "PD-E116" if error.status_code >= 500 else "PD-E118", error.status_code)


async def unexpected_error(request: Request, error: Exception) -> HTMLResponse:
    """Return a one-line page for an error no one expected, naming its kind (the server log has the rest)."""
    return error_reply(f"internal error ({type(error).__name__}); the server log has the details", "PD-E116", 500)
