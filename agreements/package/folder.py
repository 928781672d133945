"""Writing a package whole or not at all: a temporary folder renamed into place, and a reproducible zip."""

from __future__ import annotations

import datetime
import io
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from agreements.atomic import check_target, stage
from clauses.errors import OutputError

EARLIEST_ZIP_TIME = datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc)


def write_folder(files: dict[str, bytes], target: str | os.PathLike, force: bool = False,
                 zip_file: tuple[str, bytes] | None = None) -> Path:
    """Write files into a new folder beside the target and rename it into place (with its zip, if given).

    Both or neither: the zip is staged first and renamed last; if that fails the old folder comes back.
    """
    target = Path(target)
    _check_target(target, force)
    if zip_file:
        check_target(Path(zip_file[0]), force)
    parent = target.parent if str(target.parent) else Path(".")
    staged_zip = stage(Path(zip_file[0]), zip_file[1]) if zip_file else None
    try:
        temporary = _new_folder(parent, target, files)
        try:
            aside = _swap_in(temporary, target)
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
        _finish(target, aside, staged_zip, zip_file)
    finally:
        if staged_zip is not None:
            staged_zip.unlink(missing_ok=True)
    return target


def _new_folder(parent: Path, target: Path, files: dict[str, bytes]) -> Path:
    """Return a new temporary folder beside the target holding the files."""
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
    except OSError as error:
        shutil.rmtree(temporary, ignore_errors=True)
        raise OutputError(f"{target}: cannot write: {error.strerror}", "PD-E052") from None
    return temporary


def _finish(target: Path, aside: Path | None, staged_zip: Path | None, zip_file: tuple[str, bytes] | None) -> None:
    """Rename the staged zip into place, then drop the old folder; on a failure put the old folder back."""
    try:
        if staged_zip is not None:
            os.replace(staged_zip, zip_file[0])
    except OSError as error:
        shutil.rmtree(target, ignore_errors=True)
        if aside is not None:
            os.rename(aside / "old", target)
            shutil.rmtree(aside, ignore_errors=True)
        raise OutputError(f"{zip_file[0]}: cannot write: {error.strerror}", "PD-E052") from None
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)


def _check_target(target: Path, force: bool) -> None:
    """Refuse a target that exists (without force), is a file, or lies in a missing folder."""
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: exists and is not a folder", "PD-E051")
    if target.exists() and not force:
        raise OutputError(f"{target}: already exists (use --force to replace it)", "PD-E050")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{target}: folder {parent} does not exist", "PD-E051")


def _swap_in(temporary: Path, target: Path) -> Path | None:
    """Rename the new folder into place; return where the old one was moved aside (None when there was none).

    If the new folder cannot be renamed in, the old one is put back; if even that fails, it is kept aside
    and the error says where.
    """
    if not target.exists():
        _rename(temporary, target)
        return None
    aside = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
    _rename(target, aside / "old")
    try:
        os.rename(temporary, target)
    except OSError as error:
        try:
            os.rename(aside / "old", target)
        except OSError:
            raise OutputError(f"{target}: cannot write: {error.strerror}; the old package is kept in "
                              f"{aside / 'old'}", "PD-E052") from None
        shutil.rmtree(aside, ignore_errors=True)
        raise OutputError(f"{target}: cannot write: {error.strerror}", "PD-E052") from None
    return aside


def _rename(source: Path, target: Path) -> None:
    """Rename a folder, as an OutputError naming the target when it fails."""
    try:
        os.rename(source, target)
    except OSError as error:
        raise OutputError(f"{target}: cannot write: {error.strerror}", "PD-E052") from None


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
