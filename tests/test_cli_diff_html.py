"""diff --format html: the page on stdout, the redline still with -o, versions from git, and its errors."""

from __future__ import annotations

import zipfile

import lxml.html
import pytest

from agreements.examples import example_path
from cli import main
from tests.workbench.conftest import make_folder
from clauses.languages import language

ROUND_1, ROUND_2 = str(example_path("round-1")), str(example_path("round-2"))


def test_the_page_goes_to_stdout(runner):
    result = runner.invoke(main, ["diff", ROUND_1, ROUND_2, "--format", "html"])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.startswith(f'<!DOCTYPE html>\n<html lang="{language("en").tag}">\n')
    assert result.stdout.endswith("</body>\n</html>\n")
    tree = lxml.html.fromstring(result.stdout)
    assert tree.xpath('//*[@id="change-parameters-force.artillery"]//tbody/tr/td/text()') == ["10 km", "15 km"]


def test_the_redline_is_still_written_with_o(runner, tmp_path):
    redline = tmp_path / "redline.docx"
    result = runner.invoke(main, ["diff", ROUND_1, ROUND_2, "--format", "html", "-o", str(redline)])
    assert result.exit_code == 0
    assert result.stderr == f"wrote {redline}\n"
    assert "<w:ins " in zipfile.ZipFile(redline).read("word/document.xml").decode()
    assert result.stdout.startswith("<!DOCTYPE html>")


def test_the_language_of_the_text(runner):
    result = runner.invoke(main, ["diff", ROUND_1, ROUND_2, "--format", "html", "--lang", "ko"])
    assert result.exit_code == 0
    tree = lxml.html.fromstring(result.stdout)
    added = tree.xpath('//*[@id="change-added-art.incidents"]//p[@class="pd-text"]/@lang')
    assert set(added) == {language("ko").tag}


def test_non_paper(runner):
    result = runner.invoke(main, ["diff", ROUND_1, ROUND_2, "--format", "html", "--non-paper"])
    assert result.exit_code == 0
    tree = lxml.html.fromstring(result.stdout)
    assert tree.xpath('//p[@class="pd-non-paper"]/text()') == [language("en").phrase("non_paper_mark")]
    assert not tree.xpath('//section[contains(@class, "pd-change-positions")]')


def test_an_unknown_format(runner):
    result = runner.invoke(main, ["diff", ROUND_1, ROUND_2, "--format", "xml"])
    assert result.exit_code == 2
    assert result.stderr == "Error: Invalid value for '--format': 'xml' is not one of 'text', 'json', 'html'. [PD-E001]\n"
    assert result.stdout == ""


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """Return a git repository with round 1 committed, then round 2 written over it and committed."""
    folder = make_folder(tmp_path / "drafts")
    monkeypatch.chdir(folder)
    return folder


def test_a_version_from_git_is_named_as_given(runner, repository):
    result = runner.invoke(main, ["diff", "HEAD~1:draft.yaml", "draft.yaml", "--format", "html"])
    assert result.exit_code == 0, result.output
    tree = lxml.html.fromstring(result.stdout)
    rows = [[cell.text_content() for cell in row] for row in tree.xpath('//table[@class="pd-versions"]/tbody/tr')]
    assert rows == [["Old", "HEAD~1:draft.yaml", "1", "R1", "12 March 2027"],
                    ["New", "draft.yaml", "2", "R2", "25 June 2027"]]


def test_an_unknown_revision_writes_no_page(runner, repository):
    result = runner.invoke(main, ["diff", "nope:draft.yaml", "HEAD:draft.yaml", "--format", "html"])
    assert result.exit_code == 2
    assert result.stderr == "nope:draft.yaml:1:1: -: git cannot read it: invalid object name 'nope'. [PD-E024]\n"
    assert result.stdout == ""
