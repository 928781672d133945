"""LibreOffice driven through UNO for the tests: where it runs, and skipping only where it may be absent.

The `uno` module imports only under Debian's own /usr/bin/python3, so the UNO scripts run under it in a
subprocess. CI installs LibreOffice and sets PEACEDRAFT_REQUIRE_LIBREOFFICE=1: there a missing LibreOffice fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SYSTEM_PYTHON = "/usr/bin/python3"
REQUIRED = bool(os.environ.get("PEACEDRAFT_REQUIRE_LIBREOFFICE"))


def has_uno() -> bool:
    """Return whether the system Python imports uno."""
    return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


def need_libreoffice() -> None:
    """Skip the calling test where LibreOffice with python3-uno is absent; fail instead where CI requires it."""
    if shutil.which("soffice") and Path(SYSTEM_PYTHON).exists() and has_uno():
        return
    if REQUIRED:
        pytest.fail("LibreOffice with python3-uno is required here but not installed")
    pytest.skip("LibreOffice with python3-uno is not installed (CI installs it)")


class UnoServer:
    """A UNO script run as a server under the system Python: one request a line, answered 'done' or 'failed …'."""

    def __init__(self, script: Path, *arguments: str):
        self.process = subprocess.Popen([SYSTEM_PYTHON, str(script), *arguments, "--serve"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert self.process.stdout.readline().strip() == "ready"

    def ask(self, request: str) -> None:
        """Send one request and fail the test unless the server answers 'done'."""
        self.process.stdin.write(request + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        assert answer == "done", answer

    def close(self) -> None:
        """Stop the server."""
        self.process.stdin.close()
        self.process.wait(timeout=60)
