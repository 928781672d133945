"""Properties of the diff and the redline over generated pairs (a draft, an edited copy).

At the model level: accepting every tracked change of the redline of (a, b) gives the paragraphs peacedraft
renders for b, rejecting every one gives a's (tracked changes resolved in pure Python, see docx/revisions.py).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from agreements.diff.compare import compare_agreements
from agreements.diff.redline import paragraphs_of, redline_docx
from agreements.model import Agreement
from tests.agreements.render.docx.revisions import W, accept_all, document_xml, paragraph_texts, reject_all
from tests.conftest import scaled
from tests.strategies import LANGS, agreements, edited_pairs


def rendered_texts(agreement: Agreement, lang: str) -> list[str]:
    """Return the text of every paragraph peacedraft writes for a draft: its blocks, then the empty last one."""
    return [block.text for block in paragraphs_of(agreement, lang)] + [""]


def node_parents(agreement: Agreement) -> dict[str, str]:
    """Return the parent of every recital, part, article, paragraph and point, by id ('' at the top)."""
    parents = {recital.id: "" for recital in agreement.preamble}
    stack = [(node, "") for node in agreement.body]
    while stack:
        node, parent = stack.pop()
        parents[node.id] = parent
        stack += [(child, node.id) for child in node.children]
    return parents


def covered(node: str, parents: dict[str, str], listed: set[str]) -> bool:
    """Return whether a node or one of its ancestors is listed."""
    while node:
        if node in listed:
            return True
        node = parents[node]
    return False


@scaled(0.3)
@given(pair=edited_pairs(), lang=st.sampled_from(LANGS))
def test_redline_accepts_to_b_and_rejects_to_a(pair, lang):
    """Accept all on the redline of (a, b) gives b's paragraphs, reject all gives a's."""
    a, b = pair
    document = document_xml(redline_docx(a, b, compare_agreements(a, b), lang, "Reviewer"))
    assert paragraph_texts(accept_all(document)) == rendered_texts(b, lang)
    assert paragraph_texts(reject_all(document)) == rendered_texts(a, lang)


@given(agreement=agreements())
def test_a_draft_has_no_change_against_itself(agreement):
    """compare_agreements(a, a) finds nothing, and the two are versions of one agreement."""
    comparison = compare_agreements(agreement, agreement)
    assert comparison.changes == []
    assert comparison.related


@given(pair=edited_pairs())
def test_changes_cover_every_node_added_or_removed(pair):
    """Every node only in a is removed (itself or an ancestor), every node only in b added; no other node is."""
    a, b = pair
    changes = compare_agreements(a, b).changes
    removed = {change.node for change in changes if change.kind == "removed"}
    added = {change.node for change in changes if change.kind == "added"}
    old, new = node_parents(a), node_parents(b)
    assert all(covered(node, old, removed) for node in old.keys() - new.keys())
    assert all(covered(node, new, added) for node in new.keys() - old.keys())
    assert removed <= old.keys() - new.keys() and added <= new.keys() - old.keys()


SAMPLE = f"""<w:document xmlns:w="{W[1:-1]}"><w:body>
<w:p><w:r><w:t>kept </w:t></w:r><w:del><w:r><w:delText>old</w:delText></w:r></w:del>
<w:ins><w:r><w:t>new</w:t></w:r></w:ins></w:p>
<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>
<w:p><w:pPr><w:rPr><w:ins/></w:rPr></w:pPr><w:ins><w:r><w:t>added</w:t><w:br/><w:t>line</w:t></w:r></w:ins></w:p>
<w:p><w:moveFromRangeStart/><w:moveFrom><w:r><w:delText>moved</w:delText></w:r></w:moveFrom><w:moveFromRangeEnd/></w:p>
<w:p><w:moveTo><w:r><w:t>moved</w:t></w:r></w:moveTo><w:r><w:t> here</w:t></w:r></w:p>
<w:p/></w:body></w:document>"""


def test_accepting_and_rejecting_a_sample_by_hand():
    """The helper resolves words, whole paragraphs (their marks merging them away) and moves as Word does."""
    document = etree.fromstring(SAMPLE)
    assert paragraph_texts(accept_all(document)) == ["kept new", "added\nline", "", "moved here", ""]
    assert paragraph_texts(reject_all(document)) == ["kept old", "gone", "moved", " here", ""]
