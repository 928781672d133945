"""Benchmark: check-languages on a 1,000-clause synthetic draft in three languages, beside composing its text.

Run: python bench/bench_languages.py [--repeat N] [--clauses N]
The check composes every node's text in every language (the floor, reported beside it) and reads each
text once; the target is under 1 s for 1,000 clauses.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from agreements.authentic.check import check_languages  # noqa: E402
from agreements.document.compose import compose  # noqa: E402
from agreements.drafts import parse_agreement  # noqa: E402
from bench.synthetic import synthetic_yaml  # noqa: E402
from bench.timing import median_seconds  # noqa: E402

LANGUAGES = ("en", "ko", "zh")


def main() -> None:
    """Print the median time of the check and of composing the same text, and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--clauses", type=int, default=1000)
    arguments = parser.parse_args()
    text = synthetic_yaml(arguments.clauses, LANGUAGES)

    def fresh():
        return parse_agreement(text, "synthetic.yaml")

    agreements = [fresh() for _ in range(arguments.repeat * 2)]
    findings = check_languages(fresh())
    check = median_seconds(lambda: check_languages(agreements.pop()), arguments.repeat)
    floor = median_seconds(lambda: compose(agreements.pop(), list(LANGUAGES)), arguments.repeat)
    print(f"check-languages, {arguments.clauses} clauses × {len(LANGUAGES)} languages: median {check:.3f} s "
          f"({len(findings)} findings)")
    print(f"composing the same text (the floor):                  median {floor:.3f} s")
    print(f"ratio check / compose: {check / floor:.2f}; target under 1 s: {'met' if check < 1 else 'NOT met'}")


if __name__ == "__main__":
    main()
