"""A served folder for the workbench tests: round 1 then round 2 of the example committed in git, and a client."""

from __future__ import annotations


import subprocess
import warnings
from importlib import resources
from pathlib import Path

import pytest

from workbench.app import allowed_hosts, create_app
from workbench.state import Bench

HOST, PORT = "127.0.0.1", 8800
GIT_ENV = {"GIT_AUTHOR_NAME": "Drafter", "GIT_AUTHOR_EMAIL": "drafter@example.org", "GIT_COMMITTER_NAME": "Drafter",
           "GIT_COMMITTER_EMAIL": "drafter@example.org", "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z",
           "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z", "PATH": "/usr/bin:/bin", "HOME": "/nonexistent"}


def example(name: str) -> bytes:
    """Return the bytes of a shipped example round ('round-2')."""
    return resources.files("agreements.examples").joinpath(f"{name}.yaml").read_bytes()


def git(folder: Path, *args: str) -> str:
    """Run git in a folder with a fixed author and date; return what it printed."""
    done = subprocess.run(["git", *args], cwd=folder, env=GIT_ENV, capture_output=True, text=True, check=True)
    return done.stdout


def make_folder(folder: Path) -> Path:
    """Fill a folder: draft.yaml committed as round 1, then as round 2, plus round-1.yaml and round-2.yaml."""
    folder.mkdir(exist_ok=True)
    git(folder, "init", "-q", "-b", "main")
    (folder / "draft.yaml").write_bytes(example("round-1"))
    git(folder, "add", "draft.yaml")
    git(folder, "commit", "-q", "-m", "Round 1")
    (folder / "draft.yaml").write_bytes(example("round-2"))
    git(folder, "commit", "-q", "-am", "Round 2")
    for name in ("round-1", "round-2"):
        (folder / f"{name}.yaml").write_bytes(example(name))
    return folder


def client_for(bench: Bench):
    """Return a test client of a bench's application that holds the access token cookie."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from starlette.testclient import TestClient
    client = TestClient(create_app(bench), base_url=f"http://{HOST}:{PORT}", raise_server_exceptions=False)
    client.get(f"/?token={bench.token}", follow_redirects=False)
    return client


@pytest.fixture
def served(tmp_path: Path):
    """Return (bench, client): a folder in git with draft.yaml at round 2 (round 1 one commit back)."""
    bench = Bench(make_folder(tmp_path / "drafts"), allowed_hosts=allowed_hosts(HOST, PORT))
    return bench, client_for(bench)


@pytest.fixture(scope="module")
def served_once(tmp_path_factory):
    """Return (bench, client) shared by a module's read-only tests."""
    bench = Bench(make_folder(tmp_path_factory.mktemp("served") / "drafts"), allowed_hosts=allowed_hosts(HOST, PORT))
    return bench, client_for(bench)



