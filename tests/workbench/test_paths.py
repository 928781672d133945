"""Confinement: only plain relative paths inside the served folder, with no symbolic link on the way."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from workbench.paths import OutsideFolderError, confined


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """Return a served folder with a draft, a subfolder, and links out of it and inside it."""
    folder = (tmp_path / "served").resolve()
    (folder / "sub").mkdir(parents=True)
    (folder / "draft.yaml").write_text("x")
    (folder / "sub" / "inner.yaml").write_text("x")
    (tmp_path / "secret.yaml").write_text("secret")
    os.symlink(tmp_path / "secret.yaml", folder / "out.yaml")
    os.symlink(tmp_path, folder / "outdir")
    os.symlink(folder / "draft.yaml", folder / "alias.yaml")
    return folder


def test_plain_paths_inside_are_given(root: Path):
    assert confined(root, "draft.yaml") == root / "draft.yaml"
    assert confined(root, "sub/inner.yaml") == root / "sub" / "inner.yaml"
    assert confined(root, "not-yet.yaml") == root / "not-yet.yaml"
    assert confined(root, "./sub//inner.yaml") == root / "sub" / "inner.yaml"


@pytest.mark.parametrize(("relative", "why"), [
    ("../secret.yaml", "a path that climbs out of the folder"),
    ("sub/../../secret.yaml", "a path that climbs out of the folder"),
    ("/etc/passwd", "not a plain relative path"),
    ("..%2fsecret.yaml", "not a plain relative path"),
    ("%2e%2e/secret.yaml", "not a plain relative path"),
    ("..\\secret.yaml", "not a plain relative path"),
    ("C:/Windows/win.ini", "not a plain relative path"),
    ("draft.yaml\x00.txt", "not a plain relative path"),
    ("", "not a plain relative path"),
    ("sub/", "a path that climbs out of the folder"),
    ("out.yaml", "a symbolic link"),
    ("outdir/secret.yaml", "a symbolic link"),
    ("alias.yaml", "a symbolic link"),
])
def test_detours_are_refused_with_their_reason(root: Path, relative: str, why: str):
    with pytest.raises(OutsideFolderError) as refused:
        confined(root, relative)
    assert str(refused.value) == f"{relative!r}: {why}; only files inside the served folder can be opened"
    assert refused.value.code == "PD-E111"


@given(st.lists(st.sampled_from(["..", ".", "sub", "draft.yaml", "out.yaml", "outdir", "%2e", "x"]),
                min_size=1, max_size=5))
def test_whatever_is_given_lies_inside_the_folder(parts):
    root = Path(__file__).resolve().parent
    try:
        path = confined(root, "/".join(parts))
    except OutsideFolderError:
        return
    assert path.resolve().is_relative_to(root)
    assert ".." not in path.relative_to(root).parts
