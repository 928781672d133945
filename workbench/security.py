"""The workbench's gate: the Host header, the access token, the size of a request, and the headers of a reply.

Every request passes here before a page sees it. A Host other than the address served is refused (against
DNS rebinding, PD-E115); a request without the access token is refused (PD-E113) — the address printed at
start carries it once, and it is then kept in a cookie that only this site sends; a body over MAX_BODY bytes is
refused (PD-E112). The shipped static files need no token. Every reply forbids framing, sniffing, referrers
and scripts from elsewhere.
"""

from __future__ import annotations

import hmac
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from workbench.errors import error_reply
from workbench.state import Bench

MAX_BODY = 1 << 20  # bytes in one request: a form, never a file
COOKIE = "peacedraft_token"
PUBLIC = "/static/"  # the shipped script and styles: the same for everyone, so an error page has its styles
HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
     b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


class TooLarge(Exception):
    """A request body grew past the limit while it was read."""


class Gate:
    """ASGI middleware: checks the host, the token and the size, and adds the safety headers to every reply."""

    def __init__(self, app: ASGIApp, bench: Bench):
        self.app = app
        self.bench = bench

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        refusal = self.refusal(scope, headers)
        if refusal:
            await refusal(scope, receive, _with_headers(send))
            return
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        if "token" in query and self.valid(query["token"]):
            await self.enter(scope, query, send)
            return
        try:
            await self.app(scope, _limited(receive), _with_headers(send))
        except TooLarge:
            reply = error_reply(f"a request of more than {MAX_BODY:,} bytes is refused", "PD-E112", 413)
            await reply(scope, receive, _with_headers(send))

    def refusal(self, scope: Scope, headers: dict[bytes, bytes]):
        """Return the reply refusing a request (None when it may pass)."""
        host = headers.get(b"host", b"").decode("latin-1").lower()
        if host not in self.bench.allowed_hosts:
            return error_reply(f"Host {host or '(none)'!r} is not the address this workbench serves", "PD-E115", 400)
        length = headers.get(b"content-length", b"0")
        if not length.isdigit() or int(length) > MAX_BODY:
            return error_reply(f"a request of more than {MAX_BODY:,} bytes is refused", "PD-E112", 413)
        if scope["path"].startswith(PUBLIC):
            return None
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        if not self.valid(query.get("token") or _cookie(headers)):
            return error_reply("the access token is missing or wrong: open the address the workbench printed "
                               "when it started", "PD-E113", 401)
        return None

    def valid(self, given: str | None) -> bool:
        """Return whether a token given is this workbench's access token."""
        return bool(given) and hmac.compare_digest(given.encode(), self.bench.token.encode())

    async def enter(self, scope: Scope, query: dict[str, str], send: Send) -> None:
        """Keep the token in a cookie and redirect to the same page without it in the address."""
        del query["token"]
        location = scope["path"] + (f"?{urlencode(query)}" if query else "")
        cookie = f"{COOKIE}={self.bench.token}; Path=/; HttpOnly; SameSite=Strict"
        await _with_headers(send)({"type": "http.response.start", "status": 303, "headers": [
            (b"location", location.encode("latin-1")), (b"set-cookie", cookie.encode("latin-1")),
            (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})


def _cookie(headers: dict[bytes, bytes]) -> str | None:
    """Return the access token the request's cookie carries, or None."""
    cookies = SimpleCookie()
    try:
        cookies.load(headers.get(b"cookie", b"").decode("latin-1"))
    except Exception:  # a malformed Cookie header carries no token
        return None
    return cookies[COOKIE].value if COOKIE in cookies else None


def _limited(receive: Receive) -> Receive:
    """Return receive that stops a chunked body growing past MAX_BODY."""
    seen = 0

    async def guarded() -> Message:
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > MAX_BODY:
            raise TooLarge()
        return message

    return guarded


def _with_headers(send: Send) -> Send:
    """Return send that adds the safety headers to the start of every reply."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
        await send(message)

    return sending
