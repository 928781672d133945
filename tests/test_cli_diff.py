"""The diff command: report, JSON, redline and summary files, versions from git, and its errors."""

from __future__ import annotations

import json
import subprocess
import zipfile

import docx
import pytest
from lxml import etree

from agreements.examples import example_bytes, example_path
from cli import main
from tests.conftest import BASE_DRAFT

ROUND_1, ROUND_2 = str(example_path("round-1")), str(example_path("round-2"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
INTERNAL = " · INTERNAL — with the drafters’ notes; not for other delegations"  # notes reported by default


def test_text_report_without_colour(runner, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    result = runner.invoke(main, ["diff", ROUND_1, ROUND_2], color=True)
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert lines[0] == f"{ROUND_1} (R1) → {ROUND_2} (R2): 87 changes{INTERNAL}"
    assert "\x1b[" not in result.stdout
    assert "  ~ force.artillery: pull-back distance: 10 km → 15 km" in lines
    assert "  → art.prisoners-remains moved from Article 11 in Part II to Article 19 in Part V" in lines
    assert "Article 8 — Pull-back of Forces and Limitation of Exercises" in lines
    assert "  + art.incidents added as Article 10" in lines and "  # Article 10 is now Article 11" in lines


def test_colour_when_allowed(runner, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = runner.invoke(main, ["diff", ROUND_1, ROUND_2], color=True)
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert lines[0] == f"\x1b[1m{ROUND_1} (R1) → {ROUND_2} (R2): 87 changes{INTERNAL}\x1b[0m"
    assert "\x1b[1mArticle 10 — Prevention of Military Incidents\x1b[0m" in lines
    assert "  \x1b[32m+ art.incidents added as Article 10\x1b[0m" in lines
    assert "  \x1b[36m# Article 10 is now Article 11\x1b[0m" in lines


def test_json_report(runner):
    result = runner.invoke(main, ["diff", ROUND_1, ROUND_2, "--format", "json"])
    report = json.loads(result.stdout)
    assert report["counts"]["moved"] == 1 and report["counts"]["added"] == 6
    assert {"kind": "parameters", "node": "force.artillery", "article": "art.force-reduction"} == {
        key: value for key, value in next(c for c in report["changes"] if c["node"] == "force.artillery"
                                          and c["kind"] == "parameters").items() if key in ("kind", "node", "article")}


def test_redline_and_summary_files(runner, tmp_path):
    redline, summary = tmp_path / "redline.docx", tmp_path / "summary.docx"
    result = runner.invoke(main, ["diff", ROUND_1, ROUND_2, "-o", str(redline), "--summary-out", str(summary),
                                  "--author", "ROK delegation", "--lang", "ko"])
    assert result.exit_code == 0
    xml = zipfile.ZipFile(redline).read("word/document.xml").decode()
    assert 'w:author="ROK delegation"' in xml and "<w:ins " in xml
    comments = etree.fromstring(zipfile.ZipFile(redline).read("word/comments.xml"))
    noted = {comment.get(f"{W}author") for comment in comments.iter(f"{W}comment")
             if "".join(comment.itertext()).startswith(("Moved", "Status"))}
    assert noted == {"ROK delegation"}
    report = docx.Document(str(summary))
    assert report.paragraphs[0].text == "Changes from R1 to R2"
    assert [cell.text for cell in report.tables[0].rows[0].cells] == ["Provision", "What changed", "Before", "After",
                                                                     "Proposed by"]
    rows = [[cell.text for cell in row.cells] for table in report.tables for row in table.rows]
    assert ["paragraph 2 of Article 8\nforce.artillery", "pull-back distance", "10 km", "15 km",
            "Republic of Korea"] in rows
    assert ["paragraph 1 of Article 12\nunc.status", "Status", "bracketed", "agreed ad referendum",
            "Republic of Korea"] in rows


def test_notes_are_reported_unless_left_out(runner):
    kinds = [[change["kind"] for change in json.loads(runner.invoke(main, ["diff", ROUND_1, ROUND_2, "--format",
                                                                         "json", *options]).stdout)["changes"]]
             for options in ([], ["--no-notes"])]
    assert kinds[0].count("notes") == 8 and "notes" not in kinds[1]
    result = runner.invoke(main, ["diff", ROUND_1, ROUND_2])
    assert ("  ~ economy.cooperation: note removed (was “Tabled by the Republic of Korea at the last session; "
            "not yet discussed.”)") in result.stdout.splitlines()


def test_identical_inputs(runner, tmp_path):
    redline = tmp_path / "same.docx"
    result = runner.invoke(main, ["diff", ROUND_2, ROUND_2, "-o", str(redline)])
    assert result.exit_code == 0 and result.stdout.splitlines()[-1] == "no changes"
    assert "<w:ins " not in zipfile.ZipFile(redline).read("word/document.xml").decode()


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """Return a git repository with round 1 committed, then round 2 written over it and committed."""
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "test@example.invalid")
    git("config", "user.name", "test")
    (tmp_path / "draft.yaml").write_bytes(example_bytes("round-1"))
    git("add", "draft.yaml")
    git("commit", "-qm", "round 1")
    (tmp_path / "draft.yaml").write_bytes(example_bytes("round-2"))
    git("commit", "-qam", "round 2")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_versions_from_git(runner, repository):
    result = runner.invoke(main, ["diff", "HEAD~1:draft.yaml", "HEAD:draft.yaml", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["old"]["version"], report["new"]["version"]) == ("R1", "R2")


def test_unknown_revision(runner, repository):
    result = runner.invoke(main, ["diff", "nope:draft.yaml", "HEAD:draft.yaml"])
    assert result.exit_code == 2
    assert result.stderr == "nope:draft.yaml:1:1: -: git cannot read it: invalid object name 'nope'. [PD-E024]\n"


def test_not_a_repository(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["diff", "HEAD:draft.yaml", ROUND_2])
    assert result.exit_code == 2
    assert result.stderr.startswith("HEAD:draft.yaml:1:1: -: git cannot read it: not a git repository")
    assert len(result.stderr.splitlines()) == 1


def test_unrelated_drafts_are_said_to_be_unrelated(runner, tmp_path):
    other = tmp_path / "other.yaml"
    runner.invoke(main, ["new", str(other)])
    result = runner.invoke(main, ["diff", str(other), str(BASE_DRAFT)])
    assert result.exit_code == 0
    assert "warning: the two drafts share no ids" in result.stdout


BARE = """peacedraft: 1
meta: {title: {en: Agreement on Paragraphs}, form: peace_agreement, round: 1, version: R1, date: 2027-01-15,
       languages: [en]}
parties:
  - {id: rok, names: {en: Republic of Korea}, role: signatory}
  - {id: dprk, names: {en: DPRK}, role: signatory}
"""


def word_file(path, paragraphs: list[str]) -> str:
    """Write a Word file: a title, then plain paragraphs; return its path."""
    document = docx.Document()
    document.add_paragraph("Agreement on Paragraphs", style="Title")
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return str(path)


def test_two_word_files_are_compared_paragraph_by_paragraph_and_a_no_break_space_is_named(runner, tmp_path,
                                                                                         monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    old = word_file(tmp_path / "old.docx", ["The Parties meet on article 1 of the Charter.", "Second paragraph."])
    new = word_file(tmp_path / "new.docx", ["The Parties meet on article\u00a01 of the Charter.",
                                             "An inserted paragraph.", "Second paragraph."])
    result = runner.invoke(main, ["diff", old, new])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [
        "1 added, 1 text, 1 meta", "", "Agreement", "  ~ version: imported → new", "", "Preamble",
        "  ~ preamble.r1: text changed (en +0 −0 words): “…meet on article·1 of the…” (space → no-break space)",
        "  + word.preamble.r2 added as recital 2 of the preamble"]
    report = json.loads(runner.invoke(main, ["diff", old, new, "--format", "json"]).stdout)
    [text] = [change for change in report["changes"] if change["kind"] == "text"]
    assert text["characters"] == {"en": ["space → no-break space"]}


def test_a_draft_without_a_body_diffs_against_a_word_file(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    draft = tmp_path / "bare.yaml"
    draft.write_text(BARE, encoding="utf-8")
    result = runner.invoke(main, ["diff", str(draft), word_file(tmp_path / "new.docx", ["A first recital."])])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "  + word.preamble.r1 added as recital 1 of the preamble"


def test_a_title_change_is_a_text_change(runner, tmp_path):
    changed = tmp_path / "changed.yaml"
    changed.write_text(BASE_DRAFT.read_text(encoding="utf-8").replace("en: Test Peace Agreement",
                                                                      "en: Test Peace Treaty"), encoding="utf-8")
    report = json.loads(runner.invoke(main, ["diff", str(BASE_DRAFT), str(changed), "--format", "json"]).stdout)
    assert [(change["kind"], change["node"], change["summary"]) for change in report["changes"]] == [
        ("text", "meta", "title changed (en +1 −1 words): − “Agreement”; + “Treaty”")]
