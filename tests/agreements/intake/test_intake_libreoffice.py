"""Intake of a partner's copy edited in a real word processor: our render of round 1, edited in LibreOffice with
change tracking on and saved as Word, comes back as the DPRK's options, every change in its place.

The partner (tests/agreements/intake/uno_edit.py) changes a word, a pull-back distance and a deadline's days,
types a new paragraph, deletes one, cuts one and pastes it elsewhere, and comments on one, as "DPRK delegation".
LibreOffice runs once, as a server, for the whole module.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from agreements.diff.redline import paragraphs_of
from agreements.drafts import load_agreement
from agreements.examples import example_path
from agreements.index import index_of
from agreements.intake.intake import take_in
from agreements.render.docx.render import render_docx
from agreements.render.docx.writer import GENERATED_MARK
from agreements.wordimport.tracked import read_tracked
from tests.libreoffice import UnoServer, need_libreoffice

SCRIPT = Path(__file__).with_name("uno_edit.py")
AUTHOR = "DPRK delegation"
ROUND_1 = load_agreement(str(example_path("round-1")))

WORD = {"en": ("demolished", "dismantled"), "ko": ("철거하며", "해체하며"),
        "zh": ("应予拆除", "应予拆毁")}
DISTANCE = {"en": ("10 kilometres", "20 kilometres"), "ko": ("10킬로미터", "20킬로미터"),
            "zh": ("10公里", "20公里")}
DAYS = {"en": ("within 90 days", "within 120 days"), "ko": ("90일", "120일"), "zh": ("90日", "120日")}
NEW = {"en": "The two sides shall exchange maps of the areas cleared.",
       "ko": "남과 북은 제거된 지역의 지도를 교환한다.",
       "zh": "南北双方应交换已清除区域的地图。"}
COMMENT = {"en": "The records belong with the Peace Commission.",
           "ko": "기록은 평화위원회에 넘겨야 한다.",
           "zh": "档案应移交和平委员会。"}


class Partner(UnoServer):
    """A LibreOffice server that edits Word files with change tracking on, as the partner's delegation."""

    def __init__(self, folder: Path):
        super().__init__(SCRIPT, AUTHOR)
        self.folder = folder

    def edit(self, source: Path, target: Path, edits: list[dict]) -> None:
        """Make the edits on a copy of source and save it as Word at target."""
        self.ask(json.dumps({"source": str(source), "target": str(target), "edits": edits}, ensure_ascii=False))


@pytest.fixture(scope="module")
def partner(tmp_path_factory):
    """Start one LibreOffice for the module (skipped where LibreOffice is absent, unless CI requires it)."""
    need_libreoffice()
    server = Partner(tmp_path_factory.mktemp("partner"))
    yield server
    server.close()


def texts(agreement, lang: str) -> dict[str, str]:
    """Return each node's rendered paragraph in one language, by id."""
    return {item.key.removeprefix("node:"): item.text for item in paragraphs_of(agreement, lang)
            if item.key.startswith("node:")}


def edits(lang: str) -> list[dict]:
    """Return the partner's edits of round 1 in one language, each naming its paragraph by its text."""
    ours = texts(ROUND_1, lang)
    return [
        _replace(ours["force.guard-posts.demolition"], *WORD[lang]),
        _replace(ours["force.artillery"], *DISTANCE[lang]),
        _replace(ours["force.guard-posts"], *DAYS[lang]),
        {"op": "insert_after", "paragraph": ours["dmz.demining.assistance"], "text": NEW[lang]},
        {"op": "delete", "paragraph": ours["confidence.hotline"]},
        {"op": "move", "paragraph": ours["prisoners.families"], "before": ours["relations.liaison"]},
        {"op": "comment", "paragraph": ours["unc.armistice-bodies"], "text": COMMENT[lang], "author": AUTHOR},
    ]


def _replace(paragraph: str, old: str, new: str) -> dict:
    """Return the edit that types new words over words that occur once in a paragraph."""
    assert paragraph.count(old) == 1, old
    return {"op": "replace", "paragraph": paragraph, "old": old, "new": new}


@pytest.fixture(scope="module", params=["en", "ko", "zh"])
def taken(request, partner):
    """Return the language, the partner's Word file, the report and round 1 after taking the file in as the DPRK's."""
    lang = request.param
    ours, theirs, draft = (partner.folder / name for name in (f"ours-{lang}.docx", f"theirs-{lang}.docx",
                                                                 f"draft-{lang}.yaml"))
    ours.write_bytes(render_docx(ROUND_1, lang))
    partner.edit(ours, theirs, edits(lang))
    shutil.copy(example_path("round-1"), draft)
    report = take_in(str(theirs), str(draft), "dprk")
    return lang, theirs, report, load_agreement(str(draft))


def _options(agreement, node_id: str) -> list:
    """Return the DPRK's options on a node."""
    return [option for option in index_of(agreement).model(node_id).alternatives if option.proposed_by == ["dprk"]]


def _following(agreement, lang: str, node_id: str) -> str:
    """Return the id of the node whose paragraph follows a node's in the render."""
    order = list(texts(agreement, lang))
    return order[order.index(node_id) + 1]


def test_the_word_processor_tracked_the_changes_as_the_partner(taken):
    lang, theirs, report, after = taken
    word = read_tracked(str(theirs))
    assert sum(paragraph.changed for paragraph in word.paragraphs) >= 7
    assert COMMENT[lang] in {comment.text for comment in word.comments.values() if comment.author == AUTHOR}
    marks = {comment.author: comment.initials.endswith(GENERATED_MARK) for comment in word.comments.values()}
    assert marks == {"peacedraft": True, AUTHOR: False}  # the word processor kept our comments' mark


def test_every_change_is_placed_and_nothing_else_is_taken(taken):
    lang, theirs, report, after = taken
    assert report.unplaced == []
    assert sorted(item.what.split(" (")[0] for item in report.taken) == sorted(
        ["text alternative", "pullback_km 10 → 20", "deadline.days 90 → 120", "new paragraph", "new paragraph",
         "delete", "delete", "position note"])


def test_a_changed_word_is_a_text_option_and_the_other_languages_wait(taken):
    lang, theirs, report, after = taken
    [option] = _options(after, "force.guard-posts.demolition")
    assert option.text == {lang: texts(ROUND_1, lang)["force.guard-posts.demolition"].replace(*WORD[lang])}
    model = index_of(after).model("force.guard-posts.demolition")
    assert model.status == "bracketed"
    assert {code: str(state) for code, state in model.translation.items()} == {
        code: "pending" for code in ("en", "ko", "zh") if code != lang}


def test_changed_numbers_are_typed_options(taken):
    lang, theirs, report, after = taken
    assert [option.set for option in _options(after, "force.artillery")] == [{"pullback_km": 20}]
    assert [option.set for option in _options(after, "force.guard-posts")] == [
        {"deadline": {"after": "entry_into_force", "days": 120}}]


def test_a_typed_paragraph_is_a_pending_node_of_the_partner_where_it_was_typed(taken):
    lang, theirs, report, after = taken
    new_id = _following(after, lang, "dmz.demining.assistance")
    model = index_of(after).model(new_id)
    assert (model.text, model.status, model.proposed_by) == ({lang: NEW[lang]}, "pending", ["dprk"])


def test_a_deleted_paragraph_is_a_delete_option(taken):
    lang, theirs, report, after = taken
    assert [option.delete for option in _options(after, "confidence.hotline")] == [True]
    assert index_of(after).model("confidence.hotline").status == "bracketed"


def test_a_cut_and_pasted_paragraph_is_deleted_at_its_old_place_and_pending_at_the_new(taken):
    lang, theirs, report, after = taken
    index = index_of(after)
    moved_id = _following(after, lang, "relations.basic")
    assert _following(after, lang, moved_id) == "relations.liaison"
    moved = index.model(moved_id)
    assert moved.text == {lang: texts(ROUND_1, lang)["prisoners.families"]}
    assert moved.note == "Moved here from prisoners.families by dprk."
    assert [option.delete for option in _options(after, "prisoners.families")] == [True]
    assert index.model("prisoners.families").positions["dprk"].note == f"moves this paragraph to {moved_id}"


def test_a_comment_is_the_partners_position_note(taken):
    lang, theirs, report, after = taken
    position = index_of(after).model("unc.armistice-bodies").positions["dprk"]
    assert (str(position.stance), position.note) == ("reserve", COMMENT[lang])
