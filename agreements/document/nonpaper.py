"""A non-paper: the draft's text with every attribution taken out, so that it commits no party.

What goes is who said what: each option's and node's proposers, the parties' positions and their notes, the
drafters' notes and the side that drafts them. The parties themselves (the list of parties, their names in the
text and as signatories) are the draft's own text and stay. Options keep their letters ("Option A", "A안",
"方案A"), so they read neutrally once their proposers are gone. Every output of a non-paper is made from this
copy: the document tree (compose with non_paper), the comparison of two versions, the timeline.
"""

from __future__ import annotations

from agreements.model import Agreement
from agreements.tree import iter_models
from clauses.base import Alternative, Node


def non_paper_versions(old: Agreement, new: Agreement) -> tuple[Agreement, Agreement]:
    """Return two versions without attribution, to be compared for a non-paper's report, redline and summary."""
    return without_attribution(old), without_attribution(new)


def without_attribution(agreement: Agreement) -> Agreement:
    """Return a copy of the agreement in which no option, position or note says which party it comes from."""
    copy = agreement.model_copy(deep=True)
    copy._index = None
    copy._source = agreement.source
    copy.meta.drafted_by = None
    for visit in iter_models(copy):
        if isinstance(visit.model, Node):
            _unattributed(visit.model)
    return copy


def _unattributed(node: Node) -> None:
    """Take a node's proposers, positions and drafters' note out, and those of its alternatives (returns None)."""
    node.proposed_by = []
    node.positions = {}
    node.note = None
    for alternative in node.alternatives:
        _anonymous_alternative(alternative)


def _anonymous_alternative(alternative: Alternative) -> None:
    """Take an alternative's proposers out (returns None)."""
    alternative.proposed_by = []


def non_paper_mark(words) -> str:
    """Return the mark every page of a non-paper bears, in a language ('Non-paper — without prejudice …')."""
    return words.phrase("non_paper_mark")


def non_paper_author(words) -> str:
    """Return the neutral author of a non-paper's comments, tracked changes and properties, in a language."""
    return words.phrase("non_paper_author")
