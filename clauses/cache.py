"""Where peacedraft keeps what it can rebuild: the user's cache folder."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_VARIABLE = "PEACEDRAFT_CACHE"


def cache_folder() -> Path:
    """Return the cache folder: PEACEDRAFT_CACHE, else the user's cache folder's peacedraft folder."""
    if os.environ.get(CACHE_VARIABLE):
        return Path(os.environ[CACHE_VARIABLE])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "peacedraft"
