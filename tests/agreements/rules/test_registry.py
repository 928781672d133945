"""Each consistency rule, on its own: it finds what it must and stays quiet otherwise."""

from __future__ import annotations

import pytest

from agreements.drafts import parse_agreement
from agreements.rules.registry import RULES, check
from tests.conftest import mutate


def findings(text: str, rule: str | None = None) -> list[str]:
    """Return the findings of a draft text as strings, optionally of one rule only."""
    return [f"{f.node_id}: {f.severity}: {f.message}" for f in check(parse_agreement(text, "d.yaml"))
            if rule is None or f.rule == rule]


def test_base_draft_is_clean(base_text):
    assert findings(base_text) == []


def test_rule_names_are_unique_and_ordered():
    names = [name for name, _ in RULES]
    assert len(names) == len(set(names))
    assert names[0] == "unique-ids"
    # the rules on functions moving come after the kinds' own rules and before the rules on state
    assert names.index("dissolved-command-tasks") < names.index("functions-one-day")
    assert names.index("neutral-supervision-to-parties") < names.index("agreed-without-alternatives")


def test_unique_ids_also_covers_registries_and_steps(base_text):
    text = mutate(base_text, "id: step.talks", "id: jmc")
    text = mutate(text, "by: [jmc]", "by: [rok]")
    assert findings(text, "unique-ids") == ["jmc: error: duplicate id (first at line 21)"]


def test_entry_into_force_is_a_reserved_id(base_text):
    text = mutate(base_text, "id: final.steps.note", "id: entry_into_force")
    assert findings(text, "unique-ids") == ["entry_into_force: error: 'entry_into_force' is reserved"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("parties: [rok, dprk]", "parties: [rok, dprk, usa]", "final.parties: error: unknown party 'usa'"),
        ("transferred_to: jmc", "transferred_to: jmcc", "unc.status: error: unknown body 'jmcc' (did you mean 'jmc'?)"),
        ("by: [jmc]", "by: [iaea]", "step.talks: error: unknown party or body 'iaea'"),
        ("{after: pullback.distance, days: 30}", "{after: pullback, days: 30}",
         "unc.status: error: unknown step 'pullback' (did you mean 'pullback.distance'?)"),
    ],
)
def test_references_resolve(base_text, old, new, expected):
    assert findings(mutate(base_text, old, new), "references-resolve") == [expected]


def test_sequencing_cycle_through_a_clause_deadline(base_text):
    text = mutate(base_text, "deadline: {after: entry_into_force, days: 90}", "deadline: {after: unc.status, days: 5}")
    assert findings(text, "sequencing-acyclic") == [
        "pullback.distance: error: sequencing cycle: pullback.distance → unc.status → pullback.distance "
        "(each waits for the next)"
    ]
    assert findings(text, "due-after-preconditions") == []


def test_due_after_preconditions_is_quiet_when_order_is_right(base_text):
    text = mutate(base_text, "deadline: {after: step.liaison, days: 10}", "deadline: {days: 61}")
    assert findings(text, "due-after-preconditions") == []
    text = mutate(base_text, "deadline: {after: step.liaison, days: 10}", "deadline: {days: 59}")
    assert findings(text, "due-after-preconditions") == [
        "step.talks: error: falls due on day 59, before its precondition 'step.liaison' (day 60)"
    ]


def test_dissolved_command_may_act_before_but_not_after(base_text):
    before = mutate(base_text, "by: [jmc]", "by: [unc]")
    assert findings(before, "dissolved-command-tasks") == []
    standing = mutate(base_text, "        children:\n          - id: final.steps.note",
                      "        children:\n          - id: final.verify\n            kind: verification\n"
                      "            body: unc\n            mandate: [demining]\n            access: [routine_inspection]\n"
                      "          - id: final.steps.note")
    assert findings(standing, "dissolved-command-tasks") == [
        "final.verify: error: 'unc' is dissolved on day 120 but is given a standing task"
    ]


def test_a_retained_command_may_keep_tasks(base_text):
    text = mutate(base_text, "disposition: dissolve", "disposition: retain_reduced")
    text = mutate(text, "by: [jmc]", "by: [unc]").replace("{after: step.liaison, days: 10}", "{after: step.liaison, days: 900}")
    assert findings(text, "dissolved-command-tasks") == []


def test_agreed_ad_referendum_counts_as_agreed(base_text):
    text = mutate(base_text, "status: bracketed", "status: agreed_ad_referendum")
    assert findings(text, "agreed-without-alternatives") == [
        "pullback.distance: error: status is agreed_ad_referendum but 1 open alternative remains"
    ]


def test_withdrawn_alternatives_do_not_count(base_text):
    text = mutate(base_text, "status: bracketed", "status: agreed")
    text = mutate(text, "set: {pullback_km: 20}", "set: {pullback_km: 20}\n                withdrawn: true")
    assert findings(text, "agreed-without-alternatives") == []


def test_transferred_functions_need_a_recipient(base_text):
    text = mutate(base_text, "            transferred_to: jmc\n", "")
    assert findings(text, "command-successor") == [
        "unc.status: error: functions are transferred but neither 'transferred_to' nor 'successor_body' says to whom"
    ]


def test_unused_registry_entries_warn(base_text):
    text = mutate(base_text, "transferred_to: jmc", "transferred_to: unc").replace("by: [jmc]", "by: [rok]")
    assert findings(text, "unused-registry-entries") == ["jmc: warning: body 'jmc' is registered but never named"]


def test_bracketed_but_supported_warns(base_text):
    text = mutate(base_text, "set: {pullback_km: 20}", "set: {pullback_km: 20}\n                withdrawn: true")
    text = mutate(text, "dprk: {stance: oppose, note: Wants 20 km.}", "dprk: {stance: support}")
    assert findings(text, "bracketed-but-supported") == [
        "pullback.distance: warning: every signatory supports this bracketed text: mark it agreed?"
    ]


def test_languages_complete_names_node_field_and_language(base_text):
    text = mutate(base_text, "text: {en: The Parties shall review the phases annually., ko: 당사자들은 매년 단계를 검토한다., zh: 各当事方应每年审查各阶段。}",
                  "text: {en: The Parties shall review the phases annually., zh: 各当事方应每年审查各阶段。}")
    assert findings(text, "languages-complete") == ["final.steps.note: error: no Korean (ko) text in 'text'"]


def test_a_pending_translation_is_only_a_warning(base_text):
    text = mutate(base_text, "label: {en: Military talks, ko: 군사회담, zh: 军事会谈}", "label: {en: Military talks}")
    assert findings(text, "languages-complete") == [
        "step.talks: error: no Korean (ko) text in 'label'", "step.talks: error: no Chinese (zh) text in 'label'",
    ]
    text = mutate(base_text, "            kind: text\n", "            kind: text\n            translation: {ko: pending}\n")
    text = mutate(text, "ko: 당사자들은 매년 단계를 검토한다., ", "")
    assert findings(text, "languages-complete") == ["final.steps.note: warning: no Korean (ko) text in 'text'"]


def test_only_authentic_languages_are_required(base_text):
    text = mutate(base_text, "languages: [en, ko, zh]", "languages: [en]")
    text = mutate(text, "label: {en: Military talks, ko: 군사회담, zh: 军事会谈}", "label: {en: Military talks}")
    assert findings(text, "languages-complete") == []
