"""Writing outputs whole or not at all: temporary files in the same folder, then renames.

Several outputs of one command are written together: every temporary file first, then the renames; if one
rename fails, the outputs already renamed are put back as they were (old content, or absent).

A write killed midway can leave its temporary file (`.NAME.XXXXXXXX.tmp`, or a backup `.NAME.<hex>.old.tmp`)
beside the target. The next write of that target removes those of its temporaries last modified more than
STALE_AFTER seconds ago: no write keeps a temporary open that long, so a younger one may belong to a write
still running and is left alone.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from clauses.errors import OutputError

STALE_AFTER = 15 * 60  # seconds after which a temporary file beside a target is a leftover of a killed write


def write_atomic(path: str | os.PathLike, data: bytes, overwrite: bool = True,
                 before_rename: Callable[[], None] | None = None) -> Path:
    """Write data to path through a temporary sibling and a rename; return the path written."""
    return write_all([(path, data)], overwrite, before_rename)[0]


def write_all(outputs: list[tuple[str | os.PathLike, bytes]], overwrite: bool = True,
              before_rename: Callable[[], None] | None = None) -> list[Path]:
    """Write every output or none: all temporary files first, then the renames, undone if one fails.

    before_rename runs once every temporary file is written, just before the first rename: an error it raises
    leaves every target as it was.
    """
    targets = [Path(path) for path, _ in outputs]
    for target in targets:
        check_target(target, overwrite)
    staged: list[Path] = []
    try:
        for target, (_, data) in zip(targets, outputs):
            staged.append(stage(target, data))
        if before_rename:
            before_rename()
        _rename_all(staged, targets)
    finally:
        for temporary in staged:
            _remove(temporary)
    return targets


def check_target(target: Path, overwrite: bool) -> None:
    """Refuse a target that exists (without overwrite) or lies in a missing folder."""
    if not overwrite and target.exists():
        raise OutputError(f"{target}: already exists (use --force to replace it)", "PD-E050")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist", "PD-E051")


def stage(target: Path, data: bytes) -> Path:
    """Write data to a new temporary file beside the target, flushed to disk, and return its path."""
    folder = target.parent if str(target.parent) else Path(".")
    sweep_leftovers(target)
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
    except OSError as error:
        _remove(Path(temporary))
        raise OutputError(f"{target}: cannot write: {error.strerror}", "PD-E052") from None
    return Path(temporary)


def sweep_leftovers(target: Path, now: float | None = None) -> list[Path]:
    """Remove the target's temporary files older than STALE_AFTER, left by killed writes; return those removed."""
    folder = target.parent if str(target.parent) else Path(".")
    pattern = re.compile(rf"\.{re.escape(target.name)}\.([a-z0-9_]{{8}}|[0-9a-f]{{12}}\.old)\.tmp")
    cutoff = (time.time() if now is None else now) - STALE_AFTER
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if pattern.fullmatch(entry.name) and _modified_before(entry, cutoff):
            _remove(Path(entry.path))
            removed.append(Path(entry.path))
    return removed


def _modified_before(entry: os.DirEntry, cutoff: float) -> bool:
    """Return whether a folder entry is a plain file last modified before a time."""
    try:
        return entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff
    except OSError:
        return False


def _rename_all(staged: list[Path], targets: list[Path]) -> None:
    """Rename each temporary file onto its target; on a failure put back the targets already replaced."""
    backups: list[tuple[Path, Path | None]] = []
    several = len(targets) > 1  # a single output needs no backup: its rename either happens or not
    try:
        for temporary, target in zip(staged, targets):
            backups.append((target, _keep_old(target) if several else None))
            os.replace(temporary, target)
    except OSError as error:
        failed = targets[len(backups) - 1]
        for target, backup in reversed(backups[:-1]):
            _put_back(target, backup)
        _discard(backups[-1:])
        raise OutputError(f"{failed}: cannot write: {error.strerror}", "PD-E052") from None
    _discard(backups)
    _sync_folders(targets)


def _keep_old(target: Path) -> Path | None:
    """Return a hard link to the target's old content (None when there is none) so it can be put back."""
    if not target.is_file():
        return None
    backup = target.with_name(f".{target.name}.{secrets.token_hex(6)}.old.tmp")
    try:
        os.link(target, backup)
    except OSError:
        shutil.copyfile(target, backup)
    return backup


def _put_back(target: Path, backup: Path | None) -> None:
    """Restore a target's old content, or remove it when it had none."""
    if backup is None:
        _remove(target)
    else:
        os.replace(backup, target)


def _discard(backups: list[tuple[Path, Path | None]]) -> None:
    """Remove the backups no longer needed."""
    for _, backup in backups:
        if backup is not None:
            _remove(backup)


def _remove(path: Path) -> None:
    """Remove a file if it is there; a file that cannot be removed is left (its error is not the one to report)."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def _sync_folders(targets: list[Path]) -> None:
    """Flush the folders' entries to disk, so the renames survive a power loss (where the system allows it)."""
    for folder in {target.parent if str(target.parent) else Path(".") for target in targets}:
        try:
            descriptor = os.open(folder, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(descriptor)
        except OSError:
            pass
        finally:
            os.close(descriptor)
