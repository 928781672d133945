"""The precedents and compare commands: basis codes in every view, user folders, the annex, and bad input."""

from __future__ import annotations

import json
import shutil

import docx
import pytest

from agreements.examples import example_path
from cli import main
from precedents.corpus import SHIPPED

ROUND_2 = str(example_path("round-2"))


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    """Keep every index of these tests in a fresh cache."""
    monkeypatch.setenv("PEACEDRAFT_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("PEACEDRAFT_CORPUS", raising=False)


def test_list_and_show(runner):
    listing = runner.invoke(main, ["precedents", "list"])
    assert listing.exit_code == 0 and "paris-1973" in listing.stdout and "armistice-1953" in listing.stdout
    shown = runner.invoke(main, ["precedents", "show", "paris-1973"])
    assert "Art. 5 [T]" in shown.stdout and "Not yet verified (not loaded as facts)" in shown.stdout


def test_json_views_carry_the_basis_code(runner):
    shown = json.loads(runner.invoke(main, ["precedents", "show", "geneva-1954", "--format", "json"]).stdout)
    provision = shown["provisions"][0]
    assert set(provision) >= {"agreement", "citation", "topics", "parameters", "basis", "weakest_basis",
                              "basis_meaning", "paraphrase"}
    found = json.loads(runner.invoke(main, ["precedents", "search", "withdrawn", "--format", "json"]).stdout)
    assert found and all(item["basis"] and item["weakest_basis"] == item["basis"][-1] for item in found)
    paris = json.loads(runner.invoke(main, ["precedents", "show", "paris-1973", "--format", "json"]).stdout)
    art_16 = next(item for item in paris["provisions"] if item["citation"] == "Art. 16")
    assert (art_16["basis"], art_16["weakest_basis"], art_16["basis_meaning"]) == (
        ["T", "A"], "A", "seen in another authentic language")


def test_show_gives_every_code_the_earlier_codes_measures_and_later_practice(runner):
    shown = runner.invoke(main, ["precedents", "show", "armistice-1953"]).stdout
    assert "Art. II ¶13(b) [T][S] (force_reduction_and_redeployment, demarcation_and_dmz)" in shown
    assert "Art. I ¶11 [T] (verification, demarcation_and_dmz)" in shown and shown.count("(earlier [S])") >= 3
    assert "longest recess of a body's meetings: up to 7 days" in shown
    assert "Art. II ¶45 [S]: mis-cited in the sources — its content is armistice-1953.art-ii-40" in shown
    assert "  - reinforcement_limits: 1957: The UNC stated that it no longer considered itself bound by ¶13(d). [S]" in shown
    assert "contradict each other. [S] (contradictory)" in shown
    cma = runner.invoke(main, ["precedents", "show", "cma-2018"]).stdout
    assert "length of a zone along a river or coast: ~70 km (joint utilisation zone)" in cma and " 70 km" not in cma


def test_search_with_topic_and_agreement(runner):
    result = runner.invoke(main, ["precedents", "search", "commission", "--agreement", "geneva-1954", "--limit", "3"])
    hits = [line for line in result.stdout.splitlines() if not line.startswith("    ")]
    assert result.exit_code == 0 and len(hits) == 3 and all(line.startswith("Geneva") for line in hits)
    assert result.stdout.count("\n    matched: commission: ") == 3 and result.stdout.lower().count("[commission]") == 3


def test_search_in_korean_shows_the_snippet_and_why_and_an_empty_result_says_what_was_searched(runner):
    result = runner.invoke(main, ["precedents", "search", "북방한계선", "--agreement", "panmunjom-2018", "--limit", "1"])
    assert result.exit_code == 0 and result.stdout.splitlines() == [
        "Panmunjom Declaration 2018, Art. 2(2) [T] (demarcation_and_dmz): The NLL area is to become a maritime peace "
        "zone to prevent accidental clashes and protect fishing.",
        "    area: [Northern] [Limit] [Line], West Sea",
        '    matched: 북방한계선 = Northern Limit Line (terminology base): "NLL", "Northern", "Limit", "Line"']
    empty = runner.invoke(main, ["precedents", "search", "停火线", "--topic", "foreign_forces"])
    assert (empty.exit_code, empty.stdout) == (0, "no provision matches: searched for 停火线 (停火线: not in the "
                                                  "terminology base, and no provision of the corpus carries Korean or "
                                                  "Chinese text)\n")


@pytest.mark.parametrize(("arguments", "message"), [
    (["precedents", "search", "  "], "peacedraft: the query '  ' has no words to search for [PD-E061]\n"),
    (["precedents", "show", "nowhere-2000"], "peacedraft: unknown precedent 'nowhere-2000' (known: aden-1989,"),
    (["compare", ROUND_2, "--precedent", "nowhere-2000"], "peacedraft: unknown precedent 'nowhere-2000'"),
])
def test_bad_input(runner, arguments, message):
    result = runner.invoke(main, arguments)
    assert result.exit_code == 2 and result.stderr.startswith(message)


def test_users_precedents_by_option_and_variable(runner, tmp_path, monkeypatch):
    mine = tmp_path / "mine"
    mine.mkdir()
    text = (SHIPPED / "aden-1989.yaml").read_text(encoding="utf-8")
    (mine / "aden-again.yaml").write_text(text.replace("aden-1989", "aden-again-1989"), encoding="utf-8")
    assert "aden-again-1989" in runner.invoke(main, ["precedents", "list", "--corpus", str(mine)]).stdout
    monkeypatch.setenv("PEACEDRAFT_CORPUS", str(mine))
    assert "aden-again-1989" in runner.invoke(main, ["precedents", "list"]).stdout
    checked = runner.invoke(main, ["precedents", "check", str(mine)])
    assert checked.exit_code == 0 and checked.stderr == f"{mine}: 1 agreements, 1 provisions, valid\n"


def test_check_reports_a_malformed_file_at_its_place(runner, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    shutil.copy(SHIPPED / "aden-1989.yaml", mine / "bad.yaml")
    text = (mine / "bad.yaml").read_text(encoding="utf-8")
    (mine / "bad.yaml").write_text(text.replace("basis: [S]", "basis: [Q]", 1), encoding="utf-8")
    result = runner.invoke(main, ["precedents", "check", str(mine)])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{mine / 'bad.yaml'}:") and "input should be 'T', 'A', 'C', 'X', 'S' or 'P'" in line


def test_compare_text_json_and_annex(runner, tmp_path):
    annex = tmp_path / "annex.docx"
    result = runner.invoke(main, ["compare", ROUND_2, "-o", str(annex)])
    assert result.exit_code == 0
    assert "Article 13 · foreign-forces.usfk (foreign_forces)" in result.stdout
    assert "    period for withdrawing forces: draft 365 days | Paris Peace Accords 1973, Art. 5 [T] 60 days" in result.stdout
    assert "    time limit:" not in result.stdout and "Art. II ¶31" not in result.stdout
    assert "The 1953 Armistice's functions under this draft" in result.stdout
    document = docx.Document(str(annex))
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header == ["Draft", "Germany", "Yemen", "Vietnam", "1953 Armistice"]
    report = json.loads(runner.invoke(main, ["compare", ROUND_2, "--topic", "foreign_forces", "--format", "json"]).stdout)
    assert [clause["topic"] for clause in report["clauses"]] == ["foreign_forces"]
    assert set(report["clauses"][0]["precedents"][0]["basis"]) <= set("TACXS")
    assert report["clauses"][0]["parameters"]["withdrawal_days"] == 365
