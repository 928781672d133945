"""Versions of a draft: a file, or `REV:PATH` read from git, so drafts kept in git can be compared at any commit."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

from agreements.drafts import MAX_FILE_BYTES, decode, parse_agreement, read_bytes
from clauses.errors import DraftError
from agreements.model import Agreement
from clauses.languages import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Sides:
    """The two versions to compare, the language to compare them in, and what reading a Word side noted."""

    old: Agreement
    new: Agreement
    lang: str
    notes: list[str]


def load_sides(old_spec: str, new_spec: str, lang: str | None = None) -> Sides:
    """Return two versions to compare: drafts as they are or, when either is a Word file, both as text in a language."""
    from agreements.wordimport.importer import is_word_file

    if is_word_file(old_spec) or is_word_file(new_spec):
        from agreements.wordimport.matching import word_diff_sides

        return word_diff_sides(old_spec, new_spec, lang)
    return Sides(load_version(old_spec), load_version(new_spec), lang or DEFAULT_LANGUAGE, [])


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
