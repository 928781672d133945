"""render --format html: the page in a file (-o x.html picks the format), side by side, on stdout, and its refusals."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from cli import main


@pytest.fixture
def round_2(runner, tmp_path, monkeypatch) -> Path:
    """Return the round-2 example copied into a temporary folder, which is the working folder."""
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(main, ["new", "round-2.yaml", "--example", "round-2"]).exit_code == 0
    return tmp_path / "round-2.yaml"


def parsed(path: Path) -> lxml.html.HtmlElement:
    """Return an HTML file, parsed."""
    return lxml.html.document_fromstring(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("arguments", [["--format", "html", "-o", "out.html"], ["-o", "out.html"]])
def test_a_page_is_written_to_the_file(runner, round_2, arguments):
    result = runner.invoke(main, ["render", "round-2.yaml", *arguments])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "wrote out.html\n")
    page = parsed(round_2.parent / "out.html")
    assert page.get("lang") == "en-GB"
    assert page.find(".//h1").text == "Agreement on the Establishment of a Permanent Peace Regime on the Korean Peninsula"


def test_side_by_side_each_column_in_its_language(runner, round_2):
    result = runner.invoke(main, ["render", "round-2.yaml", "-o", "out.htm", "--lang", "parallel"])
    assert (result.exit_code, result.stderr) == (0, "wrote out.htm\n")
    page = parsed(round_2.parent / "out.htm")
    assert page.get("lang") == "en-GB"
    assert [cell.text_content() for cell in page.xpath("//div[@class='row languages']/div")] == [
        "English", "한국어", "中文"]
    assert [cell.get("lang") for cell in page.xpath("//div[@class='row title']/div")] == ["en-GB", "ko-KR", "zh-CN"]


def test_without_o_the_page_goes_to_stdout(runner, round_2):
    result = runner.invoke(main, ["render", "round-2.yaml", "--format", "html", "--lang", "ko"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith('<!DOCTYPE html>\n<html lang="ko-KR">\n')
    assert result.stdout.endswith("</body>\n</html>\n")
    assert not list(round_2.parent.glob("*.htm*"))


def test_the_internal_edition_and_a_non_paper(runner, round_2):
    internal = runner.invoke(main, ["render", "round-2.yaml", "--format", "html", "--internal"]).stdout
    non_paper = runner.invoke(main, ["render", "round-2.yaml", "--format", "html", "--non-paper"]).stdout
    assert 'class="drafter-note"' in internal and 'class="drafter-note"' not in non_paper
    assert 'class="non-paper-mark"' in non_paper and 'class="proposer"' not in non_paper


@pytest.mark.parametrize(("arguments", "message"), [
    (["-o", "out.html", "--format", "text"],
     "peacedraft: out.html: text output is written to a .txt file, not a .html file (or give --format html) [PD-E053]"),
    (["-o", "out.txt", "--format", "html"],
     "peacedraft: out.txt: HTML output is written to a .html or .htm file, not a .txt file (or give --format text) "
     "[PD-E053]"),
    (["--lang", "parallel", "--format", "markdown"],
     "Error: --lang parallel is for Word documents, PDF and HTML (--format docx, pdf or html) [PD-E001]"),
])
def test_refusals(runner, round_2, arguments, message):
    result = runner.invoke(main, ["render", "round-2.yaml", *arguments])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")
    assert not (round_2.parent / "out.html").exists() and not (round_2.parent / "out.txt").exists()


def test_the_same_bytes_from_one_run_to_the_next(round_2):
    def run(seed: str) -> bytes:
        environment = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1800000000"}
        return subprocess.run([sys.executable, "-c", "from cli import main; main()", "render", "round-2.yaml",
                               "--format", "html", "--lang", "parallel", "--internal"], capture_output=True,
                              check=True, env=environment, cwd=round_2.parent).stdout

    assert run("1") == run("2")
