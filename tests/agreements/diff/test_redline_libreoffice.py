"""The check that matters: in LibreOffice, accepting all changes of a redline gives the new render, rejecting all the old.

Runs on the shipped round 1 → round 2 pair in every language, and on generated pairs (hypothesis edit scripts:
change a word, a parameter, delete, insert, append at the end, move, rebracket). PEACEDRAFT_REDLINE_EXAMPLES
sets how many generated pairs (CI runs 200). LibreOffice runs once, as a server, for the whole module.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agreements.diff.compare import compare_agreements
from agreements.diff.redline import redline_docx
from agreements.render.docx.render import render_docx
from agreements.drafts import load_agreement
from agreements.examples import example_path
from agreements.model import Agreement
from tests.agreements.render.docx.edits import EDITS, edited

SCRIPT = Path(__file__).parents[1] / "render" / "docx" / "uno_text.py"
SYSTEM_PYTHON = "/usr/bin/python3"
REQUIRED = bool(os.environ.get("PEACEDRAFT_REQUIRE_LIBREOFFICE"))
EXAMPLES = int(os.environ.get("PEACEDRAFT_REDLINE_EXAMPLES", "12"))
ROUND_1 = load_agreement(str(example_path("round-1")))
ROUND_2 = load_agreement(str(example_path("round-2")))


class Reviewer:
    """A LibreOffice server that turns Word files into text, accepting or rejecting their changes first."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.process = subprocess.Popen([SYSTEM_PYTHON, str(SCRIPT), str(folder), "--serve"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert self.process.stdout.readline().strip() == "ready"

    def text(self, mode: str, path: Path) -> str:
        """Return the text LibreOffice saves for a document after the mode (plain, accept, reject)."""
        self.process.stdin.write(f"{mode}:{path}\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        assert answer == "done", answer
        return (self.folder / f"{path.stem}.{mode}.txt").read_text(encoding="utf-8-sig")

    def close(self) -> None:
        """Stop the server."""
        self.process.stdin.close()
        self.process.wait(timeout=60)


@pytest.fixture(scope="module")
def reviewer(tmp_path_factory):
    """Start one LibreOffice for the module (skipped where LibreOffice is absent, unless CI requires it)."""
    if not (shutil.which("soffice") and Path(SYSTEM_PYTHON).exists() and _has_uno()):
        if REQUIRED:
            pytest.fail("LibreOffice with python3-uno is required here but not installed")
        pytest.skip("LibreOffice with python3-uno is not installed (CI installs it)")
    server = Reviewer(tmp_path_factory.mktemp("reviewer"))
    yield server
    server.close()


def _has_uno() -> bool:
    """Return whether the system Python imports uno."""
    return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


def check_pair(reviewer: Reviewer, old: Agreement, new: Agreement, lang: str, name: str) -> None:
    """Assert that accept-all gives the new render's text and reject-all the old one's."""
    folder = reviewer.folder
    paths = {key: folder / f"{name}-{key}.docx" for key in ("old", "new", "redline")}
    paths["old"].write_bytes(render_docx(old, lang))
    paths["new"].write_bytes(render_docx(new, lang))
    paths["redline"].write_bytes(redline_docx(old, new, compare_agreements(old, new), lang, "Reviewer"))
    assert reviewer.text("accept", paths["redline"]) == reviewer.text("plain", paths["new"])
    assert reviewer.text("reject", paths["redline"]) == reviewer.text("plain", paths["old"])


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_shipped_pair_accepts_to_round_2_and_rejects_to_round_1(reviewer, lang):
    check_pair(reviewer, ROUND_1, ROUND_2, lang, f"rounds-{lang}")


def test_identical_versions_give_a_redline_without_changes(reviewer):
    check_pair(reviewer, ROUND_2, ROUND_2, "en", "same")


SCRIPTS = st.lists(st.tuples(st.sampled_from(sorted(EDITS)), st.integers(0, 10**6)), min_size=1, max_size=4)
BASE_DATA = ROUND_1.model_dump(mode="json")


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(script=SCRIPTS, lang=st.sampled_from(["en", "ko", "zh"]))
def test_generated_pairs_accept_and_reject_exactly(reviewer, script, lang):
    new = Agreement.model_validate(edited(BASE_DATA, script))
    check_pair(reviewer, ROUND_1, new, lang, "generated")
