"""`peacedraft merge` and `merge-driver`: exit codes, the report, and a real `git merge` of two branches of a draft."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from agreements.drafts import load_agreement
from agreements.examples import example_path
from cli import main
from tests.conftest import mutate

ROUND_1 = example_path("round-1").read_text(encoding="utf-8")
ARTILLERY = "            pullback_km: 10\n"
GUARD_DAYS = "            categories: [guard_posts, infantry]\n            deadline: {after: entry_into_force, days: 90}\n"


@pytest.fixture
def sides(tmp_path: Path) -> Path:
    """Return a folder with base.yaml (round 1) and two versions that change one distance two ways."""
    (tmp_path / "base.yaml").write_text(ROUND_1, encoding="utf-8")
    (tmp_path / "ours.yaml").write_text(mutate(ROUND_1, ARTILLERY, "            pullback_km: 15\n"), encoding="utf-8")
    (tmp_path / "theirs.yaml").write_text(mutate(ROUND_1, ARTILLERY, "            pullback_km: 20\n"),
                                          encoding="utf-8")
    return tmp_path


def run(runner, folder: Path, *args: str):
    """Return the result of peacedraft merge on files of a folder."""
    return runner.invoke(main, ["merge", *(str(folder / arg) if arg.endswith(".yaml") else arg for arg in args)])


def test_a_clash_is_bracketed_and_exits_1(runner, sides):
    result = run(runner, sides, "base.yaml", "ours.yaml", "theirs.yaml", "-o", "out.yaml", "--ours-party", "rok",
                 "--theirs-party", "dprk")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "force.artillery: both sides changed pullback_km: bracketed, rok's version option A, dprk's option B",
        "merged: 1 node changed by rok, 1 node by dprk; 1 bracketed, 0 kept as rok had them, 0 resolved by rule"]
    node = next(node for article in load_agreement(str(sides / "out.yaml")).body for part in [article]
                for node in _walk(part) if node.id == "force.artillery")
    assert (node.pullback_km, node.proposed_by, node.alternatives[0].set, node.alternatives[0].proposed_by) == (
        15, ["rok"], {"pullback_km": 20}, ["dprk"])


def _walk(node):
    """Yield a node and every node below it."""
    yield node
    for child in getattr(node, "children", []):
        yield from _walk(child)


def test_a_clean_merge_exits_0_and_writes_to_standard_output(runner, sides):
    (sides / "theirs.yaml").write_text(mutate(ROUND_1, GUARD_DAYS, GUARD_DAYS.replace("90", "120")), encoding="utf-8")
    result = run(runner, sides, "base.yaml", "ours.yaml", "theirs.yaml")
    assert result.exit_code == 0, result.stderr
    assert "pullback_km: 15\n" in result.stdout and "infantry]\n            deadline: {after: entry_into_force, days: 120}\n" in result.stdout


def test_json_report(runner, sides):
    result = run(runner, sides, "base.yaml", "ours.yaml", "theirs.yaml", "-o", "out.yaml", "--format", "json",
                 "--ours-party", "rok", "--theirs-party", "dprk")
    report = json.loads(result.stdout)
    assert result.exit_code == 1 and report["clean"] is False and report["changed"] == {"ours": 1, "theirs": 1}
    assert report["outcomes"][0]["node"] == "force.artillery" and report["outcomes"][0]["kind"] == "bracket"


def test_json_needs_an_output_file(runner, sides):
    result = run(runner, sides, "base.yaml", "ours.yaml", "theirs.yaml", "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.endswith("--format json writes the report to standard output: give -o OUT for the draft "
                                  "[PD-E001]\n")


def test_a_clash_without_parties_is_refused_and_nothing_is_written(runner, sides):
    result = run(runner, sides, "base.yaml", "ours.yaml", "theirs.yaml", "-o", "out.yaml")
    assert result.exit_code == 2 and not (sides / "out.yaml").exists()
    assert result.stderr == (f"peacedraft: {sides / 'ours.yaml'}: force.artillery: both sides changed it, and its options need proposers: "
                             "name the sides with --ours-party and --theirs-party (or meta.drafted_by in each file) "
                             "[PD-E152]\n")


def test_files_of_another_agreement_are_refused(runner, sides, base_text):
    (sides / "other.yaml").write_text(base_text, encoding="utf-8")
    result = run(runner, sides, "base.yaml", "ours.yaml", "other.yaml")
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"peacedraft: {sides / 'other.yaml'}: not a version of {sides / 'base.yaml'}: "
                                    "it holds 1 of its 101 node ids [PD-E150]")


def test_a_file_that_does_not_load_is_one_located_line(runner, sides):
    (sides / "theirs.yaml").write_text(ROUND_1.replace("  round: 1\n", "  round: one\n"), encoding="utf-8")
    result = run(runner, sides, "base.yaml", "ours.yaml", "theirs.yaml")
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"{sides / 'theirs.yaml'}:")


def _git(folder: Path, *args: str) -> str:
    """Run git in a folder and return its output (fails the test when git fails)."""
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=False,
                          env={"GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "a",
                               "GIT_COMMITTER_EMAIL": "a@example.org", "HOME": str(folder), "PATH": _path()})
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def _path() -> str:
    """Return a PATH under which `peacedraft` is this interpreter's."""
    import os

    return f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_merge_of_two_branches_merges_the_draft_structurally(tmp_path: Path):
    """Two branches of round 1 (and of a YAML file that is not a draft, which merges as git merges text)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    (repo / ".gitattributes").write_text("*.yaml merge=peacedraft\n", encoding="utf-8")
    _git(repo, "config", "merge.peacedraft.name", "peacedraft structural merge")
    _git(repo, "config", "merge.peacedraft.driver",
         "peacedraft merge-driver --ours-party rok --theirs-party dprk %O %A %B %P")
    draft = repo / "round-3.yaml"
    draft.write_text(ROUND_1, encoding="utf-8")
    settings = repo / "ci.yaml"
    settings.write_text("first: 1\nsecond: 2\nthird: 3\nfourth: 4\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "round 1")
    _git(repo, "checkout", "-q", "-b", "dprk")
    text = mutate(ROUND_1, ARTILLERY, "            pullback_km: 20\n")
    draft.write_text(mutate(text, GUARD_DAYS, GUARD_DAYS.replace("90", "120")), encoding="utf-8")
    settings.write_text("first: 10\nsecond: 2\nthird: 3\nfourth: 4\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "dprk counter-proposal")
    _git(repo, "checkout", "-q", "main")
    draft.write_text(mutate(ROUND_1, ARTILLERY, "            pullback_km: 15\n"), encoding="utf-8")
    settings.write_text("first: 1\nsecond: 2\nthird: 3\nfourth: 40\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "rok revision")
    output = _git(repo, "merge", "--no-edit", "dprk")
    assert "round-3.yaml: force.artillery: both sides changed pullback_km: bracketed" in output
    assert "CONFLICT" not in output and _git(repo, "status", "--porcelain") == ""
    merged = load_agreement(str(draft))
    nodes = {node.id: node for entry in merged.body for node in _walk(entry)}
    artillery = nodes["force.artillery"]
    assert (artillery.pullback_km, artillery.proposed_by) == (15, ["rok"])
    assert [(option.set, option.proposed_by) for option in artillery.alternatives] == [({"pullback_km": 20}, ["dprk"])]
    assert nodes["force.guard-posts"].deadline.days == 120
    assert settings.read_text(encoding="utf-8") == "first: 10\nsecond: 2\nthird: 3\nfourth: 40\n"


def test_the_driver_merges_a_file_that_is_not_a_draft_as_text_and_reports_its_conflicts(runner, tmp_path):
    for name, text in (("base", "a: 1\n"), ("current", "a: 2\n"), ("other", "a: 3\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    files = [str(tmp_path / name) for name in ("base", "current", "other")]
    result = runner.invoke(main, ["merge-driver", *files, "ci.yaml"])
    assert result.exit_code == 1 and result.stderr == "ci.yaml: not a draft: merged as text, 1 conflict\n"
    assert (tmp_path / "current").read_text(encoding="utf-8") == (
        "<<<<<<< ci.yaml (ours)\na: 2\n=======\na: 3\n>>>>>>> ci.yaml (theirs)\n")


def test_driver_errors_name_the_file_git_merges(runner, sides):
    (sides / "theirs.yaml").write_text(ROUND_1.replace("  round: 1\n", "  round: one\n"), encoding="utf-8")
    files = [str(sides / name) for name in ("base.yaml", "ours.yaml", "theirs.yaml")]
    result = runner.invoke(main, ["merge-driver", *files, "drafts/round-3.yaml"])
    assert result.exit_code == 2 and result.stderr.startswith("drafts/round-3.yaml (theirs):")
    assert (sides / "ours.yaml").read_text(encoding="utf-8") == mutate(ROUND_1, ARTILLERY,
                                                                      "            pullback_km: 15\n")
