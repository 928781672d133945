"""The folder overview: the drafts under the served folder, each summarised, and the git revisions of one draft.

A summary is what the drafts page lists: the draft's title, round, version, date and languages, its git state,
how many of its nodes stand in brackets, and how many errors and warnings the consistency rules find; for a file
that does not load, the located error instead. Summaries are kept per file (its inode, modification time and
size), so a folder is read again only where a file changed.

The git state of every draft comes from one `git status` for the folder; a folder outside a repository, a git
that is missing or takes longer than GIT_TIMEOUT seconds, and a file git ignores show as "outside git".
"""

from __future__ import annotations

import os
import subprocess
import threading
from dataclasses import dataclass, replace
from pathlib import Path

from agreements.drafts import decode, parse_agreement, read_bytes
from agreements.index import index_of
from agreements.model import Agreement
from agreements.outputs import SUFFIXES
from agreements.rules.registry import check
from clauses.base import Node
from clauses.errors import PeacedraftError
from clauses.languages import DEFAULT_LANGUAGE

MAX_DRAFTS = 500  # drafts listed at most: the first in path order (a folder holding more is listed in part)
DRAFT_SUFFIXES = SUFFIXES["yaml"]
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "venv"})  # and every hidden one (.git, .venv, …)
GIT_TIMEOUT = 10  # seconds a git command may take; after that the folder is shown as outside git
MAX_CACHED = 2048  # summaries kept; the oldest are dropped first
OUTSIDE_GIT = "outside git"
GIT_STATES = ("committed", "modified", "new", "staged", OUTSIDE_GIT)
LOG_FORMAT = "%H%x1f%h%x1f%aI%x1f%an%x1f%s"  # hash, short hash, author date (ISO 8601), author, subject

_summaries: dict[tuple[str, int, int, int], DraftSummary] = {}
_remembering = threading.Lock()  # pages are served from several threads


@dataclass(frozen=True)
class DraftSummary:
    """One draft as the folder overview lists it; `problem` is the located error of a file that does not load."""

    path: str  # relative to the folder, with forward slashes
    git: str  # one of GIT_STATES
    title: str = ""  # in English when the draft has it, else in its first language
    round: int | None = None
    version: str = ""
    date: str = ""  # ISO 8601
    languages: tuple[str, ...] = ()
    brackets: int = 0  # nodes with open options or bracketed text
    errors: int = 0
    warnings: int = 0
    problem: str | None = None

    @property
    def loads(self) -> bool:
        """Return whether the file loads as a draft."""
        return self.problem is None


@dataclass(frozen=True)
class Revision:
    """One commit that changed a draft."""

    hash: str
    short: str
    date: str  # the author's date, ISO 8601
    author: str
    subject: str


def draft_files(root: Path) -> list[Path]:
    """Return the draft files under a folder, in path order, at most MAX_DRAFTS.

    Hidden folders and files, SKIPPED_FOLDERS and every symbolic link are left out: a link may lead out of the
    folder, and the workbench opens no path through one.
    """
    found: list[Path] = []
    _collect(Path(root), found)
    return found


def _collect(folder: Path, found: list[Path]) -> None:
    """Add the draft files in a folder and the folders below it to found, in path order, until it is full."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if len(found) >= MAX_DRAFTS:
            return
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):  # a link, to a folder or a file, is neither
            if entry.name not in SKIPPED_FOLDERS:
                _collect(folder / entry.name, found)
        elif entry.is_file(follow_symlinks=False) and entry.name.lower().endswith(DRAFT_SUFFIXES):
            found.append(folder / entry.name)


def overview(root: Path) -> list[DraftSummary]:
    """Return the summary of every draft under a folder, in path order."""
    files = draft_files(root)
    states = git_states(root, files)
    return [summarise(root, path, git=states[path]) for path in files]


def summarise(root: Path, path: Path, git: str | None = None) -> DraftSummary:
    """Return the summary of a draft in the folder (git: its state when known, else asked of git for this file)."""
    full = Path(root) / path
    relative = full.relative_to(root).as_posix()
    state = git if git is not None else git_states(root, [full])[full]
    try:
        status = os.stat(full)
    except OSError:
        return replace(_read_summary(full, relative), git=state)  # reading says why, located
    key = (str(full), status.st_ino, status.st_mtime_ns, status.st_size)
    summary = _summaries.get(key) or _remember(key, _read_summary(full, relative))
    return replace(summary, path=relative, git=state)


def _remember(key: tuple[str, int, int, int], summary: DraftSummary) -> DraftSummary:
    """Keep a summary under its file's key, dropping the oldest when there are too many; return it."""
    with _remembering:
        while len(_summaries) >= MAX_CACHED:
            _summaries.pop(next(iter(_summaries)))
        _summaries[key] = summary
    return summary


def _read_summary(full: Path, relative: str) -> DraftSummary:
    """Return a draft's summary read from its file (its git state left blank)."""
    try:
        agreement = parse_agreement(decode(read_bytes(str(full)), str(full)), str(full))
        findings = check(agreement)
    except PeacedraftError as error:
        return DraftSummary(relative, "", problem=_first_line(error, full, relative))
    errors = sum(finding.severity == "error" for finding in findings)
    meta = agreement.meta
    return DraftSummary(relative, "", title=title_of(agreement), round=meta.round, version=meta.version,
                        date=meta.date.isoformat(), languages=tuple(meta.languages),
                        brackets=open_brackets(agreement), errors=errors, warnings=len(findings) - errors)


def _first_line(error: PeacedraftError, full: Path, relative: str) -> str:
    """Return an error's first line, naming the file by its path relative to the folder."""
    return error.lines()[0].replace(str(full), relative)


def title_of(agreement: Agreement) -> str:
    """Return a draft's title in English when it has one, else in its first language."""
    titles = agreement.meta.title
    first = agreement.meta.languages[0]
    return titles.get(DEFAULT_LANGUAGE) or titles.get(first) or next(iter(titles.values()), "")


def open_brackets(agreement: Agreement) -> int:
    """Return how many nodes stand in brackets: those with options not withdrawn, and those bracketed."""
    nodes = [visit.model for visit in index_of(agreement).visits if isinstance(visit.model, Node)]
    return sum(1 for node in nodes if node.open_alternatives() or node.status == "bracketed")


def git_states(root: Path, files: list[Path]) -> dict[Path, str]:
    """Return the git state of each file under a folder, from one `git status` of the folder."""
    top = repository_top(Path(root))
    listed = _status(Path(root)) if top else None
    if listed is None:
        return {path: OUTSIDE_GIT for path in files}
    return {path: _state_in(listed, os.fsdecode(path.relative_to(top))) for path in files}


def repository_top(folder: Path) -> Path | None:
    """Return the top folder of the git work tree a folder is in (the nearest holding `.git`), or None."""
    return next((above for above in (folder, *folder.parents) if (above / ".git").exists()), None)


def _status(root: Path) -> dict[str, str] | None:
    """Return the state of every path `git status` reports under a folder (folders end with '/'); None if it fails."""
    output = _git(root, "status", "--porcelain=v1", "-z", "--ignored", "--", ".")
    return None if output is None else status_entries(output)


def status_entries(output: bytes) -> dict[str, str]:
    """Return the state of each path in `git status --porcelain=v1 -z` output, paths relative to the work tree."""
    fields = os.fsdecode(output).split("\0")
    entries: dict[str, str] = {}
    index = 0
    while index < len(fields):
        field = fields[index]
        index += 1
        if len(field) < 4:
            continue
        code, name = field[:2], field[3:]
        if code[0] in "RC":
            index += 1  # a renamed or copied path is followed by the path it came from
        entries[name] = _state_of_code(code)
    return entries


def _state_of_code(code: str) -> str:
    """Return the state a two-letter status code means: changes in the file win over changes staged."""
    if code == "??":
        return "new"
    if code == "!!":
        return OUTSIDE_GIT
    return "modified" if code[1] != " " else "staged"


def _state_in(listed: dict[str, str], relative: str) -> str:
    """Return a file's state: its own entry, else that of an untracked or ignored folder holding it, else committed."""
    if relative in listed:
        return listed[relative]
    parts = relative.split("/")
    folders = ("/".join(parts[:count]) + "/" for count in range(len(parts) - 1, 0, -1))
    return next((listed[folder] for folder in folders if folder in listed), "committed")


def revisions(root: Path, path: Path, limit: int = 50) -> list[Revision]:
    """Return the latest commits (at most limit) that changed a draft in the folder, newest first; [] outside git."""
    full = Path(root) / path
    relative = os.fsdecode(full.relative_to(root))
    output = _git(Path(root), "log", f"--max-count={int(limit)}", f"--format={LOG_FORMAT}", "--", relative)
    if output is None:
        return []
    lines = output.decode("utf-8", "replace").splitlines()
    return [Revision(*line.split("\x1f", 4)) for line in lines if line.count("\x1f") >= 4]


def _git(folder: Path, *arguments: str) -> bytes | None:
    """Return the output of a git command run in a folder, or None when git is missing, fails or is too slow.

    Paths are taken literally (no pathspec magic), and git takes no optional lock, so a command of the drafter's
    running at the same time is never blocked.
    """
    command = ["git", "--literal-pathspecs", "-c", "log.showSignature=false", "-c", "core.quotePath=false",
               *arguments]
    environment = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0"}
    try:
        done = subprocess.run(command, cwd=folder, capture_output=True, timeout=GIT_TIMEOUT, check=False,
                              stdin=subprocess.DEVNULL, env=environment)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None
