"""The command line with annexes, footnotes and drafters' notes: render --internal, a bad reference, add --under."""

from __future__ import annotations

import io
import zipfile

from cli import main
from tests.agreements.render.test_footnotes_and_notes import ARTICLE_NOTE, NOTES, noted_text


def written(tmp_path, text: str):
    """Return the path of a draft file holding text."""
    path = tmp_path / "draft.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_render_internal_shows_the_notes_and_render_alone_does_not(runner, tmp_path):
    draft = written(tmp_path, noted_text())
    clean = runner.invoke(main, ["render", str(draft)])
    internal = runner.invoke(main, ["render", str(draft), "--internal"])
    assert (clean.exit_code, internal.exit_code) == (0, 0)
    assert not [note for note in NOTES if note in clean.stdout]
    assert all(note in internal.stdout for note in NOTES)
    assert f"» Drafters’ note: {ARTICLE_NOTE}" in internal.stdout


def test_render_internal_to_word_puts_the_notes_in_comments(runner, tmp_path):
    draft = written(tmp_path, noted_text())
    result = runner.invoke(main, ["render", str(draft), "--internal", "-o", str(tmp_path / "internal.docx")])
    assert result.exit_code == 0, result.stderr
    comments = zipfile.ZipFile(io.BytesIO((tmp_path / "internal.docx").read_bytes())).read("word/comments.xml")
    assert all(note.encode() in comments for note in NOTES)


def test_a_reference_to_no_node_is_one_located_line_and_exit_2(runner, tmp_path):
    text = noted_text().replace("{ref:annex.maps}.", "{ref:annex.mapz}.")
    draft = written(tmp_path, text)
    line = next(number for number, row in enumerate(text.splitlines(), 1) if "{ref:annex.mapz}" in row)
    result = runner.invoke(main, ["render", str(draft), "-o", str(tmp_path / "out.docx")])
    assert result.exit_code == 2
    assert result.stderr == (f"{draft}:{line}:28: final.steps.note: {{ref:annex.mapz}}: no part, article, paragraph, "
                             "point or annex has the id 'annex.mapz' (did you mean 'annex.maps'?) [PD-E025]\n")
    assert not (tmp_path / "out.docx").exists()


def test_add_under_an_annex_of_paragraphs_adds_a_paragraph_and_under_one_of_articles_an_article(runner, tmp_path):
    draft = written(tmp_path, noted_text())
    for under in ("annex.maps", "annex.procedures"):
        result = runner.invoke(main, ["add", str(draft), "demining/pilot-then-review", "--under", under,
                                      "--as", f"{under}.pilot"])
        assert result.exit_code == 0, result.stderr
    text = runner.invoke(main, ["render", str(draft)]).stdout
    annex_i, rest = text.split("Annex I — Maps")[1].split("Annex II — Procedures")
    assert "\n2. The Parties shall clear all mines" in annex_i
    assert "\nArticle 3 — Pilot Demining in the Demilitarized Zone\n" in rest.split("Protocol — Verification")[0]
