"""Benchmark: recall@10 and mean reciprocal rank of precedent search over the judged query set, by kind of query.

Run: python bench/bench_search.py
The judged queries are tests/precedents/judged_queries.yaml; the index is built in a temporary cache.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.judged import judged_queries, mean_reciprocal_rank, recall_at_10, scores  # noqa: E402
from precedents.index import SearchIndex  # noqa: E402


def main() -> None:
    """Print recall@10 and MRR over the judged queries, in all and by kind, and the queries that miss."""
    queries = judged_queries()
    with tempfile.TemporaryDirectory() as cache:
        index = SearchIndex.for_folders(folder=Path(cache))
        results = scores(lambda query: [key for key, _ in index.search(query, limit=10)], queries)
        index.connection.close()
    print(f"{len(queries)} judged queries: recall@10 {recall_at_10(results):.3f}, "
          f"mean reciprocal rank {mean_reciprocal_rank(results):.3f}")
    for kind in dict.fromkeys(judged.kind for judged in queries):
        part = [score for score in results if score.judged.kind == kind]
        print(f"  {kind:13} {len(part):3} queries: recall@10 {recall_at_10(part):.3f}, "
              f"MRR {mean_reciprocal_rank(part):.3f}")
    for score in results:
        if score.missed:
            print(f"  missed in the top 10 for {score.judged.query!r}: {', '.join(score.missed)}")


if __name__ == "__main__":
    main()
