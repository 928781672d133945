"""The intake command: exact messages and exit codes."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from agreements.diff.compare import compare_agreements
from agreements.diff.redline import redline_docx
from agreements.drafts import load_agreement
from agreements.examples import example_path
from agreements.render.docx.render import render_docx
from cli import main
from tests.agreements.intake.word_edit import comment_on

ROUND_1, ROUND_2 = load_agreement(str(example_path("round-1"))), load_agreement(str(example_path("round-2")))


def _run(tmp_path, word_bytes: bytes, *extra: str, draft: str = "round-1"):
    """Return the result of intake of a Word file into a copy of an example, and the draft's path."""
    (tmp_path / "theirs.docx").write_bytes(word_bytes)
    shutil.copy(example_path(draft), tmp_path / "draft.yaml")
    args = ["intake", str(tmp_path / "theirs.docx"), "--into", str(tmp_path / "draft.yaml"), *extra]
    return CliRunner().invoke(main, args), tmp_path / "draft.yaml"


def test_a_redline_is_taken_in_and_reported(tmp_path):
    result, draft = _run(tmp_path, redline_docx(ROUND_1, ROUND_2, compare_agreements(ROUND_1, ROUND_2)),
                         "--party", "dprk")
    assert result.exit_code == 0, result.output
    assert "force.guard-posts: deadline.days 90 → 180\n" in result.stdout
    assert "interim.restraint: delete\n" in result.stdout
    assert result.stderr.endswith("took 21 changes by dprk, 30 not placed\n")
    assert "position note" not in result.stdout  # the redline's comments are peacedraft's, not the partner's
    assert draft.read_text() != example_path("round-1").read_text()


def test_dry_run_writes_nothing(tmp_path):
    result, draft = _run(tmp_path, redline_docx(ROUND_1, ROUND_2, compare_agreements(ROUND_1, ROUND_2)),
                         "--party", "dprk", "--dry-run", "--format", "json")
    assert result.exit_code == 0
    assert '"node": "force.guard-posts"' in result.stdout
    assert draft.read_text() == example_path("round-1").read_text()


def test_our_own_render_has_no_changes_to_take(tmp_path):
    result, draft = _run(tmp_path, render_docx(ROUND_1, "en"), "--party", "dprk")
    assert result.exit_code == 0
    assert result.stderr == f"{tmp_path / 'theirs.docx'}: no changes to take\n"
    assert draft.read_text() == example_path("round-1").read_text()


def test_an_unknown_party_is_refused(tmp_path):
    result, _ = _run(tmp_path, render_docx(ROUND_1, "en"), "--party", "japan")
    assert result.exit_code == 2
    assert result.stderr == (f"peacedraft: {tmp_path / 'draft.yaml'}: --party japan: no party of the draft has that "
                             "id (parties: rok, dprk, usa, prc, un) [PD-E141]\n")


def test_a_copy_of_another_agreement_is_refused(tmp_path):
    (tmp_path / "theirs.docx").write_bytes(redline_docx(ROUND_1, ROUND_2, compare_agreements(ROUND_1, ROUND_2)))
    shutil.copy("tests/agreements/fixtures/base.yaml", tmp_path / "base.yaml")
    result = CliRunner().invoke(main, ["intake", str(tmp_path / "theirs.docx"), "--into", str(tmp_path / "base.yaml"),
                                       "--party", "rok"])
    assert result.exit_code == 2
    assert result.stderr.endswith(": Article 1 — Pull-back of Forces (pullback) is not in it [PD-E140]\n")


def test_one_change_is_one_change(tmp_path):
    word = comment_on(render_docx(ROUND_1, "en"), "guard posts", "Too fast for us.")
    result, draft = _run(tmp_path, word, "--party", "dprk")
    assert result.exit_code == 0, result.output
    assert result.stdout == "force.guard-posts: position note: Too fast for us.\n"
    assert result.stderr == f"{tmp_path / 'draft.yaml'}: took 1 change by dprk, 0 not placed\n"


def test_a_clean_copy_of_another_agreement_is_refused_not_taken_as_no_changes(tmp_path):
    base = load_agreement("tests/agreements/fixtures/base.yaml")
    result, draft = _run(tmp_path, render_docx(base, "en"), "--party", "dprk")
    assert result.exit_code == 2
    assert result.stderr == (f"peacedraft: {tmp_path / 'theirs.docx'}: not a copy of {draft}: Article 1 — "
                             "Definitions (art.definitions) is not in it [PD-E140]\n")
    assert draft.read_text() == example_path("round-1").read_text()


def test_a_file_that_is_not_word_is_refused(tmp_path):
    result, _ = _run(tmp_path, b"hello", "--party", "dprk")
    assert result.exit_code == 2
    assert result.stderr == f"peacedraft: {tmp_path / 'theirs.docx'}: not a Word document (not a zip file) [PD-E080]\n"
