"""The redline's Word XML: native tracked changes with author and date, moves, no change for renumbering."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from lxml import etree

from agreements.diff.compare import compare_agreements
from agreements.diff.redline import redline_docx
from agreements.drafts import load_agreement, parse_agreement
from agreements.examples import example_path
from agreements.model import Agreement
from agreements.render.docx.render import render_docx
from tests.agreements.render.docx.edits import edited
from tests.agreements.render.docx.revisions import (accept_all, document_xml, paragraph_forms, paragraph_texts,
                                                    reject_all, style_lists)
from tests.agreements.diff.long_texts import prose
from tests.conftest import BASE_DRAFT, mutate
from tests.processes import bytes_elsewhere

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROUND_1 = load_agreement(str(example_path("round-1")))
ROUND_2 = load_agreement(str(example_path("round-2")))


def body(data: bytes) -> etree._Element:
    """Return the document part of a package."""
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


def redline(old, new, **options) -> bytes:
    """Return the redline between two agreements."""
    return redline_docx(old, new, compare_agreements(old, new), **options)


def test_changes_carry_author_and_date():
    document = body(redline(ROUND_1, ROUND_2, author="ROK delegation"))
    changes = [node for tag in ("ins", "del", "moveFrom", "moveTo") for node in document.iter(f"{W}{tag}")]
    assert len(changes) > 20
    assert {node.get(f"{W}author") for node in changes} == {"ROK delegation"}
    assert {node.get(f"{W}date") for node in changes} == {"2027-06-25T00:00:00Z"}
    ids = [node.get(f"{W}id") for node in changes]
    assert len(ids) == len(set(ids))


def test_a_moved_article_is_a_native_move_with_notes():
    document = body(redline(ROUND_1, ROUND_2))
    moved_to = ["".join(node.itertext()) for node in document.iter(f"{W}moveTo") if len(node)]
    moved_from = ["".join(node.itertext()) for node in document.iter(f"{W}moveFrom") if len(node)]
    assert "— Prisoners of War, Detainees, Separated Families and Remains" in moved_to
    assert "— Prisoners of War, Detainees, Separated Families and Remains" in moved_from
    names = {node.get(f"{W}name") for node in document.iter(f"{W}moveToRangeStart")}
    assert names == {node.get(f"{W}name") for node in document.iter(f"{W}moveFromRangeStart")}


def test_a_changed_parameter_is_a_word_change_in_place():
    document = body(redline(ROUND_1, ROUND_2))
    deleted = ["".join(node.itertext()) for node in document.iter(f"{W}del")]
    inserted = ["".join(node.itertext()) for node in document.iter(f"{W}ins")]
    assert "10" in deleted and "15" in inserted
    assert "90" in deleted and "180" in inserted


def test_renumbering_alone_changes_nothing_in_the_body():
    text = BASE_DRAFT.read_text(encoding="utf-8")
    inserted = mutate(text, "  - id: final\n    kind: article\n",
                      "  - id: early\n    kind: article\n    heading: {en: Early, ko: 조기, zh: 早期}\n"
                      "  - id: final\n    kind: article\n")
    old, new = parse_agreement(text, "a"), parse_agreement(inserted, "b")
    document = body(redline(old, new))
    tracked = [p for p in document.iter(f"{W}p") if p.find(f"{W}ins") is not None or p.find(f"{W}del") is not None]
    styles = [p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in tracked]
    assert styles.count("Heading2") == 1
    assert all(style in ("Heading2", "toc2", "toc1") for style in styles)


def test_identical_versions_have_no_tracked_change():
    document = body(redline(ROUND_2, ROUND_2))
    assert not [node for tag in ("ins", "del", "moveFrom", "moveTo") for node in document.iter(f"{W}{tag}")]


def test_redline_is_reproducible():
    """A process with another hash seed writes the same bytes."""
    again = bytes_elsewhere("from tests.agreements.diff.test_redline import ROUND_1, ROUND_2, redline",
                            "redline(ROUND_1, ROUND_2)")
    assert again == redline(ROUND_1, ROUND_2)


def comments(data: bytes) -> dict[str, tuple[str, str, str]]:
    """Return the comments of a package by id: (author, date, text)."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/comments.xml"))
    return {node.get(f"{W}id"): (node.get(f"{W}author"), node.get(f"{W}date"), "\n".join(
        "".join(paragraph.itertext()) for paragraph in node.iter(f"{W}p"))) for node in root.iter(f"{W}comment")}


def commented(data: bytes, text: str) -> tuple[str, str, str]:
    """Return the author and date of the one comment saying `text`, and the text of the paragraph it is on."""
    [(key, (author, date, _))] = [(key, found) for key, found in comments(data).items() if found[2] == text]
    [paragraph] = [p for p in body(data).iter(f"{W}p")
                   if p.find(f".//{W}commentRangeStart[@{W}id='{key}']") is not None]
    return author, date, "".join(node.text or "" for node in paragraph.iter(f"{W}t", f"{W}delText"))


STATUS = "status: agreed\n            disposition"
NOTE = "            disposition: dissolve\n"
UNC = ("The United Nations Command shall be dissolved within 30 days after the completion of the measures provided "
       "for in paragraph 1 of Article 1.")


def test_a_status_change_is_a_comment_by_the_author_dated_like_the_changes():
    """agreed → agreed ad referendum changes no word: the redline says it in a comment on the paragraph."""
    text = BASE_DRAFT.read_text(encoding="utf-8")
    old, new = parse_agreement(text, "a"), parse_agreement(mutate(text, STATUS, "status: agreed_ad_referendum\n"
                                                                              "            disposition"), "b")
    data = redline(old, new, author="ROK delegation")
    author, date, said = commented(data, "Status agreed → agreed ad referendum")
    assert (author, date) == ("ROK delegation", "2027-01-15T00:00:00Z")
    assert said.startswith(UNC)


def test_a_drafters_note_change_is_a_comment():
    text = BASE_DRAFT.read_text(encoding="utf-8")
    old = parse_agreement(text, "a")
    new = parse_agreement(mutate(text, NOTE, NOTE + "            note: Check the date with the UN.\n"), "b")
    data = redline_docx(old, new, compare_agreements(old, new, notes=True), author="Drafting committee")
    author, _, said = commented(data, "Drafters' note added: “Check the date with the UN.”")
    assert author == "Drafting committee" and said.startswith(UNC)


def test_comments_are_dated_like_the_changes():
    when = datetime.datetime(2027, 9, 1, 12, 30, tzinfo=datetime.timezone.utc)
    data = redline(ROUND_1, ROUND_2, author="ROK delegation", when=when)
    changes = [node for tag in ("ins", "del") for node in body(data).iter(f"{W}{tag}")]
    assert {node.get(f"{W}date") for node in changes} == {"2027-09-01T12:30:00Z"}
    assert {(author, date) for author, date, _ in comments(data).values()} >= {("ROK delegation",
                                                                                "2027-09-01T12:30:00Z")}
    assert {author for author, _, said in comments(data).values() if said.startswith("Moved ")} == {"ROK delegation"}


def test_every_comment_of_a_redline_is_by_its_author_even_the_texts_own():
    data = redline(ROUND_1, ROUND_2, author="ROK delegation")
    said = comments(data).values()
    assert any(text.startswith("Option A") or "support" in text for _, _, text in said)  # the positions' own comments
    assert {author for author, _, _ in said} == {"ROK delegation"}


MOVED = Agreement.model_validate(edited(ROUND_1.model_dump(mode="json"), [("move_and_change_article", 5)]))


def ranges(document, kind: str) -> dict[str, list]:
    """Return the paragraphs of each move range of a kind (moveFrom, moveTo) by name."""
    found: dict[str, list] = {}
    for start in document.iter(f"{W}{kind}RangeStart"):
        found.setdefault(start.get(f"{W}name"), []).append(start.getparent())
    return found


def test_a_moved_article_shows_the_move_and_its_changes_inside():
    """The West Sea article moves to the front and a point of it loses its end: at the old place the deleted
    words are a deletion inside the move, at the new place the added words an insertion inside the move."""
    document = body(redline(ROUND_1, MOVED))
    moved_from, moved_to = ranges(document, "moveFrom"), ranges(document, "moveTo")
    assert moved_from.keys() == moved_to.keys() and len(moved_to) == 4
    [changed_from] = [p for paragraphs in moved_from.values() for p in paragraphs if p.find(f"{W}del") is not None]
    [changed_to] = [p for paragraphs in moved_to.values() for p in paragraphs if p.find(f"{W}ins") is not None]
    deleted = "".join(changed_from.find(f"{W}del").itertext())
    inserted = "".join(changed_to.find(f"{W}ins").itertext())
    assert deleted.startswith("Zone and shall conduct joint patrols") and inserted.endswith(" as amended")
    assert "".join(changed_from.find(f"{W}moveFrom").itertext()) == "".join(changed_to.find(f"{W}moveTo").itertext())


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_moved_and_changed_article_accepts_and_rejects_exactly(lang):
    data = redline(ROUND_1, MOVED, lang=lang)
    lists = style_lists(data)
    for resolve, agreement in ((accept_all, MOVED), (reject_all, ROUND_1)):
        rendered = render_docx(agreement, lang)
        expected = list(zip(paragraph_texts(document_xml(rendered)), paragraph_forms(document_xml(rendered),
                                                                                   style_lists(rendered))))
        resolved = resolve(document_xml(data))
        assert list(zip(paragraph_texts(resolved), paragraph_forms(resolved, lists))) == expected


def test_a_paragraph_inserted_after_a_point_hands_the_mark_to_the_point():
    """Article 10 of round 2 is inserted after Article 9, which ends with a paragraph: the last paragraph of
    Article 9 carries the first inserted mark, so the heading of Article 11 is not reached by the change."""
    document = body(redline(ROUND_1, ROUND_2))
    paragraphs = list(document.iter(f"{W}p"))
    heading = next(index for index, p in enumerate(paragraphs)
                   if "".join(p.itertext()) == "— Inter-Korean Joint Military Commission")
    assert paragraphs[heading].find(f"{W}pPr/{W}rPr") is None
    assert paragraphs[heading - 1].find(f"{W}pPr/{W}rPr/{W}ins") is None
    assert paragraphs[heading - 1].find(f"{W}ins") is not None


def with_review_text(lang: str, text: str) -> Agreement:
    """Return the base draft with the text of its review clause in one language replaced."""
    data = parse_agreement(BASE_DRAFT.read_text(encoding="utf-8"), "base.yaml").model_dump(mode="json")
    stack = list(data["body"])
    while stack:
        node = stack.pop()
        if node.get("kind") == "text" and "phases annually" in node.get("text", {}).get("en", ""):
            node["text"][lang] = text
        stack += node.get("children", [])
    return Agreement.model_validate(data)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_unrelated_10000_character_texts_in_one_node_accept_and_reject_exactly(lang):
    """A node whose 10,000-character text is replaced by an unrelated one: accept all gives the new, reject all the
    old (the word diff's search runs out of steps and replaces the span whole)."""
    old, new = with_review_text(lang, prose(lang, 10_000, 1)), with_review_text(lang, prose(lang, 10_000, 2))
    data = redline(old, new, lang=lang)
    lists = style_lists(data)
    for resolve, agreement in ((accept_all, new), (reject_all, old)):
        rendered = render_docx(agreement, lang)
        expected = list(zip(paragraph_texts(document_xml(rendered)), paragraph_forms(document_xml(rendered),
                                                                                   style_lists(rendered))))
        resolved = resolve(document_xml(data))
        assert list(zip(paragraph_texts(resolved), paragraph_forms(resolved, lists))) == expected
    assert old != new
