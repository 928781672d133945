"""The package and verify commands: the whole package from one command, intact, reproducible and checked."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from agreements.drafts import load_agreement
from agreements.examples import example_path
from cli import main
from tests.conftest import BASE_DRAFT, mutate
from tests.processes import stdout_elsewhere

ROUND_1, ROUND_2 = str(example_path("round-1")), str(example_path("round-2"))
EXPECTED = [
    "cover-memo.docx", "draft/round-1.yaml", "draft/round-2.json", "draft/round-2.yaml", "positions-matrix.docx",
    "precedents/armistice-coverage.json", "precedents/armistice-coverage.txt", "precedents/precedent-annex.docx",
    "redline/changes.json", "redline/changes.txt", "redline/redline.en.docx", "redline/redline.ko.docx",
    "redline/redline.zh.docx", "text/agreement.en.docx", "text/agreement.ko.docx", "text/agreement.parallel.docx",
    "text/agreement.zh.docx", "timeline/timeline.json", "timeline/timeline.png", "timeline/timeline.txt",
]


def manifest_line(folder: Path) -> str:
    """Return the line verify starts with: the SHA-256 of the folder's manifest.json."""
    return f"manifest SHA-256: {hashlib.sha256((folder / 'manifest.json').read_bytes()).hexdigest()}\n"


def files_of(folder: Path) -> dict[str, bytes]:
    """Return every file below a folder by relative path."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Return the folder where `peacedraft package` (no arguments) built the shipped example, with its zip."""
    folder = tmp_path_factory.mktemp("package")
    previous = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["package", "--zip"])
    finally:
        os.chdir(previous)
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"wrote negotiation-package/ ({len(EXPECTED)} files and manifest.json) "
                             "and negotiation-package.zip\n")
    return folder


def test_the_default_package_holds_every_document_and_a_manifest(built):
    package = built / "negotiation-package"
    assert sorted(files_of(package)) == sorted([*EXPECTED, "manifest.json"])
    manifest = json.loads((package / "manifest.json").read_text(encoding="utf-8"))
    assert [entry["path"] for entry in manifest["files"]] == sorted(EXPECTED)
    assert [entry["role"] for entry in manifest["inputs"]] == ["draft", "previous"]
    assert manifest["inputs"][0]["name"] == "round-2.yaml"
    assert (package / "draft/round-2.yaml").read_bytes() == Path(ROUND_2).read_bytes()


def test_verify_passes_on_the_folder_and_the_zip(built, runner):
    for target in ("negotiation-package", "negotiation-package.zip"):
        result = runner.invoke(main, ["verify", str(built / target)])
        assert result.exit_code == 0, result.output
        assert result.stdout == manifest_line(built / "negotiation-package")
        assert result.stderr.endswith(f"{target}: intact ({len(EXPECTED)} files, peacedraft 0.1.0)\n")


@pytest.fixture
def copy(built, tmp_path) -> Path:
    """Return a fresh copy of the built package folder."""
    return Path(shutil.copytree(built / "negotiation-package", tmp_path / "copy"))


@pytest.mark.parametrize("name", [*EXPECTED, "manifest.json"])
def test_one_changed_byte_in_any_file_fails_verify_with_the_file_named(copy, runner, name):
    path = copy / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    result = runner.invoke(main, ["verify", str(copy)])
    if name == "manifest.json":
        assert result.exit_code in (1, 2) and result.output
        return
    assert result.exit_code == 1
    assert result.stdout == f"{manifest_line(copy)}altered: {name} (SHA-256 differs from the manifest)\n"
    assert result.stderr == f"{copy}: NOT intact (1 problem in {len(EXPECTED)} files)\n"


@pytest.mark.parametrize("name", EXPECTED)
def test_a_deleted_file_fails_verify_with_the_file_named(copy, runner, name):
    (copy / name).unlink()
    result = runner.invoke(main, ["verify", str(copy)])
    assert (result.exit_code, result.stdout) == (1, f"{manifest_line(copy)}missing: {name}\n")


def test_an_added_file_fails_verify_with_the_file_named(copy, runner):
    (copy / "text" / "notes.txt").write_text("mine")
    result = runner.invoke(main, ["verify", str(copy)])
    expected = f"{manifest_line(copy)}extra: text/notes.txt (not in the manifest)\n"
    assert (result.exit_code, result.stdout) == (1, expected)


def test_verify_refuses_what_is_not_a_package(runner, tmp_path):
    result = runner.invoke(main, ["verify", str(tmp_path)])
    message = f"peacedraft: {tmp_path}: no manifest.json: not a peacedraft package [PD-E071]\n"
    assert (result.exit_code, result.stderr) == (2, message)


def test_two_builds_are_byte_identical(built, tmp_path):
    """A build by a process with another hash seed gives the same files and zip."""
    target = tmp_path / "negotiation-package"
    stdout_elsewhere("import cli; cli.main()", "package", ROUND_2, "--against", ROUND_1, "-o", str(target), "--zip")
    assert files_of(target) == files_of(built / "negotiation-package")
    assert (tmp_path / "negotiation-package.zip").read_bytes() == (built / "negotiation-package.zip").read_bytes()


def test_source_date_epoch_dates_the_zip_entries(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    result = runner.invoke(main, ["package", str(BASE_DRAFT), "-o", str(tmp_path / "p"), "--zip"])
    assert result.exit_code == 0, result.output
    import zipfile

    with zipfile.ZipFile(tmp_path / "p.zip") as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        assert archive.namelist()[0].startswith("p/")


def test_the_draft_as_json_is_itself_a_draft_equal_to_the_yaml(built):
    folder = built / "negotiation-package" / "draft"
    from_json, from_yaml = (load_agreement(str(folder / name)) for name in ("round-2.json", "round-2.yaml"))
    assert from_json.model_dump() == from_yaml.model_dump()


def test_an_existing_package_is_not_replaced_without_force(built, runner, tmp_path):
    target = Path(shutil.copytree(built / "negotiation-package", tmp_path / "pkg"))
    result = runner.invoke(main, ["package", str(BASE_DRAFT), "-o", str(target)])
    message = f"peacedraft: {target}: already exists (use --force to replace it) [PD-E050]\n"
    assert (result.exit_code, result.stderr) == (2, message)
    assert (target / "cover-memo.docx").exists() and (target / "redline").exists()
    result = runner.invoke(main, ["package", str(BASE_DRAFT), "-o", str(target), "--force"])
    assert result.exit_code == 0, result.output
    assert not (target / "redline").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pkg"]


def test_a_draft_with_consistency_errors_is_refused_with_its_findings(runner, tmp_path, base_text):
    draft = tmp_path / "bad.yaml"
    draft.write_text(mutate(base_text, "parties: [rok, dprk]", "parties: [rok, dprk, usa]"), encoding="utf-8")
    result = runner.invoke(main, ["package", str(draft), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].endswith(": final.parties: error: unknown party 'usa' [references-resolve]")
    assert lines[-1] == (f"peacedraft: {draft}: package refused: 1 consistency error (fix them, or add "
                         "--allow-findings to list them in the memo) [PD-E070]")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.yaml"]
    allowed = runner.invoke(main, ["package", str(draft), "-o", str(tmp_path / "out"), "--allow-findings"])
    assert allowed.exit_code == 0, allowed.output
    assert allowed.stderr == (f"wrote {tmp_path / 'out'}/ (14 files and manifest.json, "
                              "1 consistency error listed in the memo)\n")
    memo = "\n".join(p.text for p in docx.Document(str(tmp_path / "out" / "cover-memo.docx")).paragraphs)
    assert "unknown party 'usa'" in memo


def test_without_a_previous_round_there_is_no_redline(runner, tmp_path):
    result = runner.invoke(main, ["package", str(BASE_DRAFT), "-o", str(tmp_path / "p")])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "p" / "redline").exists() and (tmp_path / "p" / "cover-memo.docx").exists()


def test_progress_shows_each_stage_on_a_terminal_only(runner, tmp_path, monkeypatch):
    monkeypatch.setattr("cli._stderr_is_terminal", lambda: True)
    result = runner.invoke(main, ["package", str(BASE_DRAFT), "-o", str(tmp_path / "p")])
    assert result.exit_code == 0, result.output
    assert "\r\x1b[K[1/8] clean text…" in result.stderr and "[8/8] manifest…" in result.stderr
    monkeypatch.setattr("cli._stderr_is_terminal", lambda: False)
    result = runner.invoke(main, ["package", str(BASE_DRAFT), "-o", str(tmp_path / "q")])
    assert "\x1b" not in result.stderr and "[1/8]" not in result.stderr


@pytest.mark.parametrize("args, message", [
    (["package", "--against", ROUND_1], "--against needs a DRAFT"),
    (["package", "missing.yaml"], "missing.yaml:1:1: -: no such file"),
])
def test_package_usage_and_input_errors_exit_2(runner, tmp_path, args, message):
    result = runner.invoke(main, [*args, "-o", str(tmp_path / "p")])
    assert result.exit_code == 2 and message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_previous_round_may_come_from_git(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("draft.yaml").write_bytes(Path(ROUND_1).read_bytes())
    for command in (["init", "-q"], ["add", "draft.yaml"],
                    ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "round 1"]):
        subprocess.run(["git", *command], check=True, capture_output=True)
    Path("draft.yaml").write_bytes(Path(ROUND_2).read_bytes())
    result = runner.invoke(main, ["package", "draft.yaml", "--against", "HEAD:draft.yaml", "-o", "p"])
    assert result.exit_code == 0, result.output
    report = json.loads(Path("p/redline/changes.json").read_text(encoding="utf-8"))
    assert (report["old"]["file"], report["new"]["file"]) == ("HEAD:draft.yaml", "draft.yaml")
    assert Path("p/draft/draft.previous.yaml").read_bytes() == Path(ROUND_1).read_bytes()
