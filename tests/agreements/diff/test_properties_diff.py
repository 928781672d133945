"""Properties of the diff and the redline over generated pairs (a draft, an edited copy).

At the model level: accepting every tracked change of the redline of (a, b) gives the paragraphs peacedraft
renders for b — their text and their form (style, list, alignment) — and rejecting every one gives a's
(tracked changes resolved in pure Python, as Word resolves them: see docx/revisions.py).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from agreements.diff.compare import compare_agreements
from agreements.diff.redline import redline_docx
from agreements.model import Agreement
from agreements.render.docx.render import render_docx
from tests.agreements.render.docx.revisions import (W, accept_all, document_xml, paragraph_forms, paragraph_texts,
                                                    reject_all, style_lists)
from tests.conftest import scaled
from tests.strategies import LANGS, agreements, edited_pairs


def rendered(agreement: Agreement, lang: str) -> list[tuple]:
    """Return the text and form of every paragraph of a draft as peacedraft renders it in Word."""
    data = render_docx(agreement, lang)
    return resolved(document_xml(data), style_lists(data))


def resolved(root, lists: dict[str, str]) -> list[tuple]:
    """Return the text and form of every paragraph of a document whose changes are resolved."""
    return list(zip(paragraph_texts(root), paragraph_forms(root, lists)))


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
    """Accept all on the redline of (a, b) gives b's paragraphs, reject all gives a's, each in its own form."""
    a, b = pair
    data = redline_docx(a, b, compare_agreements(a, b, notes=True), lang, "Reviewer")
    document, lists = document_xml(data), style_lists(data)
    assert resolved(accept_all(document), lists) == rendered(b, lang)
    assert resolved(reject_all(document), lists) == rendered(a, lang)


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


RESTYLED = f"""<w:document xmlns:w="{W[1:-1]}"><w:body>
<w:p><w:pPr><w:pStyle w:val="Point"/><w:rPr><w:ins/></w:rPr></w:pPr><w:r><w:t>kept</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Paragraph"/><w:jc w:val="left"/><w:pPrChange><w:pPr><w:pStyle w:val="Point"/>
<w:numPr><w:ilvl w:val="2"/><w:numId w:val="11"/></w:numPr></w:pPr></w:pPrChange></w:pPr>
<w:ins><w:r><w:t>added</w:t></w:r></w:ins></w:p>
<w:p/></w:body></w:document>"""


def test_changed_paragraph_properties_by_hand():
    """Accepting keeps a paragraph's properties, rejecting puts back the former ones (the surviving mark's)."""
    document = etree.fromstring(RESTYLED)
    lists = {"Point": "11:2", "Paragraph": "11:1"}
    accepted, rejected = accept_all(document), reject_all(document)
    assert list(zip(paragraph_texts(accepted), paragraph_forms(accepted, lists))) == [
        ("kept", ("Point", "11:2", None)), ("added", ("Paragraph", "11:1", "left")), ("", (None, None, None))]
    assert list(zip(paragraph_texts(rejected), paragraph_forms(rejected, lists))) == [
        ("kept", ("Point", "11:2", None)), ("", (None, None, None))]
