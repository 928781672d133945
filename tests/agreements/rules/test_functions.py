"""Functions moving between bodies: one event, one day; neutral supervision; typed bodies; the Security Council."""

from __future__ import annotations

from pathlib import Path

import pytest

from agreements.document.context import scope_for
from agreements.drafts import parse_agreement
from agreements.rules.registry import check
from clauses.rendering import clause_text
from tests.conftest import mutate

ROUND_2 = Path(__file__).resolve().parents[3] / "agreements" / "examples" / "round-2.yaml"
TEXT = ROUND_2.read_text(encoding="utf-8")
NNSC_TO_PRVC = '''              - functions: [neutral_nations_supervisory_commission, inspection_teams]
                to: prvc
                when: {after: step.jmc-established, days: 150}'''


def findings(text: str, rule: str) -> list[str]:
    """Return one rule's findings on a draft text (with --strict), as 'node: severity: message'."""
    return [f"{f.node_id}: {f.severity}: {f.message}" for f in check(parse_agreement(text, "d.yaml"), strict=True)
            if f.rule == rule]


def old_dates(text: str) -> str:
    """Return round 2 with the dates of its first R2 text: Art. 12 transfers on its effective date (day 455),
    the armistice bodies ending 30 days after the hand-over step (day 210)."""
    text = text.replace("                when: {after: step.jmc-established, days: 150}\n", "")
    return mutate(text, "deadline: {after: step.unc-handover, days: 0}", "deadline: {after: step.unc-handover, days: 30}")


def rendered(text: str, node_id: str, lang: str) -> str:
    """Return the text of one clause of a draft in a language."""
    from agreements.index import index_of

    agreement = parse_agreement(text, "d.yaml")
    return clause_text(index_of(agreement).model(node_id), lang, scope_for(agreement))


def test_finding_3_the_old_round_2_dates_contradict_each_other():
    found = findings(old_dates(TEXT), "functions-one-day")
    assert "step.unc-handover: error: 'dmz_administration' is transferred on day 180 here but on day 455 (unc.status)" in found
    assert ("unc.status: error: 'military_armistice_commission' is transferred on day 455, after its body has ended "
            "on day 210 (step.armistice-bodies-end)") in found
    assert ("step.armistice-bodies-end: error: 'military_armistice_commission' is ended on day 210 here but on day 455 "
            "(unc.status)") in found


def test_the_shipped_round_2_moves_each_function_on_one_day():
    assert findings(TEXT, "functions-one-day") == []
    assert findings(TEXT, "neutral-supervision-to-parties") == []


def test_bracketed_text_settles_nothing():
    text = mutate(old_dates(TEXT), "status: agreed_ad_referendum  # R1: bracketed (dissolve / retain reduced / transform)",
                  "status: bracketed")
    assert findings(text, "functions-one-day") == []


def test_a_function_sent_to_two_bodies_on_one_day_is_an_error():
    text = mutate(TEXT, NNSC_TO_PRVC, NNSC_TO_PRVC.replace("to: prvc", "to: peace-commission"))
    found = findings(text, "functions-one-day")
    assert found[0] == ("step.unc-handover: error: 'neutral_nations_supervisory_commission' is transferred to 'prvc' "
                        "here but to 'peace-commission' in unc.status")


def test_neutral_supervision_to_a_body_of_the_parties_warns():
    text = mutate(TEXT, NNSC_TO_PRVC, NNSC_TO_PRVC.replace("to: prvc", "to: jmc"))
    found = findings(text, "neutral-supervision-to-parties")
    assert found[0] == ("unc.status: warning: neutral supervision ('neutral_nations_supervisory_commission') goes to "
                        "'jmc', a body of the parties themselves: give it to a neutral or mixed body")


def test_a_body_whose_members_are_all_parties_counts_as_of_the_parties():
    text = mutate(TEXT, "    composition: mixed  # the Parties' representatives under a neutral chair: neutral supervision passes to it\n    chair: {mode: neutral, designated_by: un-secretary-general}\n", "")
    assert len(findings(text, "neutral-supervision-to-parties")) == 4  # two functions, in Art. 12 and in Art. 20


def test_open_text_is_reported_as_a_proposal():
    text = mutate(TEXT, NNSC_TO_PRVC, NNSC_TO_PRVC.replace("to: prvc", "to: jmc"))
    text = mutate(text, "status: agreed_ad_referendum  # R1: bracketed (dissolve / retain reduced / transform)",
                  "status: bracketed")
    assert findings(text, "neutral-supervision-to-parties")[0].endswith("(proposed in open text)")


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "It shall meet at least once every 3 months and at any time at the request of the Republic of Korea or "
           "the Democratic People's Republic of Korea. It shall take its decisions by consensus."),
    ("ko", "위원회는 최소한 3개월에 1회 회의를 개최하며, 대한민국 또는 조선민주주의인민공화국의 요청이 있는 경우 수시로 회의를 "
           "개최한다. 위원회의 결정은 컨센서스로 한다."),
    ("zh", "委员会至少每3个月举行一次会议，并可应大韩民国或朝鲜民主主义人民共和国的请求随时举行会议。委员会的决定以协商一致方式作出。"),
])
def test_a_typed_body_is_rendered_from_its_make_up(lang, expected):
    assert rendered(TEXT, "jmc.establishment", lang).endswith(expected)
    changed = mutate(TEXT, "meetings: {every: 3, unit: months, on_request: true}", "meetings: {every: 1, unit: years}")
    assert expected not in rendered(changed, "jmc.establishment", lang)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Its chair shall rotate among the Republic of Korea, the Democratic People's Republic of Korea, the United "
           "States of America and the People's Republic of China. It shall meet at least once a year."),
    ("ko", "위원회는 최소한 연 1회 회의를 개최한다."),
    ("zh", "委员会至少每年举行一次会议。"),
])
def test_the_peace_commission_is_rendered_from_its_make_up(lang, expected):
    assert expected in rendered(TEXT, "peace-commission.establishment", lang)


def test_transfers_go_to_several_bodies_and_practice_is_no_armistice_function():
    from agreements.index import index_of

    status = index_of(parse_agreement(TEXT, "d.yaml")).model("unc.status")
    disposals = {(d.function, d.outcome, d.body) for d in status.disposals()}
    assert ("military_armistice_commission", "replaced", "jmc") in disposals
    assert ("neutral_nations_supervisory_commission", "replaced", "prvc") in disposals
    assert ("dmz_administration", "replaced", "jmc") in disposals
    assert not {d for d in disposals if d[0] in ("general_officer_talks", "liaison")}


def test_the_first_drafts_shorthand_reads_as_one_transfer():
    from clauses.kinds.un_command_status import UnCommandStatus

    status = UnCommandStatus.model_validate({
        "id": "u", "kind": "un_command_status", "disposition": "dissolve", "effective": {"days": 10},
        "functions_transferred": ["dmz_access_control", "repatriation_of_remains", "liaison"], "transferred_to": "jmc",
        "terminates": ["military_armistice_commission"]})
    assert [(t.functions, t.to) for t in status.all_transfers()] == [(["dmz_administration", "remains", "liaison"], "jmc")]
    assert {(d.function, d.outcome) for d in status.disposals()} == {
        ("dmz_administration", "replaced"), ("remains", "replaced"), ("military_armistice_commission", "terminated")}


@pytest.mark.parametrize(("lang", "jointly", "alone"), [
    ("en", "The Parties shall jointly request the Security Council of the United Nations",
     "The United States of America shall request the Security Council of the United Nations"),
    ("ko", "국제연합군사령부의 임무를 종료하는 결의를 채택하도록 공동으로 요청한다.", "결의를 채택하도록 요청한다."),
    ("zh", "共同请求联合国安全理事会通过决议，核可本协定并终止联合国军司令部的任务。", "应于"),
])
def test_the_security_council_request_is_typed(lang, jointly, alone):
    assert jointly in rendered(TEXT, "unc.status", lang)
    one = mutate(TEXT, "              measures: [endorse_agreement, end_command_mandate]\n",
                 "              measures: [endorse_agreement, end_command_mandate]\n              requested_by: [usa]\n")
    text = rendered(one, "unc.status", lang)
    assert jointly not in text and alone in text
