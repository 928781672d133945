"""The land line and the maritime line apart: the West Sea text, the estuary and islands, their rules and disposals."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from agreements.document.context import scope_for
from agreements.document.segments import own_text
from agreements.drafts import load_agreement, parse_agreement
from agreements.examples import example_path
from agreements.index import index_of
from agreements.rules.registry import check
from clauses.armistice import Disposal
from clauses.library import find_option
from clauses.registry import Clause
from clauses.scope import Scope
from tests.conftest import mutate

LANGUAGES = ("en", "ko", "zh")
ROUND_2 = example_path("round-2")
MDL_REPLACED = {"en": "replace the Military Demarcation Line", "ko": "군사분계선을 대체", "zh": "取代军事分界线"}
NLL_REPLACED = {"en": "replace the Northern Limit Line", "ko": "북방한계선을 대체", "zh": "取代北方限界线"}
MDL = {"en": "Military Demarcation Line", "ko": "군사분계선", "zh": "军事分界线"}
NLL_KEPT = {"en": "the Northern Limit Line shall remain the maritime line",
            "ko": "북방한계선은 해상분계선으로 유지된다", "zh": "北方限界线应继续作为海上分界线"}


def clause(**fields) -> Clause:
    """Return a demarcation clause with the given fields."""
    return TypeAdapter(Clause).validate_python({"id": "d", "kind": "demarcation_and_dmz", **fields})


def options_of(node) -> list:
    """Return a clause and the variant of each of its open alternatives."""
    return [node, *(node.variant(alternative) for alternative in node.open_alternatives())]


def agreement_clauses(agreement):
    """Return every clause of a draft."""
    return index_of(agreement).clauses()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_west_sea_article_is_about_the_maritime_line_never_the_military_demarcation_line(lang):
    agreement = load_agreement(str(ROUND_2))
    node = next(node for node in agreement_clauses(agreement) if node.id == "west-sea.zone")
    texts = [own_text(option, lang, scope_for(agreement)) for option in options_of(node)]
    assert len(texts) == 2
    assert all(MDL[lang] not in text for text in texts)
    assert NLL_KEPT[lang] in texts[0]
    assert NLL_REPLACED[lang] in texts[1]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_new_maritime_line_option_replaces_the_northern_limit_line_and_keeps_the_land_line(lang):
    text = own_text(find_option("dmz/new-maritime-line").instantiate(), lang, Scope())
    assert MDL_REPLACED[lang] not in text
    assert NLL_REPLACED[lang] in text
    assert MDL[lang] in text  # the land line is kept, by name


@pytest.mark.parametrize(
    ("fields", "en", "ko", "zh"),
    [
        ({"pending_at_sea": "armistice_arrangements"},
         "Pending agreement on the maritime line in the West Sea, the arrangements of the Armistice Agreement at sea "
         "shall continue to apply.",
         "서해의 해상분계선에 관한 합의가 이루어질 때까지 해상에 관한 정전협정의 규정은 계속 적용된다.",
         "在就西海海上分界线达成协议之前，停战协定关于海上的安排应继续适用。"),
        ({"estuary": "open_to_civil_shipping", "estuary_zone": "han-river-estuary"},
         "The waters of the Han River Estuary shall be open to civil shipping of both sides under rules of navigation "
         "agreed by the two sides.",
         "한강하구의 수역은 남과 북이 합의하는 항행 규칙에 따라 남과 북 쌍방의 민간 선박에 개방된다.",
         "汉江河口水域应依照南北双方商定的航行规则向双方民用船舶开放。"),
        ({"islands": "status_unaffected", "islands_zone": "northwest-islands"},
         "Nothing in this Agreement shall affect the status of the Northwest Islands.",
         "이 협정의 어떠한 규정도 서북도서의 지위에 영향을 미치지 아니한다.",
         "本协定的任何规定均不影响西北岛屿的地位。"),
    ],
)
def test_the_sea_the_estuary_and_the_islands_read_the_same_in_three_languages(fields, en, ko, zh):
    node = clause(**fields)  # the zones are the standard registry's
    assert [own_text(node, lang, Scope()) for lang in LANGUAGES] == [en, ko, zh]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"line": "armistice_line_retained"}, [Disposal("demarcation_line", "continued")]),
        ({"line": "provisional_boundary"}, [Disposal("demarcation_line", "replaced")]),
        ({"line": "new_line_to_be_agreed", "zone": "dmz", "regime": "peace_zone"},
         [Disposal("demarcation_line", "replaced"), Disposal("demilitarized_zone", "replaced")]),
        ({"maritime_line": "new_line_to_be_agreed"}, []),
        ({"maritime_line": "to_be_negotiated", "pending_at_sea": "armistice_arrangements"},
         [Disposal("coastal_islands", "continued")]),
        ({"estuary": "armistice_arrangements", "estuary_zone": "e"}, [Disposal("han_river_estuary", "continued")]),
        ({"estuary": "joint_use", "estuary_zone": "e"}, [Disposal("han_river_estuary", "replaced")]),
        ({"islands": "status_unaffected", "islands_zone": "i"}, [Disposal("coastal_islands", "continued")]),
        ({"islands": "to_be_negotiated", "islands_zone": "i"}, []),
    ],
)
def test_disposals_follow_what_the_clause_says(fields, expected):
    assert clause(**fields).disposals() == expected


def test_the_zone_width_is_the_measure_only_when_the_clause_sets_a_zone():
    assert clause(line="armistice_line_retained", zone="dmz", regime="demilitarized").precedent_fields() == {
        "zone_width_total_km": "zone"}
    assert clause(maritime_line="to_be_negotiated").precedent_fields() == {}


def test_a_value_of_the_retired_maritime_field_says_what_to_write_instead():
    with pytest.raises(ValidationError, match="no longer a maritime zone regime: write 'maritime_line: to_be_negot"):
        clause(maritime="to_be_negotiated")


def test_a_joint_zone_pending_the_line_must_name_its_zone_in_every_option():
    text = ROUND_2.read_text(encoding="utf-8")
    pending = "            pending_at_sea: northern_limit_line"
    text = mutate(text, f"            maritime_zone: west-sea-peace-zone\n{pending}", pending)
    text = mutate(text, "            maritime: peace_zone\n            pending_at_sea", "            pending_at_sea")
    messages = [finding.message for finding in check(parse_agreement(text, "r2.yaml"))
                if finding.rule == "demarcation-choices"]
    assert messages == ["alternative west-sea.zone.alt-new-line: a joint zone pending the maritime line needs "
                        "'maritime_zone', the zone it is"]


def test_an_estuary_choice_needs_the_estuary_zone():
    text = mutate(ROUND_2.read_text(encoding="utf-8"), "            estuary_zone: han-river-estuary\n", "")
    findings = [finding for finding in check(parse_agreement(text, "r2.yaml")) if finding.rule == "demarcation-choices"]
    assert [(finding.node_id, finding.message) for finding in findings] == [
        ("demarcation.line", "'estuary: armistice_arrangements' needs 'estuary_zone' (a zone of the registry)")]
