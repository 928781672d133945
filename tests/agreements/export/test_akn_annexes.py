"""Akoma Ntoso: annexes and protocols as attachments, footnotes as authorial notes, valid against the 3.0 schema."""

from __future__ import annotations

import pytest
from lxml import etree

from agreements.export.schema import check_akn
from agreements.render.akn import akn_bytes
from agreements.render.akn_meta import AKN_NS
from tests.agreements.render.test_footnotes_and_notes import NOTED, NOTES

NS = {"a": AKN_NS}


def exported(lang: str) -> etree._Element:
    """Return the export of the draft with annexes, footnotes and notes in a language, checked against the schema."""
    data = akn_bytes(NOTED, lang)
    check_akn(data, f"noted.{lang}.xml")
    assert not [note for note in NOTES if note.encode() in data]  # the drafters' notes are not the text
    return etree.fromstring(data)


@pytest.mark.parametrize(("lang", "numbers"), [("en", ["Annex I", "Annex II", "Protocol"]),
                                               ("ko", ["부속서 1", "부속서 2", "의정서"]),
                                               ("zh", ["附件一", "附件二", "议定书"])])
def test_each_annex_is_an_attached_act_with_its_number_and_heading(lang, numbers):
    root = exported(lang)
    attachments = root.findall("a:act/a:attachments/a:attachment", NS)
    assert [(attachment.get("eId"), attachment.get("GUID")) for attachment in attachments] == [
        ("att_1", "annex.maps"), ("att_2", "annex.procedures"), ("att_3", "protocol.verification")]
    acts = [attachment.find("a:act", NS) for attachment in attachments]
    assert [act.get("name") for act in acts] == ["annex", "annex", "protocol"]
    assert [act.findtext("a:preface/a:p/a:docNumber", namespaces=NS) for act in acts] == numbers
    assert [act.find("a:meta/a:identification/a:FRBRWork/a:FRBRthis", NS).get("value").rsplit("!", 1)[1]
            for act in acts] == ["annex_1", "annex_2", "protocol_3"]


def test_an_annex_numbers_its_own_articles_under_the_attachments_eid():
    root = exported("en")
    procedures = root.find("a:act/a:attachments/a:attachment[@eId='att_2']/a:act/a:body", NS)
    assert [(article.get("eId"), article.findtext("a:num", namespaces=NS)) for article in procedures] == [
        ("att_2__art_1", "Article 1"), ("att_2__art_2", "Article 2")]
    maps = root.find("a:act/a:attachments/a:attachment[@eId='att_1']/a:act/a:body", NS)
    assert maps.find("a:paragraph", NS).get("eId") == "att_1__para_1"
    assert maps.find("a:paragraph/a:point", NS).get("eId") == "att_1__para_1__point_a"
    assert root.find("a:act/a:body//a:article", NS).get("eId") == "art_1"


def test_footnotes_are_authorial_notes_numbered_in_order_where_their_text_ends():
    root = exported("en")
    notes = list(root.iter(f"{{{AKN_NS}}}authorialNote"))
    assert [(note.get("marker"), note.get("placement"), note.get("eId"), note.findtext("a:p", namespaces=NS))
            for note in notes] == [("1", "bottom", "note_1", "As measured on the ground."),
                                   ("2", "bottom", "note_2", "See Annex I.")]
    assert etree.QName(notes[0].getparent()).localname == "heading"
    assert notes[0].getparent().text == "Pull-back of Forces"
    assert notes[1].getparent().text == "The Parties shall review the phases annually."
