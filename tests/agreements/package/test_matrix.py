"""The positions matrix: one row per open node in document order, each party's stance and note, reproducible."""

from __future__ import annotations

import io
from collections import Counter

import docx
import pytest
from docx.enum.section import WD_ORIENT

from agreements.drafts import load_agreement, parse_agreement
from agreements.examples import example_path
from agreements.package.matrix import positions_matrix_docx
from agreements.tree import iter_models
from clauses.base import Node
from tests.conftest import mutate
from tests.processes import bytes_elsewhere

ROUND_1 = load_agreement(str(example_path("round-1")))
ROUND_2 = load_agreement(str(example_path("round-2")))
R2_TEXT = example_path("round-2").read_text(encoding="utf-8")
LADDER_STATUS = "            status: bracketed\n            proposed_by: [rok, usa]\n            ladder:"
# Read from the drafts: the bracketed and pending provisions, in document order (every part and article
# there is pending only because it holds them, so none has a row; no agreed provision keeps an option).
ROUND_1_OPEN = ["preamble.denuclearization", "roles.assurances", "west-sea.zone", "force.forward-limits", "unc.status",
                "foreign-forces.usfk", "denuc.linkage", "denuc.peaceful-uses", "verify.nuclear", "economy.cooperation",
                "crossings.regime", "seq.reversibility", "disputes.ladder", "interim.restraint", "final.provisions"]
ROUND_2_OPEN = ["preamble.denuclearization", "roles.assurances", "west-sea.zone", "force.forward-limits",
                "incidents.investigation", "foreign-forces.usfk", "verify.nuclear", "economy.cooperation",
                "prisoners.repatriation", "disputes.ladder"]


def opened(data: bytes) -> docx.Document:
    """Return a matrix opened again with python-docx."""
    return docx.Document(io.BytesIO(data))


def rows_by_id(document: docx.Document) -> dict[str, list[str]]:
    """Return the matrix's body rows (cell texts), keyed by the node id on the provision cell's last line."""
    table = document.tables[0]
    return {row.cells[0].text.split("\n")[-1]: [cell.text for cell in row.cells] for row in table.rows[1:]}


def row_ids(agreement) -> list[str]:
    """Return the node ids of a draft's matrix rows, in order."""
    return list(rows_by_id(opened(positions_matrix_docx(agreement))))


@pytest.fixture(scope="module")
def matrix() -> docx.Document:
    """Return round 2's matrix, opened."""
    return opened(positions_matrix_docx(ROUND_2))


def test_title_header_and_landscape_come_from_the_draft(matrix):
    paragraphs = [paragraph.text for paragraph in matrix.paragraphs]
    assert paragraphs[0] == "Positions matrix — R2"
    assert "Round 2 · R2 · 25 June 2027" in paragraphs[1]
    assert "Round 2 (R2)" in matrix.sections[0].header.paragraphs[0].text
    section = matrix.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height


def test_columns_are_provision_status_options_then_each_party_in_draft_order(matrix):
    head = [cell.text for cell in matrix.tables[0].rows[0].cells]
    assert head[:3] == ["Provision", "Status", "Options"]
    assert head[3:] == ["Republic of Korea", "Democratic People's Republic of Korea", "United States", "China", "UN"]


def test_one_row_per_open_node_in_document_order(matrix):
    assert list(rows_by_id(matrix)) == ROUND_2_OPEN


def test_parts_and_articles_count_only_with_their_own_positions_or_options(base_text):
    """The base draft, then an article with positions, a withdrawn option and an agreed clause keeping one."""
    assert row_ids(parse_agreement(base_text, "base.yaml")) == ["pullback.distance", "final.steps", "final.steps.note"]
    text = mutate(base_text, "      - id: unc-article\n        kind: article\n",
                  "      - id: unc-article\n        kind: article\n        positions: {rok: {stance: support}}\n")
    text = mutate(text, "        kind: implementation_sequencing\n",
                  "        kind: implementation_sequencing\n        status: agreed\n")
    text = mutate(text, "            status: bracketed\n", "            status: agreed\n")
    text = mutate(text, "                proposed_by: [dprk]\n",
                  "                proposed_by: [dprk]\n                withdrawn: true\n")
    text = mutate(text, "            disposition: dissolve\n",
                  "            disposition: dissolve\n            alternatives:\n              - id: unc.status.alt-keep\n"
                  "                proposed_by: [dprk]\n                set: {disposition: retain_reduced}\n")
    assert row_ids(parse_agreement(text, "base.yaml")) == ["unc-article", "unc.status", "final.steps.note"]


def test_rows_follow_the_round():
    assert row_ids(ROUND_1) == ROUND_1_OPEN


def test_bracketed_node_shows_number_status_options_and_each_stance_as_in_the_yaml(matrix):
    row = rows_by_id(matrix)["disputes.ladder"]
    assert row[0].startswith("Paragraph 1 of Article 23")
    assert row[1] == "bracketed"
    assert "A base text (Republic of Korea, United States)" in row[2]
    assert "B disputes.ladder.alt-conciliation (China)" in row[2]
    assert "alt-political" not in row[2]  # withdrawn in R2
    assert row[3:] == [
        "Reserve\nConsidering the Chinese option.",
        "Oppose\nCould consider non-binding conciliation; rejects arbitration.",
        "Reserve\nCould accept conciliation if the report is made public and technical disputes go to arbitration.",
        "Oppose\nMaintains its conciliation option.",
        "—",
    ]


def test_every_party_cell_matches_the_positions_of_the_draft(matrix):
    nodes = {visit.model.id: visit.model for visit in iter_models(ROUND_2) if isinstance(visit.model, Node)}
    for node_id, row in rows_by_id(matrix).items():
        for party, text in zip(ROUND_2.parties, row[3:]):
            position = nodes[node_id].positions.get(party.id)
            expected = "—" if position is None else position.stance.capitalize()
            assert text.split("\n")[0] == expected, (node_id, party.id)
            if position is not None and position.note:
                assert text.split("\n", 1)[1] == position.note


def test_options_give_each_open_alternative_with_id_and_proposers(matrix):
    row = rows_by_id(matrix)["verify.nuclear"]
    assert "B verify.nuclear.alt-routine (Democratic People's Republic of Korea)" in row[2]
    assert "C verify.nuclear.alt-notice-72 (China)" in row[2]
    assert "notice: 72" in row[2]  # what the option sets
    assert "art.disputes" not in rows_by_id(matrix)  # pending only because it holds disputes.ladder
    assert "disputes.ladder" in rows_by_id(matrix)


def test_summary_counts_open_nodes_and_each_partys_stances(matrix):
    summary = matrix.paragraphs[2].text
    ids = ROUND_2_OPEN
    assert summary.startswith(f"{len(ids)} open nodes")
    nodes = {visit.model.id: visit.model for visit in iter_models(ROUND_2) if isinstance(visit.model, Node)}
    for party in ROUND_2.parties:
        tally = Counter(nodes[key].positions[party.id].stance for key in ids if party.id in nodes[key].positions)
        assert f"{tally['support']} support, {tally['oppose']} oppose, {tally['reserve']} reserve" in summary
    assert "Democratic People's Republic of Korea 0 support, 6 oppose, 2 reserve" in summary


def test_an_agreed_node_that_keeps_an_option_still_has_a_row():
    agreement = parse_agreement(mutate(R2_TEXT, LADDER_STATUS, LADDER_STATUS.replace("bracketed", "agreed")), "r2.yaml")
    row = rows_by_id(opened(positions_matrix_docx(agreement)))["disputes.ladder"]
    assert row[1] == "agreed" and "disputes.ladder.alt-conciliation" in row[2]


def test_two_calls_give_the_same_bytes():
    """A process with another hash seed writes the same bytes."""
    again = bytes_elsewhere("from tests.agreements.package.test_matrix import ROUND_2, positions_matrix_docx",
                            "positions_matrix_docx(ROUND_2)")
    assert again == positions_matrix_docx(ROUND_2)
