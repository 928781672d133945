"""The change summary as a Word report: per article, a table of what changed, before, after and who proposed it."""

from __future__ import annotations

from agreements.diff.compare import Change, Comparison, Wording, label, naming_of
from agreements.diff.negotiation import BASE, option_letters
from agreements.diff.report import grouped
from agreements.diff.words import DELETE, EQUAL, INSERT
from agreements.document.blocks import Block, Document, Inline, Run, simple_block, table_row
from agreements.document.compose import document_time
from agreements.document.nonpaper import non_paper_author, non_paper_mark
from agreements.index import index_of
from agreements.model import Agreement
from agreements.render.docx.reports import report_docx
from clauses.formatting import Naming, parameter_label, show
from clauses.languages import DEFAULT_LANGUAGE, language

COLUMNS = (("Provision", 4.0), ("What changed", 4.2), ("Before", None), ("After", None), ("Proposed by", 3.4))
NOTHING = "—"
WHAT = {"added": "Added", "removed": "Removed", "moved": "Moved", "renumbered": "Renumbered", "status": "Status",
        "alternatives": "Options", "positions": "Positions", "notes": "Drafters' note", "meta": "Agreement"}
KEY = "Words in bold are those deleted (Before) or inserted (After)."
PROPOSED_BY_KEY = (" Proposed by: the parties proposing the provision, or tabling the options; for positions, the "
                   "parties whose position changed.")


class SummaryRows:
    """The table rows of a comparison's changes, with the nodes, texts and party names of both versions."""

    def __init__(self, comparison: Comparison, attributed: bool = True):
        self.comparison = comparison
        self.attributed = attributed  # with the Proposed by column (not in a non-paper)
        self.places = (index_of(comparison.old).places, index_of(comparison.new).places)
        self.wordings = (Wording(comparison.old), Wording(comparison.new))
        self.names = {**_party_names(comparison.old), **_party_names(comparison.new)}

    def rows(self, change: Change, key: str) -> list[Block]:
        """Return the rows of one change (a row per parameter for parameter changes)."""
        provision = self.provision(change)
        proposers = [[simple_block("cell_text", "by", self.proposed_by(change))]] if self.attributed else []
        return [table_row(f"{key}:{index}", [provision, [_cell(what)], before, after, *proposers], keep_together=True)
                for index, (what, before, after) in enumerate(self.contents(change))]

    def provision(self, change: Change) -> list[Block]:
        """Return the cell naming the provision: where it stands (where it stood, if removed), and its id."""
        if change.kind in ("meta", "registry") or change.node == "meta":
            return [_cell(change.details.get("registry", "agreement").capitalize())]
        placed = self.places[1].get(change.node)
        where = label(placed) if placed is not None else f"was {label(self.places[0].get(change.node))}"
        return [simple_block("cell_text", "node", where, "\n", Run(change.node, italic=True))]

    def contents(self, change: Change) -> list[tuple[str, list[Block], list[Block]]]:
        """Return a change as (what changed, before, after) triples."""
        details = change.details
        method = getattr(self, f"row_{change.kind}", None)
        if method is not None:
            return method(change)
        if "from" in details:
            return [(WHAT[change.kind], [_cell(_words(details["from"]))], [_cell(_words(details["to"]))])]
        return [(change.summary, [_cell(NOTHING)], [_cell(NOTHING)])]

    def row_added(self, change: Change):
        """Return an added node: where it stands, and what it says."""
        text = self._own_text(1, change.node)
        return [(f"Added as {label(self.places[1][change.node])}", [_cell(NOTHING)], [_cell(text or NOTHING)])]

    def row_removed(self, change: Change):
        """Return a removed node: where it stood, and what it said."""
        text = self._own_text(0, change.node)
        return [(f"Removed (was {label(self.places[0][change.node])})", [_cell(text or NOTHING)], [_cell(NOTHING)])]

    def row_alternatives(self, change: Change):
        """Return the options withdrawn and tabled, each with its proposers."""
        old, new = self._node(0, change.node), self._node(1, change.node)
        details = change.details
        withdrawn = [self._option(old, key) for key in details["withdrawn"]]
        if details.get("settled"):
            adopted = self._option(old, details["adopted"]) if details["adopted"] else "none adopted as tabled"
            dropped = [self._option(old, key) for key in details["dropped"]]
            rows = [("Bracket settled: option adopted", [_cell(NOTHING)], [_cell(adopted)]),
                    ("Options dropped", [_cell("\n".join(dropped) or NOTHING)], [_cell(NOTHING)])]
            if withdrawn:
                rows.append(("Options withdrawn", [_cell("\n".join(withdrawn))], [_cell(NOTHING)]))
            return rows
        tabled = [self._option(new, key) for key in details["tabled"]]
        return [("Options withdrawn and tabled", [_cell("\n".join(withdrawn) or NOTHING)],
                 [_cell("\n".join(tabled) or NOTHING)])]

    def _option(self, node, key: str) -> str:
        """Return an option as the text labels it ('Option C'; the base text, the node's own id, 'Option A'), with
        its proposers' names."""
        found = next((alternative for alternative in node.alternatives if alternative.id == key), None)
        proposers = self._names(found.proposed_by if found else node.proposed_by if key == node.id else [])
        name = f"Option {option_letters(node).get(key, BASE)}"
        return f"{name} ({proposers})" if proposers else name

    def row_positions(self, change: Change):
        """Return the positions of the parties that moved, before and after."""
        old, new = self._node(0, change.node), self._node(1, change.node)
        before = [self._position(old, move["party"]) for move in change.details["positions"]]
        after = [self._position(new, move["party"]) for move in change.details["positions"]]
        if change.details.get("cleared"):
            after = [f"Positions cleared: the text is {_words(new.status)}"]
        return [("Positions", [_cell("\n".join(before))], [_cell("\n".join(after))])]

    def _position(self, node, party: str) -> str:
        """Return a party's position on a node as 'China: reserve — its note'."""
        position = node.positions.get(party)
        if position is None:
            return f"{self.names.get(party, party)}: {NOTHING}"
        note = f" — {position.note}" if position.note else ""
        return f"{self.names.get(party, party)}: {position.stance}{note}"

    def row_notes(self, change: Change):
        """Return the drafters' note before and after."""
        old, new = change.details["old"], change.details["new"]
        return [("Drafters' note", [_cell(old or NOTHING)], [_cell(new or NOTHING)])]

    def row_parameters(self, change: Change):
        """Return a row per parameter: its label, its old and its new value."""
        node = self._node(1, change.node)
        naming = naming_of(self.wordings, getattr(node, "kind", ""))
        return [(parameter_label(type(node), item["parameter"]), [_cell(_value(item, "old", naming))],
                 [_cell(_value(item, "new", naming))]) for item in change.details["parameters"]]

    def row_meta(self, change: Change):
        """Return a change of the title, round, version, date or languages."""
        details = change.details
        return [(details["field"].replace("_", " ").capitalize(), [_cell(show(details["field"], details["old"]))],
                 [_cell(show(details["field"], details["new"]))])]

    def _own_text(self, side: int, node_id: str) -> str:
        """Return a node's heading or own text, as the reader sees it, in the report's language."""
        node = self._node(side, node_id)
        heading = getattr(node, "heading", None)
        if heading is not None or not hasattr(node, "text"):
            return (heading or {}).get(DEFAULT_LANGUAGE, "")
        return self.wordings[side].text(node, DEFAULT_LANGUAGE)

    def _node(self, side: int, node_id: str):
        """Return a node of the old (0) or new (1) version."""
        return self.places[side][node_id].node

    def row_text(self, change: Change):
        """Return a text change: the words of the report's language (else the first), those changed in bold."""
        diffs = change.details["diff"]
        lang = DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in diffs else next(iter(diffs))
        diff = diffs[lang]
        before = [Run(text, bold=op == DELETE) for op, text in diff if op in (EQUAL, DELETE)]
        after = [Run(text, bold=op == INSERT) for op, text in diff if op in (EQUAL, INSERT)]
        what = f"{change.details['field'].replace('_', ' ').capitalize()} ({language(lang).name})"
        return [(what, [_cell(*before) if before else _cell(NOTHING)], [_cell(*after) if after else _cell(NOTHING)])]

    def proposed_by(self, change: Change) -> str:
        """Return the names of the parties behind a change: the tabling ones, those moving, or the proposers."""
        if change.kind in ("meta", "registry") or change.node == "meta":
            return NOTHING
        if change.kind == "alternatives" and change.details.get("settled"):
            old, adopted = self._node(0, change.node), change.details["adopted"]
            parties = old.proposed_by if adopted == old.id else [party for alternative in old.alternatives
                                                                 if alternative.id == adopted
                                                                 for party in alternative.proposed_by]
        elif change.kind == "alternatives":
            new = self._node(1, change.node)
            parties = [party for alternative in new.alternatives if alternative.id in change.details["tabled"]
                       for party in alternative.proposed_by]
        elif change.kind == "positions":
            parties = [move["party"] for move in change.details["positions"]]
        else:
            side = 0 if change.kind == "removed" else 1
            parties = self._node(side, change.node).proposed_by
        return self._names(parties) or NOTHING

    def _names(self, parties: list[str]) -> str:
        """Return parties' names, each once, in order."""
        return ", ".join(self.names.get(party, party) for party in dict.fromkeys(parties))


def _party_names(agreement: Agreement) -> dict[str, str]:
    """Return each party's short name in the report's language, else its name."""
    return {party.id: (party.short_names or {}).get(DEFAULT_LANGUAGE) or party.names.get(DEFAULT_LANGUAGE, party.id)
            for party in agreement.parties}


def _cell(*inlines: Inline) -> Block:
    """Return a paragraph of a table cell."""
    return simple_block("cell_text", "cell", *inlines)


def _words(value) -> str:
    """Return a status or place as words ('agreed ad referendum')."""
    return NOTHING if value is None else str(value).replace("_", " ")


def _value(item: dict, side: str, naming: Naming) -> str:
    """Return one side of a parameter change as a reader expects it ('15 km', names for ids)."""
    return show(item["parameter"].rsplit(".", 1)[-1], item[side], naming)


def summary_document(comparison: Comparison, old_name: str, new_name: str, non_paper: bool = False) -> Document:
    """Return the change summary as a report tree: the versions, the counts, then a table of changes per article.

    non_paper: the summary of two non-paper copies: the non-paper mark in its header and a neutral author.
    """
    old, new = comparison.old.meta, comparison.new.meta
    words = language(DEFAULT_LANGUAGE)
    title = f"Changes from {old.version} to {new.version}"
    versions = (f"{old_name} ({old.version}, {words.date(old.date)}) → "
                f"{new_name} ({new.version}, {words.date(new.date)})")
    blocks = [simple_block("title", "title", title),
              simple_block("subtitle", "agreement", new.title.get(DEFAULT_LANGUAGE, "")),
              simple_block("byline", "versions", versions),
              simple_block("text", "counts", comparison.counts_line(), align="left")]
    if not comparison.related:
        blocks.append(simple_block("text", "unrelated", Run("The two drafts share no ids: they are not versions of "
                                                            "one agreement, so everything is removed and added.",
                                                            bold=True), align="left"))
    rows = SummaryRows(comparison, attributed=not non_paper)
    columns = COLUMNS[:-1] if non_paper else COLUMNS
    for index, (heading, changes) in enumerate(grouped(comparison)):
        blocks.append(simple_block("section", f"group:{index}", heading))
        blocks.append(_table(f"table:{index}", columns, [row for number, change in enumerate(changes)
                                                         for row in rows.rows(change, f"change:{index}:{number}")]))
    if comparison.changes:
        key = KEY if non_paper else KEY + PROPOSED_BY_KEY
        blocks.append(simple_block("cell_text", "key", Run(key, italic=True)))
    settings = {"landscape": True, "header": f"{title} · {new.title.get(DEFAULT_LANGUAGE, '')}", "title": title}
    if comparison.notes and not non_paper:  # it reports the drafters' notes, as render --internal marks its edition
        settings["header"] += f" · {words.phrase('internal_mark')}"
        blocks.insert(4, simple_block("byline", "internal", Run(words.phrase("internal_mark"), bold=True)))
    if non_paper:
        settings |= {"header": f"{settings['header']} · {non_paper_mark(words)}", "author": non_paper_author(words)}
    return Document([DEFAULT_LANGUAGE], document_time(comparison.new), blocks, settings)



def _table(key: str, columns: tuple, rows: list[Block]) -> Block:
    """Return a table of changes: a heading row, then the rows."""
    head = table_row("head", [[simple_block("cell_text", "head", Run(name, bold=True))] for name, _ in columns],
                     heading=True)
    return Block("table", key, children=[head, *rows],
                 data={"columns": len(columns), "widths_cm": [width for _, width in columns]})


def summary_docx(comparison: Comparison, old_name: str, new_name: str, non_paper: bool = False) -> bytes:
    """Return the change summary as a Word document (non_paper: of two non-paper copies, marked, neutral)."""
    return report_docx(summary_document(comparison, old_name, new_name, non_paper))
