"""Benchmark: the whole negotiation package of a 1,000-clause draft against its previous round, stage by stage.

Run: python bench/bench_package.py [--clauses N] [--repeat N] [--languages en,ko,zh]
Reports the median total (load, build in memory, write the folder and the zip) and each stage's median share.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ruamel.yaml import YAML  # noqa: E402

from agreements.package.build import InputDraft, build_package, package_time  # noqa: E402
from agreements.package.folder import write_folder, zip_bytes  # noqa: E402
from bench.bench_redline import changed_copy  # noqa: E402
from bench.synthetic import synthetic_agreement  # noqa: E402


def write_yaml(data: dict, path: Path) -> None:
    """Write plain data as a YAML draft file."""
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.representer.ignore_aliases = lambda *args: True
    with open(path, "w", encoding="utf-8") as stream:
        yaml.dump(data, stream)


def one_build(draft: Path, previous: Path, out: Path) -> dict[str, float]:
    """Build the package once; return the seconds of each stage, of loading and of writing, and the total."""
    started = time.perf_counter()
    current, before = InputDraft.read(str(draft)), InputDraft.read(str(previous))
    loaded = time.perf_counter()
    built = build_package(current, before)
    written = time.perf_counter()
    write_folder(built.files, out, force=True)
    (out.parent / f"{out.name}.zip").write_bytes(zip_bytes(built.files, out.name, package_time(built)))
    done = time.perf_counter()
    return {"load": loaded - started, **built.timings, "write folder + zip": done - written, "total": done - started}


def main() -> None:
    """Build the package repeatedly and print median seconds and shares per stage."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clauses", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--languages", default="en,ko,zh", help="Authentic languages of the draft (comma-separated).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        languages = tuple(args.languages.split(","))
        old = synthetic_agreement(args.clauses, languages=languages)
        write_yaml(old, folder / "previous.yaml")
        write_yaml(changed_copy(old), folder / "draft.yaml")
        runs = [one_build(folder / "draft.yaml", folder / "previous.yaml", folder / "package")
                for _ in range(args.repeat)]
        files = sum(1 for path in (folder / "package").rglob("*") if path.is_file())
    medians = {stage: statistics.median(run[stage] for run in runs) for stage in runs[0]}
    total = medians.pop("total")
    print(f"package of a {args.clauses:,}-clause draft in {args.languages} against its previous round ({files} files), "
          f"median of {args.repeat}: {total:.2f} s (limit 15 s)")
    for stage, seconds in medians.items():
        print(f"  {stage:<20} {seconds:6.2f} s  {seconds / total:6.1%}")


if __name__ == "__main__":
    main()
