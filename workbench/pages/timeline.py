"""Timeline: the implementation schedule of a draft as an SVG chart in the page, and the same steps as a table."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.routing import Route

from agreements.schedule.timeline import Timeline, schedule, why_open
from agreements.text_language import text_language
from clauses.languages import language
from workbench.pages.versions import language_asked
from workbench.sides import MATPLOTLIB, Cache, Side, agreement_of
from workbench.state import Bench

CHARTS = Cache(16)
SVG_START = re.compile(rb"<svg\b")
TITLE_ID = "timeline-chart-title"


@dataclass(frozen=True)
class Charted:
    """A draft's timeline in one language, its chart as SVG markup for the page, and the table's rows."""

    timeline: Timeline
    svg: Markup
    rows: list[dict]
    languages: tuple[str, ...]  # the draft's languages, each one the timeline can be shown in


def accessible_svg(svg: bytes, title: str, tag: str) -> Markup:
    """Return matplotlib's SVG as markup for a page: no XML prolog, role="img", its language and a <title>."""
    start = SVG_START.search(svg)
    body = svg[start.start():].decode("utf-8")
    opening_end = body.index(">")
    attributes = f' role="img" aria-labelledby="{TITLE_ID}" lang="{escape(tag)}" focusable="false"'
    return Markup(body[:opening_end] + attributes + body[opening_end:opening_end + 1]
                  + f'\n <title id="{TITLE_ID}">{escape(title)}</title>' + body[opening_end + 1:])


def table_rows(timeline: Timeline) -> list[dict]:
    """Return one row per step of the timeline: day, lane, label, id and why a step has no fixed day."""
    known = {entry.key: entry for entry in timeline.entries}
    return [{"day": entry.day, "lane": entry.track, "label": entry.label, "key": entry.key,
             "open": None if entry.day is not None else why_open(entry, known)} for entry in timeline.entries]


def charted(bench: Bench, draft: str, asked: str | None) -> Charted:
    """Return a draft's timeline and chart in a language (kept per file, mtime_ns, size and language)."""
    from agreements.schedule.chart import chart_svg

    side = Side(bench.resolve(draft), draft)
    agreement = agreement_of(bench.root, side)
    lang = text_language(agreement, asked, draft)

    def make() -> Charted:
        timeline = schedule(agreement, lang)
        title = f"{language(lang).phrase('timeline_title', title=timeline.title)}, {timeline.subtitle}"
        with MATPLOTLIB:
            svg = chart_svg(timeline)
        return Charted(timeline, accessible_svg(svg, title, language(lang).tag), table_rows(timeline),
                       tuple(agreement.meta.languages))

    return CHARTS.get((side.key(), lang), make)


async def timeline_page(request: Request):
    """Return the timeline page of a draft: the chart, then a table of the same steps."""
    bench: Bench = request.app.state.bench
    draft = request.path_params["path"]
    result = await run_in_threadpool(charted, bench, draft, language_asked(request.query_params.get("lang", "")))
    lanes = language(result.timeline.lang).terms.get("lanes", {})
    return bench.page(request, "timeline.html", draft=draft, result=result, lanes=lanes,
                      shown=language(result.timeline.lang))


routes = [Route("/timeline/{path:path}", timeline_page, methods=["GET"])]
