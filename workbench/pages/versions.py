"""Versions: two revisions of a draft (or the working file), or two files of the folder, and the diff between them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from agreements.diff.compare import Comparison, compare_agreements
from agreements.diff.html import diff_html
from agreements.diff.versions import compared_language, shared_languages
from clauses.errors import InputError
from clauses.languages import LANGUAGES
from workbench.errors import error_line
from workbench.forms import field, posted_form
from workbench.rounds import Names, shown_against
from workbench.saving import MAX_MESSAGE, GitSaveError, commit_draft, save_offer
from workbench.sides import Cache, Revision, Side, agreement_of, choose, folder_files, revisions
from workbench.state import Bench

HASH_SHOWN = re.compile(r"[0-9a-f]{4,40}")
COMPARISONS = Cache(32)
MARKUPS = Cache(32)


@dataclass(frozen=True)
class Compared:
    """Two sides, the language they are shown in, the languages offered, their comparison and what reading noted."""

    old: Side
    new: Side
    lang: str
    languages: list[str]
    comparison: Comparison
    notes: tuple[str, ...] = ()


def chosen_sides(bench: Bench, draft: str, old: str, new: str, found: list[Revision],
                 default=shown_against) -> tuple[Side | None, Side]:
    """Return the sides a page asks for: by default the version `default` picks (the last commit while the file has
    unsaved changes, else the previous round) and the working file."""
    new_side = choose(bench, draft, new) if new else choose(bench, draft, draft)
    old_side = choose(bench, draft, old) if old else default(bench, draft, found)
    return old_side, new_side


def compared(bench: Bench, old: Side, new: Side, asked: str | None) -> Compared:
    """Return the comparison of two sides in a language (kept per the sides' keys and the language)."""
    if old.is_word or new.is_word:
        return COMPARISONS.get((old.key(), new.key(), asked), lambda: _compared_word(bench, old, new, asked))
    before, after = agreement_of(bench.root, old), agreement_of(bench.root, new)
    comparison = COMPARISONS.get((old.key(), new.key()), lambda: compare_agreements(before, after))
    lang = compared_language(before, after, asked, old.name, new.name)
    return Compared(old, new, lang, shared_languages(before, after), comparison)


def _compared_word(bench: Bench, old: Side, new: Side, asked: str | None) -> Compared:
    """Return the comparison of two files of which one is a Word file, both read as text in one language."""
    from agreements.diff.versions import load_sides

    from workbench.sides import NotAVersionError

    if old.revision or new.revision:
        raise NotAVersionError(old.name if old.revision else new.name, new.relative,
                               "a Word file is compared with another file of the folder, not with a revision")
    sides = load_sides(str(old.path), str(new.path), asked)
    return Compared(old, new, sides.lang, list(LANGUAGES), compare_agreements(sides.old, sides.new),
                    tuple(sides.notes))


def diff_markup(result: Compared) -> Markup:
    """Return the diff as HTML: changes per article, text changes inline or side by side, parameters typed (kept
    per the sides' keys and the language)."""
    return MARKUPS.get((result.old.key(), result.new.key(), result.lang),
                       lambda: diff_html(result.comparison, result.old.name, result.new.name, result.lang,
                                                 titled=False))


async def diff_stylesheet(request: Request) -> Response:
    """Return the diff view's stylesheet (templates/html/diff.css)."""
    from agreements.render.html_page import stylesheet

    return Response(stylesheet("diff"), media_type="text/css; charset=utf-8")


def language_asked(value: str) -> str | None:
    """Return the language a page asks for (None: the default), refusing a code with no language file (PD-E125)."""
    asked = value.strip()
    if not asked:
        return None
    if asked not in LANGUAGES:
        raise InputError(f"{asked!r}: no such language (languages: {', '.join(LANGUAGES)})", "PD-E125")
    return asked


def page_context(bench: Bench, draft: str, old: str, new: str, asked: str | None) -> dict:
    """Return what the versions page shows: the choices, the sides chosen and their diff."""
    bench.resolve(draft)
    found = revisions(bench.root, draft)
    old_side, new_side = chosen_sides(bench, draft, old, new, found)
    files = folder_files(bench)
    names = Names(bench, draft, found)
    context = {"draft": draft, "revisions": found, "files": files, "old_side": old_side, "new_side": new_side,
               "names": names, "old_name": names.side(old_side), "new_name": names.side(new_side),
               "save": save_offer(bench, draft)}
    if old_side is None:
        return {**context, "result": None}
    result = compared(bench, old_side, new_side, asked)
    return {**context, "result": result, "diff": diff_markup(result)}


async def versions_page(request: Request):
    """Return the versions page of a draft: the two choices and the diff of the chosen versions."""
    bench: Bench = request.app.state.bench
    draft = request.path_params["path"]
    old, new = (request.query_params.get(name, "").strip() for name in ("old", "new"))
    asked = language_asked(request.query_params.get("lang", ""))
    context = await run_in_threadpool(page_context, bench, draft, old, new, asked)
    saved = request.query_params.get("saved", "")
    return bench.page(request, "versions.html", saved=saved if HASH_SHOWN.fullmatch(saved) else "", **context)


async def save_version(request: Request) -> Response:
    """Record the draft file in git (`git add`, `git commit` of that file only), then show its versions page; refuse
    a page made from an older file (PD-E110, 409) and show git's refusal as one line (PD-E126)."""
    bench: Bench = request.app.state.bench
    form = await posted_form(request)
    draft = request.path_params["path"]
    message = field(form, "message")[:MAX_MESSAGE]
    offer = await run_in_threadpool(save_offer, bench, draft)
    problem, status = None, 200
    if not offer.offered:
        problem, status = f"{draft}: nothing to save: the file is {offer.state} [PD-E126]", 409
    elif field(form, "expect") != offer.digest:
        problem, status = stale_line(draft), 409
    elif not message:
        problem, status = f"{draft}: a message saying what this version is must be given [PD-E126]", 400
    else:
        try:
            short = await run_in_threadpool(commit_draft, bench.root, draft, message)
        except GitSaveError as error:
            problem, status = error_line(error, bench.root), 500
        else:
            return RedirectResponse(f"/versions/{quote(draft)}?saved={short}#save-notice", status_code=303)
    context = await run_in_threadpool(page_context, bench, draft, "", "", None)
    return bench.page(request, "versions.html", status=status, saved="", save_error=problem, message=message,
                      **context)


def stale_line(draft: str) -> str:
    """Return the line refusing a save made from an older page (PD-E110)."""
    return (f"{draft} changed since this page was loaded (someone saved a newer version); nothing was saved in git: "
            "reload the page, look at the changes and save again [PD-E110]")


routes = [Route("/versions/{path:path}", versions_page, methods=["GET"]),
          Route("/save/{path:path}", save_version, methods=["POST"]),
          Route("/diff.css", diff_stylesheet, methods=["GET"])]
