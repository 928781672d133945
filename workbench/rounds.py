"""The round of each version of a draft, the previous round a comparison or package takes by default, and each
version named in words a lawyer reads ("Round 2 as saved in git on 3 Dec 2026 (e825efd)").

The previous round of a draft at round N is a file of the folder at round N − 1 that is the same agreement (a title
or node ids in common), else the newest commit of the draft whose round is lower than N, else none. A revision's
round is read from its `meta:` block by one `git cat-file --batch` for all the commits offered (kept per commit);
a block the quick reading cannot follow is parsed in full.
"""

from __future__ import annotations

import datetime
import re
import subprocess
import threading
from pathlib import Path

from agreements.index import index_of
from agreements.model import Agreement
from clauses.errors import PeacedraftError
from workbench.folder import Revision
from workbench.sides import (GIT_ENVIRONMENT, GIT_TIMEOUT, Side, agreement_of, default_old as previous_revision,
                             folder_files, version_bytes)
from workbench.state import Bench

META_ROUND = re.compile(rb"^meta:[ \t]*\r?\n(?:(?:[ \t]+[^\n]*|[ \t]*|#[^\n]*)\r?\n)*?[ \t]+round:[ \t]*(\d+)[ \t]*"
                        rb"(?:#[^\n]*)?\r?$", re.M)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
YAML_SUFFIXES = (".yaml", ".yml")
ROUNDS: dict[tuple[str, str], int | None] = {}  # (draft, commit) → round, None where the quick reading failed
_rounds_lock = threading.Lock()


def round_in(data: bytes) -> int | None:
    """Return the round a draft's bytes give in their `meta:` block, or None when the quick reading cannot tell."""
    found = META_ROUND.search(data)
    return int(found.group(1)) if found else None


def revision_rounds(root: Path, draft: str, found: list[Revision]) -> dict[str, int | None]:
    """Return the round of the draft at each commit (by hash), read by one `git cat-file --batch` for those not kept."""
    missing = [revision.hash for revision in found if (draft, revision.hash) not in ROUNDS]
    if missing:
        blobs = _batch(root, [f"{commit}:./{draft}" for commit in missing])
        with _rounds_lock:
            for commit, data in zip(missing, blobs):
                ROUNDS[(draft, commit)] = round_in(data) if data is not None else None
    return {revision.hash: ROUNDS.get((draft, revision.hash)) for revision in found}


def _batch(root: Path, names: list[str]) -> list[bytes | None]:
    """Return the bytes of each object named (None for one git lacks), read by one `git cat-file --batch`."""
    try:
        done = subprocess.run(["git", "cat-file", "--batch"], cwd=root, input="\n".join(names).encode() + b"\n",
                              capture_output=True, timeout=GIT_TIMEOUT, env=GIT_ENVIRONMENT)
    except (OSError, subprocess.TimeoutExpired):
        return [None] * len(names)
    output, at, blobs = done.stdout, 0, []
    for _ in names:
        end = output.find(b"\n", at)
        if end < 0:
            blobs.append(None)
            continue
        header = output[at:end].split()
        if len(header) != 3 or not header[2].isdigit():
            blobs.append(None)
            at = end + 1
            continue
        size = int(header[2])
        blobs.append(output[end + 1:end + 1 + size])
        at = end + 1 + size + 1
    return blobs


def round_of(bench: Bench, side: Side) -> int | None:
    """Return the round of a version (None when it does not load)."""
    if side.revision and ROUNDS.get((side.relative, side.revision)) is not None:
        return ROUNDS[(side.relative, side.revision)]
    try:
        return agreement_of(bench.root, side).meta.round
    except PeacedraftError:
        return None


def same_agreement(one: Agreement, other: Agreement) -> bool:
    """Return whether two drafts are versions of one agreement: a title in common, or node ids in common."""
    titles = {text for title in (one.meta.title, one.meta.short_title or {}) for text in title.values()}
    if titles & {text for title in (other.meta.title, other.meta.short_title or {}) for text in title.values()}:
        return True
    return bool(_ids(one) & _ids(other))


def _ids(agreement: Agreement) -> set[str]:
    """Return the ids of a draft's nodes."""
    return {visit.model.id for visit in index_of(agreement).visits if isinstance(getattr(visit.model, "id", None), str)}


def previous_round(bench: Bench, draft: str, found: list[Revision]) -> Side | None:
    """Return the previous round of a draft: a file of the folder one round earlier, else the newest commit of a lower
    round, else None."""
    path = bench.resolve(draft)
    try:
        current = agreement_of(bench.root, Side(path, draft))
    except PeacedraftError:
        return None
    wanted = current.meta.round - 1
    for relative in folder_files(bench):
        if relative == draft or not relative.lower().endswith(YAML_SUFFIXES):
            continue
        side = Side(bench.resolve(relative), relative)
        try:
            if round_in(version_bytes(bench.root, side)) not in (wanted, None):
                continue
            other = agreement_of(bench.root, side)
        except PeacedraftError:
            continue
        if other.meta.round == wanted and same_agreement(current, other):
            return side
    rounds = revision_rounds(bench.root, draft, found)
    for revision in found:
        side = Side(path, draft, revision.hash)
        number = rounds.get(revision.hash)
        number = number if number is not None else round_of(bench, side)
        if number is not None and number <= wanted:
            return side
    return None


def compared_with(bench: Bench, draft: str, found: list[Revision]) -> Side | None:
    """Return the version a redline compares with by default: the previous round, else the previous revision."""
    return previous_round(bench, draft, found) or previous_revision(bench, draft, found)


def shown_against(bench: Bench, draft: str, found: list[Revision]) -> Side | None:
    """Return the version the versions page opens on: the last commit while the file has unsaved changes, else
    the previous round, else the previous revision."""
    if unsaved(bench, draft, found):
        return Side(bench.resolve(draft), draft, found[0].hash)
    return compared_with(bench, draft, found)


def short_date(iso: str) -> str:
    """Return an ISO 8601 date as a lawyer writes it short ('3 Dec 2026'); the text itself when it is no date."""
    try:
        day = datetime.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def unsaved(bench: Bench, draft: str, found: list[Revision]) -> bool:
    """Return whether the draft file differs from its last commit (False outside git)."""
    path = bench.resolve(draft)
    if not found or not path.is_file():
        return False
    return version_bytes(bench.root, Side(path, draft, found[0].hash)) != path.read_bytes()


class Names:
    """Each version of one draft named in words: its round, and where it is (git, the file now, another file)."""

    def __init__(self, bench: Bench, draft: str, found: list[Revision]):
        self.bench, self.draft, self.found = bench, draft, found
        self.by_hash = {revision.hash: revision for revision in found}
        self.rounds = revision_rounds(bench.root, draft, found)
        self.changed = unsaved(bench, draft, found)

    def revision(self, revision: Revision) -> str:
        """Return a commit of the draft in words ('Round 2 as saved in git on 3 Dec 2026 (e825efd)')."""
        number = self.rounds.get(revision.hash)
        if number is None:
            number = round_of(self.bench, Side(self.bench.resolve(self.draft), self.draft, revision.hash))
        return f"{_round(number)} as saved in git on {short_date(revision.date)} ({revision.short})"

    def file(self, relative: str) -> str:
        """Return a file of the folder in words: the draft now ('Round 2 with unsaved changes (this file now)'), or
        another file ('Round 1 (round-1.yaml)')."""
        if not relative.lower().endswith(YAML_SUFFIXES):
            return f"Word file ({relative})"
        number = round_of(self.bench, Side(self.bench.resolve(relative), relative))
        if relative != self.draft:
            return f"{_round(number)} ({relative})"
        if self.changed:
            return f"{_round(number)} with unsaved changes (this file now)"
        return f"{_round(number)} as saved in git (this file now)" if self.found else f"{_round(number)} (this file now)"

    def side(self, side: Side | None) -> str:
        """Return a version in words ('' for none)."""
        if side is None:
            return ""
        if side.revision is None:
            return self.file(side.relative)
        if side.revision in self.by_hash:
            return self.revision(self.by_hash[side.revision])
        return f"{_round(round_of(self.bench, side))} as saved in git ({side.revision[:7]})"


def _round(number: int | None) -> str:
    """Return 'Round 2', or 'A version' when the round is not known."""
    return f"Round {number}" if number is not None else "A version"
