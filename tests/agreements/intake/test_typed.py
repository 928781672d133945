"""A changed number taken as the clause's parameter: a distance (whole or fractional) as well as a deadline's days."""

from __future__ import annotations

import pytest

from agreements.diff.redline import paragraphs_of
from agreements.drafts import load_agreement
from agreements.examples import example_path
from agreements.intake.typed import typed_setting

ROUND_1 = load_agreement(str(example_path("round-1")))


def _text(node_id: str, lang: str) -> str:
    """Return a node's rendered paragraph in round 1."""
    return next(item.text for item in paragraphs_of(ROUND_1, lang) if item.key == f"node:{node_id}")


@pytest.mark.parametrize("old, new, setting, what", [
    ("10 kilometres", "20 kilometres", {"pullback_km": 20}, "pullback_km 10 → 20"),
    ("10 kilometres", "12.5 kilometres", {"pullback_km": 12.5}, "pullback_km 10 → 12.5"),
    ("365 days", "400 days", {"deadline": {"after": "entry_into_force", "days": 400}}, "deadline.days 365 → 400"),
])
def test_a_changed_number_is_the_parameter_that_renders_it(old, new, setting, what):
    before = _text("force.artillery", "en")
    assert typed_setting(ROUND_1, "force.artillery", "en", before, before.replace(old, new)) == (setting, what)


def test_a_number_no_parameter_renders_is_not_typed():
    before = _text("force.artillery", "en")
    assert typed_setting(ROUND_1, "force.artillery", "en", before, before.replace("10 kilometres", "20 miles")) is None
