"""The shipped templates, once compiled, are kept in the cache folder; without one, rendering still works."""

from __future__ import annotations

import pytest

from agreements.drafts import load_agreement
from agreements.render.text import render_document as render_text
from clauses import rendering
from tests.conftest import BASE_DRAFT


@pytest.fixture
def fresh_environment():
    """Forget the environments built so far, before and after the test."""
    rendering.environment.cache_clear()
    yield
    rendering.environment.cache_clear()


def test_compiled_templates_are_kept_in_the_cache_folder(tmp_path, monkeypatch, fresh_environment):
    monkeypatch.setenv("PEACEDRAFT_CACHE", str(tmp_path))
    text = render_text(load_agreement(str(BASE_DRAFT)), "en")
    kept = sorted((tmp_path / "templates").iterdir())
    assert kept and all(path.suffix == ".cache" for path in kept)
    rendering.environment.cache_clear()
    assert render_text(load_agreement(str(BASE_DRAFT)), "en") == text


def test_without_a_cache_folder_templates_are_compiled_each_time(tmp_path, monkeypatch, fresh_environment):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("PEACEDRAFT_CACHE", str(tmp_path / "file"))
    assert rendering.environment().bytecode_cache is None
    assert "Article 1" in render_text(load_agreement(str(BASE_DRAFT)), "en")


def test_user_templates_are_not_cached(tmp_path, monkeypatch, fresh_environment):
    monkeypatch.setenv("PEACEDRAFT_CACHE", str(tmp_path))
    assert rendering.environment(tmp_path).bytecode_cache is None
