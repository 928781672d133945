"""Who signs and in what capacity, the linked instruments, duration and withdrawal, and the
format and order of the negotiating tracks, typed and rendered in English, Korean and Chinese."""

from __future__ import annotations

import functools

import pytest

from agreements.document.compose import compose
from agreements.drafts import parse_agreement
from agreements.examples import example_path
from agreements.render.plain import words_of
from agreements.rules.registry import check
from clauses.formatting import parameter_label
from clauses.languages import language
from clauses.registry import KINDS
from tests.conftest import mutate

ROUND_2 = example_path("round-2").read_text(encoding="utf-8")
FORM = "            signed_by: plenipotentiaries  # the testimonium and the signature blocks follow it\n"
FINAL = "            duration: indefinite  # withdrawal: not yet discussed (the clause is silent on it)\n"
TRACKS = "            order: in_parallel\n"


@functools.cache
def document(text: str, lang: str):
    """Return the document tree of a draft's text in one language."""
    return compose(parse_agreement(text, "d.yaml"), [lang])


def shown(block, lang: str) -> str:
    """Return a block's words in a language."""
    return words_of(block.text(lang), language(lang))


def paragraph(text: str, node_id: str, lang: str) -> str:
    """Return the words of a paragraph of a draft in a language."""
    found = [block for block in document(text, lang).walk() if block.node_id == node_id]
    return shown(found[0], lang)


COMMANDERS = {
    "en": ("IN WITNESS WHEREOF the undersigned military commanders, being duly authorized thereto, have signed this "
           "Agreement.", "Title (Military Commander): ……"),
    "ko": ("이상의 증거로, 정당하게 권한을 위임받은 아래 군사령관들이 이 협정에 서명하였다.", "직위(군사령관): ……"),
    "zh": ("下列军事司令官经正式授权，在本协定上签字，以昭信守。", "职务（军事司令官）：……"),
}


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_the_testimonium_and_the_signatures_follow_the_signatory_capacity(lang):
    text = mutate(ROUND_2, FORM, "            signed_by: military_commanders\n")
    conclusions = document(text, lang).find("conclusions").children
    signature = next(block for block in conclusions if block.type == "signature")
    assert (shown(conclusions[0], lang), shown(signature.children[-1], lang)) == COMMANDERS[lang]
    plain = document(ROUND_2, lang).find("conclusions").children
    assert shown(plain[0], lang) != COMMANDERS[lang][0]


INSTRUMENTS = """            instruments:
              - id: form.protocol-demining
                form: protocol
                title: {en: Protocol on Demining, ko: 지뢰 제거에 관한 의정서, zh: 关于排雷的议定书}
                parties: [rok, dprk]
              - id: form.annex-maps
                form: annex
                title: {en: Annex on Maps, ko: 지도에 관한 부속서, zh: 关于地图的附件}
"""
LISTED = {
    "en": "The following instruments form an integral part of this Agreement: the Protocol on Demining, concluded "
          "between the Republic of Korea and the Democratic People's Republic of Korea; and the Annex on Maps.",
    "ko": "대한민국과 조선민주주의인민공화국 간의 「지뢰 제거에 관한 의정서」 및 「지도에 관한 부속서」는 이 협정의 불가분의 일부를 구성한다.",
    "zh": "大韩民国与朝鲜民主主义人民共和国之间的《关于排雷的议定书》和《关于地图的附件》构成本协定不可分割的组成部分。",
}


LETTERS = """            instruments:  # R2: interim restraint left to an exchange of letters at signature
              - id: form.letters-interim-restraint
                form: exchange_of_letters
                title:
                  en: Exchange of Letters on Interim Restraint
                  ko: 잠정적 자제에 관한 교환각서
                  zh: 关于临时克制的换文
                integral_part: false
"""


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_the_linked_instruments_are_listed(lang):
    assert LISTED[lang] in paragraph(mutate(ROUND_2, LETTERS, INSTRUMENTS), "form.parties", lang)


def test_a_linked_instrument_is_concluded_by_parties_of_the_agreement():
    wrong = (INSTRUMENTS.replace("parties: [rok, dprk]", "parties: [rok, un]")
             .replace("                form: annex\n", "                form: annex\n                parties: [rok]\n"))
    found = sorted((finding.node_id, finding.message)
                   for finding in check(parse_agreement(mutate(ROUND_2, LETTERS, wrong), "d.yaml"))
                   if finding.rule == "linked-instrument-parties")
    assert found == [("form.annex-maps", "an annex is part of the agreement itself and has no parties of its own"),
                     ("form.protocol-demining", "un is not a party to the agreement (rok, dprk, usa, prc)")]


WITHDRAWAL = {
    "en": "This Agreement shall remain in force for 20 years and shall thereafter be extended automatically for "
          "successive periods of 20 years, unless all Parties agree otherwise. Any Party may withdraw from this "
          "Agreement by written notification to the depositary. The withdrawal shall take effect 12 months after the "
          "date on which the depositary receives the notification.",
    "ko": "이 협정은 20년간 효력을 가진다. 그 후에는 모든 당사자가 달리 합의하지 아니하는 한 20년씩 자동으로 연장된다. 각 당사자는 "
          "수탁자에게 서면으로 통고함으로써 이 협정에서 탈퇴할 수 있다. 탈퇴는 수탁자가 그 통고를 접수한 날부터 12개월 후에 효력을 발생한다.",
    "zh": "本协定有效期为20年。期满后，除非全体当事方另有协议，本协定有效期自动延长，每次延长20年。任何当事方均可书面通知保存人退出本协定。"
          "该退出在保存人收到通知之日起12个月后方为有效。",
}
TERM = ("            duration: fixed_term\n            term_years: 20\n            renewal: automatic\n"
        "            withdrawal: on_notice\n            withdrawal_notice_months: 12\n")


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_duration_and_withdrawal_are_rendered(lang):
    assert WITHDRAWAL[lang] in paragraph(mutate(ROUND_2, FINAL, TERM), "final.provisions", lang)
    assert {"en": "This Agreement shall remain in force indefinitely.", "ko": "이 협정은 무기한 효력을 가진다.",
            "zh": "本协定无限期有效。"}[lang] in paragraph(ROUND_2, "final.provisions", lang)


def test_withdrawal_on_notice_needs_a_depositary_and_a_fixed_term_its_years():
    text = mutate(mutate(ROUND_2, FINAL, "            duration: fixed_term\n            withdrawal: on_notice\n"
                                         "            withdrawal_notice_months: 6\n"),
                  "            depositary: un-secretary-general\n            duration", "            duration")
    found = [finding.message for finding in check(parse_agreement(text, "d.yaml"))
             if finding.rule == "duration-and-withdrawal"]
    assert found == ["a fixed term needs 'term_years'",
                     "withdrawal on notice needs a 'depositary' to receive the notification"]


ORDER = {
    "en": "Inter-Korean talks shall be held before the talks in the other forums, which shall begin after those talks "
          "have reached agreement on the matters assigned to them and shall then be held in parallel.",
    "ko": "남북회담을 먼저 진행한다. 다른 회담은 남북회담이 그에 배정된 사항에 관하여 합의에 이른 후에 개시하며, 서로 병행하여 진행한다.",
    "zh": "应首先举行南北会谈；其他会谈应在南北会谈就其所负责事项达成协议后开始，并随后并行举行。",
}


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_the_order_of_the_tracks_is_rendered(lang):
    text = mutate(ROUND_2, TRACKS, "            order: first_then_parallel\n")
    assert ORDER[lang] in paragraph(text, "tracks.division", lang)
    assert ORDER[lang] not in paragraph(ROUND_2, "tracks.division", lang)


def test_a_format_has_its_number_of_participants():
    text = mutate(ROUND_2, "                forum: four_party\n                participants: [rok, dprk, usa, prc]\n",
                  "                forum: us_dprk\n                participants: [rok, dprk, usa, prc]\n")
    found = [(finding.node_id, finding.message) for finding in check(parse_agreement(text, "d.yaml"))
             if finding.rule == "forum-participants"]
    assert found == [("track.four-party", "us_dprk talks have 2 participants, not 4")]


def test_a_draft_without_the_new_fields_still_loads_and_reads_as_before():
    old = mutate(mutate(mutate(ROUND_2, FORM, ""), FINAL, ""), TRACKS, "")
    assert "indefinitely" not in paragraph(old, "final.provisions", "en")
    assert "in parallel" not in paragraph(old, "tracks.division", "en")
    assert shown(document(old, "en").find("conclusions").children[0], "en").startswith(
        "IN WITNESS WHEREOF the undersigned, being duly authorized thereto by their respective Governments")


@pytest.mark.parametrize(("kind", "parameter", "label"), [
    ("form_and_parties", "signed_by", "signatory capacity"),
    ("form_and_parties", "instruments[form.letters].integral_part", "integral part of the agreement"),
    ("final_provisions", "withdrawal_notice_months", "notice of withdrawal in months"),
    ("inter_korean_and_multilateral_tracks", "order", "order of the tracks"),
    ("inter_korean_and_multilateral_tracks", "tracks[track.x].forum", "format of the talks"),
    ("non_korean_parties_roles", "roles[usa].role", "role"),
])
def test_the_new_fields_are_labelled_for_the_diff(kind, parameter, label):
    assert parameter_label(KINDS[kind], parameter) == label
