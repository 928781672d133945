"""The redline's Word XML: native tracked changes with author and date, moves, no change for renumbering."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from agreements.diff.compare import compare_agreements
from agreements.diff.redline import redline_docx
from agreements.drafts import load_agreement, parse_agreement
from agreements.examples import example_path
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
    tracked = [p for p in document.iter(f"{W}p") if p.find(f".//{W}ins") is not None or p.find(f".//{W}del") is not None]
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
