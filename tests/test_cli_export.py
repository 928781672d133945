"""The export command: exact messages and exit codes, one file per language, nothing written on failure."""

from __future__ import annotations

import json

import jsonschema
import pytest

from agreements.drafts import json_agreement, load_agreement, parse_agreement
from agreements.examples import example_path
from agreements.render import akn
from agreements.render.akn_meta import AKN_NS
from agreements.schema import draft_schema
from cli import main
from tests.conftest import BASE_DRAFT, mutate

ROUNDS = ("round-1", "round-2")
VALIDATOR = jsonschema.Draft202012Validator(draft_schema())  # the key order of draft_schema() validates fast


def files_in(folder) -> list[str]:
    """Return the names of the files in a folder, sorted (temporary files included)."""
    return sorted(path.name for path in folder.iterdir())


@pytest.mark.parametrize("name", ROUNDS)
def test_akn_writes_one_file_per_authentic_language(runner, tmp_path, name):
    draft = str(example_path(name))
    target = tmp_path / "out.xml"
    result = runner.invoke(main, ["export", draft, "--format", "akn", "-o", str(target)])
    written = [tmp_path / f"out.{lang}.xml" for lang in ("en", "ko", "zh")]
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "".join(f"wrote {path}\n" for path in written)
    assert files_in(tmp_path) == ["out.en.xml", "out.ko.xml", "out.zh.xml"]
    agreement = load_agreement(draft)
    assert [path.read_bytes() for path in written] == [akn.akn_bytes(agreement, lang) for lang in ("en", "ko", "zh")]


def test_akn_with_lang_writes_exactly_the_file_named(runner, tmp_path):
    target = tmp_path / "agreement.xml"
    result = runner.invoke(main, ["export", str(BASE_DRAFT), "--format", "akn", "--lang", "zh", "-o", str(target)])
    assert (result.exit_code, result.stderr) == (0, f"wrote {target}\n")
    assert files_in(tmp_path) == ["agreement.xml"]
    assert target.read_bytes() == akn.akn_bytes(load_agreement(str(BASE_DRAFT)), "zh")


def test_akn_follows_the_drafts_languages(runner, tmp_path):
    draft = tmp_path / "draft.yaml"
    draft.write_text(mutate(BASE_DRAFT.read_text(encoding="utf-8"), "languages: [en, ko, zh]", "languages: [zh, en]"),
                     encoding="utf-8")
    result = runner.invoke(main, ["export", str(draft), "--format", "akn", "-o", str(tmp_path / "x.akn.xml")])
    expected = f"wrote {tmp_path / 'x.akn.zh.xml'}\nwrote {tmp_path / 'x.akn.en.xml'}\n"
    assert (result.exit_code, result.stderr) == (0, expected)
    assert files_in(tmp_path) == ["draft.yaml", "x.akn.en.xml", "x.akn.zh.xml"]


def test_validate_passes_and_writes_the_same_bytes(runner, tmp_path):
    plain, checked = tmp_path / "plain.xml", tmp_path / "checked.xml"
    draft = str(example_path("round-2"))
    assert runner.invoke(main, ["export", draft, "--format", "akn", "--lang", "ko", "-o", str(plain)]).exit_code == 0
    result = runner.invoke(main, ["export", draft, "--format", "akn", "--lang", "ko", "-o", str(checked), "--validate"])
    assert (result.exit_code, result.stderr) == (0, f"wrote {checked}\n")
    assert checked.read_bytes() == plain.read_bytes()


def test_validate_failure_exits_2_and_writes_nothing(runner, tmp_path, monkeypatch):
    build = akn.akn_tree

    def without_identification(agreement, lang, user_folder=None):
        root = build(agreement, lang, user_folder)
        meta = root.find(f".//{{{AKN_NS}}}meta")
        meta.remove(meta[0])
        return root

    monkeypatch.setattr(akn, "akn_tree", without_identification)
    target = tmp_path / "out.xml"
    result = runner.invoke(main, ["export", str(BASE_DRAFT), "--format", "akn", "-o", str(target), "--validate"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"peacedraft: {tmp_path / 'out.en.xml'}: not valid Akoma Ntoso 3.0 (line ")
    assert "Expected is ( identification )" in result.stderr and len(result.stderr.splitlines()) == 1
    assert files_in(tmp_path) == []
    unchecked = runner.invoke(main, ["export", str(BASE_DRAFT), "--format", "akn", "-o", str(target)])
    assert unchecked.exit_code == 0 and len(files_in(tmp_path)) == 3


@pytest.mark.parametrize("name", ROUNDS)
def test_json_follows_the_schema_and_loads_back(runner, tmp_path, name):
    draft = str(example_path(name))
    target = tmp_path / "draft.json"
    result = runner.invoke(main, ["export", draft, "--format", "json", "-o", str(target), "--validate"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"wrote {target}\n")
    text = target.read_text(encoding="utf-8")
    assert json.loads(runner.invoke(main, ["schema"]).stdout) == draft_schema()
    VALIDATOR.validate(json.loads(text))
    original = load_agreement(draft)
    assert text == json_agreement(original)
    assert parse_agreement(text, str(target)).model_dump() == original.model_dump()


def test_unknown_format_exits_2(runner, tmp_path):
    result = runner.invoke(main, ["export", str(BASE_DRAFT), "--format", "docx", "-o", str(tmp_path / "out.docx")])
    assert result.exit_code == 2
    assert "Invalid value for '--format': 'docx' is not one of 'akn', 'json'." in result.stderr
    assert files_in(tmp_path) == []


@pytest.mark.parametrize("arguments", [["--format", "akn"], ["-o", "out.xml"]])
def test_format_and_output_are_required(runner, arguments):
    result = runner.invoke(main, ["export", str(BASE_DRAFT), *arguments])
    assert result.exit_code == 2 and "Missing option" in result.stderr


def test_lang_with_json_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["export", str(BASE_DRAFT), "--format", "json", "--lang", "en", "-o",
                                  str(tmp_path / "d.json")])
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: --lang is for --format akn (the JSON holds every language) [PD-E001]\n")
    assert files_in(tmp_path) == []


def test_missing_draft_and_missing_folder(runner, tmp_path):
    missing = tmp_path / "none.yaml"
    result = runner.invoke(main, ["export", str(missing), "--format", "json", "-o", str(tmp_path / "d.json")])
    assert (result.exit_code, result.stderr) == (2, f"{missing}:1:1: -: no such file [PD-E010]\n")
    target = tmp_path / "nowhere" / "out.xml"
    result = runner.invoke(main, ["export", str(BASE_DRAFT), "--format", "akn", "--lang", "en", "-o", str(target)])
    assert (result.exit_code, result.stderr) == (2, f"peacedraft: {target}: folder {target.parent} does not exist [PD-E051]\n")


def test_help_has_an_example(runner):
    result = runner.invoke(main, ["export", "--help"])
    assert result.exit_code == 0 and "Example: peacedraft export" in result.stdout
