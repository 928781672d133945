"""The judged query set: queries a reviewer would type find the provisions the fact sheet says they should."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.judged import judged_queries, mean_reciprocal_rank, recall_at_10, scores
from precedents.corpus import load_corpus
from precedents.index import SearchIndex

QUERIES = judged_queries()


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    """Return an index of the shipped corpus built in a fresh cache."""
    return SearchIndex.for_folders(folder=tmp_path_factory.mktemp("cache"))


def test_the_set_has_forty_queries_of_every_kind_each_naming_provisions_of_the_corpus():
    kinds = Counter(judged.kind for judged in QUERIES)
    assert len(QUERIES) >= 40 and set(kinds) == {"words", "phrase", "abbreviation", "korean", "chinese"}
    assert min(kinds.values()) >= 5
    provisions = load_corpus().provisions
    assert [key for judged in QUERIES for key in judged.expect if key not in provisions] == []


def test_recall_at_10_is_at_least_0_9(index):
    results = scores(lambda query: [key for key, _ in index.search(query, limit=10)], QUERIES)
    missed = {score.judged.query: score.missed for score in results if score.missed}
    assert recall_at_10(results) >= 0.9, missed
    assert mean_reciprocal_rank(results) >= 0.7


def test_the_measure_can_fail():
    nothing = scores(lambda query: [], QUERIES[:3])
    assert recall_at_10(nothing) == 0 and mean_reciprocal_rank(nothing) == 0
