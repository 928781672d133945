"""Shared fixtures: the base test draft and a CLI runner that keeps stdout and stderr apart."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

FIXTURES = Path(__file__).parent / "agreements" / "fixtures"
BASE_DRAFT = FIXTURES / "base.yaml"


@pytest.fixture
def base_text() -> str:
    """Return the text of the small valid draft the tests mutate."""
    return BASE_DRAFT.read_text(encoding="utf-8")


@pytest.fixture
def runner() -> CliRunner:
    """Return a click runner (stdout and stderr captured separately)."""
    return CliRunner()


def mutate(text: str, old: str, new: str) -> str:
    """Return text with the single occurrence of old replaced by new."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


# Hypothesis profiles: `default` is quick; `ci` (HYPOTHESIS_PROFILE=ci, set by .ci/run) runs 1000 examples of each
# cheap property, and `scaled` lets an expensive property run a fraction of that.
SLOW_DRAWS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
settings.register_profile("default", max_examples=25, deadline=None, suppress_health_check=SLOW_DRAWS)
settings.register_profile("ci", max_examples=1000, deadline=None, suppress_health_check=SLOW_DRAWS, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def scaled(fraction: float) -> settings:
    """Return settings running a fraction of the profile's examples (at least 5), for an expensive property."""
    return settings(max_examples=max(5, round(settings.default.max_examples * fraction)))
