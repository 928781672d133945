"""Benchmark: `peacedraft import` and `peacedraft diff` on the real Word files of ../shared/reference/real-docx.

Run: python bench/bench_wordimport.py [--repeat N] [--folder DIR]
For every file: the import's exit code, the share of the document's text it placed (from its report), and the
median wall time of the whole command (a new process each time, as a user runs it); then the median time of
the largest file (LIR014, about 3,500 headings) against its target of 2 s, and of each before/after pair's diff.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT.parent / "shared" / "reference" / "real-docx"
LARGEST = "oxpt--LIR014-en-US-01.docx"
TARGET_SECONDS = 2.0
PLACED = re.compile(r"placed ([0-9.]+)%")
PAIRS = (("oxpt--WC001-Digits", "oxpt--WC001-Digits-Mod"), ("oxpt--WC001-Digits", "oxpt--WC001-Digits-Deleted-Paragraph"),
         ("oxpt--WC004-Large", "oxpt--WC004-Large-Mod"),
         ("oxpt--WC027-Twenty-Paras-Before", "oxpt--WC027-Twenty-Paras-After-1"),
         ("oxpt--WC027-Twenty-Paras-Before", "oxpt--WC027-Twenty-Paras-After-3"),
         ("oxpt--WC034-Footnotes-Before", "oxpt--WC034-Footnotes-After1"), ("oxpt--WC055-French", "oxpt--WC055-French-Mod"),
         ("oxpt--WC056-French", "oxpt--WC056-French-Mod"),
         ("openagr--common-paper-csa-without-sla", "openagr--common-paper-csa-with-sla"),
         ("openagr--common-paper-cloud-service-agreement", "openagr--common-paper-csa-with-ai"))


def run(*arguments: str) -> tuple[float, subprocess.CompletedProcess]:
    """Return the wall time and result of one peacedraft command in a new process."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "cli", *arguments], capture_output=True, text=True, cwd=ROOT,
                          check=False)
    return time.perf_counter() - start, done


def timed(repeat: int, *arguments: str) -> tuple[float, subprocess.CompletedProcess]:
    """Return the median wall time of a command over repeat runs, and its last result."""
    runs = [run(*arguments) for _ in range(repeat)]
    return statistics.median(seconds for seconds, _ in runs), runs[-1][1]


def report_imports(folder: Path, work: Path, repeat: int) -> list[float]:
    """Print each file's import (exit code, share placed, median time); return the shares of the files imported."""
    shares = []
    for path in sorted(folder.glob("*.docx")):
        seconds, done = timed(repeat, "import", str(path), "-o", str(work / f"{path.stem}.yaml"), "--force")
        found = PLACED.search(done.stderr)
        share = float(found.group(1)) if found else None
        if share is not None:
            shares.append(share)
        last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
        shown = f"{share:5.1f}%" if share is not None else "   — "
        print(f"{path.name:58} exit {done.returncode}  placed {shown}  {seconds:5.2f} s  {last[:90]}")
    return shares


def report_pairs(folder: Path, repeat: int) -> None:
    """Print each before/after pair's diff: exit code, the report's first line, median time."""
    for old, new in PAIRS:
        seconds, done = timed(repeat, "diff", str(folder / f"{old}.docx"), str(folder / f"{new}.docx"))
        lines = [line for line in done.stdout.splitlines() if line.strip()]
        print(f"{old} → {new.removeprefix(old)}: exit {done.returncode}, {len(lines)} report lines, "
              f"{seconds:.2f} s{'  ' + done.stderr.strip().splitlines()[-1][:80] if done.returncode == 2 else ''}")


def main() -> None:
    """Print every file's import, the largest file's time against its target, and every pair's diff."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=FOLDER)
    options = parser.parse_args()
    if not options.folder.is_dir():
        sys.exit(f"no folder {options.folder}")
    with tempfile.TemporaryDirectory() as work:
        shares = report_imports(options.folder, Path(work), options.repeat)
        seconds, _ = timed(max(options.repeat, 5), "import", str(options.folder / LARGEST), "-o",
                           str(Path(work) / "largest.yaml"), "--force")
    if shares:
        print(f"placed: median {statistics.median(shares):.1f}%, lowest {min(shares):.1f}% of {len(shares)} files")
    print(f"import {LARGEST}: median {seconds:.2f} s (target ≤ {TARGET_SECONDS:.0f} s: "
          f"{'met' if seconds <= TARGET_SECONDS else 'NOT met'})")
    report_pairs(options.folder, options.repeat)


if __name__ == "__main__":
    main()
