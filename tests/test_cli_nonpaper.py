"""`render`, `diff` and `package` with --non-paper: no party named as proposer, position holder or author anywhere,
and the non-paper mark on every page, in every language; the combinations that contradict a non-paper refused."""

from __future__ import annotations

import pytest

from cli import main
from clauses.languages import language
from tests.nonpaper import attributions, example, headers, rounds, texts

MARKS = {lang: language(lang).phrase("non_paper_mark") for lang in ("en", "ko", "zh")}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Return a folder holding the shipped rounds 1 and 2."""
    path = tmp_path_factory.mktemp("nonpaper")
    example("round-1", path), example("round-2", path)
    return path


def invoke(runner, *args: str):
    """Return the result of a command that must succeed."""
    result = runner.invoke(main, [str(arg) for arg in args])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("lang", ["en", "ko", "zh", "parallel"])
def test_a_non_paper_word_file_names_no_party_in_any_role_and_every_header_is_marked(runner, folder, tmp_path, lang):
    out = tmp_path / f"non-paper.{lang}.docx"
    invoke(runner, "render", folder / "round-2.yaml", "-o", out, "--lang", lang, "--non-paper")
    agreements = rounds(tmp_path)
    assert attributions(out, agreements) == []
    mark = MARKS["en" if lang == "parallel" else lang]
    assert headers(out) and all(header == mark for header in headers(out))
    document = dict(texts(out))[f"{out.name}:word/document.xml"]
    assert ("Republic of Korea" if lang in ("en", "parallel") else "대한민국" if lang == "ko" else "大韩民国") in document
    ordinary = tmp_path / f"ordinary.{lang}.docx"
    invoke(runner, "render", folder / "round-2.yaml", "-o", ordinary, "--lang", lang)
    assert attributions(ordinary, agreements), "the scan finds the proposers and authors of an ordinary render"


@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_non_paper_text_starts_with_the_mark(runner, folder, tmp_path, output_format):
    result = invoke(runner, "render", folder / "round-2.yaml", "--format", output_format, "--lang", "zh", "--non-paper")
    assert MARKS["zh"] in result.stdout.splitlines()[0]
    (tmp_path / "out.txt").write_text(result.stdout, encoding="utf-8")
    assert attributions(tmp_path / "out.txt", rounds(tmp_path)) == []


def test_a_non_paper_redline_summary_and_report_name_no_party(runner, folder, tmp_path):
    out = tmp_path / "diff"
    out.mkdir()
    for lang in ("en", "ko", "zh"):
        result = invoke(runner, "diff", folder / "round-1.yaml", folder / "round-2.yaml", "--non-paper", "--lang", lang,
                        "-o", out / f"redline.{lang}.docx", "--summary-out", out / f"summary.{lang}.docx")
        assert all(header == MARKS[lang] for header in headers(out / f"redline.{lang}.docx"))
    assert result.stdout.splitlines()[0] == MARKS["en"]
    assert "Option C tabled" in result.stdout and "positions:" not in result.stdout
    (out / "changes.txt").write_text(result.stdout, encoding="utf-8")
    json = invoke(runner, "diff", folder / "round-1.yaml", folder / "round-2.yaml", "--non-paper", "--format", "json")
    (out / "changes.json").write_text(json.stdout, encoding="utf-8")
    assert attributions(out, rounds(tmp_path)) == []
    assert MARKS["en"] in headers(out / "summary.en.docx")[0]
    ordinary = invoke(runner, "diff", folder / "round-1.yaml", folder / "round-2.yaml")
    assert "Option C (China) tabled" in ordinary.stdout and "positions:" in ordinary.stdout


def test_a_non_paper_package_names_no_party_and_leaves_out_the_matrix_memo_and_drafts(runner, folder, tmp_path):
    out = tmp_path / "package"
    result = invoke(runner, "package", folder / "round-2.yaml", "--against", folder / "round-1.yaml", "-o", out,
                    "--non-paper")
    assert result.stderr == f"wrote {out}/ (15 files and manifest.json)\n"
    names = sorted(str(path.relative_to(out)) for path in out.rglob("*") if path.is_file())
    assert not [name for name in names if name.startswith(("positions-matrix", "cover-memo", "draft/"))]
    assert attributions(out, rounds(tmp_path)) == []
    for docx in out.rglob("*.docx"):
        lang = docx.stem.rsplit(".", 1)[-1]
        assert all(MARKS.get(lang, MARKS["en"]) in header for header in headers(docx)), docx
    assert (out / "redline" / "changes.txt").read_text(encoding="utf-8").startswith(MARKS["en"])


@pytest.mark.parametrize("args, message", [
    (["render", "{draft}", "--internal", "--non-paper"],
     "--internal and --non-paper exclude each other (a non-paper carries no notes)"),
    (["diff", "{old}", "{draft}", "--non-paper", "--author", "ROK delegation"],
     "--author and --non-paper exclude each other (a non-paper's changes are by no one)"),
    (["package", "{draft}", "--non-paper", "--author", "ROK delegation"],
     "--author and --non-paper exclude each other (a non-paper's changes are by no one)"),
])
def test_what_contradicts_a_non_paper_is_refused_in_one_line(runner, folder, tmp_path, args, message):
    paths = {"draft": folder / "round-2.yaml", "old": folder / "round-1.yaml"}
    result = runner.invoke(main, [arg.format(**paths) for arg in args])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: {message} [PD-E001]"
    assert not list(tmp_path.iterdir())
