"""The index of an agreement, built once: every model by id with its path, and every node's place in the text.

Editing, segments, composing, diff, timeline, matrix and compare all ask this index instead of walking the
tree again. An Agreement is not changed after it is loaded, so its index is kept with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from agreements.model import Agreement, Annex, Article, Part
from agreements.numbering import NodeNumber, node_numbers
from agreements.tree import Path, Visit, iter_models
from clauses.base import OPEN_STATUSES, ClauseBase, Node
from clauses.errors import Location

NO_FILE = "<draft>"


@dataclass(frozen=True)
class Place:
    """Where a node of the preamble or body stands: its parent, its place among its siblings, number and article."""

    node: Node
    parent: str  # the parent's id, or 'body' / 'preamble' / 'annexes'
    index: int
    number: NodeNumber | None  # None for a recital
    article: str  # the article (or part, or annex) it falls in; 'preamble' for a recital


class AgreementIndex:
    """Every model of an agreement by id and path, and the place of every node of its text."""

    def __init__(self, agreement: Agreement):
        self.agreement = agreement
        self.visits: list[Visit] = list(iter_models(agreement))
        self.by_id: dict[str, Visit] = {}
        for visit in self.visits:
            key = getattr(visit.model, "id", None)
            if isinstance(key, str):
                self.by_id.setdefault(key, visit)
        self.numbers: dict[str, NodeNumber] = node_numbers(agreement)
        self.places: dict[str, Place] = _places(agreement, self.numbers)

    def model(self, node_id: str):
        """Return the model with an id (the first, where an id repeats), or None."""
        visit = self.by_id.get(node_id)
        return visit.model if visit else None

    def path(self, node_id: str) -> Path:
        """Return where the model with an id stands in the tree (() when there is none)."""
        visit = self.by_id.get(node_id)
        return visit.path if visit else ()

    def locate(self, path: Path, key: bool = False) -> Location:
        """Return where a path is written in the draft's file, or the draft's name alone when it has none."""
        source = self.agreement.source
        return source.locate(path, key=key) if source else Location(NO_FILE)

    def location(self, node_id: str) -> Location:
        """Return where the model with an id is written (the file's start when no model has the id)."""
        if node_id not in self.by_id:
            source = self.agreement.source
            return Location(source.file) if source else Location(NO_FILE)
        return self.locate(self.path(node_id))

    def clauses(self) -> list[ClauseBase]:
        """Return every clause (paragraphs and the points below them), in document order."""
        return [visit.model for visit in self.visits if isinstance(visit.model, ClauseBase)]

    def paragraphs(self) -> list[ClauseBase]:
        """Return the paragraphs of the articles (not their points), in document order."""
        return [place.node for place in self.places.values()
                if place.number is not None and place.number.level == "paragraph"]

    def settled(self, path: Path) -> bool:
        """Return whether neither the model at a path nor any clause holding it is bracketed or pending."""
        current: object = self.agreement
        for step in path:
            current = current[step] if isinstance(current, (list, dict)) else getattr(current, step)
            if isinstance(current, ClauseBase) and current.status in OPEN_STATUSES:
                return False
        return True

    def holders(self, path: Path) -> tuple[object, ClauseBase | None, Article | None]:
        """Return the model at a path, the innermost clause holding it (or itself) and the article it stands in."""
        current: object = self.agreement
        clause = article = None
        for step in path:
            current = current[step] if isinstance(current, (list, dict)) else getattr(current, step)
            if isinstance(current, ClauseBase):
                clause = current
            elif isinstance(current, Article):
                article = current
        return current, clause, article


def _places(agreement: Agreement, where: dict[str, NodeNumber]) -> dict[str, Place]:
    """Return the place of every recital, part, article, paragraph, point and annex, in document order."""
    places: dict[str, Place] = {}
    for index, recital in enumerate(agreement.preamble):
        places[recital.id] = Place(recital, "preamble", index, None, "preamble")
    stack: list[tuple[Node, str, int, str]] = [(top, "body", index, "") for index, top in enumerate(agreement.body)]
    stack += [(annex, "annexes", index, "") for index, annex in enumerate(agreement.annexes)]
    while stack:
        node, parent, index, article = stack.pop(0)
        article = node.id if isinstance(node, (Article, Part, Annex)) else article
        places[node.id] = Place(node, parent, index, where.get(node.id), article)
        children = getattr(node, "children", [])
        stack[0:0] = [(child, node.id, child_index, article) for child_index, child in enumerate(children)]
    return places


def index_of(agreement: Agreement) -> AgreementIndex:
    """Return the index of an agreement, built on first use and kept with it."""
    if agreement._index is None:
        agreement._index = AgreementIndex(agreement)
    return agreement._index
