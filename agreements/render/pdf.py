"""A PDF of a Word document, converted by LibreOffice headless and dated like the draft.

Each conversion runs `soffice` in a temporary folder of its own, with its own user profile (so several can run
at once, beside a LibreOffice the user has open) and the house style's fontconfig file, under a time limit
after which the whole process group is killed. LibreOffice stamps the PDF with the time of the conversion
(`/CreationDate`) and derives the file identifier (`/ID`) and its `/DocChecksum` from it; every other byte
follows from the Word file and the fonts installed. The stamp is replaced by the draft's time and the
identifier by a digest of the rest, each in the same number of bytes, so the cross-reference table stays
exact and the same draft gives the same PDF.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from agreements.render.docx.house_style import libreoffice_environment
from clauses.errors import OutputError

PROGRAMS = ("soffice", "libreoffice")
TIMEOUT_SECONDS = 300
CREATION_DATE = re.compile(rb"/CreationDate\(D:(\d{14}Z')\)")
IDENTIFIERS = re.compile(rb"/ID\s*\[\s*<([0-9A-F]{32})>\s*<([0-9A-F]{32})>\s*\]")
CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-F]{32})")


def soffice() -> str:
    """Return the path of LibreOffice's soffice program; refused (PD-E054) when it is not on the PATH."""
    found = next((path for path in map(shutil.which, PROGRAMS) if path), None)
    if found is None:
        raise OutputError("soffice not found on the PATH: a PDF is converted by LibreOffice "
                          "(install LibreOffice Writer)", "PD-E054")
    return found


def word_to_pdf(word: bytes, when: datetime.datetime, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """Return the PDF LibreOffice prints of a Word document, stamped with the time when (see fix_stamps)."""
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="peacedraft-pdf-") as folder:
        source = Path(folder) / "agreement.docx"
        source.write_bytes(word)
        _run([program, f"-env:UserInstallation={(Path(folder) / 'profile').as_uri()}", "--headless", "--norestore",
              "--convert-to", "pdf:writer_pdf_Export", "--outdir", folder, str(source)], timeout)
        target = source.with_suffix(".pdf")
        if not target.is_file():
            raise OutputError("LibreOffice wrote no PDF (it could not convert the Word document)", "PD-E055")
        return fix_stamps(target.read_bytes(), when)


def _run(command: list[str], timeout: float) -> None:
    """Run LibreOffice in a process group of its own; refused (PD-E055) when it fails or outlasts timeout."""
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True, env=libreoffice_environment({**os.environ, "TZ": "UTC"}))
    try:
        _, errors = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise OutputError(f"LibreOffice did not finish the PDF within {timeout:g} s", "PD-E055") from None
    if process.returncode != 0:
        said = errors.decode("utf-8", "replace").strip().splitlines()
        raise OutputError(f"LibreOffice failed (exit code {process.returncode})"
                          + (f": {said[-1]}" if said else ""), "PD-E055")


def _kill(process: subprocess.Popen) -> None:
    """Kill a process and every process it started (its process group), and reap it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.communicate()


def fix_stamps(pdf: bytes, when: datetime.datetime) -> bytes:
    """Return a PDF of LibreOffice's with its creation time set to when and its identifier a digest of the rest.

    A PDF without exactly one of each stamp (another producer, another LibreOffice) is returned as it is.
    """
    dates, identifiers, checksums = (list(pattern.finditer(pdf)) for pattern in (CREATION_DATE, IDENTIFIERS, CHECKSUM))
    if not len(dates) == len(identifiers) == len(checksums) == 1:
        return pdf
    stamp = when.astimezone(datetime.timezone.utc).strftime("%Y%m%d%H%M%SZ'").encode("ascii")
    digest_spans = [identifiers[0].span(1), identifiers[0].span(2), checksums[0].span(1)]
    dated = _replace(pdf, [(dates[0].span(1), stamp)])
    blank = _replace(dated, [(span, b"0" * 32) for span in digest_spans])
    digest = hashlib.md5(blank, usedforsecurity=False).hexdigest().upper().encode("ascii")
    return _replace(dated, [(span, digest) for span in digest_spans])


def _replace(data: bytes, pieces: list[tuple[tuple[int, int], bytes]]) -> bytes:
    """Return data with each span replaced by bytes of the same length."""
    result = bytearray(data)
    for (start, end), value in pieces:
        assert len(value) == end - start, "a PDF stamp must keep its length"
        result[start:end] = value
    return bytes(result)
