"""Benchmark: a synthetic corpus at PA-X scale (2,000 agreements, 50,000 provisions) and a 1,000-clause draft.

Run: python bench/bench_precedents.py [--agreements N] [--per-agreement N]
Reports the time to build the FTS5 index (parsing every file included) and to compare the draft once it is built.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ruamel.yaml import YAML  # noqa: E402

from agreements.model import Agreement  # noqa: E402
from bench.synthetic import synthetic_agreement  # noqa: E402
from clauses.measures import MEASURES  # noqa: E402
from clauses.topics import TOPICS  # noqa: E402
from precedents.compare import compare_with_precedents  # noqa: E402
from precedents.index import SearchIndex  # noqa: E402

WORDS = ("withdrawal forces troops zone commission supervision ceasefire line demilitarized days prisoners "
         "repatriation inspection border crossing nuclear weapons verification parties guarantee conference "
         "liaison office exchange reduction artillery control settlement dispute arbitration treaty").split()
DAY_MEASURES = [measure.id for measure in MEASURES if measure.unit == "days"]
KM_MEASURES = [measure.id for measure in MEASURES if measure.unit == "km"]
BASES = [["S"], ["T"], ["T", "S"], ["A", "C"], ["X", "S"]]


def synthetic_corpus(folder: Path, agreements: int, per_agreement: int) -> None:
    """Write a folder of synthetic precedent files (fictional, for timing only)."""
    chance = random.Random(7)
    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    for number in range(agreements):
        key = f"synthetic-{number:05d}"
        provisions = []
        for index in range(per_agreement):
            parameters: dict = {"as_stated": "synthetic"}
            quantities = []
            if index % 3 == 0:
                quantities.append({"measure": chance.choice(DAY_MEASURES), "value": chance.randrange(1, 400)})
            if index % 5 == 0:
                quantities.append({"measure": chance.choice(KM_MEASURES), "value": chance.randrange(1, 30),
                                   "approximate": index % 10 == 0})
            if quantities:
                parameters["quantities"] = quantities
            provisions.append({"id": f"{key}.p{index}", "citation": f"Art. {index + 1}", "basis": list(chance.choice(BASES)),
                               "topics": chance.sample(TOPICS, 2), "parameters": parameters,
                               "paraphrase": " ".join(chance.choices(WORDS, k=18)).capitalize() + "."})
        data = {"id": key, "title": f"Synthetic agreement {number}", "short_title": f"Synthetic {number}",
                "date": "2000-01-01", "region": "korea", "context": "A fictional agreement for benchmarking.",
                "provisions": provisions}
        with open(folder / f"{key}.yaml", "w", encoding="utf-8") as stream:
            yaml.dump(data, stream)


def main() -> None:
    """Print the precedent benchmark."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--agreements", type=int, default=2000)
    parser.add_argument("--per-agreement", type=int, default=25)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus, cache = Path(folder) / "corpus", Path(folder) / "cache"
        corpus.mkdir()
        synthetic_corpus(corpus, arguments.agreements, arguments.per_agreement)
        total = arguments.agreements * arguments.per_agreement
        start = time.perf_counter()
        index = SearchIndex.for_folders([str(corpus)], cache)
        build = time.perf_counter() - start
        print(f"build the index of {total:,} provisions (+ the shipped corpus), files parsed: {build:.2f} s")
        draft = Agreement.model_validate(synthetic_agreement(1000))
        start = time.perf_counter()
        index = SearchIndex.for_folders([str(corpus)], cache)
        comparison = compare_with_precedents(draft, index)
        elapsed = time.perf_counter() - start
        print(f"compare a 1,000-clause draft with the built index: {elapsed:.2f} s "
              f"({len(comparison.clauses)} clauses with precedents)")


if __name__ == "__main__":
    main()
