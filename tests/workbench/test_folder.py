"""The folder overview: which files are drafts, each one's git state, open brackets and findings, and its revisions."""

from __future__ import annotations

import datetime
import os
import time
from pathlib import Path

import pytest

from agreements.drafts import load_agreement
from agreements.edit.draft import set_values
from agreements.index import index_of
from agreements.rules.registry import check
from tests.conftest import mutate
from tests.workbench.conftest import example, git
from workbench import folder
from workbench.folder import DraftSummary, draft_files, overview, revisions, status_entries, summarise

ROUND_2 = example("round-2").decode("utf-8")
WEST_SEA = "            status: bracketed\n            proposed_by: [rok, usa]\n            maritime_line: to_be_negotiated"
AGREED_WITH_OPTIONS = mutate(ROUND_2, WEST_SEA, WEST_SEA.replace("bracketed", "agreed"))
OPTION = "                proposed_by: [dprk]\n                set: {maritime_line: new_line_to_be_agreed"
OPTION_WITHDRAWN = mutate(mutate(ROUND_2, WEST_SEA, WEST_SEA.replace("bracketed", "pending")), OPTION,
                          "                withdrawn: true\n" + OPTION)
BROKEN = mutate(ROUND_2, "  round: 2\n", "  round: 0\n")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """Return a folder in git: a draft committed twice, one modified, one staged, one untracked in an untracked
    folder, one that does not load, one ignored, plus files and links the overview leaves out."""
    top = (tmp_path / "drafts").resolve()
    (top / "new").mkdir(parents=True)
    git(top, "init", "-q", "-b", "main")
    (top / ".gitignore").write_text("ignored.yaml\n")
    for name in ("committed.yaml", "modified.yaml", "staged.yaml"):
        (top / name).write_text(example("round-1").decode("utf-8"), encoding="utf-8")
    git(top, "add", ".")
    git(top, "commit", "-q", "-m", "Round 1")
    for name in ("committed.yaml", "modified.yaml", "staged.yaml"):
        (top / name).write_text(ROUND_2, encoding="utf-8")
    git(top, "commit", "-q", "-am", "Round 2")
    (top / "modified.yaml").write_text(AGREED_WITH_OPTIONS, encoding="utf-8")
    (top / "staged.yaml").write_text(OPTION_WITHDRAWN, encoding="utf-8")
    git(top, "add", "staged.yaml")
    (top / "new" / "untracked.yaml").write_text(ROUND_2, encoding="utf-8")
    (top / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (top / "ignored.yaml").write_text(ROUND_2, encoding="utf-8")
    for hidden in (".hidden", ".venv", "node_modules"):
        (top / hidden).mkdir()
        (top / hidden / "draft.yaml").write_text(ROUND_2, encoding="utf-8")
    (top / "notes.txt").write_text("not a draft")
    (tmp_path / "secret.yaml").write_text(ROUND_2, encoding="utf-8")
    os.symlink(tmp_path / "secret.yaml", top / "out.yaml")
    os.symlink(tmp_path, top / "outdir")
    return top


def test_the_drafts_are_the_yaml_files_in_path_order_without_hidden_folders_or_links(root):
    assert [path.relative_to(root).as_posix() for path in draft_files(root)] == [
        "broken.yaml", "committed.yaml", "ignored.yaml", "modified.yaml", "new/untracked.yaml", "staged.yaml"]


def test_the_list_stops_at_the_cap_in_path_order(root, monkeypatch):
    monkeypatch.setattr(folder, "MAX_DRAFTS", 3)
    assert [path.name for path in draft_files(root)] == ["broken.yaml", "committed.yaml", "ignored.yaml"]


def test_each_draft_has_its_git_state(root):
    states = {summary.path: summary.git for summary in overview(root)}
    assert states == {"broken.yaml": "new", "committed.yaml": "committed", "ignored.yaml": "outside git",
                      "modified.yaml": "modified", "new/untracked.yaml": "new", "staged.yaml": "staged"}


def test_one_draft_asks_git_for_its_own_state(root):
    assert summarise(root, Path("modified.yaml")).git == "modified"
    assert summarise(root, root / "committed.yaml").git == "committed"


def test_a_summary_says_what_the_draft_is(root):
    summary = summarise(root, Path("committed.yaml"))
    assert summary == DraftSummary(
        "committed.yaml", "committed", "Agreement on the Establishment of a Permanent Peace Regime on the Korean "
        "Peninsula", 2, "R2", "2027-06-25", ("en", "ko", "zh"), brackets=8, errors=0, warnings=0)
    assert summary.loads


@pytest.mark.parametrize(("name", "brackets"), [("committed.yaml", 8), ("modified.yaml", 8), ("staged.yaml", 7)])
def test_open_brackets_are_the_nodes_with_open_options_or_bracketed(root, name, brackets):
    agreement = load_agreement(str(root / name))
    west_sea = index_of(agreement).model("west-sea.zone")
    assert bool(west_sea.open_alternatives()) == (name != "staged.yaml")  # the file says what the count counts
    assert summarise(root, Path(name)).brackets == brackets


def test_bracketed_text_without_options_is_an_open_bracket(root):
    set_values(str(root / "committed.yaml"), "incidents.investigation", ("status=bracketed",))
    assert summarise(root, Path("committed.yaml")).brackets == 9


def test_findings_are_counted_as_the_rules_find_them(root):
    findings = check(load_agreement(str(root / "modified.yaml")))
    errors = sum(finding.severity == "error" for finding in findings)
    summary = summarise(root, Path("modified.yaml"))
    assert (summary.errors, summary.warnings) == (errors, len(findings) - errors) == (1, 0)


def test_a_file_that_does_not_load_shows_its_located_error(root):
    summary = summarise(root, Path("broken.yaml"))
    assert not summary.loads and summary.title == "" and summary.round is None
    line = ROUND_2.splitlines().index("  round: 2") + 1
    assert summary.problem == f"broken.yaml:{line}:10: meta: round: input should be greater than or equal to 1 [PD-E022]"


def test_a_file_gone_missing_shows_its_error(root):
    assert summarise(root, Path("gone.yaml")).problem == "gone.yaml:1:1: -: no such file [PD-E010]"


def test_a_changed_file_is_read_again(root):
    assert summarise(root, Path("committed.yaml")).round == 2
    (root / "committed.yaml").write_text(example("round-1").decode("utf-8"), encoding="utf-8")
    assert summarise(root, Path("committed.yaml")).round == 1


def test_revisions_are_the_commits_of_the_draft_newest_first(root):
    found = revisions(root, Path("committed.yaml"))
    assert [revision.subject for revision in found] == ["Round 2", "Round 1"]
    assert all(revision.hash.startswith(revision.short) and len(revision.hash) == 40 for revision in found)
    assert {revision.author for revision in found} == {"Drafter"}
    assert datetime.datetime.fromisoformat(found[0].date) == datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    assert len(revisions(root, Path("committed.yaml"), limit=1)) == 1
    assert revisions(root, Path("new/untracked.yaml")) == []


def test_outside_git_there_are_no_states_and_no_revisions(tmp_path):
    (tmp_path / "draft.yaml").write_text(ROUND_2, encoding="utf-8")
    assert [summary.git for summary in overview(tmp_path)] == ["outside git"]
    assert revisions(tmp_path, Path("draft.yaml")) == []


def test_status_entries_read_renames_and_folders():
    output = b"R  renamed.yaml\0old.yaml\0 M changed.yaml\0A  added.yaml\0AM both.yaml\0?? new/\0!! ignored.yaml\0"
    assert status_entries(output) == {"renamed.yaml": "staged", "changed.yaml": "modified", "added.yaml": "staged",
                                      "both.yaml": "modified", "new/": "new", "ignored.yaml": "outside git"}


def test_round_2_is_summarised_well_under_a_tenth_of_a_second(root):
    summarise(root, Path("committed.yaml"), git="committed")
    folder._summaries.clear()
    start = time.perf_counter()
    summarise(root, Path("committed.yaml"), git="committed")
    assert time.perf_counter() - start < 0.5  # about 0.04 s on a laptop; generous for a loaded test machine

