"""PA-X import: a table of the codebook's columns becomes precedent files, presence only, and compare counts them."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from agreements.drafts import load_agreement
from agreements.examples import example_path
from clauses.errors import DraftError
from clauses.topics import TOPICS
from precedents.compare import compare_with_precedents
from precedents.corpus import check_folder
from precedents.index import SearchIndex
from precedents.model import BASIS_MEANING, CODED
from precedents.pax import DRAFT_REGION, DRAFT_TYPE, import_pax, pax_codes, pax_overview
from tests.precedents.pax_table import ROWS, row, write_table


@pytest.fixture
def folder(tmp_path):
    """Return a folder imported from the small table."""
    import_pax(str(write_table(tmp_path / "pax.csv")), str(tmp_path / "pax"))
    return tmp_path / "pax"


def test_every_pax_code_maps_to_topics_of_ours_once():
    codes = [code.code for code in pax_codes()]
    assert len(codes) == len(set(codes)) >= 15
    assert {topic for code in pax_codes() for topic in code.topics} <= set(TOPICS)


def test_an_agreement_is_its_record_and_a_provision_per_code_present(folder):
    data = YAML(typ="safe").load((folder / "pax-101.yaml").read_text(encoding="utf-8"))
    assert data["pax"] == {"id": 101, "country": "Country A/Country B", "region": "Asia and Pacific",
                           "stage": "SubComp", "type": "Inter", "status": "Multiparty signed/agreed",
                           "codes": ["CeGen", "StBor", "SsrFf"]}
    assert str(data["date"]) == "2018-04-27" and data["title"] == "Agreement 101"
    assert [(p["citation"], p["basis"], p["topics"]) for p in data["provisions"]] == [
        ("PA-X code CeGen", ["P"], ["end_of_war_and_non_aggression"]),
        ("PA-X code StBor", ["P"], ["demarcation_and_dmz"]),
        ("PA-X code SsrFf", ["P"], ["foreign_forces"])]
    assert all(p["paraphrase"].startswith("PA-X codes the agreement as addressing ") for p in data["provisions"])
    assert BASIS_MEANING[CODED].startswith("coded by PA-X")


def test_the_folder_is_a_valid_corpus_folder_and_a_day_first_date_is_read(folder):
    agreements = {agreement.id: agreement for agreement in check_folder(str(folder))}
    assert sorted(agreements) == ["pax-101", "pax-102", "pax-103", "pax-104", "pax-105"]
    assert str(agreements["pax-102"].date) == "2012-09-27"
    assert agreements["pax-105"].provisions == []


def test_a_later_import_replaces_the_earlier_files(tmp_path, folder):
    import_pax(str(write_table(tmp_path / "fewer.csv", ROWS[:2])), str(folder))
    assert sorted(path.name for path in folder.iterdir()) == ["pax-101.yaml", "pax-102.yaml", "pax.json"]


@pytest.mark.parametrize(("rows", "drop", "message"), [
    (ROWS, ("AgtId", "SsrFf"), "not a PA-X agreement table: missing columns AgtId, SsrFf"),
    ([row(7, "Americas", "Intra", {"SsrFf": "yes"})], (), "pax-7: SsrFf 'yes' is not a PA-X code value (0 to 3"),
    ([row(7, "Americas", "Intra", {"CeGen": 4})], (), "pax-7: CeGen '4' is not a PA-X code value (0 to 3"),
    ([row(7, "Americas", "Intra", {"TjMis": "0.5"})], (), "pax-7: TjMis '0.5' is not a PA-X code value"),
    ([row(7, "Americas", "Intra", {}, "April 2018")], (), "pax-7: Dat 'April 2018' is not a date"),
    ([row(7, "Americas", "Intra", {}), row(7, "Americas", "Intra", {})], (), ":3:1: pax-7: the AgtId is given twice"),
])
def test_a_bad_table_is_refused_in_one_line_and_nothing_is_written(tmp_path, rows, drop, message):
    with pytest.raises(DraftError) as caught:
        import_pax(str(write_table(tmp_path / "pax.csv", rows, drop)), str(tmp_path / "out"))
    assert len(caught.value.lines()) == 1 and message in caught.value.lines()[0]
    assert not (tmp_path / "out").exists()


def test_a_code_is_present_at_every_level_of_detail_and_absent_at_0_or_empty(tmp_path):
    rows = [row(1, "Americas", "Intra", {"SsrFf": 1, "StBor": 2, "TjMis": 3, "CeGen": ""})]
    import_pax(str(write_table(tmp_path / "pax.csv", rows)), str(tmp_path / "pax"))
    data = YAML(typ="safe").load((tmp_path / "pax" / "pax-1.yaml").read_text(encoding="utf-8"))
    assert data["pax"]["codes"] == ["StBor", "SsrFf", "TjMis"]


def test_columns_that_map_to_no_topic_add_nothing_and_demilitarisation_counts_with_ddr(tmp_path):
    rows = [row(1, "Americas", "Intra", {"Ce": 3, "SsrGua": 1, "DdrDemil": 1})]
    import_pax(str(write_table(tmp_path / "pax.csv", rows)), str(tmp_path / "pax"))
    data = YAML(typ="safe").load((tmp_path / "pax" / "pax-1.yaml").read_text(encoding="utf-8"))
    assert [(p["citation"], p["topics"]) for p in data["provisions"]] == [
        ("PA-X code DdrDemil", ["force_reduction_and_redeployment"])]


def test_the_codes_read_are_the_reviewed_list_and_the_unmapped_topics_stay_unmapped():
    assert [code.code for code in pax_codes()] == [
        "ImRef", "ImUN", "ImOth", "CeGen", "CeProv", "StBor", "SsrArm", "SsrDdr", "DdrDemil", "SsrFf", "ImPK",
        "StUni", "StXbor", "CprFmov", "ImE", "TjPrire", "TjMis", "HrDet"]
    mapped = {topic for code in pax_codes() for topic in code.topics}
    assert not mapped & {"dmz_demining", "denuclearization_linkage", "inter_korean_and_multilateral_tracks",
                         "dispute_resolution", "implementation_sequencing", "final_provisions"}


def test_overview_counts_each_topic_and_puts_region_and_type_after_shared_topics(folder):
    overview = pax_overview(["foreign_forces", "demarcation_and_dmz", "prisoners_and_remains"], [folder])
    assert overview.agreements == 5
    assert overview.by_topic == {"demarcation_and_dmz": 3, "foreign_forces": 3, "prisoners_and_remains": 1}
    assert [record.id for record, _ in overview.closest] == ["pax-101", "pax-103", "pax-102", "pax-104"]
    assert (overview.closest[0][0].region, overview.closest[0][0].type) == (DRAFT_REGION, DRAFT_TYPE)
    assert overview.closest[-1][1] == ["prisoners_and_remains"]


def test_no_pax_folder_no_overview(tmp_path):
    assert pax_overview(["foreign_forces"], [tmp_path]) is None


def test_coded_agreements_are_never_set_beside_a_clause_nor_listed_as_left_out(tmp_path, folder):
    index = SearchIndex.for_folders([str(folder)], folder=tmp_path / "cache")
    comparison = compare_with_precedents(load_agreement(str(example_path("round-2"))), index)
    beside = {match.agreement for clause in comparison.clauses for match in clause.matches}
    assert beside and not {key for key in beside if key.startswith("pax-")}
    assert not [title for titles in comparison.left_out.values() for title in titles if title.startswith("PA-X")]
    assert index.on_topic("foreign_forces", ["pax-101"]) == ["pax-101.ssrff"]
