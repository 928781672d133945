"""Annexes and footnotes in a comparison: walked as nodes, added, removed, moved, renumbered and changed like articles."""

from __future__ import annotations

from agreements.diff.compare import compare_agreements
from agreements.diff.report import text_report
from agreements.drafts import load_agreement, parse_agreement
from agreements.examples import example_path
from tests.agreements.test_annexes import ANNEXES, with_annexes
from tests.conftest import BASE_DRAFT

BASE = parse_agreement(BASE_DRAFT.read_text(encoding="utf-8"), "base.yaml")
WITH_ANNEXES = parse_agreement(with_annexes(), "annexes.yaml")


def changes(old, new) -> list[tuple[str, str, str]]:
    """Return each change between two drafts as (kind, node, summary)."""
    return [(change.kind, change.node, change.summary) for change in compare_agreements(old, new).changes]


def test_the_shipped_round_2_adds_the_annex_and_the_paragraph_that_refers_to_it():
    found = changes(load_agreement(str(example_path("round-1"))), load_agreement(str(example_path("round-2"))))
    assert ("added", "annex.demining", "annex.demining added as Annex") in found
    assert ("added", "demining.procedures", "demining.procedures added as paragraph 2 of Article 7") in found
    inside = [change for change in found if change[1].startswith("annex.demining.")]  # only its footnote is listed
    assert [(kind, node) for kind, node, _ in inside] == [("text", "annex.demining.hand-over")]
    assert inside[0][2].startswith("annex.demining.hand-over: footnote added (en +18 −0 words, ko +9 −0 words")


def test_added_annexes_are_added_whole_and_reported_under_their_own_heading():
    found = changes(BASE, WITH_ANNEXES)
    assert found == [("added", "annex.maps", "annex.maps added as Annex I"),
                     ("added", "annex.procedures", "annex.procedures added as Annex II"),
                     ("added", "protocol.verification", "protocol.verification added as Protocol")]
    lines = text_report(compare_agreements(BASE, WITH_ANNEXES), "old", "new", lambda text, **_: text)
    assert lines[-3:] == ["", "Protocol — Verification", "  + protocol.verification added as Protocol"]


def test_a_removed_annex_renumbers_the_one_after_it_and_changes_its_references():
    rest = ANNEXES.split("  - id: annex.procedures\n")[1]
    for old in ("annex.maps.scale.sheets", "annex.maps"):  # what referred to the removed annex refers to Article 1
        rest = rest.replace("{ref:" + old, "{ref:pullback")
    fewer = parse_agreement(with_annexes("annexes:\n  - id: annex.procedures\n" + rest), "fewer.yaml")
    found = changes(WITH_ANNEXES, fewer)
    assert ("removed", "annex.maps", "annex.maps removed (was Annex I)") in found
    assert ("renumbered", "annex.procedures", "Annex II is now Annex") in found
    assert ("renumbered", "protocol.verification", "Protocol is now Protocol") not in found


def test_a_paragraph_moved_from_an_article_into_an_annex_is_moved():
    moved = parse_agreement(with_annexes(ANNEXES.replace(
        "      - id: annex.maps.scale\n", "      - id: final.steps.note\n        kind: text\n        text: {en: The Parties "
        "shall review the phases annually., ko: 당사자들은 매년 단계를 검토한다., zh: 各当事方应每年审查各阶段。}\n"
        "      - id: annex.maps.scale\n")).replace("""        children:
          - id: final.steps.note
            kind: text
            text: {en: The Parties shall review the phases annually., ko: 당사자들은 매년 단계를 검토한다., zh: 各当事方应每年审查各阶段。}
""", ""), "moved.yaml")
    found = changes(WITH_ANNEXES, moved)
    assert ("moved", "final.steps.note", "final.steps.note moved from subparagraph (a) of paragraph 2 of Article 3 to "
            "paragraph 1 of Annex I") in found
    assert ("renumbered", "annex.maps.scale", "paragraph 1 of Annex I is now paragraph 2 of Annex I") in found


def test_an_annex_heading_and_a_footnote_changed_are_text_changes_word_by_word():
    changed = with_annexes(ANNEXES.replace("{en: Maps, ko: 지도, zh: 地图}", "{en: Maps of the Zone, ko: 지도, zh: 地图}")
                           .replace("            text: {en: Sheets are numbered.",
                                    "            footnote: {en: In one series., ko: 한 계열로., zh: 同一系列。}\n"
                                    "            text: {en: Sheets are numbered."))
    found = changes(WITH_ANNEXES, parse_agreement(changed, "changed.yaml"))
    assert [change[:2] for change in found] == [("text", "annex.maps"), ("text", "annex.maps.scale.sheets")]
    assert found[0][2] == "annex.maps: heading changed (en +3 −0 words): + “of the Zone”"
    assert found[1][2].startswith("annex.maps.scale.sheets: footnote added (en +3 −0 words, ko +2 −0 words, zh +")
