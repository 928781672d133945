"""Versions of a draft: a file, or `REV:PATH` read from git, so drafts kept in git can be compared at any commit."""

from __future__ import annotations

import os
import subprocess

from agreements.drafts import MAX_FILE_BYTES, decode, parse_agreement, read_bytes
from clauses.errors import DraftError
from agreements.model import Agreement


def load_version(spec: str) -> Agreement:
    """Return the draft a spec names: a file path, or REV:PATH (as `git show` reads it)."""
    return parse_agreement(decode(version_bytes(spec), spec), spec)


def version_bytes(spec: str) -> bytes:
    """Return the bytes of the draft a spec names: a file path, or REV:PATH read with `git show`."""
    if os.path.exists(spec) or ":" not in spec:
        return read_bytes(spec)
    revision, path = spec.split(":", 1)
    try:
        result = subprocess.run(["git", "show", f"{revision}:{path}"], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DraftError.at(spec, 1, 1, f"cannot run git: {error}", code="PD-E024") from None
    if result.returncode != 0:
        reason = (result.stderr.decode("utf-8", "replace").strip().splitlines() or ["unknown error"])[0]
        raise DraftError.at(spec, 1, 1, f"git cannot read it: {reason.removeprefix('fatal: ')}", code="PD-E024")
    if len(result.stdout) > MAX_FILE_BYTES:
        message = f"file is {len(result.stdout):,} bytes; a draft may be at most {MAX_FILE_BYTES:,}"
        raise DraftError.at(spec, 1, 1, message, code="PD-E011")
    return result.stdout
