"""Properties of draft files over generated agreements: YAML and JSON round trips, stable dumps, valid drafts.

The examples at the end are the smallest cases these properties found (all since fixed): YAML lines folded at
width 100 lost a run of spaces, or gained a space after an escaped character; U+0085 came back as a space; the
JSON export wrote the C1 controls raw (refused when loaded) and lost a space next to U+2028.
"""

from __future__ import annotations

import pytest
from hypothesis import given

from agreements.drafts import dump_agreement, json_agreement, load_agreement, parse_agreement
from agreements.model import Agreement
from agreements.rules.registry import check
from tests.conftest import BASE_DRAFT
from tests.strategies import agreements


@given(agreement=agreements())
def test_generated_drafts_break_no_error_rule(agreement):
    """The strategy's drafts are valid: they break no consistency rule of severity error."""
    assert [str(finding) for finding in check(agreement) if finding.severity == "error"] == []


@given(agreement=agreements())
def test_yaml_save_then_load_is_the_identity(agreement):
    """Loading the YAML a draft is saved as gives the same agreement."""
    assert parse_agreement(dump_agreement(agreement), "saved.yaml").model_dump() == agreement.model_dump()


@given(agreement=agreements())
def test_json_export_then_load_is_the_identity(agreement):
    """Loading the JSON export of a draft (a draft file too) gives the same agreement."""
    assert parse_agreement(json_agreement(agreement), "exported.json").model_dump() == agreement.model_dump()


@given(agreement=agreements())
def test_dumping_is_stable(agreement):
    """Dumping twice gives the same text, and so does dumping what was loaded from the dump."""
    text = dump_agreement(agreement)
    assert dump_agreement(agreement) == text
    assert dump_agreement(parse_agreement(text, "saved.yaml")) == text


def with_recital(text: str) -> Agreement:
    """Return the base draft with one recital holding text in English."""
    agreement = load_agreement(str(BASE_DRAFT))
    return Agreement.model_validate({**agreement.model_dump(), "preamble": [{"id": "r", "text": {"en": text}}]})


FOUND_IN_YAML = [
    "a\x85b",  # U+0085 (NEL) written raw, read back as a line break folded into a space
    # two spaces where the line was folded came back as one
    "The Parties shall settle every dispute arising under this Agreement by peaceful means.  They shall consult.",
    # cp1252 quotes read as Latin-1 (C1 controls): the folded line gained a space after the escaped U+0093
    ("The Parties shall respect the Military Demarcation Line and the Demilitarized Zone as the \x93peace zone\x94 "
     "under this Agreement."),
]
FOUND_IN_JSON = [
    "a\x80b",  # C1 control written raw: the export was refused when loaded
    "a\x85b",  # U+0085 written raw: read back as a space
    "a \u2028b",  # U+2028 written raw: the space before it was folded away
]


@pytest.mark.parametrize("text", FOUND_IN_YAML)
def test_found_texts_survive_yaml_save_and_load(text):
    """The texts the YAML round trip once lost come back as they were."""
    assert parse_agreement(dump_agreement(with_recital(text)), "saved.yaml").preamble[0].text["en"] == text


@pytest.mark.parametrize("text", FOUND_IN_JSON)
def test_found_texts_survive_json_export_and_load(text):
    """The texts the JSON round trip once lost come back as they were."""
    assert parse_agreement(json_agreement(with_recital(text)), "exported.json").preamble[0].text["en"] == text
