"""The versions a page compares: a file of the served folder, or a draft as a commit of its git history holds it.

git runs in the served folder, on a revision the form named only once `git rev-parse --verify` has turned it
into a commit's hash (a value that could be read as an option or a path never reaches git), and reads the draft
at that commit by its path inside the folder. Drafts, comparisons and charts are kept per (path, mtime_ns,
size) for a file and (path, commit) for a revision, so a page shown again is not computed again.
"""

from __future__ import annotations

import os
import re
import subprocess
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from agreements.drafts import MAX_FILE_BYTES, decode, parse_agreement, read_bytes
from agreements.model import Agreement
from clauses.errors import DraftError, InputError
from workbench.folder import Revision, revisions as folder_revisions
from workbench.state import Bench

GIT_TIMEOUT = 30  # seconds a git command may take
MAX_REVISIONS = 200  # the newest commits of a draft offered in a select
REVISION_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.~^/@{}-]{0,199}")  # HEAD~1, main, a hash: no ':' or '-' first
HASH = re.compile(r"[0-9a-f]{40}")
DRAFT_SUFFIXES = (".yaml", ".yml", ".docx")
MAX_FILES = 500  # files offered in the select of the folder's files
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "venv"})  # and every hidden one
GIT_ENVIRONMENT = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0"}


class NotAVersionError(InputError):
    """A page named a version that is neither a commit of the draft's history nor a file of the served folder."""

    def __init__(self, value: str, draft: str, why: str = "not a revision of the draft nor a file of the folder"):
        super().__init__(f"{value!r}: {why} ({draft})", "PD-E125")


@dataclass(frozen=True)
class Side:
    """One version to compare: a file of the folder, or the draft `path` as the commit `revision` holds it."""

    path: Path
    relative: str
    revision: str | None = None

    @property
    def name(self) -> str:
        """Return the name the page shows: the file's path, or SHORT:PATH for a revision."""
        return f"{self.revision[:7]}:{self.relative}" if self.revision else self.relative

    @property
    def is_word(self) -> bool:
        """Return whether the side is a Word file."""
        return self.revision is None and self.relative.lower().endswith((".docx", ".docm"))

    def key(self) -> tuple:
        """Return what the side's content depends on: the commit, or the file's mtime_ns and size."""
        if self.revision:
            return ("revision", self.relative, self.revision)
        stat = self.path.stat()
        return ("file", self.relative, stat.st_mtime_ns, stat.st_size)


class Cache:
    """Values kept by key, the least recently used dropped past a size; safe to use from several threads."""

    def __init__(self, size: int = 32):
        self.size, self.values, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key, make: Callable[[], object]):
        """Return the value kept for a key, made (and kept) when it is not there."""
        with self.lock:
            if key in self.values:
                self.values.move_to_end(key)
                return self.values[key]
        value = make()
        with self.lock:
            self.values[key] = value
            while len(self.values) > self.size:
                self.values.popitem(last=False)
        return value


AGREEMENTS = Cache(64)
MATPLOTLIB = threading.Lock()  # matplotlib's settings are global: one chart (timeline page, package) at a time


def git(root: Path, *args: str) -> subprocess.CompletedProcess:
    """Return a finished git command run in the served folder (stdout as bytes)."""
    try:
        return subprocess.run(["git", "--literal-pathspecs", *args], cwd=root, capture_output=True,
                              timeout=GIT_TIMEOUT, stdin=subprocess.DEVNULL, env=GIT_ENVIRONMENT)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DraftError.at(str(root), 1, 1, f"cannot run git: {error}", code="PD-E024") from None


def revisions(root: Path, relative: str) -> list[Revision]:
    """Return the commits that changed a draft, newest first ([] when the folder is not in git)."""
    return folder_revisions(root, Path(relative), MAX_REVISIONS)


def commit(root: Path, value: str, draft: str) -> str:
    """Return the hash of the commit a revision names (HEAD~1, a branch, a hash); PD-E125 for anything else."""
    if not REVISION_NAME.fullmatch(value) or ".." in value:
        raise NotAVersionError(value, draft)
    done = git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{value}^{{commit}}")
    found = done.stdout.decode("ascii", "replace").strip()
    if done.returncode != 0 or not HASH.fullmatch(found):
        raise NotAVersionError(value, draft)
    return found


def choose(bench: Bench, draft: str, value: str) -> Side:
    """Return the side a form value names: a file of the folder (by its path) or a revision of the draft."""
    if value.startswith("-"):
        raise NotAVersionError(value, draft)
    path = bench.resolve(value)
    if path.is_file():
        return Side(path, bench.relative(path))
    return Side(bench.resolve(draft), draft, commit(bench.root, value, draft))


def default_old(bench: Bench, draft: str, found: list[Revision]) -> Side | None:
    """Return the previous revision of a draft: its last commit when the file differs from it, else the one before."""
    if not found:
        return None
    path = bench.resolve(draft)
    newest = Side(path, draft, found[0].hash)
    if len(found) > 1 and path.is_file() and version_bytes(bench.root, newest) == path.read_bytes():
        return Side(path, draft, found[1].hash)
    return newest


def version_bytes(root: Path, side: Side) -> bytes:
    """Return the bytes of a side: the file's, or the draft's blob at the commit (at most MAX_FILE_BYTES)."""
    if side.revision is None:
        return read_bytes(str(side.path))
    blob = f"{side.revision}:./{side.relative}"
    size = git(root, "cat-file", "-s", blob)
    if size.returncode != 0:
        reason = (size.stderr.decode("utf-8", "replace").strip().splitlines() or ["unknown error"])[0]
        raise DraftError.at(side.name, 1, 1, f"git cannot read it: {reason.removeprefix('fatal: ')}", code="PD-E024")
    if int(size.stdout.strip() or 0) > MAX_FILE_BYTES:
        raise DraftError.at(side.name, 1, 1, f"file is {int(size.stdout):,} bytes; a draft may be at most "
                            f"{MAX_FILE_BYTES:,}", code="PD-E011")
    return git(root, "cat-file", "blob", blob).stdout


def agreement_of(root: Path, side: Side) -> Agreement:
    """Return the draft a side holds (kept per key)."""
    return AGREEMENTS.get(side.key(), lambda: parse_agreement(decode(version_bytes(root, side), side.name), side.name))


def folder_files(bench: Bench) -> list[str]:
    """Return the drafts and Word files of the served folder, sorted by path (no hidden folder, no link)."""
    found = []
    for folder, folders, names in os.walk(bench.root):
        folders[:] = sorted(name for name in folders if not name.startswith(".") and name not in SKIPPED_FOLDERS
                            and not os.path.islink(os.path.join(folder, name)))
        for name in sorted(names):
            path = Path(folder, name)
            if path.suffix.lower() in DRAFT_SUFFIXES and not name.startswith(".") and not path.is_symlink():
                found.append(path.relative_to(bench.root).as_posix())
    return sorted(found)[:MAX_FILES]
