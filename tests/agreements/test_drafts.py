"""Draft files: loading the shipped drafts, error mapping, and save → load as the identity."""

from __future__ import annotations

import hashlib
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agreements.drafts import dump_agreement, file_digest, load_agreement, parse_agreement
from clauses.errors import DraftError
from agreements.examples import example_path
from tests.conftest import BASE_DRAFT


@pytest.mark.parametrize("name", ["round-1", "round-2"])
def test_shipped_rounds_load(name):
    agreement = load_agreement(str(example_path(name)))
    assert agreement.meta.round == int(name[-1])
    assert {party.id for party in agreement.parties} >= {"rok", "dprk", "usa", "prc"}
    assert agreement.meta.languages == ["en", "ko", "zh"]


def test_loaded_nodes_know_where_they_stand():
    agreement = load_agreement(str(BASE_DRAFT))
    location = agreement.source.locate(("body", 0, "children", 1, "children", 0, "disposition"))
    assert (location.line, location.column) == (59, 26)


def test_dump_then_load_gives_the_same_agreement(tmp_path):
    agreement = load_agreement(str(BASE_DRAFT))
    target = tmp_path / "copy.yaml"
    target.write_text(dump_agreement(agreement), encoding="utf-8")
    assert load_agreement(str(target)).model_dump() == agreement.model_dump()


TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\u2028\u2029\x85"),
    min_size=1,
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(en=TEXT, ko=TEXT, zh=TEXT, note=st.text(string.printable.replace("\x0b", "").replace("\x0c", ""), min_size=1, max_size=40))
def test_any_text_survives_save_and_load(en, ko, zh, note):
    agreement = load_agreement(str(BASE_DRAFT))
    recital = {"id": "recital-1", "text": {"en": en, "ko": ko, "zh": zh}, "note": note}
    changed = agreement.model_validate({**agreement.model_dump(), "preamble": [recital]})
    reloaded = parse_agreement(dump_agreement(changed), "round-trip.yaml")
    assert reloaded.model_dump() == changed.model_dump()


def test_errors_name_the_node_and_field():
    text = BASE_DRAFT.read_text(encoding="utf-8").replace("role: signatory\n  - id: dprk", "role: emperor\n  - id: dprk")
    with pytest.raises(DraftError) as caught:
        parse_agreement(text, "d.yaml")
    assert [str(problem) for problem in caught.value.problems] == [
        "d.yaml:13:11: rok: role: input should be 'signatory', 'guarantor', 'witness' or 'observer' [PD-E022]"
    ]


@settings(max_examples=40, deadline=None)
@given(before=TEXT, control=st.sampled_from(["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\x7f", "\ufffe"]))
def test_characters_a_document_cannot_hold_are_refused(before, control):
    agreement = load_agreement(str(BASE_DRAFT))
    recital = {"id": "recital-1", "text": {"en": before + control, "ko": "가", "zh": "中"}}
    data = {**agreement.model_dump(), "preamble": [recital]}
    with pytest.raises(Exception, match=f"control character U\\+{ord(control):04X}"):
        agreement.model_validate(data)


def test_escaped_control_characters_in_yaml_are_refused_at_their_place():
    text = BASE_DRAFT.read_text(encoding="utf-8").replace("note: Wants 20 km.", 'note: "Wants \\x01 20 km."')
    with pytest.raises(DraftError) as caught:
        parse_agreement(text, "d.yaml")
    assert str(caught.value) == "d.yaml:52:44: pullback.distance: note: control character U+0001 cannot appear in an agreement's text [PD-E022]"


def test_a_file_digest_is_the_sha256_of_its_bytes(tmp_path):
    path = tmp_path / "draft.yaml"
    path.write_bytes(b"\xef\xbb\xbfmeta: {}\n")
    assert file_digest(path) == hashlib.sha256(b"\xef\xbb\xbfmeta: {}\n").hexdigest()
    path.write_bytes(b"\xef\xbb\xbfmeta: {} \n")
    assert file_digest(str(path)) != hashlib.sha256(b"\xef\xbb\xbfmeta: {}\n").hexdigest()
