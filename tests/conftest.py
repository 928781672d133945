"""Shared fixtures: the base test draft and a CLI runner that keeps stdout and stderr apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

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
