"""What each change of the diff page shows below its summary: the text added or removed, the words changed, and a
before | after table of statuses, options, positions, notes, parameters and places."""

from __future__ import annotations

from markupsafe import Markup

from agreements.diff.compare import Change, Comparison, Wording, naming_of, shown_meta, where
from agreements.diff.negotiation import option_letters
from agreements.diff.html_marks import NOTHING, element, joined, mark, text_views, whole
from agreements.diff.words import DELETE, INSERT
from agreements.index import Place, index_of
from clauses.base import ClauseBase
from clauses.formatting import parameter_label, show
from clauses.languages import DEFAULT_LANGUAGE, language

WHAT = {"moved": "Place", "renumbered": "Number", "status": "Status", "notes": "Drafters' note"}


class ChangeDetails:
    """The details of a comparison's changes, with both versions' places and wordings, in one language."""

    def __init__(self, comparison: Comparison, lang: str):
        self.comparison = comparison
        self.lang = lang
        self.tag = language(lang).tag
        self.places = (index_of(comparison.old).places, index_of(comparison.new).places)
        self.wordings = (Wording(comparison.old), Wording(comparison.new))
        self.versions = (f"Before ({comparison.old.meta.version})", f"After ({comparison.new.meta.version})")

    def location(self, change: Change) -> str:
        """Return where a change is: the node's place (where it stood, if removed), 'Agreement' or the registry."""
        if change.kind == "registry":
            return f"Registry of {change.details['registry']}"
        if change.node == "meta":
            return "Agreement"
        placed = self.places[1].get(change.node)
        if placed is None:
            return f"was {where(self.places[0][change.node])}"
        return where(placed)

    def details(self, change: Change) -> Markup:
        """Return what a change shows below its summary (nothing more for a registry change)."""
        method = getattr(self, f"_{change.kind}", None)
        if method is not None:
            return method(change)
        if "from" in change.details:
            return self._table([(WHAT[change.kind], _words(change.details["from"]), _words(change.details["to"]))])
        return Markup("")

    def _table(self, rows: list[tuple[object, object, object]]) -> Markup:
        """Return a before | after table: a row per thing changed, its old and its new value."""
        head = element("tr", element("td", ""), *(element("th", name, scope="col") for name in self.versions))
        body = [element("tr", element("th", what, scope="row"), element("td", before), element("td", after))
                for what, before, after in rows]
        return element("table", element("thead", head), element("tbody", *body), class_="pd-before-after")

    def _added(self, change: Change) -> Markup:
        """Return the text of an added node and of everything in it, inserted."""
        return self._whole(1, change.node, INSERT)

    def _removed(self, change: Change) -> Markup:
        """Return the text of a removed node and of everything that was in it, deleted."""
        return self._whole(0, change.node, DELETE)

    def _whole(self, side: int, node_id: str, operation: int) -> Markup:
        """Return a node's heading and text and those of its descendants with their places, marked whole."""
        rows = []
        for key in [node_id, *_descendants(self.places[side], node_id)]:
            placed = self.places[side][key]
            heading = (getattr(placed.node, "heading", None) or {}).get(self.lang, "")
            text = self.wordings[side].text(placed.node, self.lang) if isinstance(placed.node, ClauseBase) else ""
            if heading or text:
                place = element("p", where(placed), class_="pd-place") if key != node_id else None
                rows.append(element("div", place,
                                    whole(operation, heading, self.tag), whole(operation, text, self.tag),
                                    class_="pd-node-text"))
        return element("div", *rows, class_="pd-whole") if rows else Markup("")

    def _text(self, change: Change) -> Markup:
        """Return a text change word by word in each language, and the changes a reader cannot see, named."""
        diffs = {lang: [(operation, text) for operation, text in diff]
                 for lang, diff in change.details["diff"].items()}
        field = element("p", f"{change.details['field'].replace('_', ' ').capitalize()} changed", class_="pd-field")
        unseen = [element("li", f"{language(lang).name}: {'; '.join(found)}")
                  for lang, found in change.details.get("characters", {}).items()]
        named = element("div", element("p", "Changes a reader cannot see:"), element("ul", *unseen),
                        class_="pd-unseen") if unseen else None
        return joined([field, text_views(diffs, self.lang, self.versions), named])

    def _alternatives(self, change: Change) -> Markup:
        """Return the options withdrawn and tabled, or the option a settled bracket adopted and those it dropped:
        their letters, proposers and what they say."""
        old, new = self.places[0][change.node].node, self.places[1][change.node].node
        details = change.details
        withdrawn = [self._option(old, key, DELETE) for key in details["withdrawn"]]
        if details.get("settled"):
            adopted = details["adopted"]
            rows = [("Bracket", "open", "settled"),
                    ("Option adopted", self._option(old, adopted, 0) if adopted else NOTHING,
                     "adopted" if adopted else "none adopted as tabled"),
                    ("Options dropped", joined([self._option(old, key, DELETE) for key in details["dropped"]])
                     or NOTHING, NOTHING)]
            return self._table([*rows, *([("Options withdrawn", joined(withdrawn), NOTHING)] if withdrawn else [])])
        tabled = [self._option(new, key, INSERT) for key in details["tabled"]]
        return self._table([("Options withdrawn and tabled", joined(withdrawn) or NOTHING, joined(tabled) or NOTHING)])

    def _option(self, node, key: str, operation: int) -> Markup:
        """Return an option: 'Option C (China)', then its text, the parameters it sets, or 'Delete', marked (the base
        text, option A, when key is the node's own id; operation 0: unmarked)."""
        naming = naming_of(self.wordings, getattr(node, "kind", ""))
        if key == node.id:
            proposers = ", ".join(naming.of(party) for party in node.proposed_by)
            name = element("p", f"Option A ({proposers})" if proposers else "Option A", class_="pd-option")
            text = self.wordings[0].text(node, self.lang) if isinstance(node, ClauseBase) else ""
            return name + (whole(operation, text, self.tag) if operation else element("p", text, lang=self.tag))
        found = next(alternative for alternative in node.alternatives if alternative.id == key)
        proposers = ", ".join(naming.of(party) for party in found.proposed_by)
        name = element("p", f"Option {option_letters(node).get(key, '?')} ({proposers})", class_="pd-option")
        if found.delete:
            return name + element("p", "Delete")
        text = (found.text or {}).get(self.lang, "")
        settings = [f"{parameter_label(type(node), parameter)}: {show(parameter, value, naming)}"
                    for parameter, value in found.set.items()]
        if not operation:
            return joined([name, element("p", text, lang=self.tag) if text else None,
                           *(element("p", item) for item in settings)])
        return joined([name, whole(operation, text, self.tag),
                       *(element("p", mark(operation, setting)) for setting in settings)])

    def _positions(self, change: Change) -> Markup:
        """Return a row per party whose position changed: its stance and note before and after."""
        old, new = self.places[0][change.node].node, self.places[1][change.node].node
        naming, words = naming_of(self.wordings), language(DEFAULT_LANGUAGE)
        if change.details.get("cleared"):
            before = joined([element("p", f"{naming.of(move['party'])} {_stance(old, move['party'], words)}")
                             for move in change.details["positions"]])
            return self._table([("Positions", before, f"cleared: the text is {_words(new.status)}")])
        return self._table([(naming.of(move["party"]), _position(old, move["party"], words),
                             _position(new, move["party"], words)) for move in change.details["positions"]])

    def _notes(self, change: Change) -> Markup:
        """Return the drafters' note before and after, in full."""
        return self._table([("Drafters' note", change.details["old"] or NOTHING, change.details["new"] or NOTHING)])

    def _parameters(self, change: Change) -> Markup:
        """Return a row per parameter: its name, its old and its new value with their units."""
        node = self.places[1][change.node].node
        naming = naming_of(self.wordings, getattr(node, "kind", ""))
        return self._table([(parameter_label(type(node), item["parameter"]), _value(item, "old", naming),
                             _value(item, "new", naming)) for item in change.details["parameters"]])

    def _meta(self, change: Change) -> Markup:
        """Return a change of the round, version, date or languages."""
        details = change.details
        field = details["field"]
        return self._table([(field.replace("_", " ").capitalize(), shown_meta(field, details["old"]),
                             shown_meta(field, details["new"]))])


def _descendants(places: dict[str, Place], node_id: str) -> list[str]:
    """Return the ids of the nodes within a node, in the order of the text."""
    inside, found = {node_id}, []
    for key, placed in places.items():
        if placed.parent in inside:
            inside.add(key)
            found.append(key)
    return found


def _position(node, party: str, words) -> Markup:
    """Return a party's position on a node: its stance as the document words it ('supports'), its note below."""
    position = node.positions.get(party)
    if position is None:
        return Markup(NOTHING)
    note = element("p", position.note, class_="pd-note") if position.note else None
    return joined([element("p", _stance(node, party, words)), note])


def _stance(node, party: str, words) -> str:
    """Return a party's stance on a node as the document words it ('reserves its position'), '—' for none."""
    position = node.positions.get(party)
    return words.term(position.stance, "stances") if position else NOTHING


def _words(value) -> str:
    """Return a status, stance or place in words ('agreed ad referendum'), '—' for none."""
    return NOTHING if value is None else str(value).replace("_", " ")


def _value(item: dict, side: str, naming) -> str:
    """Return one side of a parameter change as a reader expects it ('15 km', names for ids)."""
    return show(item["parameter"].rsplit(".", 1)[-1], item[side], naming)
