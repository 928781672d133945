"""The judged query set: queries a reviewer would type, and recall@10 and mean reciprocal rank of a search over them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

JUDGED = Path(__file__).resolve().parent.parent / "tests" / "precedents" / "judged_queries.yaml"
TOP = 10


@dataclass(frozen=True)
class Judged:
    """One query, what kind of query it is, and the provisions that must come back in the top ten."""

    query: str
    kind: str
    expect: tuple[str, ...]


@dataclass(frozen=True)
class Score:
    """How a search did on one query: the share of its provisions in the top ten, and 1/rank of the first."""

    judged: Judged
    found: tuple[str, ...]

    @property
    def recall(self) -> float:
        """Return the share of the expected provisions in the top ten."""
        return sum(key in self.found[:TOP] for key in self.judged.expect) / len(self.judged.expect)

    @property
    def reciprocal_rank(self) -> float:
        """Return 1 / the rank of the first expected provision found (0 when none is)."""
        ranks = [rank for rank, key in enumerate(self.found, 1) if key in self.judged.expect]
        return 1 / ranks[0] if ranks else 0.0

    @property
    def missed(self) -> list[str]:
        """Return the expected provisions not in the top ten."""
        return [key for key in self.judged.expect if key not in self.found[:TOP]]


def judged_queries(path: Path = JUDGED) -> list[Judged]:
    """Return the judged queries of a file."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return [Judged(str(item["query"]), item["kind"], tuple(item["expect"])) for item in data["queries"]]


def scores(search, queries: list[Judged]) -> list[Score]:
    """Return how a search (query → provision ids, best first) did on each judged query."""
    return [Score(judged, tuple(search(judged.query))) for judged in queries]


def recall_at_10(results: list[Score]) -> float:
    """Return the mean share of expected provisions in the top ten, over the queries."""
    return sum(score.recall for score in results) / len(results)


def mean_reciprocal_rank(results: list[Score]) -> float:
    """Return the mean over the queries of 1 / the rank of the first expected provision."""
    return sum(score.reciprocal_rank for score in results) / len(results)
