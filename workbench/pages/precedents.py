"""Precedents: search the corpus, read an agreement or a provision, set a draft beside the precedents, and see what
becomes of each function of the 1953 Armistice.

GET /precedents?q=…&topic=… searches as `peacedraft precedents search` does; GET /precedents/{id} shows an agreement
(or one provision) as `precedents show` does; GET /precedents/compare/{path}?precedent=…&topic=… is `peacedraft
compare`; GET /precedents/coverage?draft=… is the Armistice coverage of the package.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Route

from clauses.errors import InputError
from precedents.model import BASIS_MEANING
from workbench.errors import error_line
from workbench.precedent_data import (basis_words, checked_topic, in_corpus_thread, language_runs, language_tag, library,
                                     searched, searched_in_translation, topic_choices, topic_label)
from workbench.precedent_views import (agreement_view, basis_meaning, compared_draft, coverage_of, draft_choices,
                                       function_rows, precedent_choices, provision_view)
from workbench.state import Bench

NO_WORDS = "PD-E061"


def search_context(query: str, topic: str) -> dict:
    """Return what the search page shows: the form's values and choices, and the hits (none for no query)."""
    context = {"query": query, "topic": topic, "topics": topic_choices(), "hits": None, "found": None, "error": None}
    chosen = checked_topic(topic)
    if not query.strip():
        return context
    try:
        context["found"], context["hits"] = searched(query, chosen)
    except InputError as error:
        if error.code != NO_WORDS:
            raise
        context["error"] = error_line(error)
    return context


async def search_page(request: Request):
    """Return the search form, and the provisions that match the query, best first, with their snippets marked."""
    bench: Bench = request.app.state.bench
    query, topic = request.query_params.get("q", ""), request.query_params.get("topic", "")
    context = await in_corpus_thread(search_context, query, topic)
    status = 400 if context["error"] else 200
    return bench.page(request, "precedents.html", status=status, tag=language_tag, meaning=basis_meaning,
                      legend=BASIS_MEANING.items(), basis_words=basis_words, topic_label=topic_label,
                      runs=language_runs, translated=searched_in_translation(query), **context)


async def precedent_page(request: Request):
    """Return one precedent agreement with every provision, or one provision, as `precedents show` gives them."""
    bench: Bench = request.app.state.bench
    key = request.path_params["id"]
    corpus = (await in_corpus_thread(library)).corpus
    if key in corpus.agreements or key not in corpus.provisions:
        shown = agreement_view(corpus, key)
        return bench.page(request, "precedent.html", agreement=shown, provision=None, shown=shown.agreement,
                          tag=language_tag, legend=BASIS_MEANING.items())
    row = provision_view(corpus, key)
    return bench.page(request, "precedent.html", agreement=None, provision=row, shown=row.agreement,
                      tag=language_tag, legend=BASIS_MEANING.items())


async def comparison_page(request: Request):
    """Return a draft set beside the precedents, clause by clause and measure by measure, as `compare` gives it."""
    bench: Bench = request.app.state.bench
    path = request.path_params["path"]
    chosen = [key for key in request.query_params.getlist("precedent") if key]
    topic = request.query_params.get("topic", "")
    compared = await in_corpus_thread(compared_draft, bench, path, chosen, checked_topic(topic))
    precedents = await in_corpus_thread(precedent_choices)
    return bench.page(request, "comparison.html", draft=path, compared=compared, chosen=chosen, topic=topic,
                      topics=topic_choices(), precedents=precedents, tag=language_tag, meaning=basis_meaning,
                      legend=BASIS_MEANING.items())


async def coverage_page(request: Request):
    """Return what a draft makes of each function of the 1953 Armistice; with no draft, the Armistice's own rows."""
    bench: Bench = request.app.state.bench
    draft = request.query_params.get("draft", "")
    items = await in_corpus_thread(coverage_of, bench, draft) if draft else None
    functions = await in_corpus_thread(function_rows)
    return bench.page(request, "coverage.html", chosen=draft, items=items, functions=functions,
                      drafts=draft_choices(bench), tag=language_tag, legend=BASIS_MEANING.items())


routes = [Route("/precedents", search_page, methods=["GET"]),
          Route("/precedents/coverage", coverage_page, methods=["GET"]),
          Route("/precedents/compare/{path:path}", comparison_page, methods=["GET"]),
          Route("/precedents/{id}", precedent_page, methods=["GET"])]
