"""Where two paragraphs of a redline meet: no insertion runs on from one into the next across a kept mark."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agreements.diff.compare import compare_agreements
from agreements.diff.redline import redline_docx
from agreements.diff.seams import (Written, ending_otherwise, first_change, last_change, mend, starting_otherwise)
from agreements.diff.words import DELETE, EQUAL, INSERT, word_diff
from agreements.examples import example_path
from agreements.drafts import load_agreement
from agreements.model import Agreement
from agreements.render.docx.render import render_docx
from tests.agreements.diff.reviewer import Reviewer
from tests.agreements.diff.long_texts import apply_side
from tests.agreements.render.docx.revisions import W, accept_all, document_xml, paragraph_texts, reject_all
from tests.conftest import BASE_DRAFT, scaled
from tests.libreoffice import need_libreoffice
from tests.strategies import edited_pairs

ROUND_1 = load_agreement(str(example_path("round-1")))
SKIPPED = {f"{W}{tag}" for tag in ("pPr", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
                                   "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")}
CHANGES = {f"{W}{tag}": tag for tag in ("ins", "del", "moveFrom", "moveTo")}


def test_an_insertion_at_the_end_is_written_with_the_word_before_it_deleted_and_inserted_again():
    diff = word_diff("Alpha one", "Alpha one more")
    assert diff == [(EQUAL, "Alpha one"), (INSERT, " more")]
    assert ending_otherwise(diff) == [(EQUAL, "Alpha "), (INSERT, "one more"), (DELETE, "one")]


def test_an_insertion_at_the_start_is_written_after_the_next_word_deleted():
    diff = word_diff("Beta two", "New Beta two")
    assert starting_otherwise(diff) == [(DELETE, "Beta"), (INSERT, "New Beta"), (EQUAL, " two")]


def test_deleted_and_inserted_words_change_places_where_both_are_there():
    diff = [(EQUAL, "within "), (DELETE, "90"), (INSERT, "180")]
    assert ending_otherwise(diff) == [(EQUAL, "within "), (INSERT, "180"), (DELETE, "90")]
    assert starting_otherwise([(INSERT, "Zeta"), (DELETE, "Alpha")]) == [(DELETE, "Alpha"), (INSERT, "Zeta")]


def test_a_diff_that_is_all_insertion_cannot_be_rewritten():
    assert ending_otherwise([(INSERT, "all new")]) is None
    assert starting_otherwise([(INSERT, "all new")]) is None


@given(old=st.text(alphabet="ab .\n", max_size=30), new=st.text(alphabet="ab .\n", max_size=30))
def test_a_rewritten_diff_gives_both_texts_and_changes_its_end(old, new):
    diff = word_diff(old, new)
    for rewrite, edge in ((ending_otherwise, last_change), (starting_otherwise, first_change)):
        rewritten = rewrite(diff)
        if rewritten is None:
            continue
        assert apply_side(rewritten, DELETE) == old and apply_side(rewritten, INSERT) == new
        assert edge(diff) is None or edge(rewritten) != edge(diff)


def test_mend_rewrites_the_earlier_paragraph_then_the_later_one_and_leaves_tracked_marks_alone():
    ending, starting = word_diff("Alpha one", "Alpha one more"), word_diff("Beta two", "New Beta two")
    before, after = Written(ending, None, "ins", False), Written(starting, "ins", None, False)
    mend([before, after])
    assert last_change(before.diff) == DELETE and after.diff == starting
    whole, after = Written(None, "ins", "ins", False), Written(starting, "ins", None, False)
    mend([whole, after])
    assert first_change(after.diff) == DELETE
    marked, after = Written(ending, None, "ins", True), Written(starting, "ins", None, False)
    mend([marked, after])
    assert marked.diff == ending and after.diff == starting


def edge(paragraph, reverse: bool) -> str | None:
    """Return the change a paragraph's content starts (ends) with: ins, del, moveFrom, moveTo, None when plain."""
    children = [child for child in paragraph if child.tag not in SKIPPED]
    for child in reversed(children) if reverse else children:
        return CHANGES.get(child.tag)
    return None


def joined_insertions(root) -> list[tuple[str, str]]:
    """Return the neighbouring paragraphs where an insertion ends one whose mark is kept and another starts the
    next: LibreOffice joins them, the mark with them."""
    paragraphs = list(root.iter(f"{W}p"))
    found = []
    for before, after in zip(paragraphs, paragraphs[1:]):
        marks = before.find(f"{W}pPr/{W}rPr")
        tracked = marks is not None and any(child.tag in CHANGES for child in marks)
        if not tracked and edge(before, True) in ("ins", "moveTo") and edge(before, True) == edge(after, False):
            found.append(("".join(before.itertext()), "".join(after.itertext())))
    return found


def edited_recitals(first: str, second: str) -> Agreement:
    """Return round 1 with the English text of its first two recitals replaced."""
    data = ROUND_1.model_dump(mode="json")
    data["preamble"][0]["text"]["en"], data["preamble"][1]["text"]["en"] = first, second
    return Agreement.model_validate(data)


def test_words_added_at_the_end_of_one_recital_and_the_start_of_the_next_keep_them_apart():
    old = edited_recitals("Alpha one", "Beta two")
    new = edited_recitals("Alpha one more", "New Beta two")
    data = redline_docx(old, new, compare_agreements(old, new), "en", "Reviewer")
    root = document_xml(data)
    assert joined_insertions(root) == []
    assert {"Alpha one", "Beta two"} <= set(paragraph_texts(reject_all(root)))
    assert {"Alpha one more", "New Beta two"} <= set(paragraph_texts(accept_all(root)))


def with_new_article_before_a_new_heading() -> tuple[Agreement, Agreement]:
    """Return the base draft, and a copy with an article inserted before an article that gains a heading (a
    paragraph inserted whole, then a paragraph whose text is all inserted)."""
    old = load_agreement(str(BASE_DRAFT))
    data = old.model_dump(mode="json")
    military = data["body"][0]["children"]
    military[1]["heading"] = {lang: "Status of the Command" for lang in ("en", "ko", "zh")}
    military.insert(1, {"id": "new-art", "kind": "article", "children": [
        {"id": "new-art.p1", "kind": "text", "text": {lang: "The Parties shall cooperate." for lang in ("en", "ko",
                                                                                                        "zh")}}]})
    return old, Agreement.model_validate(data)


def test_a_paragraph_inserted_before_a_heading_written_where_there_was_none_keeps_its_mark_apart():
    old, new = with_new_article_before_a_new_heading()
    root = document_xml(redline_docx(old, new, compare_agreements(old, new), "en", "Reviewer"))
    assert joined_insertions(root) == []
    assert "Status of the Command" not in "".join(paragraph_texts(reject_all(root)))


@pytest.fixture(scope="module")
def reviewer(tmp_path_factory):
    """Start one LibreOffice for the module (skipped where LibreOffice is absent, unless CI requires it)."""
    need_libreoffice()
    server = Reviewer(tmp_path_factory.mktemp("seams"))
    yield server
    server.close()


@pytest.mark.parametrize("first, second", [("Alpha one more", "New Beta two"), ("Alpha one more", "Beta two"),
                                           ("Zeta", "New Beta two"), ("Alpha one", "New Beta")])
def test_libreoffice_keeps_the_recitals_apart(reviewer, first, second):
    old, new = edited_recitals("Alpha one", "Beta two"), edited_recitals(first, second)
    reviewer.check("recitals", redline_docx(old, new, compare_agreements(old, new), "en", "Reviewer"),
                   render_docx(old, "en"), render_docx(new, "en"))


@scaled(0.5)
@given(pair=edited_pairs())
def test_no_redline_joins_two_paragraphs_by_their_insertions(pair):
    a, b = pair
    data = redline_docx(a, b, compare_agreements(a, b, notes=True), "en", "Reviewer")
    assert joined_insertions(document_xml(data)) == []
