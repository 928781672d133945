"""The clause library: enough real options per topic, each valid, rendered, and cited only from the fact sheet."""

from __future__ import annotations

from collections import Counter

import pytest

from clauses.library import PRECEDENTS, LibraryError, find_option, library
from clauses.topics import TOPICS
from clauses.scope import Scope
from agreements.document.segments import own_text
from tests.factsheet import FACT_SHEET, matching_rows, parse_row, sections

MORE_OPTIONS = ("un_command_status", "dmz_demining", "force_reduction_and_redeployment",
                "denuclearization_linkage", "implementation_sequencing")
OPTIONS = list(library().values())


def test_every_topic_has_real_choices():
    counts = Counter(option.kind for option in OPTIONS)
    assert set(counts) == set(TOPICS)
    assert all(counts[topic] >= 2 for topic in TOPICS)
    assert all(counts[topic] >= 3 for topic in MORE_OPTIONS)


def test_options_of_a_topic_differ_in_their_parameters():
    seen: dict[tuple[str, str], str] = {}
    for option in OPTIONS:
        key = (option.kind, repr(sorted(option.instantiate().model_dump(mode="json").items())))
        assert key not in seen, f"{option.id} has the same parameters as {seen.get(key)}"
        seen[key] = option.id


def test_unc_status_offers_the_three_dispositions():
    dispositions = {option.instantiate().disposition for option in OPTIONS if option.kind == "un_command_status"}
    assert dispositions == {"dissolve", "transform", "retain_reduced"}


@pytest.mark.parametrize("option", OPTIONS, ids=[option.id for option in OPTIONS])
@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_every_option_renders_in_every_language(option, lang):
    text = own_text(option.instantiate(), lang, Scope())
    assert len(text) > 20
    assert option.heading[lang]


def test_unknown_option_suggests_close_ids():
    with pytest.raises(LibraryError, match=r"unknown option 'unc_status/disolve' \(did you mean unc_status/dissolve"):
        find_option("unc_status/disolve")


CITATIONS = [(option.id, citation) for option in OPTIONS for citation in option.citations]


def citation_problem(sheet: dict[str, str], option_id: str, citation) -> str | None:
    """Return why a citation is not a provision row of the fact sheet shown by its weakest current code, or None."""
    found = matching_rows(sheet[citation.precedent], citation.provision)
    if not found:
        return f"{option_id}: {citation.precedent} has no provision row '{citation.provision}'"
    weakest = {parse_row(cells).basis[-1] for cells in found}
    if citation.basis not in weakest:
        return f"{option_id}: {citation.precedent} {citation.provision}: basis {citation.basis}, the sheet's {weakest}"
    return None


@pytest.mark.skipif(not FACT_SHEET.exists(), reason="the precedent fact sheet (shared/reference) is not beside this checkout")
def test_every_citation_is_a_fact_sheet_row_with_its_basis_code():
    sheet = sections()
    problems = [citation_problem(sheet, option_id, citation) for option_id, citation in CITATIONS]
    assert [problem for problem in problems if problem] == []


@pytest.mark.skipif(not FACT_SHEET.exists(), reason="the precedent fact sheet (shared/reference) is not beside this checkout")
def test_the_citation_check_catches_an_invented_provision():
    sheet = sections()
    real = CITATIONS[0][1]
    assert citation_problem(sheet, "x", real) is None
    assert citation_problem(sheet, "x", real.model_copy(update={"provision": "Art. XCIX"})) is not None
    other_basis = next(code for code in "TACXS" if code != real.basis)
    assert citation_problem(sheet, "x", real.model_copy(update={"basis": other_basis})) is not None


def test_citations_name_known_precedents():
    assert {citation.precedent for _, citation in CITATIONS} <= set(PRECEDENTS)
    assert len(CITATIONS) >= 2 * len(TOPICS)


def test_the_library_builds_the_clause_validator_once(monkeypatch):
    """Loading every option validates each with one validator of the clause union, not one built per option."""
    from clauses import library as library_module
    from clauses import registry

    built = []
    real = registry.TypeAdapter
    monkeypatch.setattr(registry, "TypeAdapter", lambda kind: built.append(kind) or real(kind))
    library_module.clause_adapter.cache_clear()
    library_module.library.cache_clear()
    try:
        assert len(library_module.library()) > 50
        assert len(built) == 1
    finally:
        library_module.clause_adapter.cache_clear()
        library_module.library.cache_clear()
