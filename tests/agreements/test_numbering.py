"""Numbers come from tree order, never from the file."""

from __future__ import annotations

from agreements.drafts import parse_agreement
from agreements.numbering import letter, number_nodes, roman
from tests.conftest import BASE_DRAFT


def test_roman_and_letters():
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1990)] == ["I", "IV", "IX", "XIV", "XL", "MCMXC"]
    assert [letter(n) for n in (1, 2, 26, 27, 28)] == ["a", "b", "z", "aa", "ab"]


def test_articles_run_on_across_parts():
    agreement = parse_agreement(BASE_DRAFT.read_text(encoding="utf-8"), "base.yaml")
    numbers = number_nodes(agreement)
    assert numbers["military"] == "Part I"
    assert [numbers[key] for key in ("pullback", "unc-article", "final")] == ["Article 1", "Article 2", "Article 3"]
    assert [numbers[key] for key in ("final.parties", "final.steps", "final.steps.note")] == ["1.", "2.", "(a)"]
