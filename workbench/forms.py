"""Reading a posted form: its form token checked first, its values as strings, the draft's digest it was made from."""

from __future__ import annotations

import hmac

from starlette.datastructures import FormData
from starlette.requests import Request

from workbench.errors import FormTokenError
from workbench.state import Bench

MAX_FIELDS = 200


async def posted_form(request: Request) -> FormData:
    """Return the form of a POST whose form token (field `csrf` or header X-CSRF-Token) is this workbench's."""
    bench: Bench = request.app.state.bench
    form = await request.form(max_files=0, max_fields=MAX_FIELDS)
    given = str(form.get("csrf") or request.headers.get("x-csrf-token") or "")
    if not hmac.compare_digest(given.encode(), bench.csrf.encode()):
        raise FormTokenError()
    return form


def field(form: FormData, name: str) -> str:
    """Return a form field as stripped text ('' when absent)."""
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""
