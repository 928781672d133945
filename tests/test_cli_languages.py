"""check-languages and terms on the command line: exact lines, exit codes, Word files, refusals."""

from __future__ import annotations

import json

import pytest

from agreements.drafts import parse_agreement
from agreements.examples import example_bytes
from agreements.render.docx.render import render_docx
from cli import main
from clauses.languages import LANGUAGES
from tests.conftest import mutate

ROUND_2 = example_bytes("round-2").decode("utf-8")
RECORDS_KO = "남과 북은 이 협정 발효 후 60일 이내에 비무장지대"


@pytest.fixture
def round_2(tmp_path):
    """Return round 2 written to a file."""
    path = tmp_path / "round-2.yaml"
    path.write_text(ROUND_2, encoding="utf-8")
    return path


def word_files(tmp_path, text: str, korean: str | None = None) -> list[str]:
    """Write round 2 as three Word files (the Korean one from another text, if given) and return their paths."""
    paths = []
    for lang in ("en", "ko", "zh"):
        source = korean if lang == "ko" and korean else text
        path = tmp_path / f"{lang}.docx"
        path.write_bytes(render_docx(parse_agreement(source, "round-2.yaml"), lang))
        paths.append(str(path))
    return paths


def records_line() -> int:
    """Return the line of round 2 where the Korean text of dmz.demining.records begins."""
    return ROUND_2[:ROUND_2.index(RECORDS_KO)].count("\n") + 1


def test_the_shipped_round_agrees(runner, round_2):
    result = runner.invoke(main, ["check-languages", str(round_2)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"{round_2}: the languages agree\n")


def test_a_finding_is_one_located_line_and_exit_1(runner, tmp_path):
    path = tmp_path / "d.yaml"
    text = mutate(ROUND_2, RECORDS_KO, RECORDS_KO.replace("60일", "6일"))
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["check-languages", str(path)])
    assert (result.exit_code, result.stderr) == (1, f"{path}: 1 finding\n")
    line = records_line()
    assert result.stdout == f"{path}:{line}:23: dmz.demining.records: ko: numbers differ from en: 60 only in en; 6 only here\n"
    report = json.loads(runner.invoke(main, ["check-languages", str(path), "--format", "json"]).stdout)
    assert report["findings"] == [{"rule": "languages-numbers", "severity": "error", "node": "dmz.demining.records",
                                   "line": line, "column": 23,
                                   "message": "ko: numbers differ from en: 60 only in en; 6 only here"}]


def test_validate_strict_and_package_run_the_check(runner, tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text(mutate(ROUND_2, RECORDS_KO, RECORDS_KO.replace("60일", "6일")), encoding="utf-8")
    assert runner.invoke(main, ["validate", str(path)]).exit_code == 0
    strict = runner.invoke(main, ["validate", "--strict", str(path)])
    assert strict.exit_code == 1
    assert f"{path}:{records_line()}:23: dmz.demining.records: error: ko: numbers differ from en: 60 only in en; 6 only here " \
           "[languages-numbers]" in strict.stdout.splitlines()
    out = tmp_path / "package"
    built = runner.invoke(main, ["package", str(path), "-o", str(out)])
    assert built.exit_code == 1 and not out.exists()
    assert "ko: numbers differ from en" in built.stderr


def test_three_word_files_agree(runner, tmp_path):
    result = runner.invoke(main, ["check-languages", "--docx", *word_files(tmp_path, ROUND_2)])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.endswith(": the languages agree\n")


def test_a_number_changed_in_the_korean_word_file_only(runner, tmp_path):
    korean = mutate(ROUND_2, RECORDS_KO, RECORDS_KO.replace("60일", "90일"))
    paths = word_files(tmp_path, ROUND_2, korean)
    result = runner.invoke(main, ["check-languages", "--docx", *paths])
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    file, paragraph, column, node, message = line.split(": ", 1)[0].split(":") + line.split(": ", 2)[1:]
    assert (file, column, message) == (paths[1], "1", "ko: numbers differ from en: 60 only in en; 90 only here")
    assert node.startswith("art-7.")


def test_a_word_file_in_another_language_is_refused(runner, tmp_path):
    en, ko, zh = word_files(tmp_path, ROUND_2)
    result = runner.invoke(main, ["check-languages", "--docx", en, zh, ko])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"peacedraft: {zh}: the text is in Chinese, not in Korean as given [PD-E095]\n"


def test_word_files_that_do_not_align_name_the_first_article(runner, tmp_path):
    korean = mutate(ROUND_2, "              - id: dmz.demining.records\n", "              - id: dmz.demining.records\n"
                    "                kind: text\n                text: {en: x, ko: 추가, zh: x}\n"
                    "              - id: dmz.demining.records-2\n")
    en, ko, zh = word_files(tmp_path, ROUND_2, korean)
    result = runner.invoke(main, ["check-languages", "--docx", en, ko, zh])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"peacedraft: {ko}: 제7조 does not align with {en} (its paragraphs and points, "
                             "or the articles, differ in number) [PD-E096]\n")


def test_word_files_need_one_language_each(runner, tmp_path):
    en, ko, zh = word_files(tmp_path, ROUND_2)
    result = runner.invoke(main, ["check-languages", "--docx", en, ko])
    assert result.exit_code == 2
    assert "2 Word files for 3 languages (en, ko, zh)" in result.stderr


def test_terms_lists_every_concept_in_every_language(runner):
    result = runner.invoke(main, ["terms"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:4] == ["parties", "  en  the Parties  also: Party, Parties", "  ko  당사자",
                                              "  zh  当事方  avoid: 各方"]
    table = json.loads(runner.invoke(main, ["terms", "--format", "json"]).stdout)
    assert all(set(LANGUAGES) <= set(words) for words in table.values() if set(words) & set(LANGUAGES))
    assert table["korean_peninsula"]["ko-KP"]["term"] == "조선반도"
    assert table["un_charter"]["ko"]["term"] == "「국제연합헌장」"


def test_render_a_copy_for_a_party(runner, round_2):
    result = runner.invoke(main, ["render", str(round_2), "--lang", "ko", "--copy-for", "dprk"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "조선반도 항구적 평화체제 구축에 관한 협정"
    refused = runner.invoke(main, ["render", str(round_2), "--copy-for", "japan"])
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr == ("peacedraft: --copy-for japan: no signatory has that id "
                              "(signatories: rok, dprk, usa, prc) [PD-E097]\n")


def test_package_with_a_copy_for_each_signatory(runner, tmp_path):
    out = tmp_path / "package"
    result = runner.invoke(main, ["package", "-o", str(out), "--copies"])
    assert result.exit_code == 0, result.stderr
    copies = sorted(str(path.relative_to(out / "text" / "copies")) for path in (out / "text" / "copies").rglob("*.docx"))
    assert copies == [f"{party}/agreement.{lang}.docx" for party in ("dprk", "prc", "rok", "usa")
                      for lang in ("en", "ko", "zh")]
    assert runner.invoke(main, ["verify", str(out)]).exit_code == 0
