"""Writing a partner's changes into the draft's YAML: its alternatives, its new paragraphs, its position notes.

Our text stays the base. A changed or deleted node gets the partner's option (typed when a number is a
parameter, else its text in the document's language, or `delete: true`) and becomes bracketed when it was
agreed, agreed ad referendum or pending. An inserted paragraph becomes a pending node proposed by the partner,
after the node it follows (an inserted article heading, a pending article); a comment becomes the partner's
position note (`reserve`, unless the partner has a position there: then the note is added to it).
"""

from __future__ import annotations

from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from agreements.edit.yamledit import find_node, styled
from agreements.intake.changes import Changes, Deletion, Insertion, TextChange, Unplaced
from agreements.intake.options import tables_options
from agreements.intake.typed import typed_setting
from agreements.model import Agreement
from clauses.languages import language

OPENED = ("agreed", "agreed_ad_referendum", "pending")  # statuses a node leaves for "bracketed" when opposed
LEVELS = {"heading 1": "part", "heading 2": "article", "article paragraph": 0, "article point": 1, "article subpoint": 2,
          "recital": "recital"}


@dataclass(frozen=True)
class Taken:
    """A change written into the draft: the node it is on, what it became, and the partner's text."""

    node: str
    what: str
    text: str


class Placer:
    """Writes one partner's changes into a round-trip draft document."""

    def __init__(self, document: CommentedMap, agreement: Agreement, party: str, lang: str):
        self.document, self.agreement, self.party, self.lang = document, agreement, party, lang
        self.taken: list[Taken] = []
        self.unplaced: list[Unplaced] = []
        self.ids = _all_ids(document)
        self.inserted: list[str | None] = []  # the id each insertion got (None: not placed)
        self.placed: dict[int, str | None] = {}  # the same, by the insertion's identity

    def place(self, changes: Changes) -> None:
        """Write every change, or list it as not placed."""
        for insertion in changes.insertions:
            self.placed[id(insertion)] = self._insert(insertion)
            self.inserted.append(self.placed[id(insertion)] or self._kept_place(insertion))
        for change in changes.texts:
            self._alternative_for_text(change)
        for deletion in changes.deletions:
            self._delete(deletion)
        for comment in changes.comments:
            self._note(comment.node, comment.text)
            self.taken.append(Taken(comment.node, "position note", comment.text))
        self.unplaced += changes.unplaced

    def _alternative_for_text(self, change: TextChange) -> None:
        """Give a node the partner's text as an option: a typed one when a changed number is its parameter."""
        found = None
        if change.inline or not change.in_option:
            found = typed_setting(self.agreement, change.node, self.lang, change.before, change.after, change.inline)
        if found is None and change.inline:
            self.unplaced.append(Unplaced(change.after, "a change inside a paragraph with options: a value in an "
                                                        "option within the sentence that no parameter gives"))
        elif found is not None:
            self._add_alternative(change.node, {"set": found[0]})
            self.taken.append(Taken(change.node, found[1], change.after))
        else:
            self._add_alternative(change.node, {"text": {self.lang: change.after}})
            self._translation_pending(change.node)
            self.taken.append(Taken(change.node, "text alternative", change.after))

    def _delete(self, deletion: Deletion) -> None:
        """Give a node the partner's option to delete it; a moved one notes where it went."""
        self._add_alternative(deletion.node, {"delete": True})
        target = deletion.moved_to
        if target is None:
            self.taken.append(Taken(deletion.node, "delete", deletion.text))
            return
        where = self.placed.get(id(target))
        self._note(deletion.node, f"moves this paragraph to {where or 'a place not taken'}")
        self.taken.append(Taken(deletion.node, f"delete (moved to {where or 'a place not taken'})", deletion.text))

    def _add_alternative(self, node_id: str, content: dict) -> None:
        """Append the partner's alternative to a node and bracket the node if it was settled or pending."""
        node = find_node(self.document, node_id)[0]
        alternative = CommentedMap(id=self._fresh(f"{node_id}.{self.party}"))
        alternative["proposed_by"] = styled([self.party])
        alternative.update({key: styled(value) for key, value in content.items()})
        node.setdefault("alternatives", CommentedSeq()).append(alternative)
        if node.get("status", "pending") in OPENED:
            node["status"] = "bracketed"

    def _translation_pending(self, node_id: str) -> None:
        """Mark a node's translation into the draft's other languages pending: its new option has only one."""
        node = find_node(self.document, node_id)[0]
        translation = node.setdefault("translation", styled({}))
        for lang in self.agreement.meta.languages:
            if lang != self.lang:
                translation[lang] = "pending"

    def _note(self, node_id: str, text: str) -> None:
        """Record the partner's note on a node: a reserve with it, or added to the position it has."""
        node = find_node(self.document, node_id)[0]
        positions = node.setdefault("positions", CommentedMap())
        if self.party in positions:
            held = positions[self.party]
            held["note"] = f"{held['note']} / {text}" if held.get("note") else text
            return
        positions[self.party] = styled({"stance": "reserve", "note": text})

    def _insert(self, insertion: Insertion) -> str | None:
        """Place an inserted paragraph as a pending node of the partner's; return its id (None: not placed)."""
        if tables_options("", insertion.text, self.lang):
            self.unplaced.append(Unplaced(insertion.text, "a change inside a paragraph with options: a new paragraph "
                                                          "showing options with their own proposers"))
            return None
        after = self._after(insertion)
        level = LEVELS.get(insertion.style.lower(), "same")
        spot = _spot(self.document, after, level) if after else None
        if spot is None:
            self.unplaced.append(Unplaced(insertion.text, "an inserted paragraph with no place in the draft's tree"))
            return None
        holder, index, prefix, kind = spot
        node = self._new_node(prefix, kind, insertion)
        holder.insert(index, node)
        what = "new article" if kind == "article" else "new paragraph"
        if insertion.moved_from:
            what += f" (moved from {insertion.moved_from})"
        self.taken.append(Taken(node["id"], what, insertion.text))
        return node["id"]

    def _kept_place(self, insertion: Insertion) -> str | None:
        """Return what follows a paragraph not placed follows instead: its own place when it showed options, else none."""
        return self._after(insertion) if tables_options("", insertion.text, self.lang) else None

    def _after(self, insertion: Insertion) -> str | None:
        """Return the id of the node an insertion follows (an earlier insertion's, when it follows one)."""
        after = insertion.after_node
        if after and after.startswith("+"):
            return self.inserted[int(after[1:])]
        return after

    def _new_node(self, prefix: str, kind: str, insertion: Insertion) -> CommentedMap:
        """Return a pending node proposed by the partner holding the inserted text."""
        node = CommentedMap(id=self._fresh(f"{prefix}.{self.party}"))
        if kind == "article":
            node["kind"] = "article"
            node["heading"] = styled({self.lang: _heading_title(insertion.text, self.lang)})
        elif kind == "text":
            node["kind"] = "text"
        node["status"] = "pending"
        node["proposed_by"] = styled([self.party])
        if kind != "article":
            node["text"] = styled({self.lang: insertion.text})
        others = [lang for lang in self.agreement.meta.languages if lang != self.lang]
        if others:
            node["translation"] = styled({lang: "pending" for lang in others})
        if insertion.moved_from:
            node["note"] = f"Moved here from {insertion.moved_from} by {self.party}."
        return node

    def _fresh(self, stem: str) -> str:
        """Return the first id 'stem-1', 'stem-2' … no node or option uses, and mark it used."""
        count = 1
        while f"{stem}-{count}" in self.ids:
            count += 1
        self.ids.add(f"{stem}-{count}")
        return f"{stem}-{count}"


def _spot(document: CommentedMap, after: str, level: object) -> tuple[list, int, str, str] | None:
    """Return where a new node goes after a node: the list, the index, its id's prefix and its kind; None if nowhere."""
    chain = _chain(document, after)
    if chain is None:
        return None
    node, holder, ancestors = chain
    if level == "part":  # a new part or annex is structure, not an option
        return None
    if holder is document.get("preamble"):
        return (holder, holder.index(node) + 1, "preamble", "recital") if level in ("recital", "same") else None
    kind = node.get("kind")
    if level == "article":
        return _article_spot(document, node, holder, ancestors)
    if kind == "part":
        return None
    if kind in ("article", "annex", "protocol"):
        return node.setdefault("children", CommentedSeq()), 0, node["id"], "text"
    depth = len([item for item in ancestors if item.get("kind") not in ("part", "article", "annex", "protocol")])
    article = next((item["id"] for item in reversed(ancestors) if item.get("kind") in ("article", "annex")), "art")
    wanted = depth if level == "same" else level
    if wanted > depth:
        return node.setdefault("children", CommentedSeq()), 0, article, "text"
    while depth > wanted:
        node, holder = ancestors[-1], _holder_of(document, ancestors[-1]["id"])
        ancestors, depth = ancestors[:-1], depth - 1
    return holder, holder.index(node) + 1, article, "text"


def _article_spot(document, node, holder, ancestors) -> tuple[list, int, str, str] | None:
    """Return where a new article goes after a node: after the article that node is in (or opening a part)."""
    if node.get("kind") == "part":
        return node.setdefault("children", CommentedSeq()), 0, "art", "article"
    articles = [item for item in [*ancestors, node] if item.get("kind") == "article"]
    if not articles:
        return None
    article = articles[0]
    siblings = _holder_of(document, article["id"])
    return siblings, siblings.index(article) + 1, "art", "article"


def _holder_of(document: CommentedMap, node_id: str) -> list:
    """Return the list that holds a node."""
    return find_node(document, node_id)[1]


def _chain(document: CommentedMap, node_id: str) -> tuple[CommentedMap, list, list[CommentedMap]] | None:
    """Return a node, the list holding it and the nodes above it (outermost first), or None when absent."""
    def walk(items: list, above: list) -> tuple | None:
        for item in items:
            if not isinstance(item, dict):
                continue
            if item.get("id") == node_id:
                return item, items, above
            found = walk(item.get("children", []), [*above, item])
            if found:
                return found
        return None

    for section in ("preamble", "body", "annexes"):
        found = walk(document.get(section) or [], [])
        if found:
            return found
    return None


def _heading_title(text: str, lang: str) -> str:
    """Return an article heading's title without the separator after the (list-numbered) label."""
    separator = language(lang).phrase("heading", label="", title="\x00").split("\x00")[0].strip()
    return text.strip().removeprefix(separator).strip() if separator else text.strip()


def _all_ids(value: object) -> set[str]:
    """Return every id in a draft document."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("id"), str):
                found.add(item["id"])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found
