"""Saving a version of a draft in git from the versions page: `git add` then `git commit` of that one file.

git runs in the served folder with no shell, a time limit and no optional locks; the file is named after `--`, so
it is never read as an option, and only that file is committed (other staged changes stay staged). A failure (no
identity configured, not a repository, a hook refusing) is one line with PD-E126.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from agreements.drafts import file_digest
from clauses.errors import PeacedraftError
from workbench.folder import OUTSIDE_GIT, git_states, repository_top
from workbench.sides import GIT_ENVIRONMENT, GIT_TIMEOUT, Side, agreement_of
from workbench.state import Bench

SAVED_STATES = ("committed", OUTSIDE_GIT)  # states in which there is nothing to save
MAX_MESSAGE = 2000  # characters a message may have


class GitSaveError(PeacedraftError):
    """git did not record the version: its own first line of explanation, with PD-E126."""

    def __init__(self, draft: str, reason: str):
        super().__init__(f"{draft}: git did not save this version: {reason}", "PD-E126")


@dataclass(frozen=True)
class SaveOffer:
    """What the save form shows: whether to offer it, the git state, the message proposed, the file's digest."""

    offered: bool
    state: str
    message: str
    digest: str


def save_offer(bench: Bench, draft: str) -> SaveOffer:
    """Return the save form of a draft: offered in git when the file differs from its last commit."""
    path = bench.resolve(draft)
    state = git_states(bench.root, [path])[path] if path.is_file() else OUTSIDE_GIT
    if state in SAVED_STATES:
        return SaveOffer(False, state, "", "")
    return SaveOffer(True, state, proposed_message(bench, draft), file_digest(path))


def proposed_message(bench: Bench, draft: str) -> str:
    """Return the message proposed for a version: 'Round 2, version R2' from the draft's meta ('' if it does not load)."""
    try:
        meta = agreement_of(bench.root, Side(bench.resolve(draft), draft)).meta
    except PeacedraftError:
        return ""
    return f"Round {meta.round}, version {meta.version}"


def commit_draft(root: Path, draft: str, message: str) -> str:
    """Return the short hash of the commit recording one draft file with a message (PD-E126 when git refuses)."""
    if repository_top(root) is None:
        raise GitSaveError(draft, "the folder is not in a git repository")
    _run(root, draft, "add", "--", draft)
    _run(root, draft, "commit", "--quiet", "-m", message, "--", draft)
    return _run(root, draft, "rev-parse", "--short", "--verify", "--end-of-options", "HEAD").strip()


def _run(root: Path, draft: str, *args: str) -> str:
    """Return what a git command printed, run in the folder; PD-E126 with git's own reason when it fails."""
    try:
        done = subprocess.run(["git", "--literal-pathspecs", *args], cwd=root, capture_output=True,
                              timeout=GIT_TIMEOUT, stdin=subprocess.DEVNULL, env=GIT_ENVIRONMENT)
    except subprocess.TimeoutExpired:
        raise GitSaveError(draft, f"git took longer than {GIT_TIMEOUT} seconds") from None
    except OSError as error:
        raise GitSaveError(draft, f"cannot run git: {error.strerror or error}") from None
    if done.returncode != 0:
        raise GitSaveError(draft, reason_of(done.stderr or done.stdout))
    return done.stdout.decode("utf-8", "replace")


def reason_of(output: bytes) -> str:
    """Return the line of git's output that says why it failed: its fatal or error line, else its first line."""
    lines = [line.strip() for line in output.decode("utf-8", "replace").splitlines() if line.strip()]
    chosen = next((line for line in lines if line.startswith(("fatal:", "error:"))), lines[0] if lines else "")
    return chosen.removeprefix("fatal: ").removeprefix("error: ") or "git gave no reason"
