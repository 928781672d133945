"""Plain data kept in the cache folder (the language and library files parsed): built once per source, built again
when the source or the cache changes."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from clauses import language_files
from clauses import library as library_module
from clauses.cache import CACHE_VARIABLE, cached_data
from clauses.languages import LANGUAGE_FOLDER
from clauses.topics import TOPICS


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """Return an empty cache folder, the one peacedraft uses in the test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_VARIABLE, str(folder))
    return folder


def counting_build(calls: list[bytes]):
    """Return a build that records each source it is given and returns its text in a dict."""
    return lambda source: calls.append(source) or {"text": source.decode(), "items": [1, 2.5, None, True]}


def test_a_source_read_before_is_not_built_again(cache):
    """The second call returns the same data from the cache without building."""
    calls: list[bytes] = []
    first = cached_data("section", b"a: 1", counting_build(calls))
    assert cached_data("section", b"a: 1", counting_build(calls)) == first
    assert calls == [b"a: 1"]
    assert [path.suffix for path in (cache / "section").iterdir()] == [".marshal"]


def test_a_changed_source_is_built_again(cache):
    """Another source has another key."""
    calls: list[bytes] = []
    cached_data("section", b"a: 1", counting_build(calls))
    assert cached_data("section", b"a: 2", counting_build(calls))["text"] == "a: 2"
    assert calls == [b"a: 1", b"a: 2"]


def test_a_damaged_cache_file_is_built_again_and_replaced(cache):
    """A cache file cut short is not trusted: the data is built and the file written again."""
    calls: list[bytes] = []
    cached_data("section", b"a: 1", counting_build(calls))
    (kept,) = (cache / "section").iterdir()
    kept.write_bytes(kept.read_bytes()[:5])
    assert cached_data("section", b"a: 1", counting_build(calls))["text"] == "a: 1"
    assert cached_data("section", b"a: 1", counting_build(calls))["text"] == "a: 1"
    assert len(calls) == 2


def test_without_a_usable_cache_folder_the_data_is_built_each_time(tmp_path, monkeypatch):
    """A cache folder that is a file: nothing is kept, the data still comes back."""
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(CACHE_VARIABLE, str(blocked))
    calls: list[bytes] = []
    for _ in range(2):
        assert cached_data("section", b"a: 1", counting_build(calls))["text"] == "a: 1"
    assert len(calls) == 2


def test_data_the_cache_cannot_keep_is_returned_and_leaves_no_file(cache):
    """A date is not plain data for the cache: returned as built, and no file (nor temporary file) is left."""
    data = cached_data("section", b"d", lambda source: {"date": datetime.date(2026, 1, 1)})
    assert data == {"date": datetime.date(2026, 1, 1)}
    assert [path for path in cache.rglob("*") if path.is_file()] == []


def test_a_language_file_read_before_is_not_parsed_again(cache, monkeypatch):
    """The second reading of a language file takes its data from the cache, not from the YAML parser."""
    path = LANGUAGE_FOLDER / "en.yaml"
    first = language_files.read_language("en", path)

    class NoParser:
        def __init__(self, **options):
            raise AssertionError("the language file was parsed again")

    monkeypatch.setattr(language_files, "YAML", NoParser)
    assert language_files.read_language("en", path) == first


def test_a_library_file_read_before_is_not_parsed_again(cache, monkeypatch):
    """The second reading of a topic's options takes their data from the cache, not from the YAML parser."""
    path = library_module.LIBRARY / f"{TOPICS[0]}.yaml"
    first = library_module._load_topic(path)

    class NoParser:
        def __init__(self, **options):
            raise AssertionError("the library file was parsed again")

    monkeypatch.setattr(library_module, "YAML", NoParser)
    assert library_module._load_topic(path) == first
