"""The positions matrix: a landscape table of every open node — its options, and each party's stance and note.

A node is open when it is bracketed or pending, or when it carries alternatives not withdrawn. Rows follow
document order; the provision column uses the numbering of the rendered text ('paragraph 1 of Article 4') and
the article's heading. Everything in the table is in words: parties, bodies, zones and steps by their names,
values by their terms (agreements/package/wording.py), never by their ids.
"""

from __future__ import annotations

from collections import Counter

from agreements.diff.compare import label, parameter_changes
from agreements.index import Place, index_of
from agreements.document.blocks import LINE_BREAK, Block, Document, Inline, Run, simple_block, table_row
from agreements.document.compose import document_time
from agreements.render.docx.reports import report_docx
from agreements.model import Agreement, Article, Part, Party, Recital
from agreements.package.wording import Wording, place_reference
from clauses.base import OPEN_STATUSES, STRUCTURAL_FIELDS, Alternative, ClauseBase, Node
from clauses.languages import DEFAULT_LANGUAGE, language

ENGLISH = language(DEFAULT_LANGUAGE)
NONE = "—"
STANCES = ("support", "oppose", "reserve")
HEAD = ("Provision", "Status", "Options")
FIXED_CM = (4.5, 1.9, 4.8)  # provision, status, options; the party columns share the rest of the width
MARGINS_CM = {"left_margin": 1.5, "right_margin": 1.5, "bottom_margin": 1.5, "top_margin": 2.2, "header_distance": 1.0}
KEY = ("Options are lettered as in the text: A is the base text, B, C… the alternatives not withdrawn. "
       "Stances and notes are as recorded in the draft; “—” means no stance is recorded.")


def open_nodes(agreement: Agreement) -> list[Node]:
    """Return the nodes that are bracketed or pending or carry open alternatives, in document order.

    A part or article counts only with alternatives or positions of its own, not for the open provisions it holds.
    """
    return [visit.model for visit in index_of(agreement).visits if isinstance(visit.model, Node) and _is_open(visit.model)]


def _is_open(node: Node) -> bool:
    """Return whether a node is open in its own right."""
    if node.open_alternatives():
        return True
    if is_container(node) and not node.positions:
        return False
    return node.status in OPEN_STATUSES


def is_container(node: Node) -> bool:
    """Return whether a node is a part or an article (open because it holds open provisions)."""
    return isinstance(node, (Part, Article))


def party_name(party: Party) -> str:
    """Return a party's short English name, else its English name, else its id."""
    return (party.short_names or {}).get(DEFAULT_LANGUAGE) or party.names.get(DEFAULT_LANGUAGE) or party.id


def status_text(status: str) -> str:
    """Return a status as words ('agreed ad referendum')."""
    return status.replace("_", " ")


def where(placed: dict[str, Place], node: Node) -> str:
    """Return the node's place in the rendered text, capitalised ('Paragraph 1 of Article 4', 'Preamble')."""
    text = label(placed.get(node.id))
    return "Preamble" if text == "the preamble" else text[:1].upper() + text[1:]


def option_sketch(wording: Wording, node: Node, alternative: Alternative) -> str:
    """Return what an alternative changes, in words: its parameters ('notice: 72 hours'), or 'own text'."""
    if alternative.text or not isinstance(node, ClauseBase):
        return "own text"
    base = node.model_dump(mode="json", exclude={*STRUCTURAL_FIELDS, "text"})
    proposed = node.variant(alternative).model_dump(mode="json", exclude={*STRUCTURAL_FIELDS, "text"})
    changes = parameter_changes(base, proposed)
    return "; ".join(wording.setting(type(node), node.kind, change) for change in changes) or "same parameters"


def names_of(agreement: Agreement, ids) -> str:
    """Return the short names of parties given by id, joined by commas."""
    parties = {party.id: party for party in agreement.parties}
    return ", ".join(party_name(parties[key]) if key in parties else key for key in ids)


def option_blocks(agreement: Agreement, wording: Wording, node: Node, holds: list[str]) -> list[Block]:
    """Return the options cell: option A (the base text) and each open alternative, with proposers."""
    alternatives = node.open_alternatives()
    if not alternatives:
        if holds:
            return [cell("holds", Run("Holds: ", italic=True), Run(", ".join(holds)))]
        proposers = f" ({names_of(agreement, node.proposed_by)})" if node.proposed_by else ""
        text = f"Text in brackets{proposers}" if node.status == "bracketed" else NONE
        return [cell("single", Run(text))]
    base = f", proposed by {names_of(agreement, node.proposed_by)}" if node.proposed_by else ""
    blocks = [cell("option:A", Run("A ", bold=True), Run(f"base text{base}"))]
    for index, alternative in enumerate(alternatives, 1):
        letter = chr(ord("A") + index)
        blocks.append(cell(f"option:{letter}", Run(f"{letter} ", bold=True),
                           Run(f"proposed by {names_of(agreement, alternative.proposed_by)}"),
                           Run(LINE_BREAK + option_sketch(wording, node, alternative), italic=True)))
    return blocks


def stance_blocks(node: Node, party: Party) -> list[Block]:
    """Return a party's cell: its stance in bold and its note, or a dash."""
    position = node.positions.get(party.id)
    if position is None:
        return [cell("stance", Run(NONE))]
    pieces = [Run(position.stance.capitalize(), bold=True)]
    if position.note:
        pieces.append(Run(LINE_BREAK + position.note))
    return [cell("stance", *pieces)]


def cell(key: str, *inlines: Inline) -> Block:
    """Return a paragraph of table text."""
    return simple_block("cell_text", key, *inlines, align="left")


def provision_blocks(node: Node, placed: dict) -> list[Block]:
    """Return the provision cell: its number in bold, the heading of its article (or the recital's number) below."""
    place = placed.get(node.id)
    if place is not None and isinstance(place.node, Recital):
        return [cell("provision", Run("Preamble", bold=True), Run(f"{LINE_BREAK}recital {place.index + 1}"))]
    article = placed.get(place.article) if place is not None else None
    heading = getattr(article.node, "heading", None) if article is not None else None
    below = [Run(LINE_BREAK + " ".join(ENGLISH.local(heading).split()))] if heading else []
    return [cell("provision", Run(where(placed, node), bold=True), *below)]


def held(agreement: Agreement, rows: list[Node]) -> dict[str, list[str]]:
    """Return, for each open part and article, where the open provisions inside it stand ('paragraph 3 of Article 8')."""
    placed = index_of(agreement).places
    found: dict[str, list[str]] = {}
    for node in rows:
        if is_container(node) or node.id not in placed:
            continue
        article = placed[node.id].article
        found.setdefault(article, []).append(place_reference(placed[node.id]))
        part = placed[article].parent if article in placed else ""
        if part in placed:
            found.setdefault(part, []).append(place_reference(placed[node.id]))
    return found


def summary_pieces(agreement: Agreement, rows: list[Node]) -> list[Inline]:
    """Return the summary: how many nodes are open, then each party's supports, opposes and reserves on them."""
    containers = sum(is_container(node) for node in rows)
    provisions = len(rows) - containers
    pieces = [Run(f"{len(rows)} open nodes", bold=True),
              Run(f": {provisions} provisions bracketed, pending or with options, and {containers} parts "
                    f"and articles holding them." + LINE_BREAK + "Stances on them — ")]
    for index, party in enumerate(agreement.parties):
        tally = Counter(node.positions[party.id].stance for node in rows if party.id in node.positions)
        counts = ", ".join(f"{tally[stance]} {stance}" for stance in STANCES)
        end = "." if index == len(agreement.parties) - 1 else "; "
        pieces += [Run(party_name(party), bold=True), Run(f" {counts}{end}")]
    return pieces


def matrix_document(agreement: Agreement) -> Document:
    """Return the positions matrix as a report tree: a summary line, then one table row per open node."""
    meta = agreement.meta
    rows = open_nodes(agreement)
    date = ENGLISH.date(meta.date)
    header = ENGLISH.phrase("draft_header", round=meta.round, version=meta.version, date=date)
    round_line = ENGLISH.phrase("round", round=meta.round, version=meta.version, date=date)
    title = f"Positions matrix — {meta.version}"
    blocks = [simple_block("title", "title", title),
              simple_block("subtitle", "subtitle", meta.title.get(DEFAULT_LANGUAGE, "") + LINE_BREAK, round_line),
              simple_block("text", "summary", *summary_pieces(agreement, rows), align="left")]
    heads = [*HEAD, *(party_name(party) for party in agreement.parties)]
    table_rows = [table_row("head", [[cell("head", Run(text, bold=True))] for text in heads], heading=True)]
    placed, holds, wording = index_of(agreement).places, held(agreement, rows), Wording(agreement)
    for node in rows:
        contents = [provision_blocks(node, placed), [cell("status", status_text(node.status))],
                    option_blocks(agreement, wording, node, holds.get(node.id, []))]
        table_rows.append(table_row(node.id, contents + [stance_blocks(node, party) for party in agreement.parties],
                                    keep_together=True))
    widths = [*FIXED_CM, *[None] * len(agreement.parties)]
    blocks.append(Block("table", "matrix", children=table_rows, data={"columns": len(heads), "widths_cm": widths}))
    if not rows:
        blocks.append(simple_block("plain", "none", "No node is open: every provision is agreed."))
    blocks.append(simple_block("cell_text", "key", Run(KEY, italic=True)))
    settings = {"landscape": True, "margins_cm": MARGINS_CM, "header": f"{header} · Positions matrix", "title": title}
    return Document([DEFAULT_LANGUAGE], document_time(agreement), blocks, settings)


def positions_matrix_docx(agreement: Agreement) -> bytes:
    """Return the positions matrix as Word bytes."""
    return report_docx(matrix_document(agreement))
