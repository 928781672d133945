"""The shipped corpus: every provision is a row of the fact sheet, with its basis code, topics, numbers and words."""

from __future__ import annotations

import re

import pytest

from precedents.corpus import SHIPPED, load_corpus
from tests.factsheet import FACT_SHEET, SECTIONS, TOPIC_WORDS, matching_rows, sections

CORPUS = load_corpus()
PROVISIONS = [(agreement, provision) for agreement in CORPUS.agreements.values() for provision in agreement.provisions]
NEEDS_SHEET = pytest.mark.skipif(not FACT_SHEET.exists(), reason="the fact sheet (shared/reference) is not beside this checkout")


def test_every_agreement_of_the_sheet_is_in_the_corpus():
    assert set(CORPUS.agreements) == set(SECTIONS)
    assert {path.stem for path in SHIPPED.glob("*.yaml")} == set(SECTIONS)
    assert len(PROVISIONS) >= 200
    assert all(agreement.context and agreement.date for agreement in CORPUS.agreements.values())


def problems_of(sheet: dict[str, str], agreement, provision) -> list[str]:
    """Return why a provision is not exactly a row of the sheet: citation, basis, topics, numbers, paraphrase."""
    found = matching_rows(sheet[agreement.id], provision.citation)
    if not found:
        return [f"{provision.id}: no row '{provision.citation}' in the sheet's section"]
    cells = found[0]
    problems = []
    if f"[{provision.basis}]" not in cells[0]:
        problems.append(f"{provision.id}: basis {provision.basis} not in {cells[0]}")
    mapped = {TOPIC_WORDS[word.strip()] for word in cells[1].split(";") if word.strip() in TOPIC_WORDS}
    if not set(provision.topics) <= mapped:
        problems.append(f"{provision.id}: topics {provision.topics} not in the row's {cells[1]}")
    if provision.paraphrase != cells[-1]:
        problems.append(f"{provision.id}: paraphrase differs from the sheet's")
    stated = cells[2]
    for name in ("distance_km", "days", "hours"):
        value = getattr(provision.parameters, name)
        if value is not None and not re.search(rf"(?<![\d.]){value:g}(?![\d])", stated.replace(",", "")):
            problems.append(f"{provision.id}: {name} {value} is not a number of the row ({stated})")
    return problems


@NEEDS_SHEET
def test_every_provision_is_a_row_of_the_fact_sheet():
    sheet = sections()
    problems = [problem for agreement, provision in PROVISIONS for problem in problems_of(sheet, agreement, provision)]
    assert problems == []


@NEEDS_SHEET
def test_the_cross_check_catches_an_invented_article_or_number():
    sheet = sections()
    agreement, provision = next((a, p) for a, p in PROVISIONS if p.parameters.days)
    assert problems_of(sheet, agreement, provision.model_copy(update={"citation": "Art. 99"}))
    wrong = provision.model_copy(update={"parameters": provision.parameters.model_copy(update={"days": 9999})})
    assert problems_of(sheet, agreement, wrong)


@NEEDS_SHEET
def test_unverified_lines_are_listed_not_loaded():
    sheet = sections()
    paraphrases = {provision.paraphrase for _, provision in PROVISIONS}
    for agreement in CORPUS.agreements.values():
        assert not set(agreement.not_yet_verified) & paraphrases
    for key in ("armistice-1953", "paris-1973", "geneva-1954", "two-plus-four-1990", "basic-treaty-1972"):
        assert "UNVERIFIED" in sheet[key] and CORPUS.agreements[key].not_yet_verified, key


def test_every_armistice_function_is_carried():
    from precedents.model import ArmisticeFunction

    carried = {function for provision in CORPUS.agreements["armistice-1953"].provisions
               for function in provision.functions}
    assert carried == set(ArmisticeFunction.__args__)
