"""Reading a draft from git: `git show` is read in pieces and stopped once it passes the size a draft may have."""

from __future__ import annotations

import os
import time

import pytest

from agreements.diff import versions
from clauses.errors import DraftError


@pytest.fixture
def endless_git(tmp_path, monkeypatch):
    """Put on PATH a `git` that writes without end, as a huge blob would."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "git"
    script.write_text("#!/bin/sh\nexec yes 'title: a line of a very large draft'\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.chdir(tmp_path)


def test_endless_output_is_stopped_at_the_limit(endless_git, monkeypatch):
    monkeypatch.setattr(versions, "MAX_FILE_BYTES", 100_000)
    start = time.monotonic()
    with pytest.raises(DraftError) as raised:
        versions.version_bytes("HEAD:draft.yaml")
    assert time.monotonic() - start < 10
    assert raised.value.lines() == [
        "HEAD:draft.yaml:1:1: -: file is over 100,000 bytes; a draft may be at most 100,000 [PD-E011]"]


def test_output_within_the_limit_is_read_whole(tmp_path, monkeypatch):
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "git").write_text("#!/bin/sh\nprintf 'title: small\\n'\n")
    (folder / "git").chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.chdir(tmp_path)
    assert versions.version_bytes("HEAD:draft.yaml") == b"title: small\n"
