"""Benchmark: the commands people wait for, each run as a whole process on the shipped round 2.

Run: python bench/bench_cli.py [--root DIR] [--against DIR] [--repeat N]
Reports the median wall time of each command (N runs, 5 by default) and its ratio to `python -c "import pydantic"`
measured in the same run, so numbers taken on a busy machine can still be compared. --root times the peacedraft
of another checkout; --against also times a second checkout (an older commit, say) in the same run, and prints
each command's time there and the ratio between the two.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"validate": 0.3, "set": 0.4, "position": 0.4, "add": 0.4, "render docx": 0.6}
COMMANDS = {
    "validate": ["validate", "d.yaml"],
    "set": ["set", "d.yaml", "force.artillery", "pullback_km=15"],
    "position": ["position", "d.yaml", "force.artillery", "dprk", "support", "--note", "acceptable at 15 km"],
    "add": ["add", "d.yaml", "end_war/on-signature", "--as", "end_war.bench"],
    "render docx": ["render", "d.yaml", "-o", "d.docx"],
}


def peacedraft(root: Path, arguments: list[str]) -> list[str]:
    """Return the command line that runs peacedraft from a checkout as a fresh Python process."""
    program = f"import sys; sys.path.insert(0, {str(root)!r}); from cli import main; main()"
    return [sys.executable, "-c", program, *arguments]


def run_seconds(command: list[str], folder: Path) -> float:
    """Return the wall time of one whole process run in a folder; raise if it fails."""
    start = time.perf_counter()
    subprocess.run(command, cwd=folder, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def median_of_runs(command: list[str], folder: Path, repeat: int, fresh_draft: Path) -> float:
    """Return the median of repeat whole-process runs, each on a fresh copy of the draft."""
    times = []
    for _ in range(repeat):
        shutil.copyfile(fresh_draft, folder / "d.yaml")
        times.append(run_seconds(command, folder))
    return statistics.median(times)


def measure(root: Path, repeat: int) -> dict[str, float]:
    """Return the median seconds of the reference import and of every command, measured in one folder."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        subprocess.run(peacedraft(root, ["new", "fresh.yaml", "--example", "round-2"]), cwd=folder, check=True,
                       stderr=subprocess.DEVNULL)
        fresh = folder / "fresh.yaml"
        results = {"import pydantic": median_of_runs([sys.executable, "-c", "import pydantic"], folder, repeat, fresh)}
        for label, arguments in COMMANDS.items():
            results[label] = median_of_runs(peacedraft(root, arguments), folder, repeat, fresh)
    return results


def main() -> None:
    """Print each command's median, its ratio to importing pydantic and its target (and to another checkout)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, default=ROOT, help="The checkout whose peacedraft is timed.")
    parser.add_argument("--against", type=Path, help="Another checkout to time in the same run, for a ratio.")
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    results = measure(arguments.root.resolve(), arguments.repeat)
    before = measure(arguments.against.resolve(), arguments.repeat) if arguments.against else None
    print(f"peacedraft at {arguments.root}, medians of {arguments.repeat} whole-process runs on round 2"
          + (f"; against {arguments.against}" if before else ""))
    for line in report_lines(results, before):
        print(line)


def report_lines(results: dict[str, float], before: dict[str, float] | None) -> list[str]:
    """Return a line per command: seconds, ratio to importing pydantic, target met or not, and the ratio to before."""
    reference = results["import pydantic"]
    lines = [f"  {'import pydantic':<16}{reference:7.3f} s   1.0×"
             + (f"   against: {before['import pydantic']:.3f} s" if before else "")]
    for label, target in TARGETS.items():
        seconds = results[label]
        line = (f"  {label:<16}{seconds:7.3f} s {seconds / reference:5.1f}×   target ≤ {target} s: "
                f"{'met' if seconds <= target else 'missed'}")
        if before:
            line += f"   against: {before[label]:.3f} s ({before[label] / seconds:.1f}× as long)"
        lines.append(line)
    return lines


if __name__ == "__main__":
    main()
