"""Benchmark: load + validate synthetic drafts of 1,000 and 10,000 clauses, and CLI start-up time.

Run: python bench/bench_load.py [--repeat N]
Reports medians; the ratio of the two sizes shows whether time grows linearly.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from agreements.drafts import load_agreement  # noqa: E402
from agreements.rules.registry import check  # noqa: E402
from bench.timing import median_seconds  # noqa: E402
from bench.synthetic import synthetic_yaml  # noqa: E402


def load_and_validate(path: str) -> None:
    """Load a draft and run every rule; fail loudly if the synthetic draft is not clean."""
    findings = [f for f in check(load_agreement(path)) if f.severity == "error"]
    if findings:
        raise SystemExit(f"synthetic draft has findings: {findings[:3]}")


def main() -> None:
    """Print the benchmark table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in (1_000, 10_000):
            path = Path(folder) / f"synthetic-{size}.yaml"
            path.write_text(synthetic_yaml(size), encoding="utf-8")
            results[size] = median_seconds(lambda: load_and_validate(str(path)), repeat)
            print(f"load+validate {size:>6,} clauses ({path.stat().st_size / 1e6:.1f} MB): median {results[size]:.3f} s")
    print(f"ratio 10,000 / 1,000: {results[10_000] / results[1_000]:.1f} (10.0 is linear)")
    help_time = median_seconds(lambda: subprocess.run(["peacedraft", "--help"], capture_output=True, check=True), repeat)
    print(f"peacedraft --help: median {help_time:.3f} s")


if __name__ == "__main__":
    main()
