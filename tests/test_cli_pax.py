"""precedents import-pax and compare --corpus on an imported folder: exact messages and exit codes."""

from __future__ import annotations

import json

import pytest

from agreements.examples import example_path
from cli import main
from tests.precedents.pax_table import write_table

ROUND_2 = str(example_path("round-2"))


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    """Keep every index of these tests in a fresh cache."""
    monkeypatch.setenv("PEACEDRAFT_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("PEACEDRAFT_CORPUS", raising=False)


def test_import_writes_a_folder_and_counts_each_topic(runner, tmp_path):
    table = write_table(tmp_path / "pax.csv")
    result = runner.invoke(main, ["precedents", "import-pax", str(table), "-o", str(tmp_path / "pax")])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote 5 PA-X agreements to {tmp_path / 'pax'}\n"
    assert result.stdout.splitlines() == ["  end_of_war_and_non_aggression: 3", "  demarcation_and_dmz: 3",
                                          "  foreign_forces: 3", "  prisoners_and_remains: 1"]
    check = runner.invoke(main, ["precedents", "check", str(tmp_path / "pax")])
    assert check.exit_code == 0 and check.stderr == f"{tmp_path / 'pax'}: 5 agreements, 10 provisions, valid\n"


def test_missing_columns_are_named_in_one_line_exit_2(runner, tmp_path):
    table = write_table(tmp_path / "pax.csv", drop=("Reg", "Agtp", "TjMis"))
    result = runner.invoke(main, ["precedents", "import-pax", str(table), "-o", str(tmp_path / "pax")])
    assert result.exit_code == 2
    assert result.stderr == (f"{table}:1:1: -: not a PA-X agreement table: missing columns Reg, Agtp, TjMis "
                             "(columns not read: Contp, PP, PPName, Lgt, N_characters and 3 more) [PD-E170]\n")
    assert not (tmp_path / "pax").exists()


def test_a_table_that_is_not_pax_names_what_it_lacks_and_some_columns_it_has(runner, tmp_path):
    table = tmp_path / "other.csv"
    table.write_text("id,name,date,a,b,c,d,e\n1,x,2000-01-01,1,2,3,4,5\n", encoding="utf-8")
    result = runner.invoke(main, ["precedents", "import-pax", str(table), "-o", str(tmp_path / "pax")])
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert "missing columns AgtId, Agt, Dat, Reg, Con, Status, Agtp, Stage, ImRef" in result.stderr
    assert result.stderr.endswith("(columns not read: id, name, date, a, b and 3 more) [PD-E170]\n")


def test_compare_with_the_folder_counts_the_drafts_topics_and_lists_the_closest(runner, tmp_path):
    table = write_table(tmp_path / "pax.csv")
    runner.invoke(main, ["precedents", "import-pax", str(table), "-o", str(tmp_path / "pax")])
    result = runner.invoke(main, ["compare", ROUND_2, "--corpus", str(tmp_path / "pax")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index("PA-X: 5 agreements coded (basis [P]: coding only, no text)")
    assert "  foreign_forces: 3 of 5 address it" in lines[start:]
    assert "  dmz_demining: 0 of 5 address it" in lines[start:]
    closest = lines.index("  Closest (most of the draft's topics, then Asia and Pacific, then type Inter):")
    assert lines[closest + 1] == ("    pax-101 Agreement 101 (2018-04-27) — Asia and Pacific, Inter, SubComp: 3 of the "
                                  "draft's topics (end_of_war_and_non_aggression, demarcation_and_dmz, foreign_forces)")
    assert "PA-X code" not in result.stdout
    report = json.loads(runner.invoke(main, ["compare", ROUND_2, "--corpus", str(tmp_path / "pax"),
                                             "--topic", "foreign_forces", "--format", "json"]).stdout)
    assert report["pax"]["agreements"] == 5 and report["pax"]["topics"] == {"foreign_forces": 3}
    assert [item["id"] for item in report["pax"]["closest"]] == ["pax-101", "pax-103", "pax-102"]  # region, then type


def test_compare_without_an_imported_folder_says_nothing_of_pax(runner):
    result = runner.invoke(main, ["compare", ROUND_2, "--topic", "foreign_forces", "--format", "json"])
    assert result.exit_code == 0 and "pax" not in json.loads(result.stdout)


def test_a_folder_with_other_files_is_not_replaced_exit_2(runner, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "my-treaty.yaml").write_text("id: mine\n", encoding="utf-8")
    result = runner.invoke(main, ["precedents", "import-pax", str(write_table(tmp_path / "pax.csv")), "-o", str(mine)])
    assert result.exit_code == 2
    assert result.stderr == (f"peacedraft: {mine}: holds files that are not a PA-X import (my-treaty.yaml); "
                             "give a new or empty folder [PD-E172]\n")
    assert sorted(path.name for path in mine.iterdir()) == ["my-treaty.yaml"]
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []
