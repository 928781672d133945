"""Composition commands on bad input: one located line, exit 2, the draft untouched."""

from __future__ import annotations

import json

import pytest

from cli import main
from tests.conftest import BASE_DRAFT


@pytest.fixture
def draft(tmp_path):
    """Return a copy of the base draft."""
    path = tmp_path / "draft.yaml"
    path.write_bytes(BASE_DRAFT.read_bytes())
    return path


CASES = [
    (["add", "{d}", "unc_status/abolish"],
     "peacedraft: unknown option 'unc_status/abolish' (did you mean unc_status/dissolve"),
    (["add", "{d}", "unc_status/dissolve", "--set", "colour=blue"],
     "{d}:1:1: unc-status.dissolve: --set no parameter 'colour' in un_command_status (parameters: command, disposition, "
     "effective, successor_body, transfers, terminates, security_council, functions_transferred, transferred_to)"),
    (["add", "{d}", "unc_status/dissolve", "--set", "disposition=abolish"],
     "{d}:1:1: unc-status.dissolve: --set: disposition: input should be 'dissolve', 'transform' or 'retain_reduced', "
     "got 'abolish' (expected one of dissolve | transform | retain_reduced)"),
    (["add", "{d}", "unc_status/dissolve", "--set", "effective.days=ninety"],
     "{d}:1:1: unc-status.dissolve: --set: effective.days: input should be a valid integer, unable to parse string as "
     "an integer, got 'ninety' (expected Deadline {{after, days}})"),
    (["add", "{d}", "unc_status/dissolve", "--under", "ghost"],
     "{d}:1:1: ghost: --under: no part, article, clause or annex with id 'ghost'"),
    (["add", "{d}", "unc_status/dissolve", "--as", "pullback.distance"],
     "{d}:1:1: pullback.distance: id 'pullback.distance' already exists (choose another with --as)"),
    (["add", "{d}", "unc_status/transform", "--alternative-to", "unc.status", "--proposed-by", "japan"],
     "{d}:1:1: unc.status.alt-transform: unknown party 'japan'"),
    (["set", "{d}", "pullback.distance", "pullback_km=far"],
     "{d}:42:26: pullback.distance: pullback_km: input should be a valid number, unable to parse string as a number, "
     "got 'far' (expected number (> 0, ≤ 100) (optional))"),
    (["set", "{d}", "pullback.distance", "from_zone=atlantis"],
     "{d}:39:13: pullback.distance: unknown zone 'atlantis'"),
    (["position", "{d}", "pullback.distance", "usa", "support"], "{d}:1:1: pullback.distance: unknown party 'usa'"),
    (["position", "{d}", "ghost", "rok", "support"], "{d}:1:1: ghost: no node with id 'ghost'"),
]


@pytest.mark.parametrize(("arguments", "message"), CASES, ids=[" ".join(case[0][:3] + case[0][3:5]) for case in CASES])
def test_bad_composition_is_refused_whole(runner, draft, arguments, message):
    before = draft.read_bytes()
    result = runner.invoke(main, [argument.format(d=draft) for argument in arguments])
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(message.format(d=draft))
    assert "Traceback" not in result.output
    assert draft.read_bytes() == before
    assert [path.name for path in draft.parent.iterdir()] == ["draft.yaml"]


def test_alternative_needs_a_proposer(runner, draft):
    result = runner.invoke(main, ["add", str(draft), "unc_status/transform", "--alternative-to", "unc.status"])
    assert result.exit_code == 2 and "--alternative-to needs --proposed-by PARTY" in result.stderr


def test_user_template_with_an_undefined_variable(runner, draft, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "un_command_status.en.j2").write_text("{{ c.dissolution_date }}")
    result = runner.invoke(main, ["render", str(draft), "--templates", str(folder)])
    assert result.exit_code == 2
    assert result.stderr == (f"{draft}:56:13: unc.status: template un_command_status.en.j2: "
                             "'clauses.kinds.un_command_status.UnCommandStatus object' has no attribute 'dissolution_date' [PD-E043]\n")


def test_user_template_reaching_for_internals(runner, draft, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "un_command_status.en.j2").write_text("{{ c.__class__.__mro__ }}")
    result = runner.invoke(main, ["render", str(draft), "--templates", str(folder)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{draft}:56:13: unc.status: template un_command_status.en.j2: ")
    assert "__mro__" in result.stderr or "unsafe" in result.stderr


def test_clauses_list_and_show(runner):
    listing = runner.invoke(main, ["clauses", "list", "--topic", "un_command_status", "--format", "json"])
    rows = json.loads(listing.stdout)
    assert {row["id"] for row in rows} >= {"unc_status/dissolve", "unc_status/transform", "unc_status/retain-reduced"}
    shown = runner.invoke(main, ["clauses", "show", "unc_status/transform", "--lang", "ko"])
    assert shown.exit_code == 0
    assert "Parameters" in shown.stdout and "disposition" in shown.stdout and "Precedents" in shown.stdout
    assert "국제연합군사령부" in shown.stdout


def test_render_markdown_to_a_file(runner, draft, tmp_path):
    target = tmp_path / "draft.md"
    result = runner.invoke(main, ["render", str(draft), "--format", "markdown", "-o", str(target)])
    assert result.exit_code == 0 and target.read_text(encoding="utf-8").startswith("# Test Peace Agreement")
