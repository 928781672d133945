"""The drafts of the served folder: each with its title, round, version, date, languages, git state and counts."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clauses.languages import DEFAULT_LANGUAGE, LANGUAGES, language
from workbench.folder import overview
from workbench.state import Bench


def language_names(codes: tuple[str, ...]) -> list[tuple[str, str]]:
    """Return each language of a draft as (name in itself, tag), the unknown ones by their code."""
    return [(language(code).name, language(code).tag) if code in LANGUAGES else (code, code) for code in codes]


def title_tag(languages: tuple[str, ...]) -> str:
    """Return the tag of the language a draft's title is listed in (English when the draft has it, else its first)."""
    code = DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in languages or not languages else languages[0]
    return language(code).tag if code in LANGUAGES else code


async def drafts_page(request: Request) -> Response:
    """Return the list of the folder's drafts (also when the workbench was started on one of them)."""
    bench: Bench = request.app.state.bench
    summaries = await run_in_threadpool(overview, bench.root)
    return bench.page(request, "drafts.html", summaries=summaries, start=bench.start, language_names=language_names,
                      title_tag=title_tag)


routes = [Route("/", drafts_page, methods=["GET"])]
