"""Where peacedraft keeps what it can rebuild: the user's cache folder."""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_VARIABLE = "PEACEDRAFT_CACHE"


def cache_folder() -> Path:
    """Return the cache folder: PEACEDRAFT_CACHE, else the user's cache folder's peacedraft folder."""
    if os.environ.get(CACHE_VARIABLE):
        return Path(os.environ[CACHE_VARIABLE])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "peacedraft"


def cached_data(section: str, source: bytes, build: Callable[[bytes], Any]) -> Any:
    """Return build(source): plain data (dicts, lists, text, numbers) kept in the cache folder under section, keyed
    by the source's digest, so a source read before is not parsed again; built afresh when the cache fails."""
    path = cache_folder() / section / f"{sys.implementation.cache_tag}-{hashlib.sha256(source).hexdigest()}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = build(source)
    try:
        _write_at_once(path, marshal.dumps(data))
    except (OSError, ValueError):  # no cache folder, or data marshal does not keep: built again next time
        pass
    return data


def _write_at_once(path: Path, content: bytes) -> None:
    """Write a file whole or not at all: a temporary file in its folder, renamed over it (removed if that fails)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
