"""The document page: a draft read as a document in one language or side by side, with its findings at their nodes.

GET /draft/{path}?lang=en|ko|zh|parallel (default: English, else the draft's first language).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from agreements.render.html_page import stylesheet
from agreements.render.html_styles import language_styles
from agreements.index import index_of
from clauses.errors import InputError
from clauses.languages import DEFAULT_LANGUAGE, language
from workbench.document_view import document_body, finding_list
from workbench.reading import snapshot
from workbench.state import Bench
from workbench.wording import contents

PARALLEL = "parallel"


def chosen_language(languages: list[str], asked: str | None, draft: str) -> str:
    """Return the language the page shows: the one asked for (or parallel), else English, else the first."""
    if not asked:
        return DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in languages else languages[0]
    if asked != PARALLEL and asked not in languages:
        raise InputError(f"{draft}: the draft has no text in {asked} (its languages: {', '.join(languages)}, or "
                         f"{PARALLEL})", "PD-E088")
    return asked


async def document_page(request: Request):
    """Return a draft read as a document: summary, language switch, the text with Edit links and findings."""
    bench: Bench = request.app.state.bench
    draft = request.path_params["path"]
    snap = snapshot(bench.resolve(draft), draft)
    agreement = snap.agreement
    languages = list(agreement.meta.languages)
    lang = chosen_language(languages, request.query_params.get("lang"), draft)
    shown = languages if lang == PARALLEL else [lang]
    body, texts = snap.made_once(("document", draft, lang), lambda: document_body(snap, draft, shown))
    elsewhere = [finding for finding in snap.findings if finding.node_id not in texts]
    errors, warnings = snap.counts()
    switch = [(code, language(code).name, language(code).tag, f"/draft/{draft}?lang={code}") for code in languages]
    return bench.page(request, "document.html", draft=draft, snap=snap, meta=agreement.meta, lang=lang,
                      switch=switch, parallel_href=f"/draft/{draft}?lang={PARALLEL}", body=body,
                      errors=errors, warnings=warnings, contents=contents(index_of(agreement)),
                      elsewhere=finding_list(elsewhere, "findings-elsewhere") if elsewhere else "",
                      title_text=agreement.meta.title.get(lang if lang != PARALLEL else languages[0])
                      or next(iter(agreement.meta.title.values())),
                      title_tag=language(lang if lang != PARALLEL else languages[0]).tag)


async def document_stylesheet(request: Request) -> Response:
    """Return the document's styles (templates/html/document.css) and each language's fonts."""
    return Response(stylesheet("document") + language_styles(), media_type="text/css; charset=utf-8")


async def language_stylesheet(request: Request) -> Response:
    """Return how each language breaks its lines (Korean keeps words whole), for every page of the workbench."""
    return Response(language_styles(fonts=False), media_type="text/css; charset=utf-8")


routes = [Route("/document.css", document_stylesheet, methods=["GET"]),
          Route("/languages.css", language_stylesheet, methods=["GET"]),
          Route("/draft/{path:path}", document_page, methods=["GET"])]
