"""The error catalogue: every code the source raises is documented in docs/errors.md, and every error carries one."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*ROOT.glob("agreements/**/*.py"), *ROOT.glob("clauses/**/*.py"), *ROOT.glob("precedents/**/*.py"),
           *ROOT.glob("workbench/**/*.py"),
           ROOT / "cli.py"]
CODE = re.compile(r"PD-E\d{3}")
# DraftError itself is made from Problems, which carry the codes
ERRORS = {"DraftError.at", "OutputError", "InputError", "FindingsError", "RenderError", "LibraryError", "Problem",
          "_Refused"}


def raised_codes() -> set[str]:
    """Return every error code written in the source."""
    return {code for path in SOURCES for code in CODE.findall(path.read_text(encoding="utf-8"))}


def documented_codes() -> list[str]:
    """Return the codes of the catalogue's headings, in order."""
    text = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    return re.findall(r"^## (PD-E\d{3}) — ", text, re.M)


def test_every_code_raised_is_documented_and_every_documented_code_is_raised():
    documented = documented_codes()
    assert len(documented) == len(set(documented)), "a code is documented twice"
    assert documented == sorted(documented)
    assert raised_codes() == set(documented)


def _call_name(node: ast.Call) -> str:
    """Return the name a call is made by ('DraftError.at' → 'DraftError')."""
    function = node.func
    if isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name):
        return f"{function.value.id}.at" if function.attr == "at" else function.attr
    return function.id if isinstance(function, ast.Name) else ""


def _has_code(node: ast.Call) -> bool:
    """Return whether a call passes an error code (a PD-E literal, a `code=`, or a value carrying one)."""
    values = [*node.args, *(keyword.value for keyword in node.keywords)]
    for value in values:
        if isinstance(value, ast.Constant) and isinstance(value.value, str) and CODE.fullmatch(value.value):
            return True
        if isinstance(value, (ast.Attribute, ast.Name, ast.Call)) and "code" in ast.unparse(value).lower():
            return True
        if isinstance(value, ast.Name) and value.id in ("USAGE_ERROR",):
            return True
    return any(keyword.arg == "code" for keyword in node.keywords)


def test_every_error_is_made_with_a_code():
    missing = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _call_name(node) in ERRORS and not _has_code(node):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert missing == []


def test_the_checks_see_a_missing_code():
    tree = ast.parse('raise InputError(f"{path}: bad")\nraise InputError("x", "PD-E010")')
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    assert [_has_code(call) for call in calls] == [False, True]
    assert "PD-E999" not in documented_codes()
