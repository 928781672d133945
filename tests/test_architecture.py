"""The invariants of the layout: each kind of knowledge has one home, and imports go one way only.

- No topic id is written in library Python other than in its own module and the topic list (a string that
  is only spelt like one inside a Literal[...] enumeration, or in a docstring, is not a use of the topic).
- No language code is written in library Python other than the default language's one definition.
- Imports follow the layers: clauses < agreements < precedents < agreements.package < cli and workbench.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from clauses.languages import DEFAULT_LANGUAGE, LANGUAGES
from clauses.topics import TOPICS

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = sorted([*ROOT.glob("clauses/**/*.py"), *ROOT.glob("agreements/**/*.py"), *ROOT.glob("precedents/**/*.py"),
                  *ROOT.glob("workbench/**/*.py"), ROOT / "cli.py"])
LAYERS = (("templates", 0), ("clauses", 0), ("agreements.package", 3), ("agreements", 1), ("precedents", 2),
          ("cli", 4), ("workbench", 4))
MAX_LINES = 400


def module_name(path: Path) -> str:
    """Return a source file's dotted module name ('agreements/render/text.py' → 'agreements.render.text')."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int | None:
    """Return the layer of a peacedraft module, or None for a module of another project."""
    return next((number for prefix, number in LAYERS if module == prefix or module.startswith(prefix + ".")), None)


def imported_modules(tree: ast.AST, module: str) -> list[tuple[int, str]]:
    """Return every module a file imports, anywhere in it (inside functions too), with the line."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.rsplit(".", node.level)[0]
                base = f"{package}.{base}" if base else package
            found.append((node.lineno, base))
    return found


def strings(tree: ast.AST) -> list[tuple[int, str]]:
    """Return the string constants of a file, leaving out docstrings and the values of Literal[...] types."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skipped.add(id(first.value))
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Literal":
            skipped |= {id(inner) for inner in ast.walk(node.slice)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped]


@pytest.mark.parametrize("path", LIBRARY, ids=lambda path: str(path.relative_to(ROOT)))
def test_imports_follow_the_layers(path):
    module = module_name(path)
    own = layer(module)
    against = [f"line {line}: {target}" for line, target in imported_modules(ast.parse(path.read_text()), module)
               if layer(target) is not None and layer(target) > own]
    assert against == [], f"{module} (layer {own}) imports a higher layer"


@pytest.mark.parametrize("path", LIBRARY, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_topic_id_outside_its_own_module_and_the_topic_list(path):
    if path == ROOT / "clauses" / "topics.py":
        return
    named = [f"line {line}: {value}" for line, value in strings(ast.parse(path.read_text()))
             if value in TOPICS and path.stem != value]
    assert named == []


@pytest.mark.parametrize("path", LIBRARY, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_language_code_beyond_the_default(path):
    tree = ast.parse(path.read_text())
    definition = {(node.lineno, DEFAULT_LANGUAGE) for node in ast.walk(tree) if isinstance(node, ast.Assign)
                  and [getattr(target, "id", None) for target in node.targets] == ["DEFAULT_LANGUAGE"]}
    named = [(line, value) for line, value in strings(tree) if value in LANGUAGES]
    assert [f"line {line}: {value}" for line, value in named if (line, value) not in definition] == []


@pytest.mark.parametrize("path", [path for path in LIBRARY if path.name != "cli.py"],
                         ids=lambda path: str(path.relative_to(ROOT)))
def test_library_modules_stay_small(path):
    assert len(path.read_text().splitlines()) <= MAX_LINES


def test_the_checks_can_fail():
    source = ('"""Doc naming foreign_forces."""\nimport precedents.index\nKind = Literal["foreign_forces"]\n'
              'LANES = {"foreign_forces": "military"}\nNAME = "ko"\n')
    tree = ast.parse(source)
    assert [value for _, value in strings(tree) if value in TOPICS] == ["foreign_forces"]
    assert [value for _, value in strings(tree) if value in LANGUAGES] == ["ko"]
    assert [target for _, target in imported_modules(tree, "agreements.rules.registry")
            if layer(target) > layer("agreements.rules.registry")] == ["precedents.index"]
