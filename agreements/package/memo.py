"""The cover memo of a negotiation text package: what changed, what is open, what the checks found, what it holds.

The words come from the jinja2 template `templates/memo/cover-memo.en.j2`, which writes a small line markup
that this module turns into Word paragraphs:

    = text          the title
    # text          a heading
    ## text         a subheading
    * Label: text   a line of the memo's heading block: the label in bold, the text at a tab stop
    - text          a bullet
    ~ text          a note, in italics
    @chart          the implementation timeline chart (nothing when no chart is given)
    any other line  body text; consecutive lines join into one paragraph
    a blank line    ends a paragraph

Every value the template prints is put on one line (runs of white space become one space), so text taken
from a draft cannot begin a markup line of its own. Provisions are named by where they stand and their
article's heading, values in words (agreements/package/wording.py): the memo shows no ids.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import jinja2

from agreements.diff.compare import Change, Comparison, label
from agreements.index import index_of
from agreements.document.blocks import Block, Document, Run, simple_block
from agreements.document.compose import document_time
from agreements.render.docx.reports import report_docx
from agreements.model import Agreement, Recital
from agreements.package.matrix import is_container, open_nodes, status_text
from agreements.package.wording import Wording, place_reference, place_words
from agreements.rules.context import Finding
from clauses.base import Node
from clauses.languages import DEFAULT_LANGUAGE, LanguageError, language
from templates import FOLDER

ENGLISH = language(DEFAULT_LANGUAGE)
WHITE_SPACE = re.compile(r"\s+")
TEMPLATE = "cover-memo.en.j2"
CHART_CM = 15.0
NOTABLE_LIMIT = 8
ROLES = {"signatory": ("Signatory", "Signatories"), "guarantor": ("Guarantor", "Guarantors"),
         "witness": ("Witness", "Witnesses"), "observer": ("Observer", "Observers")}
MARKERS = ("=", "#", "##", "*", "-", "~")


@dataclass(frozen=True)
class Line:
    """One paragraph of the memo: its markup kind ('=', '#', '##', '*', '-', '~', '@chart' or '') and text."""

    kind: str
    text: str


def _one_line(value):
    """Return a printed value with every run of white space (line breaks included) made one space."""
    return WHITE_SPACE.sub(" ", value) if isinstance(value, str) else value


@functools.cache
def environment() -> jinja2.Environment:
    """Return the jinja2 environment of the memo templates (strict, no escaping, trimmed blocks)."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(FOLDER / "memo")), undefined=jinja2.StrictUndefined,
                              autoescape=False, trim_blocks=True, lstrip_blocks=True, finalize=_one_line)


def parse(markup: str) -> list[Line]:
    """Return the paragraphs of the memo markup, in order."""
    lines: list[Line] = []
    body: list[str] = []

    def flush() -> None:
        if body:
            lines.append(Line("", " ".join(body)))
            body.clear()

    for raw in markup.splitlines():
        text = raw.strip()
        marker, _, rest = text.partition(" ")
        if text == "@chart":
            flush()
            lines.append(Line("@chart", ""))
        elif marker in MARKERS and rest:
            flush()
            lines.append(Line(marker, rest.strip()))
        elif text:
            body.append(text)
        else:
            flush()
    flush()
    return lines


def block_of(line: Line, index: int, chart: bytes | None = None) -> Block | None:
    """Return the block of one markup line (None for the chart when there is none)."""
    key = f"memo:{index}"

    def block(block_type: str, *inlines, align: str | None = "left") -> Block:
        return simple_block(block_type, key, *inlines, align=align)

    if line.kind == "@chart":
        return Block("picture", key, data={"png": chart, "width_cm": CHART_CM}) if chart is not None else None
    if line.kind == "*":
        label, _, text = line.text.partition(": ")
        return block("field", Run(f"{label}:", bold=True), text)
    if line.kind == "-":
        return block("bullet", "•", line.text)
    if line.kind == "~":
        return block("text", Run(line.text, italic=True))
    if line.kind in ("#", "##"):
        return block("heading" if line.kind == "#" else "subheading", line.text)
    return block("title" if line.kind == "=" else "text", line.text, align=None)


def key_parameters(comparison: Comparison) -> list[dict]:
    """Return every changed parameter, in words, with where its node stands in the new version."""
    places = index_of(comparison.new).places
    wording = Wording(comparison.new, comparison.old)
    found = []
    for change in comparison.changes:
        if change.kind != "parameters":
            continue
        node = places[change.node].node if change.node in places else None
        for item in change.details.get("parameters", []):
            found.append({"where": place_words(places.get(change.node), places),
                          "text": wording.change(type(node) if node else None, getattr(node, "kind", ""), item)})
    return found


def _rank(change: Change) -> int | None:
    """Return how notable a change is (0 most), or None when the memo leaves it to the redline."""
    whole = change.node == change.article
    if change.kind in ("added", "removed", "moved") and whole:
        return 0
    if change.kind == "status" and not whole and "bracketed" in (change.details["from"], change.details["to"]):
        return 1
    if change.kind in ("added", "moved"):
        return 2
    if change.kind == "status" and not whole:
        return 3
    return None


def _notable_text(change: Change, places: dict, old_places: dict) -> str:
    """Return one notable change as a line: where the node stands (and stood), with its article's heading."""
    new, old = places.get(change.node), old_places.get(change.node)
    if change.kind == "status":
        details = change.details
        return f"{place_words(new, places)}: {status_text(details['from'])} → {status_text(details['to'])}"
    if change.kind == "removed":
        return f"{place_words(old, old_places)}: removed"
    if change.kind == "moved" and old is not None:
        return f"{place_words(new, places)}: moved here from {label(old)}"
    return f"{place_words(new, places)}: {change.kind}"


def notable(comparison: Comparison) -> tuple[list[str], int]:
    """Return the most notable other changes as lines, and how many more of those kinds the memo leaves out."""
    ranked = [(rank, index, change) for index, change in enumerate(comparison.changes)
              if (rank := _rank(change)) is not None]
    ranked.sort(key=lambda item: item[:2])
    places, old_places = index_of(comparison.new).places, index_of(comparison.old).places
    lines = [_notable_text(change, places, old_places) for _, _, change in ranked[:NOTABLE_LIMIT]]
    return lines, max(len(ranked) - NOTABLE_LIMIT, 0)


def changes_context(comparison: Comparison | None) -> dict:
    """Return what the template says about the changes since the previous version."""
    if comparison is None:
        return {"compared": False, "previous": "the previous round"}
    lines, more = notable(comparison)
    counts = [(kind, count) for kind, count in comparison.counts().items() if count]
    return {"compared": True, "previous": comparison.old.meta.version, "related": comparison.related,
            "total": len(comparison.changes), "counts": counts, "parameters": key_parameters(comparison),
            "notable": lines, "more": more}


def topic_name(node: Node, places: dict) -> str:
    """Return the topic a node is listed under: its clause topic, the preamble, or its article for free text."""
    if isinstance(node, Recital):
        return "Preamble"
    topic = getattr(type(node), "topic", "")
    if not topic:
        placed = places.get(places[node.id].article) if node.id in places else None
        heading = (placed.node.heading or {}).get(DEFAULT_LANGUAGE) if placed and placed.node.heading else None
        return f"{heading} (free text)" if heading else "Free text"
    try:
        words = ENGLISH.term(topic, "topics")
    except LanguageError:
        words = topic.replace("_", " ")
    return words[:1].upper() + words[1:]


def topics_context(agreement: Agreement) -> dict:
    """Return the open provisions grouped by topic, with how many are bracketed, pending or with options."""
    places = index_of(agreement).places
    rows = open_nodes(agreement)
    provisions = [node for node in rows if not is_container(node)]
    groups: dict[str, list[Node]] = {}
    for node in provisions:
        groups.setdefault(topic_name(node, places), []).append(node)
    topics = []
    for name, nodes in groups.items():
        tally = [("bracketed", sum(node.status == "bracketed" for node in nodes)),
                 ("pending", sum(node.status == "pending" for node in nodes)),
                 ("with options", sum(bool(node.open_alternatives()) for node in nodes))]
        topics.append({"name": name, "tally": [(word, count) for word, count in tally if count],
                       "places": [place_reference(places.get(node.id)) for node in nodes]})
    return {"topics": topics, "open_count": len(provisions), "containers": len(rows) - len(provisions)}


def finding_context(finding: Finding, places: dict) -> dict:
    """Return one finding as the template prints it: its node by where it stands (its id when it has no place)."""
    where = place_words(places[finding.node_id], places) if finding.node_id in places else finding.node_id
    return {"severity": finding.severity, "where": where, "message": finding.message, "rule": finding.rule}


def parties_by_role(agreement: Agreement) -> list[tuple[str, str]]:
    """Return, per role in the draft's order, the role's label ('Signatories') and its parties' English names."""
    roles: dict[str, list[str]] = {}
    for party in agreement.parties:
        roles.setdefault(party.role, []).append(party.names.get(DEFAULT_LANGUAGE, party.id))
    return [(ROLES[role][len(names) > 1], ENGLISH.join(names)) for role, names in roles.items()]


def memo_markup(agreement: Agreement, findings: Sequence[Finding], comparison: Comparison | None = None,
                chart: bool = False, contents: Sequence[tuple[str, str]] = ()) -> str:
    """Return the memo in its line markup, from the template."""
    meta = agreement.meta
    context = {"version": meta.version, "round": meta.round, "date": ENGLISH.date(meta.date),
               "title": meta.title.get(DEFAULT_LANGUAGE, ""), "parties": parties_by_role(agreement), "chart": chart,
               "findings": [finding_context(finding, index_of(agreement).places) for finding in findings],
               "contents": [(name, description) for name, description in contents],
               **changes_context(comparison), **topics_context(agreement)}
    return environment().get_template(TEMPLATE).render(context)


def header_text(agreement: Agreement) -> str:
    """Return the page header: the short title, round, version and date, and what the document is."""
    meta = agreement.meta
    name = (meta.short_title or {}).get(DEFAULT_LANGUAGE) or meta.title.get(DEFAULT_LANGUAGE, "")
    return f"{name} · Round {meta.round} ({meta.version}) · {ENGLISH.date(meta.date)} · Cover memo"


def memo_docx(agreement: Agreement, findings: Sequence[Finding], comparison: Comparison | None = None,
              chart_png: bytes | None = None, contents: Sequence[tuple[str, str]] = ()) -> bytes:
    """Return the cover memo as Word bytes."""
    markup = memo_markup(agreement, findings, comparison, chart_png is not None, contents)
    blocks = [block_of(line, index, chart_png) for index, line in enumerate(parse(markup))]
    settings = {"header": header_text(agreement), "title": f"Cover memo — {agreement.meta.version}"}
    document = Document([DEFAULT_LANGUAGE], document_time(agreement), [block for block in blocks if block], settings)
    return report_docx(document)
