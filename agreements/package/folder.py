"""Writing a package whole or not at all: a temporary folder renamed into place, and a reproducible zip."""

from __future__ import annotations

import datetime
import io
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from agreements.errors import OutputError

EARLIEST_ZIP_TIME = datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc)


def write_folder(files: dict[str, bytes], target: str | os.PathLike, force: bool = False) -> Path:
    """Write files into a new folder beside the target and rename it into place; return the target."""
    target = Path(target)
    _check_target(target, force)
    parent = target.parent if str(target.parent) else Path(".")
    try:
        temporary = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=".tmp"))
    except OSError as error:
        raise OutputError(f"{target}: cannot write: {error.strerror}", "PD-E052") from None
    try:
        for name in sorted(files):
            path = temporary / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(files[name])
        temporary.chmod(0o755)
        _swap_in(temporary, target)
    except OSError as error:
        shutil.rmtree(temporary, ignore_errors=True)
        raise OutputError(f"{target}: cannot write: {error.strerror}", "PD-E052") from None
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return target


def _check_target(target: Path, force: bool) -> None:
    """Refuse a target that exists (without force), is a file, or lies in a missing folder."""
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: exists and is not a folder", "PD-E051")
    if target.exists() and not force:
        raise OutputError(f"{target}: already exists (use --force to replace it)", "PD-E050")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{target}: folder {parent} does not exist", "PD-E051")


def _swap_in(temporary: Path, target: Path) -> None:
    """Rename the new folder into place; an old one is moved aside first and removed after."""
    if not target.exists():
        os.rename(temporary, target)
        return
    aside = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
    os.rename(target, aside / "old")
    try:
        os.rename(temporary, target)
    except OSError:
        os.rename(aside / "old", target)
        raise
    finally:
        shutil.rmtree(aside, ignore_errors=True)


def zip_bytes(files: dict[str, bytes], top: str, when: datetime.datetime) -> bytes:
    """Return a zip of the files under one top folder: entries sorted, every entry dated `when`, fixed modes."""
    stamp = max(when, EARLIEST_ZIP_TIME).astimezone(datetime.timezone.utc)
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{top}/{name}", date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return stream.getvalue()
