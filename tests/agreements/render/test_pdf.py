"""The PDF converter: LibreOffice found or refused, its failures and time limit, and the stamps made reproducible.

A stand-in `soffice` (a shell script on PATH) plays LibreOffice's failures; the real one is in tests/test_cli_pdf.py.
"""

from __future__ import annotations

import datetime
import hashlib
import time
from pathlib import Path

import pytest

from agreements.render.pdf import fix_stamps, word_to_pdf
from clauses.errors import OutputError

WHEN = datetime.datetime(2027, 6, 25, tzinfo=datetime.timezone.utc)
ID = b"82EEBA49E899A8566DA240A7F290B156"


def libreoffice_pdf(created: bytes, identifier: bytes = ID) -> bytes:
    """Return the tail of a PDF as LibreOffice 7.4 writes it, created at a time, with an identifier."""
    return (b"%PDF-1.6\n1 0 obj\n<</Producer<FEFF>\n/CreationDate(D:" + created + b"Z')>>\nendobj\n"
            b"trailer\n<</Size 95/Root 93 0 R\n/Info 94 0 R\n/ID [ <" + identifier + b">\n<" + identifier + b"> ]\n"
            b"/DocChecksum /" + identifier + b"\n>>\nstartxref\n100170\n%%EOF\n")


def stand_in(folder: Path, monkeypatch, script: str) -> None:
    """Put a shell script named soffice alone on PATH."""
    program = folder / "soffice"
    program.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))


def test_the_stamps_become_the_drafts_time_and_a_digest_of_the_rest():
    fixed = fix_stamps(libreoffice_pdf(b"20261202182009"), WHEN)
    blank = libreoffice_pdf(b"20270625000000", b"0" * 32)
    digest = hashlib.md5(blank, usedforsecurity=False).hexdigest().upper().encode("ascii")
    assert fixed == libreoffice_pdf(b"20270625000000", digest)


def test_two_conversions_at_other_times_give_the_same_bytes():
    first = fix_stamps(libreoffice_pdf(b"20261202182009"), WHEN)
    second = fix_stamps(libreoffice_pdf(b"20261202182011", b"3DAC59762B254C4666C36A8BA9095C96"), WHEN)
    assert first == second and len(first) == len(libreoffice_pdf(b"20261202182009"))


def test_a_pdf_without_libreoffices_stamps_is_left_as_it_is():
    other = libreoffice_pdf(b"20261202182009").replace(b"/DocChecksum", b"/Checksum")
    assert fix_stamps(other, WHEN) == other


def test_no_soffice_on_the_path_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(OutputError) as refused:
        word_to_pdf(b"PK", WHEN)
    assert refused.value.lines() == ["peacedraft: soffice not found on the PATH: a PDF is converted by LibreOffice "
                                     "(install LibreOffice Writer) [PD-E054]"]


def test_a_failing_libreoffice_is_reported_with_its_last_words(tmp_path, monkeypatch):
    stand_in(tmp_path, monkeypatch, "echo 'Error: source file could not be loaded' >&2\nexit 1\n")
    with pytest.raises(OutputError) as refused:
        word_to_pdf(b"PK", WHEN)
    assert refused.value.lines() == ["peacedraft: LibreOffice failed (exit code 1): Error: source file could not be "
                                     "loaded [PD-E055]"]


def test_a_libreoffice_that_writes_nothing_is_refused(tmp_path, monkeypatch):
    stand_in(tmp_path, monkeypatch, "exit 0\n")
    with pytest.raises(OutputError, match=r"LibreOffice wrote no PDF"):
        word_to_pdf(b"PK", WHEN)


def test_libreoffice_gets_its_own_profile_and_the_word_file(tmp_path, monkeypatch):
    record = tmp_path / "arguments"
    stand_in(tmp_path, monkeypatch, f'printf "%s\\n" "$@" > {record}\n'
                                    'for last; do :; done\n/bin/cp "$last" "${last%.docx}.pdf"\n')
    assert word_to_pdf(b"%PDF-1.6 not really", WHEN) == b"%PDF-1.6 not really"
    arguments = record.read_text(encoding="utf-8").splitlines()
    assert arguments[0].startswith("-env:UserInstallation=file:///") and arguments[0].endswith("/profile")
    assert arguments[1:5] == ["--headless", "--norestore", "--convert-to", "pdf:writer_pdf_Export"]
    assert not Path(arguments[-1]).exists(), "the temporary folder is removed"


def alive(pid: int) -> bool:
    """Return whether a process runs (a zombie waiting to be reaped does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_a_libreoffice_over_its_time_is_killed_with_what_it_started(tmp_path, monkeypatch):
    child = tmp_path / "child.pid"
    stand_in(tmp_path, monkeypatch, f"/bin/sleep 60 &\necho $! > {child}\nwait\n")
    started = time.monotonic()
    with pytest.raises(OutputError) as refused:
        word_to_pdf(b"PK", WHEN, timeout=0.5)
    assert time.monotonic() - started < 10
    assert refused.value.lines() == ["peacedraft: LibreOffice did not finish the PDF within 0.5 s [PD-E055]"]
    pid = int(child.read_text())
    deadline = time.monotonic() + 5
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(pid)
