"""The package manifest: every file with its SHA-256 and size, and the check that a package is intact.

A package is a folder, or a zip whose entries sit under one top folder. `manifest.json` lists
every other file but its signature (`manifest.json.sig`, see signing.py); `verify` reports each file that is
missing, altered or not listed.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from clauses.errors import InputError

MANIFEST = "manifest.json"
SIGNATURE = MANIFEST + ".sig"  # the detached OpenSSH signature over the manifest, when signed
UNLISTED = (MANIFEST, SIGNATURE)
FORMAT = "peacedraft.package/1"
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_ZIP_MEMBERS = 10_000
CHUNK = 1 << 20


def digest(data: bytes) -> str:
    """Return the SHA-256 of some bytes in hex."""
    return hashlib.sha256(data).hexdigest()


def manifest_bytes(files: dict[str, bytes], inputs: list[dict], version: str, title: str) -> bytes:
    """Return manifest.json: the tool's version, the input drafts' hashes and every file's hash and size."""
    data = {
        "format": FORMAT,
        "title": title,
        "peacedraft": version,
        "inputs": inputs,
        "files": [{"path": name, "sha256": digest(files[name]), "size": len(files[name])} for name in sorted(files)],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True)
class Discrepancy:
    """One way a package differs from its manifest: a file missing, altered or not listed."""

    path: str
    problem: str  # missing | altered | extra
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.problem}: {self.path}" + (f" ({self.detail})" if self.detail else "")


def verify(package: str) -> tuple[dict, list[Discrepancy]]:
    """Return a package's manifest and how its files differ from it (nothing when intact)."""
    path = Path(package)
    if path.is_dir():
        return _compare(package, _FolderFiles(path))
    if not path.exists():
        raise InputError(f"{package}: no such file or folder", "PD-E010")
    if not zipfile.is_zipfile(path):
        raise InputError(f"{package}: neither a package folder nor a zip file", "PD-E071")
    try:
        with zipfile.ZipFile(path) as archive:
            return _compare(package, _ZipFiles(archive, package))
    except (zipfile.BadZipFile, OSError) as error:
        raise InputError(f"{package}: unreadable zip: {error}", "PD-E072") from None


def read_small_files(package: str, names: tuple[str, ...], limit: int) -> dict[str, bytes | None]:
    """Return the bytes of a few small files of a package folder or zip by name (None for each one absent)."""
    path = Path(package)
    if path.is_dir():
        files = _FolderFiles(path)
        return {name: files.read_small(name, limit) for name in names}
    try:
        with zipfile.ZipFile(path) as archive:
            files = _ZipFiles(archive, package)
            return {name: files.read_small(name, limit) for name in names}
    except (zipfile.BadZipFile, OSError) as error:
        raise InputError(f"{package}: unreadable zip: {error}", "PD-E072") from None


def _compare(package: str, files: _FolderFiles | _ZipFiles) -> tuple[dict, list[Discrepancy]]:
    """Return the manifest and the discrepancies of a package's files."""
    manifest = _read_manifest(package, files)
    listed = {entry["path"]: entry for entry in manifest["files"]}
    found: list[Discrepancy] = []
    for name, entry in sorted(listed.items()):
        actual = files.measure(name)
        if actual is None:
            found.append(Discrepancy(name, "missing"))
        elif actual[1] != entry["size"]:
            found.append(Discrepancy(name, "altered", f"{actual[1]:,} bytes, manifest says {entry['size']:,}"))
        elif actual[0] != entry["sha256"]:
            found.append(Discrepancy(name, "altered", "SHA-256 differs from the manifest"))
    found += [Discrepancy(name, "extra", "not in the manifest") for name in sorted(set(files.names()) - set(listed))
              if name not in UNLISTED]
    return manifest, found


def _read_manifest(package: str, files: _FolderFiles | _ZipFiles) -> dict:
    """Return the package's manifest, checked for shape, or raise InputError."""
    raw = files.read_small(MANIFEST, MAX_MANIFEST_BYTES)
    if raw is None:
        raise InputError(f"{package}: no {MANIFEST}: not a peacedraft package", "PD-E071")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{package}: {MANIFEST} is not valid JSON: {error}", "PD-E071") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("files"), list):
        raise InputError(f"{package}: {MANIFEST} is not a {FORMAT} manifest", "PD-E071")
    for entry in data["files"]:
        if not _well_formed(entry):
            raise InputError(f"{package}: {MANIFEST}: malformed file entry {json.dumps(entry)[:80]}", "PD-E071")
    return data


def _well_formed(entry: object) -> bool:
    """Return whether a manifest entry has a relative path, a hex SHA-256 and a size."""
    if not isinstance(entry, dict) or not isinstance(entry.get("path"), str) or not isinstance(entry.get("size"), int):
        return False
    path, sha = entry["path"], entry.get("sha256")
    safe = path and not path.startswith("/") and ".." not in path.split("/")
    return bool(safe) and isinstance(sha, str) and len(sha) == 64


class _FolderFiles:
    """The files of a package folder, by relative path with '/' separators."""

    def __init__(self, root: Path):
        self.root = root

    def names(self) -> Iterator[str]:
        """Yield every file's relative path (symbolic links included as files)."""
        for folder, _, names in os.walk(self.root):
            for name in names:
                yield Path(folder, name).relative_to(self.root).as_posix()

    def measure(self, name: str) -> tuple[str, int] | None:
        """Return a file's SHA-256 and size, or None when it is not there."""
        path = self.root / name
        if not path.is_file():
            return None
        sha = hashlib.sha256()
        with open(path, "rb") as stream:
            while chunk := stream.read(CHUNK):
                sha.update(chunk)
        return sha.hexdigest(), path.stat().st_size

    def read_small(self, name: str, limit: int) -> bytes | None:
        """Return a small file's bytes, None when missing; refuse one above the limit."""
        path = self.root / name
        if not path.is_file():
            return None
        if path.stat().st_size > limit:
            raise InputError(f"{path}: larger than {limit:,} bytes", "PD-E072")
        return path.read_bytes()


class _ZipFiles:
    """The files of a package zip, below its one top folder (hashes are read in chunks, so size is no danger)."""

    def __init__(self, archive: zipfile.ZipFile, package: str):
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) > MAX_ZIP_MEMBERS:
            raise InputError(f"{package}: more than {MAX_ZIP_MEMBERS:,} entries: not a peacedraft package", "PD-E071")
        self.archive = archive
        self.prefix = _top_folder(members)
        self.members = {info.filename[len(self.prefix):]: info for info in members}

    def names(self) -> Iterator[str]:
        """Yield every entry's path below the top folder."""
        yield from self.members

    def measure(self, name: str) -> tuple[str, int] | None:
        """Return an entry's SHA-256 and size as stored, or None when it is not there."""
        info = self.members.get(name)
        if info is None:
            return None
        sha, size = hashlib.sha256(), 0
        with self.archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                sha.update(chunk)
                size += len(chunk)
        return sha.hexdigest(), size

    def read_small(self, name: str, limit: int) -> bytes | None:
        """Return a small entry's bytes, None when missing; refuse one above the limit."""
        info = self.members.get(name)
        if info is None:
            return None
        with self.archive.open(info) as stream:
            data = stream.read(limit + 1)
        if len(data) > limit:
            raise InputError(f"{name}: larger than {limit:,} bytes", "PD-E072")
        return data


def _top_folder(members: list[zipfile.ZipInfo]) -> str:
    """Return the 'folder/' every entry shares when the manifest sits right under it, else ''."""
    for info in members:
        if info.filename.endswith("/" + MANIFEST) and info.filename.count("/") == 1:
            prefix = info.filename[: -len(MANIFEST)]
            if all(other.filename.startswith(prefix) for other in members):
                return prefix
    return ""
