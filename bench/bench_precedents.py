"""Benchmark: a synthetic corpus at PA-X scale (2,000 agreements, 50,000 provisions) and a 1,000-clause draft.

Run: python bench/bench_precedents.py [--agreements N] [--per-agreement N] [--vocabulary toy|realistic|both]
Reports, for each vocabulary, the time to build the FTS5 index (parsing every file included), the median time
of a search (as `precedents search` runs it, snippets and reasons included) over many queries, and the time to
compare the draft once the index is built. The realistic vocabulary draws words by a Zipf-like distribution:
the words of the shipped corpus and of the fact sheet, ranked by how often they occur there, the word of rank r
drawn with weight 1/r. The toy vocabulary (35 words, drawn uniformly) is the earlier benchmark's, for comparison.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ruamel.yaml import YAML  # noqa: E402

from agreements.model import Agreement  # noqa: E402
from bench.synthetic import synthetic_agreement  # noqa: E402
from clauses.measures import MEASURES  # noqa: E402
from clauses.topics import TOPICS  # noqa: E402
from precedents.compare import compare_with_precedents  # noqa: E402
from precedents.corpus import load_corpus  # noqa: E402
from precedents.index import SearchIndex  # noqa: E402
from precedents.search import find  # noqa: E402

FACT_SHEET = Path(__file__).resolve().parents[2] / "shared" / "reference" / "precedents-factsheet.md"

WORDS = ("withdrawal forces troops zone commission supervision ceasefire line demilitarized days prisoners "
         "repatriation inspection border crossing nuclear weapons verification parties guarantee conference "
         "liaison office exchange reduction artillery control settlement dispute arbitration treaty").split()
DAY_MEASURES = [measure.id for measure in MEASURES if measure.unit == "days"]
KM_MEASURES = [measure.id for measure in MEASURES if measure.unit == "km"]
BASES = [["S"], ["T"], ["T", "S"], ["A", "C"], ["X", "S"]]


class Vocabulary:
    """Words to draw from, each with its weight: uniform (the toy vocabulary) or by rank (Zipf-like)."""

    def __init__(self, name: str, words: list[str], weights: list[float] | None = None):
        self.name, self.words, self.weights = name, words, weights

    def draw(self, chance: random.Random, count: int) -> list[str]:
        """Return count words drawn by the vocabulary's weights."""
        return chance.choices(self.words, weights=self.weights, k=count)


def realistic_vocabulary() -> Vocabulary:
    """Return the words of the shipped corpus and the fact sheet ranked by frequency, weighted 1/rank (Zipf)."""
    texts = [f"{provision.paraphrase} {provision.parameters.as_stated or ''}"
             for _, provision in load_corpus().provisions.values()]
    if FACT_SHEET.exists():
        texts.append(FACT_SHEET.read_text(encoding="utf-8"))
    counts = Counter(word for text in texts for word in re.findall(r"[a-z][a-z'-]+", text.lower()))
    ranked = [word for word, _ in counts.most_common()]
    return Vocabulary(f"realistic ({len(ranked):,} words, Zipf by rank)", ranked,
                      [1 / rank for rank in range(1, len(ranked) + 1)])


TOY = Vocabulary(f"toy ({len(WORDS)} words, uniform)", WORDS)


def synthetic_corpus(folder: Path, agreements: int, per_agreement: int, vocabulary: Vocabulary = TOY) -> None:
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
                               "paraphrase": " ".join(vocabulary.draw(chance, 18)).capitalize() + "."})
        data = {"id": key, "title": f"Synthetic agreement {number}", "short_title": f"Synthetic {number}",
                "date": "2000-01-01", "region": "korea", "context": "A fictional agreement for benchmarking.",
                "provisions": provisions}
        with open(folder / f"{key}.yaml", "w", encoding="utf-8") as stream:
            yaml.dump(data, stream)


def queries(vocabulary: Vocabulary, count: int) -> list[str]:
    """Return queries a reviewer might type: one to three words drawn from the vocabulary, and abbreviations."""
    chance = random.Random(11)
    drawn = [" ".join(vocabulary.draw(chance, chance.randint(1, 3))) for _ in range(count)]
    return drawn + ["DMZ", "withdrawal of troops", "비무장지대", "撤军", "NNSC inspection teams"]


def measure(vocabulary: Vocabulary, agreements: int, per_agreement: int, searches: int) -> None:
    """Print the build, search and compare times for a corpus drawn from one vocabulary."""
    with tempfile.TemporaryDirectory() as folder:
        corpus, cache = Path(folder) / "corpus", Path(folder) / "cache"
        corpus.mkdir()
        synthetic_corpus(corpus, agreements, per_agreement, vocabulary)
        total = agreements * per_agreement
        start = time.perf_counter()
        index = SearchIndex.for_folders([str(corpus)], cache)
        build = time.perf_counter() - start
        print(f"{vocabulary.name}:")
        print(f"  build the index of {total:,} provisions (+ the shipped corpus), files parsed: {build:.2f} s")
        times = []
        for query in queries(vocabulary, searches):
            start = time.perf_counter()
            find(index, query)
            times.append(time.perf_counter() - start)
        print(f"  a search (20 hits, snippets and reasons): median {statistics.median(times) * 1000:.1f} ms, "
              f"90th percentile {statistics.quantiles(times, n=10)[-1] * 1000:.1f} ms over {len(times)} queries")
        draft = Agreement.model_validate(synthetic_agreement(1000))
        start = time.perf_counter()
        index = SearchIndex.for_folders([str(corpus)], cache)
        comparison = compare_with_precedents(draft, index)
        elapsed = time.perf_counter() - start
        print(f"  compare a 1,000-clause draft with the built index: {elapsed:.2f} s "
              f"({len(comparison.clauses)} clauses with precedents)")
        print(f"  if no two clauses shared their words: {distinct_clauses(index, vocabulary, comparison):.2f} s "
              "more at most (a ranking search per clause, each with new words)")


def distinct_clauses(index: SearchIndex, vocabulary: Vocabulary, comparison) -> float:
    """Return the time of one ranking search per compared clause, each with ten words never searched before."""
    chance = random.Random(13)
    topics = [clause.topic for clause in comparison.clauses]
    start = time.perf_counter()
    for topic in topics:
        words = index.telling_words(" ".join(vocabulary.draw(chance, 40)))
        if words:
            index.search(words, topic=topic, limit=32, any_word=True)
    return time.perf_counter() - start


def main() -> None:
    """Print the precedent benchmark, for the toy and the realistic vocabulary in the same run."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--agreements", type=int, default=2000)
    parser.add_argument("--per-agreement", type=int, default=25)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--vocabulary", choices=("toy", "realistic", "both"), default="both")
    arguments = parser.parse_args()
    chosen = {"toy": [TOY], "realistic": [realistic_vocabulary()], "both": [TOY, realistic_vocabulary()]}
    for vocabulary in chosen[arguments.vocabulary]:
        measure(vocabulary, arguments.agreements, arguments.per_agreement, arguments.searches)


if __name__ == "__main__":
    main()
