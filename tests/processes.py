"""Run Python in a fresh process with another hash seed, to check that output does not depend on the process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def other_seed() -> str:
    """Return a PYTHONHASHSEED unlike this process's: "1", or "2" when this process runs with "1"."""
    return "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"


def stdout_elsewhere(code: str, *arguments: str) -> bytes:
    """Return what code writes to stdout, run by a new interpreter with other_seed() from the project root.

    The child inherits this process's environment (SOURCE_DATE_EPOCH included) with PYTHONPATH set to the root.
    """
    environment = {**os.environ, "PYTHONHASHSEED": other_seed(), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code, *arguments], capture_output=True, cwd=ROOT, env=environment,
                          check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout


def bytes_elsewhere(setup: str, expression: str) -> bytes:
    """Return the bytes an expression gives in a new interpreter with another hash seed, after running setup."""
    return stdout_elsewhere(f"import sys\n{setup}\nsys.stdout.buffer.write({expression})")
