"""Parameters: readable types, `--set KEY=VALUE` parsing, and errors that name field, type and allowed values."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from clauses.parameters import AssignmentError, apply_assignment, describe, explain, parameters, parse_assignment
from clauses.languages import LANGUAGES
from clauses.registry import KINDS


def parameters_by_name(kind: str) -> dict:
    """Return a kind's parameter rows by name."""
    return {row.name: row for row in parameters(KINDS[kind])}


def test_parameters_describe_types_and_bounds():
    rows = {row.name: row for row in parameters(KINDS["force_reduction_and_redeployment"])}
    assert rows["pullback_km"].description == "number (> 0, ≤ 100) (optional)" and not rows["pullback_km"].required
    assert rows["from_zone"].description == "zone id (optional)"
    assert rows["measured_from"].description == "one of line | zone_edge | opposing_posts"
    assert rows["measured_from"].default == "zone_edge"
    assert parameters_by_name("dmz_demining")["standard"].required
    assert rows["exercises"].description == "one of suspended | notified | limited_in_size | unrestricted"
    assert rows["exercises"].default == "notified"
    assert rows["notice_days"].description == "whole number (≥ 0, ≤ 7,305) (optional)"
    assert "status" not in rows and "id" not in rows


@pytest.mark.parametrize(
    ("text", "keys", "value"),
    [
        ("pullback_km=15", ["pullback_km"], 15),
        ("effective.days=180", ["effective", "days"], 180),
        ("categories=[artillery, armour]", ["categories"], ["artillery", "armour"]),
        ("note=Agreed in Geneva: ad ref", ["note"], "Agreed in Geneva: ad ref"),
        ("deadline={after: entry_into_force, days: 30}", ["deadline"], {"after": "entry_into_force", "days": 30}),
    ],
)
def test_parse_assignment(text, keys, value):
    assert parse_assignment(text) == (keys, value)


def test_assignment_needs_an_equals_sign():
    with pytest.raises(AssignmentError, match="write KEY=VALUE"):
        parse_assignment("pullback_km")


def test_unknown_parameter_lists_the_real_ones():
    with pytest.raises(AssignmentError, match=r"no parameter 'colour' in un_command_status \(parameters: command, disposition"):
        apply_assignment({}, ["colour"], "blue", KINDS["un_command_status"])


def test_wrong_value_names_field_expected_type_and_allowed_values():
    kind = KINDS["un_command_status"]
    with pytest.raises(ValidationError) as caught:
        kind.model_validate({"id": "x", "kind": "un_command_status", "disposition": "abolish", "effective": {"days": 1}})
    assert explain(caught.value, kind) == (
        "disposition: input should be 'dissolve', 'transform' or 'retain_reduced', got 'abolish' "
        "(expected one of dissolve | transform | retain_reduced)"
    )


def test_describe_text_per_language():
    expected = "text per language {" + ", ".join(LANGUAGES) + "}"  # {en, ko, zh} as shipped
    assert describe(KINDS["text"].model_fields["text"].annotation) == expected
