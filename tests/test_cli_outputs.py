"""Output names: the format a name's extension says is the one written; a name that says another is refused.

Every refusal is one line with PD-E053, exit code 2, before any work: nothing is written, nothing on stdout.
"""

from __future__ import annotations

import shutil

import pytest

from agreements.examples import example_path
from cli import main

WORD_AS_PDF = "Word output is written to a .docx file, not a .pdf file"
REFUSED = [
    (["render", "d.yaml", "-o", "x.pdf", "--format", "docx"], "x.pdf", f"{WORD_AS_PDF} (or give --format pdf)"),
    (["render", "d.yaml", "-o", "x.docx", "--format", "text"], "x.docx",
     "text output is written to a .txt file, not a .docx file (or give --format docx)"),
    (["render", "d.yaml", "-o", "x.txt", "--format", "docx"], "x.txt",
     "Word output is written to a .docx file, not a .txt file (or give --format text)"),
    (["render", "d.yaml", "-o", "x.txt", "--format", "pdf"], "x.txt",
     "PDF output is written to a .pdf file, not a .txt file (or give --format text)"),
    (["render", "d.yaml", "-o", "x.md", "--format", "text"], "x.md",
     "text output is written to a .txt file, not a .md file (or give --format markdown)"),
    (["render", "d.yaml", "-o", "x.rtf"], "x.rtf", "text output is written to a .txt file, not a .rtf file"),
    (["render", "d.yaml", "-o", "x"], "x", "text output is written to a .txt file, not a file without an extension"),
    (["diff", "d.yaml", "d.yaml", "-o", "redline.pdf"], "redline.pdf", WORD_AS_PDF),
    (["diff", "d.yaml", "d.yaml", "-o", "redline.docx", "--summary-out", "summary.txt"], "summary.txt",
     "Word output is written to a .docx file, not a .txt file"),
    (["compare", "d.yaml", "-o", "annex.pdf"], "annex.pdf", WORD_AS_PDF),
    (["timeline", "d.yaml", "-o", "chart.jpg"], "chart.jpg",
     "PNG or SVG output is written to a .png or .svg file, not a .jpg file"),
    (["export", "d.yaml", "--format", "json", "-o", "x.xml"], "x.xml",
     "JSON output is written to a .json file, not a .xml file (or give --format akn)"),
    (["export", "d.yaml", "--format", "akn", "-o", "x.json"], "x.json",
     "Akoma Ntoso XML output is written to a .xml file, not a .json file (or give --format json)"),
    (["schema", "-o", "schema.yaml"], "schema.yaml", "JSON output is written to a .json file, not a .yaml file"),
    (["import", "partner.docx", "-o", "partner.json"], "partner.json",
     "YAML output is written to a .yaml or .yml file, not a .json file"),
    (["new", "draft.txt"], "draft.txt", "YAML output is written to a .yaml or .yml file, not a .txt file"),
]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """Return a working folder holding round 2 as d.yaml (and a Word file of it for import)."""
    shutil.copyfile(example_path("round-2"), tmp_path / "d.yaml")
    (tmp_path / "partner.docx").write_bytes(b"PK")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("arguments, name, message", REFUSED, ids=[" ".join(case[0]) for case in REFUSED])
def test_a_name_that_says_another_format_is_refused_and_nothing_written(runner, folder, arguments, name, message):
    before = sorted(folder.iterdir())
    result = runner.invoke(main, arguments)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"peacedraft: {name}: {message} [PD-E053]\n")
    assert sorted(folder.iterdir()) == before


@pytest.mark.parametrize("name, start", [("x.md", "# Agreement on the Establishment"),
                                         ("x.txt", "Agreement on the Establishment"),
                                         ("x.MD", "# Agreement on the Establishment")])
def test_the_format_is_the_one_the_extension_says(runner, folder, name, start):
    result = runner.invoke(main, ["render", "d.yaml", "-o", name])
    assert (result.exit_code, result.stderr) == (0, f"wrote {name}\n")
    assert (folder / name).read_text(encoding="utf-8").startswith(start)


def test_a_docx_extension_gives_word(runner, folder):
    assert runner.invoke(main, ["render", "d.yaml", "-o", "x.docx"]).exit_code == 0
    assert (folder / "x.docx").read_bytes().startswith(b"PK\x03\x04")


def test_a_yml_draft_is_a_draft(runner, folder):
    result = runner.invoke(main, ["new", "draft.yml"])
    assert (result.exit_code, result.stderr) == (0, "wrote draft.yml\n")
