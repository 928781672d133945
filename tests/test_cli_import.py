"""The import command, and diff against a Word file: a partner's .docx read, matched to our ids and compared."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from agreements.render.docx.render import render_docx
from agreements.drafts import load_agreement
from agreements.examples import example_path
from cli import main
from tests.agreements.render.docx.test_libreoffice import convert, require_libreoffice
from tests.agreements.wordimport.bodies import p, table, word_bytes

ROUND_2 = str(example_path("round-2"))
PLAIN_AGREEMENT = """AGREEMENT ON PEACE AND COOPERATION

The Parties to this Agreement,

Have agreed as follows:

PART I — GENERAL PROVISIONS

Article 1 — Definitions

1. For the purposes of this Agreement:

(a) "Line" means the line of demarcation;

(b) "Zone" means the zone on either side of the Line.

2. Other terms have their ordinary meaning.

Article 2 — End of the state of war

The state of war between the Parties is ended.

PART II — MILITARY MATTERS

ARTICLE III — Pull-back

1. Each Party shall withdraw its artillery 15 kilometres from the Line.

(i) heavy artillery;

(ii) multiple rocket launchers.

2. The withdrawal shall be completed within 180 days.

Article 4 — Final provisions

This Agreement enters into force on signature.
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    """Return a folder holding round 2 rendered to Word in en, ko and zh."""
    folder = tmp_path_factory.mktemp("rendered")
    agreement = load_agreement(ROUND_2)
    for lang in ("en", "ko", "zh"):
        (folder / f"round-2.{lang}.docx").write_bytes(render_docx(agreement, lang))
    return folder


@pytest.mark.parametrize("lang, expected", [("en", "24 articles"), ("ko", "24 articles"), ("zh", "24 articles")])
def test_import_a_rendered_draft(runner, rendered, tmp_path, lang, expected):
    target = tmp_path / "imported.yaml"
    result = runner.invoke(main, ["import", str(rendered / f"round-2.{lang}.docx"), "-o", str(target)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[-1] == (f"wrote {target} (7 parts, {expected}, 69 paragraphs and points, 6 recitals, "
                         f"1 annex or protocol in {lang})")
    assert any("two placeholders" in line for line in lines)
    imported = load_agreement(str(target))
    assert imported.meta.languages == [lang]
    assert runner.invoke(main, ["validate", str(target)]).exit_code == 0


def test_import_refuses_to_replace_a_draft_without_force(runner, rendered, tmp_path):
    target = tmp_path / "draft.yaml"
    target.write_text("mine")
    result = runner.invoke(main, ["import", str(rendered / "round-2.en.docx"), "-o", str(target)])
    assert (result.exit_code, result.stderr) == (2, f"peacedraft: {target}: already exists (use --force to replace it) [PD-E050]\n")
    assert target.read_text() == "mine"
    assert runner.invoke(main, ["import", str(rendered / "round-2.en.docx"), "-o", str(target), "--force"]).exit_code == 0


def test_import_of_a_file_that_is_not_word_exits_2(runner, tmp_path):
    source = tmp_path / "notes.docx"
    source.write_text("plain text")
    result = runner.invoke(main, ["import", str(source), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2 and result.stderr.startswith(f"peacedraft: {source}: ")
    assert "Traceback" not in result.output and not (tmp_path / "x.yaml").exists()


def edited_partner_copy(rendered: Path, target: Path, lang: str) -> None:
    """Write the rendered draft with one paragraph reworded and another deleted, as a partner would."""
    document = docx.Document(str(rendered / f"round-2.{lang}.docx"))
    paragraphs = [p for p in document.paragraphs if p.style.name == "Article Paragraph"]
    first_run = paragraphs[5].runs[0]
    first_run.text = first_run.text.replace("shall", "may", 1) if lang == "en" else first_run.text + " 추가"
    paragraphs[10]._p.getparent().remove(paragraphs[10]._p)  # force.artillery
    document.save(str(target))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_diff_our_draft_against_a_partners_word_file(runner, rendered, tmp_path, lang, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    theirs = tmp_path / "theirs.docx"
    edited_partner_copy(rendered, theirs, lang)
    result = runner.invoke(main, ["diff", ROUND_2, str(theirs), "--format", "json", "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    changes = {(change["kind"], change["node"]) for change in report["changes"]}
    assert changes == {("meta", "meta"), ("text", "demarcation.line"), ("removed", "force.artillery"),
                       ("renumbered", "force.forward-limits")}
    assert (tmp_path / "r.docx").exists()


def test_diff_of_a_draft_against_its_own_rendering_finds_only_the_version(runner, rendered, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    result = runner.invoke(main, ["diff", ROUND_2, str(rendered / "round-2.zh.docx"), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [(change["kind"], change["summary"]) for change in report["changes"]] == [("meta", "version: R2 → round-2.zh")]


@pytest.fixture(scope="module")
def outside_docx(tmp_path_factory) -> Path:
    """Return an agreement LibreOffice wrote as .docx from plain text with ordinary numbering."""
    require_libreoffice()
    folder = tmp_path_factory.mktemp("outside")
    (folder / "agreement.txt").write_text(PLAIN_AGREEMENT, encoding="utf-8")
    convert(folder, [folder / "agreement.txt"], "docx:MS Word 2007 XML", timeout=300)
    return folder / "agreement.docx"


def test_a_word_file_written_by_libreoffice_imports_with_every_article(runner, outside_docx, tmp_path):
    target = tmp_path / "outside.yaml"
    result = runner.invoke(main, ["import", str(outside_docx), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == (f"wrote {target} (2 parts, 4 articles, 10 paragraphs and points, "
                                              "2 recitals in en)")
    agreement = load_agreement(str(target))
    articles = [article for part in agreement.body for article in part.children]
    assert [(article.id, (article.heading or {}).get("en")) for article in articles] == [
        ("art-1", "Definitions"), ("art-2", "End of the state of war"), ("art-3", "Pull-back"),
        ("art-4", "Final provisions")]
    assert [point.text["en"] for point in articles[2].children[0].children] == ["heavy artillery;",
                                                                               "multiple rocket launchers."]
    assert agreement.meta.title == {"en": "AGREEMENT ON PEACE AND COOPERATION"}


def test_a_docx_in_memory_round_trips_through_import(runner, tmp_path):
    agreement = load_agreement(ROUND_2)
    source = tmp_path / "r.docx"
    source.write_bytes(render_docx(agreement, "en"))
    target = tmp_path / "r.yaml"
    assert runner.invoke(main, ["import", str(source), "-o", str(target), "--lang", "en"]).exit_code == 0
    document = docx.Document(io.BytesIO(source.read_bytes()))
    assert load_agreement(str(target)).meta.date.isoformat() == document.core_properties.created.date().isoformat()


COMMENTED_CONTENTS = ('<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:commentRangeStart w:id="0"/>'
                      '<w:r><w:t>Contents</w:t></w:r><w:r><w:commentReference w:id="0"/></w:r></w:p>'
                      '<w:p><w:r><w:t>Article 1</w:t></w:r></w:p><w:p><w:r><w:t>The state of war is ended.</w:t></w:r></w:p>')


def test_import_says_how_much_of_the_text_it_placed(runner, tmp_path):
    source, target = tmp_path / "zone.docx", tmp_path / "zone.yaml"
    source.write_bytes(word_bytes(p("Agreement on the Zone", "Title") + p("Article 1 — The Zone")
                                  + table(["Zone", "the zone on either side of the line"])))
    result = runner.invoke(main, ["import", str(source), "-o", str(target), "--strict"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-2:] == [f"{source}: placed 100.0% of the document's text (15 of 15 words)",
                                               f"wrote {target} (1 article, 1 paragraph or point in en)"]


def test_import_strict_writes_the_draft_and_exits_1_when_less_than_95_percent_is_placed(runner, tmp_path):
    source, target = tmp_path / "commented.docx", tmp_path / "commented.yaml"
    source.write_bytes(word_bytes(COMMENTED_CONTENTS, comments={"0": ("Alice", "update the contents before the round")}))
    result = runner.invoke(main, ["import", str(source), "-o", str(target), "--strict"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert f"{source}: not placed: 7 words in comments" in lines
    assert lines[-3:] == [f"{source}: placed 46.1% of the document's text (6 of 13 words)",
                          f"wrote {target} (1 article, 1 paragraph or point in en)",
                          f"peacedraft: {source}: placed 46.1% of the document's text, under the 95% --strict asks for "
                          "[PD-E183]"]
    assert "The state of war is ended." in target.read_text(encoding="utf-8")
    again = runner.invoke(main, ["import", str(source), "-o", str(target), "--force"])
    assert again.exit_code == 0 and "PD-E183" not in again.stderr
