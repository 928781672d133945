"""Intake of a change to a paragraph that shows options: mapped to the one option it changes, never taken whole."""

from __future__ import annotations

import shutil

from agreements.diff.redline import paragraphs_of
from agreements.drafts import load_agreement
from agreements.examples import example_path
from agreements.index import index_of
from agreements.intake.intake import take_in
from agreements.intake.options import option_change, tables_options
from agreements.render.docx.render import render_docx
from tests.agreements.intake.word_edit import replace_tracked

ROUND_1 = load_agreement(str(example_path("round-1")))
WITHIN_B = "non-use of nuclear weapons"  # words only option B of roles.assurances has


def _ours(node_id: str):
    """Return round 1's English paragraph of a node."""
    return next(item for item in paragraphs_of(ROUND_1, "en") if item.key == f"node:{node_id}")


def _intake(tmp_path, word: bytes):
    """Return the report and the draft after taking a Word file into a copy of round 1 as the DPRK's."""
    (tmp_path / "theirs.docx").write_bytes(word)
    shutil.copy(example_path("round-1"), tmp_path / "draft.yaml")
    report = take_in(str(tmp_path / "theirs.docx"), str(tmp_path / "draft.yaml"), "dprk")
    return report, load_agreement(str(tmp_path / "draft.yaml"))


def test_words_changed_inside_one_option_become_that_options_new_text(tmp_path):
    word = replace_tracked(render_docx(ROUND_1, "en"), "non-use of nuclear", "no first use of nuclear")
    report, after = _intake(tmp_path, word)
    wanted = _ours("roles.assurances").pieces[2].option.replace("non-use of nuclear", "no first use of nuclear")
    option = index_of(after).model("roles.assurances").alternatives[-1]
    assert option.proposed_by == ["dprk"] and option.text == {"en": wanted}
    assert [(item.node, item.what) for item in report.taken] == [("roles.assurances", "text alternative")]


def test_a_change_across_options_is_not_placed():
    paragraph = _ours("roles.assurances")
    before = paragraph.text.strip()
    after = before.replace("\n[Option B: ", " [Option B: ")
    found = option_change(paragraph, before, after)
    assert found.text is None and found.why.startswith("a change inside a paragraph with options: not within")


def test_an_option_appended_by_another_party_is_not_placed():
    paragraph = _ours("roles.assurances")
    before = paragraph.text.strip()
    found = option_change(paragraph, before, before + "\n[Option C: The Parties shall consult.]")
    assert found.text is None


def test_a_change_inside_one_option_gives_its_words_only():
    paragraph = _ours("roles.assurances")
    before = paragraph.text.strip()
    found = option_change(paragraph, before, before.replace(WITHIN_B, "non-use of force"))
    assert found.text == paragraph.pieces[2].option.replace(WITHIN_B, "non-use of force")


def test_options_tabled_in_a_new_text_are_recognised_in_each_language():
    assert tables_options("The text.", "[Option A: The text.]\n[Option B: Other.]", "en")
    assert tables_options("본문.", "[A안: 본문.]", "ko")
    assert not tables_options("[Option A: x] [Option B: y]", "[Option A: x] [Option B: z]", "en")


INLINE_ALTERNATIVE = """            status: bracketed
            proposed_by: [rok]
            pullback_km: 10
            alternatives:
              - {id: force.artillery.alt-depth, proposed_by: [usa], set: {pullback_km: 20}}
"""


def _with_inline_options(tmp_path):
    """Return round 1 with the artillery pull-back in options within its sentence ('[10] [20]'), and its file."""
    text = example_path("round-1").read_text().replace(
        "            status: agreed_ad_referendum\n            proposed_by: [rok]\n            pullback_km: 10\n",
        INLINE_ALTERNATIVE, 1)
    (tmp_path / "inline.yaml").write_text(text)
    return load_agreement(str(tmp_path / "inline.yaml")), tmp_path / "inline.yaml"


def test_a_value_changed_in_an_option_within_the_sentence_becomes_a_typed_option(tmp_path):
    agreement, draft = _with_inline_options(tmp_path)
    (tmp_path / "theirs.docx").write_bytes(replace_tracked(render_docx(agreement, "en"), "[20]", "[25]"))
    report = take_in(str(tmp_path / "theirs.docx"), str(draft), "dprk")
    option = index_of(load_agreement(str(draft))).model("force.artillery").alternatives[-1]
    assert (option.proposed_by, option.set) == (["dprk"], {"pullback_km": 25})
    assert [(item.node, item.what) for item in report.taken] == [("force.artillery", "pullback_km 10 → 25")]


def test_words_in_an_option_within_the_sentence_that_no_parameter_gives_are_not_placed(tmp_path):
    agreement, draft = _with_inline_options(tmp_path)
    (tmp_path / "theirs.docx").write_bytes(replace_tracked(render_docx(agreement, "en"), "[20]", "[twenty]"))
    report = take_in(str(tmp_path / "theirs.docx"), str(draft), "dprk")
    assert report.taken == []
    assert [item.why for item in report.unplaced] == [
        "a change inside a paragraph with options: a value in an option within the sentence that no parameter gives"]
