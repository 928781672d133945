"""render and timeline of a draft that has no English: its own first language by default, and a language it lacks
refused in one line naming the languages it has."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from agreements.drafts import dump_agreement, load_agreement
from agreements.model import Agreement
from cli import main
from tests.agreements.wordimport.odd_packages import members_of, write


@pytest.fixture
def korean_draft(runner, tmp_path) -> Path:
    """Return a draft imported from a Korean Word file: its only language is Korean."""
    source = write(tmp_path / "ko.docx", members_of("평화협정", "제1조 전쟁의 종식", "전쟁 상태는 종식된다."))
    target = tmp_path / "ko.yaml"
    assert runner.invoke(main, ["import", str(source), "-o", str(target)]).exit_code == 0
    assert load_agreement(str(target)).meta.languages == ["ko"]
    return target


def test_render_of_a_draft_without_english_writes_its_own_language(runner, korean_draft):
    result = runner.invoke(main, ["render", str(korean_draft)])
    assert result.exit_code == 0, result.output
    assert "전쟁 상태는 종식된다." in result.stdout and "⟨no" not in result.stdout


@pytest.mark.parametrize("command", [["render"], ["render", "-o", "x.docx"], ["timeline"]])
def test_a_language_the_draft_lacks_is_refused_naming_its_languages(runner, korean_draft, tmp_path, command,
                                                                    monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, [*command, str(korean_draft), "--lang", "en"])
    assert (result.exit_code, result.stderr) == (
        2, f"peacedraft: {korean_draft}: the draft has no text in en (its languages: ko) [PD-E088]\n")
    assert not (tmp_path / "x.docx").exists()


def test_timeline_of_a_draft_without_english_is_in_its_own_language(runner, korean_draft):
    result = runner.invoke(main, ["timeline", str(korean_draft), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["lang"] == "ko"


def test_diff_of_two_drafts_without_english_writes_the_redline_in_their_language(runner, korean_draft, tmp_path):
    changed = tmp_path / "ko-2.yaml"
    changed.write_text(korean_draft.read_text(encoding="utf-8").replace("종식된다", "완전히 종식된다"), encoding="utf-8")
    redline = tmp_path / "redline.docx"
    result = runner.invoke(main, ["diff", str(korean_draft), str(changed), "-o", str(redline)])
    assert result.exit_code == 0, result.output
    text = "".join(node.text or "" for node in docx.Document(str(redline)).element.body.iter(qn("w:t")))
    assert "완전히" in text and "⟨no" not in text


def test_diff_in_a_language_the_drafts_lack_is_refused(runner, korean_draft):
    result = runner.invoke(main, ["diff", str(korean_draft), str(korean_draft), "--lang", "zh"])
    assert (result.exit_code, result.stderr) == (
        2, f"peacedraft: {korean_draft}: the draft has no text in zh (its languages: ko) [PD-E088]\n")


def test_diff_of_an_english_draft_and_a_korean_only_one_is_in_korean(runner, korean_draft, tmp_path):
    data = load_agreement(str(korean_draft)).model_dump(mode="json", exclude_defaults=True)
    data["meta"]["languages"] = ["ko", "en"]
    data["body"][0]["children"][0]["text"]["en"] = "The war ends."
    both = tmp_path / "both.yaml"
    both.write_text(dump_agreement(Agreement.model_validate(data)), encoding="utf-8")
    redline = tmp_path / "redline.docx"
    result = runner.invoke(main, ["diff", str(both), str(korean_draft), "-o", str(redline)])
    assert result.exit_code == 0, result.output
    text = "".join(node.text or "" for node in docx.Document(str(redline)).element.body.iter(qn("w:t")))
    assert "전쟁 상태는 종식된다." in text and "The war ends." not in text
