"""Pull-back distances with their reference point, national personnel ceilings and the air buffer zone."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from agreements.diff.compare import compare_agreements
from agreements.document.context import scope_for
from agreements.document.segments import own_text
from agreements.drafts import parse_agreement
from agreements.examples import example_path
from agreements.index import index_of
from agreements.rules.registry import check
from clauses.library import find_option
from clauses.registry import Clause
from clauses.scope import Scope
from tests.conftest import mutate

LANGUAGES = ("en", "ko", "zh")
ROUND_2_TEXT = example_path("round-2").read_text(encoding="utf-8")
ROUND_2 = parse_agreement(ROUND_2_TEXT, "round-2.yaml")
FROM_THE_LINE = {"en": "not less than {n} kilometres from the Military Demarcation Line",
                 "ko": "군사분계선으로부터 {n}킬로미터 이상", "zh": "距军事分界线不少于{n}公里"}
THE_ZONE = {"en": "Demilitarized Zone", "ko": "비무장지대", "zh": "非军事区"}
NO_FLY = {  # the text of round 2, Article 9, paragraph 1, as it was agreed in free text
    "en": "No fixed-wing aircraft shall fly within 20 kilometres, no rotary-wing aircraft within 10 kilometres and no "
          "unmanned aerial vehicle within 15 kilometres of the Military Demarcation Line, save for flights for "
          "firefighting, medical evacuation, rescue and other purposes notified in advance to the other side.",
    "ko": "고정익 항공기는 군사분계선으로부터 20킬로미터 이내, 회전익 항공기는 10킬로미터 이내, 무인기는 15킬로미터 이내에서 "
          "비행하지 아니한다. 다만, 산불 진화, 응급환자 후송, 조난 구조 및 그 밖에 상대방에게 사전 통보한 목적의 비행은 "
          "그러하지 아니하다.",
    "zh": "固定翼飞机不得在距军事分界线20公里范围内飞行，旋翼飞机不得在10公里范围内飞行，无人机不得在15公里范围内飞行；"
          "但为扑灭山火、紧急医疗后送、救援以及事先通报对方的其他目的而进行的飞行除外。",
}

ESTABLISHED = {"en": "The Parties shall, upon the entry into force of this Agreement, establish an air buffer zone "
                     "along the Military Demarcation Line. ",
               "ko": "당사자들은 이 협정 발효와 동시에 군사분계선 일대에 공중 완충구역을 설정한다. ",
               "zh": "各当事方应于本协定生效时沿军事分界线设立空中缓冲区。"}


def node(node_id: str):
    """Return a clause of round 2."""
    return index_of(ROUND_2).model(node_id)


def clause(**fields) -> Clause:
    """Return a force reduction clause with the given fields."""
    return TypeAdapter(Clause).validate_python({"id": "f", "kind": "force_reduction_and_redeployment", **fields})


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("node_id", "km"), [("force.guard-posts", 2), ("force.artillery", 15),
                                             ("force.forward-limits", 20)])
def test_article_8_measures_every_pull_back_from_the_military_demarcation_line(lang, node_id, km):
    text = own_text(node(node_id), lang, scope_for(ROUND_2))
    assert FROM_THE_LINE[lang].format(n=km) in text
    assert THE_ZONE[lang] not in text


@pytest.mark.parametrize(
    ("fields", "en", "ko", "zh"),
    [
        ({"measured_from": "line"}, "from the Military Demarcation Line.", "군사분계선으로부터 5킬로미터",
         "距军事分界线不少于5公里"),
        ({"measured_from": "zone_edge", "from_zone": "dmz"},
         "from the boundary of the Demilitarized Zone on their respective sides.",
         "비무장지대의 자기 측 경계선으로부터 5킬로미터", "距非军事区本方一侧边界不少于5公里"),
        ({}, "from the boundary of the Demilitarized Zone on their respective sides.",  # the default: today's meaning
         "비무장지대의 자기 측 경계선으로부터 5킬로미터", "距非军事区本方一侧边界不少于5公里"),
        ({"measured_from": "opposing_posts"}, "from those of the other side.", "상대측의 같은 종류의 전력으로부터 5킬로미터",
         "距对方同类兵力不少于5公里"),
    ],
)
def test_a_pull_back_says_what_it_is_measured_from_in_every_language(fields, en, ko, zh):
    pullback = clause(pullback_km=5, categories=["artillery"], deadline={"days": 30}, **({"from_zone": "dmz"} | fields))
    assert f"not less than 5 kilometres {en}" in own_text(pullback, "en", Scope())
    assert ko in own_text(pullback, "ko", Scope())
    assert zh in own_text(pullback, "zh", Scope())


@pytest.mark.parametrize(("measured_from", "measure"), [("line", "pullback_from_line_km"),
                                                       ("zone_edge", "pullback_from_zone_edge_km"),
                                                       ("opposing_posts", "distance_between_posts_km")])
def test_the_precedent_measure_of_a_distance_is_its_reference_point(measured_from, measure):
    pullback = clause(pullback_km=5, categories=["artillery"], measured_from=measured_from, from_zone="dmz",
                      deadline={"days": 30})
    assert pullback.precedent_fields() == {measure: "pullback_km"}
    assert type(pullback).deadline_measure == "withdrawal_days"


def test_national_ceilings_render_in_three_languages_and_are_the_personnel_measure():
    ceiling = find_option("forces/national-ceilings").instantiate()
    assert [own_text(ceiling, lang, Scope()) for lang in LANGUAGES] == [
        "The armed forces of each of the Republic of Korea and the Democratic People's Republic of Korea shall be "
        "reduced to not more than 500,000 personnel within 1,825 days after the entry into force of this Agreement.",
        "대한민국 및 조선민주주의인민공화국의 군대는 이 협정 발효 후 1,825일 이내에 각각 500,000명 이하로 감축된다.",
        "大韩民国和朝鲜民主主义人民共和国的武装部队应于本协定生效后1825日内各自削减至不超过500000人。",
    ]
    assert ceiling.precedent_fields() == {"personnel_ceiling": "personnel_ceiling"}
    assert ceiling.disposals() == []


def test_one_state_s_ceiling_is_not_shared():
    ceiling = clause(personnel_ceiling=370000, ceiling_parties=["rok"], deadline={"days": 0})
    assert [own_text(ceiling, lang, Scope()) for lang in LANGUAGES] == [
        "The armed forces of the Republic of Korea shall be reduced to not more than 370,000 personnel upon the "
        "entry into force of this Agreement.",
        "대한민국의 군대는 이 협정 발효와 동시에 370,000명 이하로 감축된다.",
        "大韩民国的武装部队应于本协定生效时削减至不超过370000人。",
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_air_buffer_zone_of_article_9_is_typed_and_reads_as_agreed(lang):
    no_fly = node("confidence.no-fly")
    assert no_fly.kind == "force_reduction_and_redeployment"
    assert [(distance.aircraft, distance.km) for distance in no_fly.no_fly] == [
        ("fixed_wing", 20), ("rotary_wing", 10), ("unmanned", 15)]
    assert own_text(no_fly, lang, scope_for(ROUND_2)) == ESTABLISHED[lang] + NO_FLY[lang]
    assert no_fly.precedent_fields() == {"no_fly_distance_km": "no_fly"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_air_buffer_option_is_a_no_fly_zone_not_a_withdrawal(lang):
    text = own_text(find_option("forces/air-buffer").instantiate(), lang, Scope())
    assert {"en": "withdraw", "ko": "철수", "zh": "后撤"}[lang] not in text
    assert NO_FLY[lang] in text


def test_a_diff_names_the_new_parameters():
    new = mutate(ROUND_2_TEXT, "- {aircraft: fixed_wing, km: 20}", "- {aircraft: fixed_wing, km: 25}")
    new = mutate(new, "            exercises: limited_in_size\n", "            exercises: limited_in_size\n"
                 "            personnel_ceiling: 450000\n            ceiling_parties: [rok, dprk]\n")
    artillery = "            pullback_km: 15  # R1: 10 km\n"
    new = mutate(new, f"{artillery}            measured_from: line\n",
                 f"{artillery}            measured_from: zone_edge\n            from_zone: dmz\n")
    summaries = [change.summary for change in compare_agreements(ROUND_2, parse_agreement(new, "new.yaml")).changes]
    assert "force.artillery: pull-back measured from: line → zone edge; zone: — → Demilitarized Zone" in summaries
    assert ("force.forward-limits: personnel ceiling: — → 450000; parties whose armed forces are capped: none → "
            "Republic of Korea, Democratic People's Republic of Korea") in summaries
    assert ("confidence.no-fly: no-fly distances: + (aircraft: fixed-wing aircraft, 25 km); "
            "− (aircraft: fixed-wing aircraft, 20 km)") in summaries


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("            pullback_km: 15  # R1: 10 km\n            measured_from: line\n",
         "            pullback_km: 15  # R1: 10 km\n            measured_from: zone_edge\n",
         "a pull-back measured from the zone's edge needs 'from_zone', the zone"),
        ("            exercises: limited_in_size\n",
         "            exercises: limited_in_size\n            personnel_ceiling: 450000\n",
         "a personnel ceiling needs 'ceiling_parties', and 'ceiling_parties' a ceiling"),
        ("            no_fly:\n              - {aircraft: fixed_wing, km: 20}\n"
         "              - {aircraft: rotary_wing, km: 10}\n              - {aircraft: unmanned, km: 15}\n", "",
         "the clause sets no measure: give 'pullback_km', 'personnel_ceiling' or 'no_fly'"),
    ],
)
def test_each_measure_names_what_it_needs(old, new, message):
    findings = check(parse_agreement(mutate(ROUND_2_TEXT, old, new), "r2.yaml"))
    assert message in [finding.message for finding in findings if finding.rule == "force-measures"]
    assert [finding for finding in check(ROUND_2) if finding.rule == "force-measures"] == []
