"""The text of a denuclearization linkage: a linked peace step never comes before its step, and keeps its own day."""

from __future__ import annotations

import pytest

from agreements.document.compose import located_text
from agreements.document.context import scope_for
from agreements.drafts import load_agreement
from agreements.examples import example_path
from agreements.index import index_of

ROUND_2 = load_agreement(str(example_path("round-2")))
YONGBYON = {"en": "the completion of the step “Verified dismantlement of the nuclear facilities at Yongbyon”",
            "ko": "“영변 핵시설의 검증된 해체” 단계의 완료",
            "zh": "“经核查拆除宁边核设施”步骤完成"}
DISSOLUTION = {"en": "The dissolution of the United Nations Command shall not be carried out before {event}.",
               "ko": "국제연합군사령부의 해체는 {event} 전에는 이행하지 아니한다.",
               "zh": "联合国军司令部的解散不得在{event}之前实施。"}
SAME_TIME = {"en": "carried out upon", "ko": "동시에 이행", "zh": "时实施"}


def text_of(node_id: str, lang: str) -> str:
    """Return a node's text in round 2 as the document shows it."""
    return located_text(ROUND_2, index_of(ROUND_2).places[node_id].node, lang, scope_for(ROUND_2))


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_a_linked_step_is_held_back_until_its_step_and_not_timed_to_it(lang):
    """Article 12 dissolves the Command 90 days after Yongbyon: the linkage must not say it happens upon it."""
    linkage = text_of("denuc.linkage", lang)
    assert DISSOLUTION[lang].format(event=YONGBYON[lang]) in linkage
    assert SAME_TIME[lang] not in linkage
    assert "90" in text_of("unc.status", lang)
