"""Confinement: a path a page names is read or written only when it lies inside the served folder.

Refused (PD-E111): absolute paths, drive letters, backslashes, `..` and `.` components, control characters,
a `%` left after the URL was decoded once (a second encoding), and any path through a symbolic link.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from clauses.errors import PeacedraftError

UNSAFE = re.compile(r"[\x00-\x1f\x7f\\%]|^[A-Za-z]:")


class OutsideFolderError(PeacedraftError):
    """A page named a path outside the served folder, or one that reaches it by a detour."""

    status = 403

    def __init__(self, relative: str, why: str):
        super().__init__(f"{relative!r}: {why}; only files inside the served folder can be opened", "PD-E111")


def confined(root: Path, relative: str) -> Path:
    """Return root/relative when it is a plain path inside root with no symbolic link on the way."""
    if not relative or UNSAFE.search(relative) or relative.startswith("/"):
        raise OutsideFolderError(relative, "not a plain relative path")
    parts = PurePosixPath(relative).parts
    if any(part in ("..", ".") for part in parts) or relative.endswith("/"):
        raise OutsideFolderError(relative, "a path that climbs out of the folder")
    path = root
    for part in parts:
        path = path / part
        if path.is_symlink():
            raise OutsideFolderError(relative, "a symbolic link")
    if not path.resolve().is_relative_to(root):
        raise OutsideFolderError(relative, "outside the served folder")
    return path
