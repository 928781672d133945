"""The command line: exact messages, exit codes, files written whole, help with examples."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from agreements.examples import example_bytes
from cli import main
from tests.conftest import BASE_DRAFT, mutate


def test_new_writes_a_minimal_valid_draft(runner, tmp_path):
    target = tmp_path / "draft.yaml"
    result = runner.invoke(main, ["new", str(target)])
    assert (result.exit_code, result.stderr) == (0, f"wrote {target}\n")
    assert runner.invoke(main, ["validate", str(target)]).exit_code == 0
    strict = runner.invoke(main, ["validate", "--strict", str(target)])
    assert strict.exit_code == 1
    assert f"{target}:22:3: -: warning: the 1953 Armistice's prisoners_of_war (¶51–58): open — neither replaced, " \
           "continued nor terminated by a settled clause [armistice-coverage]" in strict.stdout.splitlines()
    assert "error" not in strict.stdout


@pytest.mark.parametrize("name", ["round-1", "round-2"])
def test_new_copies_a_shipped_example(runner, tmp_path, name):
    target = tmp_path / "example.yaml"
    result = runner.invoke(main, ["new", str(target), "--example", name])
    assert result.exit_code == 0
    assert target.read_bytes() == example_bytes(name)


def test_new_does_not_overwrite_without_force(runner, tmp_path):
    target = tmp_path / "draft.yaml"
    target.write_text("mine")
    result = runner.invoke(main, ["new", str(target)])
    assert (result.exit_code, result.stderr) == (2, f"peacedraft: {target}: already exists (use --force to replace it) [PD-E050]\n")
    assert target.read_text() == "mine"
    assert runner.invoke(main, ["new", str(target), "--force"]).exit_code == 0
    assert target.read_text() != "mine"


def test_new_into_a_missing_folder(runner, tmp_path):
    target = tmp_path / "nowhere" / "draft.yaml"
    result = runner.invoke(main, ["new", str(target)])
    assert (result.exit_code, result.stderr) == (2, f"peacedraft: {target}: folder {target.parent} does not exist [PD-E051]\n")


def test_new_refuses_an_unknown_example(runner, tmp_path):
    result = runner.invoke(main, ["new", str(tmp_path / "x.yaml"), "--example", "round-9"])
    assert result.exit_code == 2
    assert "'round-9' is not one of 'round-1', 'round-2'" in result.stderr


def test_validate_clean_draft(runner):
    result = runner.invoke(main, ["validate", str(BASE_DRAFT)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"{BASE_DRAFT}: valid (0 errors, 0 warnings)\n")


@pytest.mark.parametrize("name", ["round-1", "round-2"])
def test_validate_shipped_rounds_strictly(runner, tmp_path, name):
    target = tmp_path / f"{name}.yaml"
    target.write_bytes(example_bytes(name))
    result = runner.invoke(main, ["validate", "--strict", str(target)])
    assert (result.exit_code, result.stdout) == (0, "")


def test_validate_json_report(runner, tmp_path, base_text):
    path = tmp_path / "d.yaml"
    path.write_text(mutate(base_text, "from_zone: dmz", "from_zone: dmzz"), encoding="utf-8")
    result = runner.invoke(main, ["validate", "--format", "json", str(path)])
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert (report["valid"], report["errors"], report["warnings"]) == (False, 1, 1)
    assert report["findings"][0] == {
        "rule": "references-resolve", "severity": "error", "node": "pullback.distance", "line": 43, "column": 24,
        "message": "unknown zone 'dmzz' (did you mean 'dmz'?)",
    }


def test_warnings_fail_only_under_strict(runner, tmp_path, base_text):
    path = tmp_path / "d.yaml"
    path.write_text(mutate(base_text, "transferred_to: jmc", "transferred_to: unc").replace("by: [jmc]", "by: [rok]"))
    assert runner.invoke(main, ["validate", str(path)]).exit_code == 0
    strict = runner.invoke(main, ["validate", "--strict", str(path)])
    assert strict.exit_code == 1
    assert strict.stdout.splitlines()[0].endswith("warning: body 'jmc' is registered but never named [unused-registry-entries]")
    assert strict.stderr.startswith(f"{path}: valid (0 errors, ")


def test_schema_to_stdout_and_to_file(runner, tmp_path):
    printed = runner.invoke(main, ["schema"])
    assert printed.exit_code == 0
    schema = json.loads(printed.stdout)
    assert schema["title"] == "peacedraft draft" and "Agreement" not in schema["$defs"]
    target = tmp_path / "schema.json"
    assert runner.invoke(main, ["schema", "-o", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8") == printed.stdout


@pytest.mark.parametrize("command", ["new", "validate", "schema"])
def test_every_command_help_has_an_example(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert f"Example: peacedraft {command}" in result.stdout


def test_usage_errors_exit_2(runner):
    assert runner.invoke(main, ["validate"]).exit_code == 2
    assert runner.invoke(main, ["no-such-command"]).exit_code == 2


def test_help_imports_no_heavy_modules():
    code = "import sys, cli; cli.main(['--help'], standalone_mode=False); print(sorted(m for m in ('pydantic', 'docx', 'ruamel', 'jinja2', 'lxml') if m in sys.modules))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.splitlines()[-1] == "[]"
