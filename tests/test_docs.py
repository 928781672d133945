"""The documentation names every command, clause kind and rule that exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from agreements.rules.registry import RULES
from cli import main
from clauses.registry import KINDS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DRAFTS_DOC = (ROOT / "docs" / "drafts.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_readme_lists_every_command(command):
    assert f"`peacedraft {command}" in README


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_format_doc_lists_every_kind(kind):
    assert f"| `{kind}` |" in DRAFTS_DOC


@pytest.mark.parametrize("rule", [name for name, _ in RULES])
def test_format_doc_lists_every_rule(rule):
    assert f"| `{rule}` |" in DRAFTS_DOC


def test_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[test]'" in README and "pip install --quiet -e '.[test]'" in ci
    assert "python -m pytest -q" in README and "python -m pytest -q" in ci
