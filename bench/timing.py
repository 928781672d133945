"""Timing for the benchmarks: medians of repeated runs (the machine is small and noisy)."""

from __future__ import annotations

import statistics
import time


def median_seconds(action, repeat: int) -> float:
    """Return the median wall time of an action over repeat runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
