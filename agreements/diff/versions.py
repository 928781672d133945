"""Versions of a draft: a file, or `REV:PATH` read from git, so drafts kept in git can be compared at any commit."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
from dataclasses import dataclass

from agreements.drafts import MAX_FILE_BYTES, decode, parse_agreement, read_bytes
from clauses.errors import DraftError
from agreements.model import Agreement
from agreements.text_language import text_language
from clauses.languages import DEFAULT_LANGUAGE

GIT_TIMEOUT = 60  # seconds `git show` may take
CHUNK_BYTES = 1 << 16


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
    old, new = load_version(old_spec), load_version(new_spec)
    return Sides(old, new, compared_language(old, new, lang, old_spec, new_spec), [])


def compared_language(old: Agreement, new: Agreement, asked: str | None, old_name: str, new_name: str) -> str:
    """Return the language two drafts are compared in: the one asked for, else the default when both have it, else
    their first in common (PD-E088 for a language either lacks)."""
    if asked is None:
        shared = shared_languages(old, new) or list(old.meta.languages)
        asked = DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in shared else shared[0]
    return text_language(new, text_language(old, asked, old_name), new_name)


def shared_languages(old: Agreement, new: Agreement) -> list[str]:
    """Return the languages both drafts are written in, in the old draft's order."""
    return [code for code in old.meta.languages if code in new.meta.languages]


def load_version(spec: str) -> Agreement:
    """Return the draft a spec names: a file path, or REV:PATH (as `git show` reads it)."""
    return parse_agreement(decode(version_bytes(spec), spec), spec)


def version_bytes(spec: str) -> bytes:
    """Return the bytes of the draft a spec names: a file path, or REV:PATH read with `git show`."""
    if os.path.exists(spec) or ":" not in spec:
        return read_bytes(spec)
    revision, path = spec.split(":", 1)
    with tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.Popen(["git", "show", f"{revision}:{path}"], stdout=subprocess.PIPE, stderr=errors)
        except OSError as error:
            raise DraftError.at(spec, 1, 1, f"cannot run git: {error}", code="PD-E024") from None
        data, returncode = _read_bounded(process, spec)
        if returncode != 0:
            errors.seek(0)
            message = errors.read(4096).decode("utf-8", "replace").strip().splitlines() or ["unknown error"]
            reason = message[0].removeprefix("fatal: ")
            raise DraftError.at(spec, 1, 1, f"git cannot read it: {reason}", code="PD-E024")
    return data


def _read_bounded(process: subprocess.Popen, spec: str) -> tuple[bytes, int]:
    """Return what a `git show` process writes and its exit status, stopping it once it passes MAX_FILE_BYTES."""
    expired = threading.Event()
    timer = threading.Timer(GIT_TIMEOUT, lambda: (expired.set(), process.kill()))
    timer.start()
    try:
        chunks, size = [], 0
        while size <= MAX_FILE_BYTES and (chunk := process.stdout.read(CHUNK_BYTES)):
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_FILE_BYTES:
            process.kill()
            process.wait()
            raise DraftError.at(spec, 1, 1, f"file is {_size_in_git(spec)} bytes; a draft may be at most "
                                f"{MAX_FILE_BYTES:,}", code="PD-E011")
        returncode = process.wait()
    finally:
        timer.cancel()
        process.stdout.close()
    if expired.is_set():
        raise DraftError.at(spec, 1, 1, f"cannot run git: no answer within {GIT_TIMEOUT} s", code="PD-E024")
    return b"".join(chunks), returncode


def _size_in_git(spec: str) -> str:
    """Return the size git records for REV:PATH (`git cat-file -s`), or 'over' the limit when git does not say it."""
    try:
        process = subprocess.Popen(["git", "cat-file", "-s", spec], stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL)
    except OSError:
        return f"over {MAX_FILE_BYTES:,}"
    timer = threading.Timer(GIT_TIMEOUT, process.kill)
    timer.start()
    try:
        answer = process.stdout.read(32).decode("ascii", "replace").strip()  # a size is a line of digits
    finally:
        timer.cancel()
        process.kill()
        process.wait()
        process.stdout.close()
    return f"{int(answer):,}" if answer.isdigit() else f"over {MAX_FILE_BYTES:,}"
