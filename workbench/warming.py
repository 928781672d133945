"""Warming at start: what the first pages would otherwise wait for (imports, the drafts overview, the precedent index)
made in a background thread, so the address prints at once and the first page a user opens is fast."""

from __future__ import annotations

import contextlib
import importlib
import threading

from workbench.state import Bench

MODULES = ("matplotlib.pyplot", "agreements.diff.compare", "agreements.diff.html", "agreements.render.docx.render",
           "agreements.schedule.timeline", "agreements.schedule.chart_text", "workbench.pages.compose_library")


def warm(bench: Bench) -> None:
    """Import the costly modules, summarise the folder's drafts and open the precedent index (errors ignored)."""
    from workbench.folder import overview
    from workbench.precedent_data import WORKER, library

    opened = WORKER.submit(library)  # on the corpus's own thread, as its pages use it
    with contextlib.suppress(Exception):
        overview(bench.root)
    for name in MODULES:
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    with contextlib.suppress(Exception):
        opened.result()


def start_warming(bench: Bench) -> threading.Thread:
    """Return the daemon thread warming the workbench of a bench, started."""
    thread = threading.Thread(target=warm, args=(bench,), name="warming", daemon=True)
    thread.start()
    return thread
