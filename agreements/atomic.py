"""Writing outputs whole or not at all: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from agreements.errors import OutputError


def write_atomic(path: str | os.PathLike, data: bytes, overwrite: bool = True) -> Path:
    """Write data to path through a temporary sibling and a rename; return the path written."""
    target = Path(path)
    if not overwrite and target.exists():
        raise OutputError(f"{target}: already exists (use --force to replace it)", "PD-E050")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist", "PD-E051")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"{target}: cannot write: {error.strerror}", "PD-E052") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except OSError as error:
        os.unlink(temporary)
        raise OutputError(f"{target}: cannot write: {error.strerror}", "PD-E052") from None
    return target
