"""The positions matrix: one row per open node in document order, each party's stance and note, reproducible."""

from __future__ import annotations

import io
import re
from collections import Counter

import docx
import pytest
from docx.enum.section import WD_ORIENT

from agreements.drafts import load_agreement, parse_agreement
from agreements.examples import example_path
from agreements.package.matrix import positions_matrix_docx
from agreements.diff.compare import label
from agreements.index import index_of
from agreements.model import Recital
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


def provision(place) -> str:
    """Return how the provision cell names a node's place: its number, or the recital of the preamble."""
    if isinstance(place.node, Recital):
        return f"Preamble\nrecital {place.index + 1}"
    text = label(place)
    return text[:1].upper() + text[1:]


def rows_by_id(document: docx.Document, agreement=ROUND_2) -> dict[str, list[str]]:
    """Return the matrix's body rows (cell texts), keyed by the id of the node at the place the provision cell names."""
    ids = {provision(place): key for key, place in index_of(agreement).places.items()}
    rows = {}
    for row in document.tables[0].rows[1:]:
        text = row.cells[0].text
        rows[ids[text if text.startswith("Preamble") else text.split("\n")[0]]] = [cell.text for cell in row.cells]
    return rows


def row_ids(agreement) -> list[str]:
    """Return the node ids of a draft's matrix rows, in order."""
    return list(rows_by_id(opened(positions_matrix_docx(agreement)), agreement))


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
    assert row[0] == "Paragraph 1 of Article 23\nSettlement of Disputes"
    assert "A base text, proposed by Republic of Korea, United States" in row[2]
    assert "B proposed by China\nladder: adds mechanism: conciliation; drops mechanism: arbitration" in row[2]
    assert "C " not in row[2]  # the DPRK's option is withdrawn in R2
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


def test_options_give_each_open_alternative_with_its_proposers_and_settings_in_words(matrix):
    row = rows_by_id(matrix)["verify.nuclear"]
    assert row[2].split("\n") == [
        "A base text, proposed by Republic of Korea, United States",
        "B proposed by Democratic People's Republic of Korea", "access: drops challenge inspections; notice: 168 hours",
        "C proposed by China", "notice: 72 hours",
    ]
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
    row = rows_by_id(opened(positions_matrix_docx(agreement)), agreement)["disputes.ladder"]
    assert row[1] == "agreed" and "B proposed by China" in row[2]


def test_two_calls_give_the_same_bytes():
    """A process with another hash seed writes the same bytes."""
    again = bytes_elsewhere("from tests.agreements.package.test_matrix import ROUND_2, positions_matrix_docx",
                            "positions_matrix_docx(ROUND_2)")
    assert again == positions_matrix_docx(ROUND_2)


def draft_ids(agreement) -> set[str]:
    """Return every id a draft gives: nodes, alternatives, scheduled items, parties, bodies and zones."""
    found = {visit.model.id for visit in iter_models(agreement) if isinstance(getattr(visit.model, "id", None), str)}
    found |= {alternative.id for visit in iter_models(agreement) for alternative in getattr(visit.model, "alternatives", [])}
    return found


@pytest.mark.parametrize("agreement", [ROUND_1, ROUND_2], ids=["round-1", "round-2"])
def test_the_matrix_shows_no_id_and_no_raw_value(agreement):
    cells = [cell.text for row in opened(positions_matrix_docx(agreement)).tables[0].rows for cell in row.cells]
    shown = [(key, text) for key in draft_ids(agreement) for text in cells
             if re.search(rf"(?<![\w.-]){re.escape(key)}(?![\w-])", text)]
    assert shown == []
    assert [text for text in cells if "_" in text] == []  # enumerated values are words ('new line to be agreed')


def test_an_option_naming_a_body_names_it_in_words():
    row = rows_by_id(opened(positions_matrix_docx(ROUND_1)), ROUND_1)["unc.status"]
    assert "disposition: transform" in row[2] and "successor body: Peace Regime Verification Commission" in row[2]
    assert "disposition: retain reduced; effective: within 180 days after the entry into force of this Agreement" in row[2]
