"""Benchmark: importing a PA-X agreement-level table of 2,000 rows, and compare's PA-X overview of round 2.

Run: python bench/bench_pax.py [--rows N] [--repeat N]
The table is generated with the codebook's column names and random code values (nothing of PA-X itself); the
report gives the median wall time of the import (reading, checking every agreement against the corpus model,
writing every file) and of the overview compare adds for the imported folder, against the target of 10 s.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.timing import median_seconds  # noqa: E402
from clauses.topics import TOPICS  # noqa: E402
from precedents.pax import METADATA, import_pax, pax_codes, pax_overview  # noqa: E402

REGIONS = ("Africa (excl MENA)", "Americas", "Asia and Pacific", "Cross-regional", "Europe and Eurasia",
           "Middle East and North Africa")
TYPES = ("Inter", "InterIntra", "Intra")  # the codebook's three agreement types (Agtp)
STAGES = ("Pre", "SubPar", "SubComp", "FrCons", "Imp", "Ren", "Cea", "Other")  # the codebook's eight stages
TARGET_SECONDS = 10.0


def write_table(path: Path, rows: int, seed: int = 7) -> None:
    """Write a table of rows agreements with random records and code values (most codes absent)."""
    generator = random.Random(seed)
    codes = [code.code for code in pax_codes()]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*METADATA, *codes])
        for number in range(1, rows + 1):
            record = [str(number), f"Agreement {number} on the settlement of conflict {number % 150}",
                      f"{1990 + number % 33}-{1 + number % 12:02d}-{1 + number % 28:02d}", generator.choice(REGIONS),
                      f"Country {number % 90}", "Multiparty signed/agreed", generator.choice(TYPES),
                      generator.choice(STAGES)]
            writer.writerow(record + [str(generator.choice((0, 0, 0, 1, 2, 3))) for _ in codes])


def main() -> None:
    """Print the median import and overview times for a generated table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        table = Path(work) / "pax.csv"
        write_table(table, options.rows)
        folder = Path(work) / "pax"
        seconds = median_seconds(lambda: import_pax(str(table), str(folder)), options.repeat)
        files = len(list(folder.glob("pax-*.yaml")))
        overview = median_seconds(lambda: pax_overview(list(TOPICS), [folder]), options.repeat)
    print(f"import-pax: {options.rows:,} rows → {files:,} files: median {seconds:.2f} s of {options.repeat} "
          f"(target ≤ {TARGET_SECONDS:.0f} s: {'met' if seconds <= TARGET_SECONDS else 'NOT met'})")
    print(f"compare's PA-X overview of {files:,} agreements: median {overview:.2f} s of {options.repeat}")


if __name__ == "__main__":
    main()
