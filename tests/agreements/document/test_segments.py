"""Brackets and options: inline when options differ in one phrase, whole otherwise; agreed text bare."""

from __future__ import annotations

import json

from agreements.document.blocks import Bracket, Option
from agreements.document.compose import compose
from agreements.document.context import scope_for
from agreements.document.segments import node_segments
from agreements.drafts import parse_agreement
from agreements.index import index_of
from agreements.render.plain import plain_text
from clauses.languages import language
from tests.conftest import BASE_DRAFT, mutate

BASE = BASE_DRAFT.read_text(encoding="utf-8")


def node_text(text: str, node_id: str, lang: str = "en") -> str:
    """Return one node's rendered text with its brackets."""
    document = compose(parse_agreement(text, "d.yaml"), [lang])
    block = next(block for block in document.walk() if block.node_id == node_id)
    return plain_text(block.text(lang), language(lang))


def test_options_differing_in_one_number_bracket_only_that_number():
    assert node_text(BASE, "pullback.distance") == (
        "The Parties shall, within 90 days after the entry into force of this Agreement, withdraw their artillery "
        "and armoured vehicles to a distance of not less than [10] [20 (Democratic People's Republic of Korea)] "
        "kilometres from the boundary of the Demilitarized Zone on their respective sides. Military exercises in that "
        "area shall be notified to the other "
        "Parties in advance."
    )


def test_proposers_label_every_option_in_every_language():
    text = mutate(BASE, "            status: bracketed\n", "            status: bracketed\n            proposed_by: [rok]\n")
    assert "[10 (Republic of Korea)] [20 (Democratic People's Republic of Korea)]" in node_text(text, "pullback.distance")
    assert "[10킬로미터(대한민국 제안)] [20킬로미터(조선민주주의인민공화국 제안)]" in node_text(text, "pullback.distance", "ko")
    chinese = node_text(text, "pullback.distance", "zh")
    assert "［10（大韩民国）］［20（朝鲜民主主义人民共和国）］" in chinese


def test_options_that_differ_throughout_are_whole_labelled_options():
    text = mutate(BASE, "set: {pullback_km: 20}", "set: {pullback_km: 20, categories: [drones], exercises: suspended}")
    rendered = node_text(text, "pullback.distance")
    assert rendered.startswith("[Option A: The Parties shall")
    assert " [Option B (Democratic People's Republic of Korea): The Parties shall" in rendered


def test_bracketed_without_options_and_agreed_text():
    text = mutate(BASE, "set: {pullback_km: 20}", "set: {pullback_km: 20}\n                withdrawn: true")
    assert node_text(text, "pullback.distance").startswith("[The Parties shall") and node_text(text, "pullback.distance").endswith("advance.]")
    assert "[" not in node_text(BASE, "unc.status")


def test_segments_keep_the_shared_sentence_outside_the_bracket():
    agreement = parse_agreement(BASE, "d.yaml")
    node = index_of(agreement).model("pullback.distance")
    segments = node_segments(node, ["zh"], scope_for(agreement), ("en", "ko", "zh"))
    assert segments == {"zh": ["各当事方应于本协定生效后90日内将其火炮和装甲车辆后撤至距非军事区本方一侧边界不少于",
                               Bracket((Option(None, (), "10"), Option(None, ("dprk",), "20")), inline=True),
                               "公里之处。该区域内的军事演习应事先通知其他当事方。"]}


def test_one_bracket_structure_in_every_language():
    """Options that differ in a list (not one value) are whole options in every language, not inline in one."""
    text = mutate(BASE, "set: {pullback_km: 20}", "set: {categories: [artillery, armour, drones]}")
    agreement = parse_agreement(text, "d.yaml")
    node = index_of(agreement).model("pullback.distance")
    segments = node_segments(node, ["en", "ko", "zh"], scope_for(agreement), ("en", "ko", "zh"))
    shapes = {lang: [(type(part).__name__, getattr(part, "inline", None)) for part in parts]
              for lang, parts in segments.items()}
    assert shapes == {lang: [("Bracket", False)] for lang in ("en", "ko", "zh")}


def test_a_language_rendered_alone_has_the_structure_of_all():
    """English alone brackets a list difference as whole options, as the Korean and Chinese texts must."""
    text = mutate(BASE, "set: {pullback_km: 20}", "set: {categories: [artillery, armour, drones]}")
    assert node_text(text, "pullback.distance").startswith("[Option A: The Parties shall")


def test_an_inline_bracket_keeps_the_space_before_it():
    agreement = parse_agreement(BASE, "d.yaml")
    node = index_of(agreement).model("pullback.distance")
    english = node_segments(node, ["en"], scope_for(agreement), ("en", "ko", "zh"))["en"]
    assert english[0].endswith("not less than ") and english[2].startswith(" kilometres")


def test_one_language_that_cannot_bracket_a_phrase_makes_every_language_show_whole_options():
    """English and Chinese differ only in the distance, the Korean option is another sentence: whole everywhere."""
    agreement = parse_agreement(BASE, "d.yaml")
    scope = scope_for(agreement)
    twenty = index_of(agreement).model("pullback.distance").model_copy(
        update={"pullback_km": 20, "alternatives": [], "status": "agreed"})
    texts = {lang: node_segments(twenty, [lang], scope)[lang][0] for lang in ("en", "zh")}
    alternative = ("text: {en: " + json.dumps(texts["en"], ensure_ascii=False) + ", ko: 완전히 다른 문장이다., zh: "
                   + json.dumps(texts["zh"], ensure_ascii=False) + "}")
    text = mutate(BASE, "set: {pullback_km: 20}", alternative)
    node = index_of(parse_agreement(text, "d.yaml")).model("pullback.distance")
    alone = node_segments(node, ["en"], scope_for(parse_agreement(text, "d.yaml")), ("en", "ko", "zh"))["en"]
    assert [type(part).__name__ for part in alone] == ["Bracket"] and not alone[0].inline
    assert node_segments(node, ["en"], scope_for(parse_agreement(text, "d.yaml")))["en"][1].inline


def test_a_delete_option_reads_delete_in_every_language():
    text = mutate(BASE, "set: {pullback_km: 20}", "delete: true")
    assert node_text(text, "pullback.distance").startswith("[Option A: The Parties shall")
    assert node_text(text, "pullback.distance").endswith(
        " [Option B (Democratic People's Republic of Korea): Delete]")
    assert node_text(text, "pullback.distance", "ko").endswith(" [B안(조선민주주의인민공화국 제안): 삭제]")
    assert node_text(text, "pullback.distance", "zh").endswith("删除］")


def test_a_delete_option_takes_no_text_or_parameters():
    text = mutate(BASE, "set: {pullback_km: 20}", "set: {pullback_km: 20}\n                delete: true")
    try:
        parse_agreement(text, "d.yaml")
    except Exception as error:  # noqa: BLE001 - the message is what matters
        assert "deletes the node: it takes no 'set' or 'text'" in str(error)
    else:
        raise AssertionError("a delete option with parameters loaded")
