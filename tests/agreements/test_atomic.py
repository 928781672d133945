"""Writing outputs atomically: the temporary files a killed write left beside a target are swept by its next write."""

from __future__ import annotations

import os
import time

import pytest

from agreements import atomic
from agreements.atomic import STALE_AFTER, sweep_leftovers, write_atomic
from clauses.errors import OutputError


def leftover(folder, name: str, age: float):
    """Write a file in folder last modified age seconds ago and return its path."""
    path = folder / name
    path.write_bytes(b"half")
    moment = time.time() - age
    os.utime(path, (moment, moment))
    return path


def test_next_write_sweeps_old_temporaries_of_the_same_target(tmp_path):
    old = leftover(tmp_path, ".draft.yaml.k3j_x9a2.tmp", STALE_AFTER + 60)
    old_backup = leftover(tmp_path, ".draft.yaml.0123456789ab.old.tmp", STALE_AFTER + 60)
    write_atomic(tmp_path / "draft.yaml", b"meta: {}\n")
    assert not old.exists() and not old_backup.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["draft.yaml"]


def test_young_temporaries_and_other_files_are_left(tmp_path):
    young = leftover(tmp_path, ".draft.yaml.k3j_x9a2.tmp", 5)
    other_target = leftover(tmp_path, ".other.yaml.k3j_x9a2.tmp", STALE_AFTER + 60)
    users_own = leftover(tmp_path, ".draft.yaml.my-notes.tmp", STALE_AFTER + 60)
    write_atomic(tmp_path / "draft.yaml", b"meta: {}\n")
    assert young.exists() and other_target.exists() and users_own.exists()


def test_sweep_reports_what_it_removed(tmp_path):
    stale = leftover(tmp_path, ".draft.yaml.abcdefgh.tmp", 0)
    assert sweep_leftovers(tmp_path / "draft.yaml", now=time.time() + STALE_AFTER + 1) == [stale]
    assert sweep_leftovers(tmp_path / "draft.yaml") == []


def test_a_killed_write_leaves_a_temporary_that_the_next_write_removes(tmp_path, monkeypatch):
    target = tmp_path / "draft.yaml"

    def killed(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "_rename_all", killed)
    monkeypatch.setattr(atomic, "_remove", lambda path: None)  # a killed process cleans nothing up
    try:
        write_atomic(target, b"first\n")
    except KeyboardInterrupt:
        pass
    monkeypatch.undo()
    (left,) = tmp_path.iterdir()
    os.utime(left, (time.time() - STALE_AFTER - 1,) * 2)
    write_atomic(target, b"second\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["draft.yaml"]
    assert target.read_bytes() == b"second\n"


def test_a_refusal_just_before_the_rename_leaves_the_target_and_no_temporary(tmp_path):
    target = tmp_path / "draft.yaml"
    target.write_bytes(b"newer\n")
    staged = []

    def refuse():
        staged.extend(path.name for path in tmp_path.iterdir())
        raise OutputError("refused", "PD-E052")

    with pytest.raises(OutputError):
        write_atomic(target, b"older\n", before_rename=refuse)
    assert len(staged) == 2  # the refusal came with the new content written beside the target
    assert target.read_bytes() == b"newer\n"
    assert [path.name for path in tmp_path.iterdir()] == ["draft.yaml"]
