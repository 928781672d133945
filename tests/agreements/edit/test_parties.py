"""An edit never changes the parties behind the drafter's back: an option that needs a party
the draft lacks is refused with the option that adds it, or the party is added in the role the drafter names."""

from __future__ import annotations

import re

import pytest

from agreements.drafts import load_agreement
from agreements.edit.add import add_alternative, add_option
from agreements.examples import example_path
from agreements.rules.registry import check
from clauses.errors import DraftError
from clauses.library import library
from cli import main
from tests.conftest import BASE_DRAFT, mutate

SUGGESTED = re.compile(r"--party ([a-z0-9-]+)=([A-Za-z]+)")


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> bytes:
    """Return the bytes of a draft made by `peacedraft new`."""
    from click.testing import CliRunner

    path = tmp_path_factory.mktemp("new") / "d.yaml"
    assert CliRunner().invoke(main, ["new", str(path)]).exit_code == 0
    return path.read_bytes()


def roles(path) -> list[tuple[str, str]]:
    """Return the draft's parties with their roles, in order."""
    return [(party.id, party.role) for party in load_agreement(str(path)).parties]


@pytest.mark.parametrize("option_id", sorted(library()))
def test_adding_any_option_to_a_new_draft_keeps_the_parties_or_refuses(tmp_path, fresh, option_id):
    path = tmp_path / "d.yaml"
    path.write_bytes(fresh)
    before = roles(path)
    try:
        add_option(str(path), option_id)
    except DraftError as error:
        assert error.code == "PD-E098", str(error)
        assert path.read_bytes() == fresh
        asked = SUGGESTED.findall(str(error))
        assert asked, str(error)
        given = {key: "observer" if role == "ROLE" else role for key, role in asked}
        add_option(str(path), option_id, parties=tuple(f"{key}={role}" for key, role in given.items()))
        # exactly the parties named, each in the role given (a signatory is also named by the form clause)
        assert roles(path) == before + list(given.items())
    else:
        assert roles(path) == before


def test_the_refusal_names_the_parties_and_the_option_that_adds_them(runner, tmp_path, fresh):
    path = tmp_path / "d.yaml"
    path.write_bytes(fresh)
    result = runner.invoke(main, ["add", str(path), "tracks/six-party-in-sequence"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"{path}:1:1: tracks.six-party-in-sequence: tracks/six-party-in-sequence needs parties the draft does not "
        "have: usa, prc, jpn, rus; add them with the role each takes: --party usa=ROLE --party prc=ROLE --party "
        "jpn=ROLE --party rus=ROLE (ROLE: signatory, guarantor, witness or observer) [PD-E098]\n")
    assert result.stdout == ""
    assert path.read_bytes() == fresh


def test_finding_6_a_member_of_a_registered_body_is_not_made_a_party(tmp_path, fresh):
    path = tmp_path / "d.yaml"
    path.write_bytes(fresh)
    with pytest.raises(DraftError, match=re.escape("usa (a member of unc)")) as refused:
        add_option(str(path), "unc_status/dissolve")
    assert refused.value.code == "PD-E098"
    assert path.read_bytes() == fresh


def test_a_role_clause_suggests_the_roles_it_gives(tmp_path, fresh):
    path = tmp_path / "d.yaml"
    path.write_bytes(fresh)
    with pytest.raises(DraftError) as refused:
        add_option(str(path), "roles/six-party-observers")
    assert SUGGESTED.findall(str(refused.value)) == [("usa", "signatory"), ("prc", "signatory"), ("jpn", "observer"),
                                                     ("rus", "observer"), ("un", "witness")]
    assert "(ROLE:" not in str(refused.value)


def test_parties_are_added_in_the_roles_named_and_each_registration_is_reported(runner, tmp_path, fresh):
    path = tmp_path / "d.yaml"
    path.write_bytes(fresh)
    result = runner.invoke(main, ["add", str(path), "roles/six-party-guarantors", "--party", "usa=guarantor",
                                  "--party", "prc=guarantor", "--party", "jpn=observer", "--party", "rus=guarantor",
                                  "--party", "un=witness"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ("registered party usa as guarantor\nregistered party prc as guarantor\n"
                             "registered party jpn as observer\nregistered party rus as guarantor\n"
                             "registered party un as witness\n")
    assert result.stderr == f"{path}: added roles/six-party-guarantors as roles.six-party-guarantors in a new article\n"
    assert roles(path) == [("rok", "signatory"), ("dprk", "signatory"), ("usa", "guarantor"), ("prc", "guarantor"),
                           ("jpn", "observer"), ("rus", "guarantor"), ("un", "witness")]
    findings = [(finding.rule, finding.message) for finding in check(load_agreement(str(path)))
                if finding.rule in ("signatories-named", "roles-registered")]
    assert findings == [("roles-registered", "jpn is given the role guarantor here but is registered as observer")]


def test_a_new_signatory_is_named_by_the_form_clause_too(runner, tmp_path, fresh):
    path = tmp_path / "d.yaml"
    path.write_bytes(fresh)
    result = runner.invoke(main, ["add", str(path), "form/three-party-agreement", "--party", "usa=signatory"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "registered party usa as signatory\nnamed usa among the parties of parties.form\n"
    form = load_agreement(str(path)).body[0].children[0]
    assert form.parties == ["rok", "dprk", "usa"]
    text = runner.invoke(main, ["render", str(path)]).stdout
    assert "The Parties to this Agreement are the Republic of Korea, the Democratic People's Republic of Korea and " \
           "the United States of America." in text
    assert [finding for finding in check(load_agreement(str(path))) if finding.rule == "signatories-named"] == []


@pytest.mark.parametrize(("parties", "message"), [
    (("usa=ally",), "--party 'usa=ally': write PARTY=ROLE (ROLE: signatory, guarantor, witness or observer)"),
    (("usa",), "--party 'usa': write PARTY=ROLE"),
    (("usa=signatory", "prc=observer"), "--party prc: form/three-party-agreement does not need prc"),
    (("usa=signatory", "rok=witness"), "--party rok: the draft already has rok (as signatory)"),
])
def test_a_party_option_that_does_not_fit_is_refused(tmp_path, fresh, parties, message):
    path = tmp_path / "d.yaml"
    path.write_bytes(fresh)
    with pytest.raises(DraftError, match=re.escape(message)) as refused:
        add_option(str(path), "form/three-party-agreement", parties=parties)
    assert refused.value.code == "PD-E098"
    assert path.read_bytes() == fresh


def test_an_alternative_that_needs_a_party_is_refused_too():
    text = BASE_DRAFT.read_text(encoding="utf-8")
    with pytest.raises(DraftError, match="form/three-party-agreement needs a party the draft does not have: usa"):
        add_alternative_to_copy(text, "form/three-party-agreement")


def add_alternative_to_copy(text: str, option_id: str) -> None:
    """Add an option as an alternative to pullback.distance in a temporary copy of a draft."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.yaml"
        path.write_text(text, encoding="utf-8")
        add_alternative(str(path), option_id, "pullback.distance", "rok")


def test_validate_finds_signatories_the_form_clause_does_not_name(runner, tmp_path):
    text = example_path("round-2").read_text(encoding="utf-8")
    path = tmp_path / "r2.yaml"
    path.write_text(mutate(text, "            parties: [rok, dprk, usa, prc]\n            ratification_required",
                           "            parties: [rok, dprk]\n            ratification_required"), encoding="utf-8")
    findings = [str(finding) for finding in check(load_agreement(str(path))) if finding.rule == "signatories-named"]
    assert [line.split(": ", 1)[1] for line in findings] == [
        "form.parties: warning: registered as signatories but not named among the parties here: usa, prc "
        "[signatories-named]"]
    assert runner.invoke(main, ["validate", str(path), "--strict"]).exit_code == 1
