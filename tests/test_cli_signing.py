"""package --sign and verify --signers: a signed package, checked by ssh-keygen alone and by peacedraft."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from agreements.package.folder import zip_bytes
from cli import main
from tests.agreements.package.test_signing import ALICE, WHEN, forge, make_key, signers_file

FILES = 20  # the shipped example's package, without manifest.json and its signature


@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> dict[str, Path]:
    """Return throwaway keys: alice's and bob's (no passphrase) and one locked by a passphrase."""
    folder = tmp_path_factory.mktemp("keys")
    return {"alice": make_key(folder, "alice"), "bob": make_key(folder, "bob"),
            "locked": make_key(folder, "locked", "a passphrase")}


@pytest.fixture(scope="module")
def signed(tmp_path_factory, keys) -> Path:
    """Return the folder where `peacedraft package --zip --sign KEY` built the shipped example, signed by alice."""
    folder = tmp_path_factory.mktemp("signed")
    previous = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["package", "--zip", "--sign", str(keys["alice"])])
    finally:
        os.chdir(previous)
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"wrote negotiation-package/ ({FILES} files and manifest.json signed with "
                             f"{keys['alice']}) and negotiation-package.zip\n")
    return folder


@pytest.fixture
def allowed(tmp_path, keys) -> Path:
    """Return an allowed_signers file that lists alice only."""
    return signers_file(tmp_path / "allowed_signers", [(ALICE, keys["alice"])])


@pytest.fixture
def copy(signed, tmp_path) -> Path:
    """Return a fresh copy of the signed package folder."""
    return Path(shutil.copytree(signed / "negotiation-package", tmp_path / "copy"))


def manifest_line(folder: Path) -> str:
    """Return the line verify starts with: the SHA-256 of the folder's manifest.json."""
    return f"manifest SHA-256: {hashlib.sha256((folder / 'manifest.json').read_bytes()).hexdigest()}\n"


def zipped(folder: Path) -> Path:
    """Return a zip of a package folder under its name, as package --zip writes it."""
    files = {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    target = folder.with_suffix(".zip")
    target.write_bytes(zip_bytes(files, folder.name, WHEN))
    return target


def test_ssh_keygen_alone_verifies_the_signed_manifest(signed, allowed):
    package = signed / "negotiation-package"
    with open(package / "manifest.json", "rb") as manifest:
        done = subprocess.run(["ssh-keygen", "-Y", "verify", "-f", str(allowed), "-I", ALICE, "-n",
                               "peacedraft-package", "-s", str(package / "manifest.json.sig")],
                              stdin=manifest, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("target", ["negotiation-package", "negotiation-package.zip"])
def test_verify_names_the_signer_of_the_folder_and_the_zip(signed, allowed, runner, target):
    result = runner.invoke(main, ["verify", str(signed / target), "--signers", str(allowed)])
    assert result.exit_code == 0, result.output
    assert result.stdout == manifest_line(signed / "negotiation-package")
    assert result.stderr == f"{signed / target}: intact ({FILES} files, peacedraft 0.1.0), signed by {ALICE}\n"


def test_without_signers_verify_says_the_signature_was_not_checked(signed, runner):
    result = runner.invoke(main, ["verify", str(signed / "negotiation-package.zip")])
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"{signed / 'negotiation-package.zip'}: intact ({FILES} files, peacedraft 0.1.0); "
                             "signed, the signature not checked (give --signers FILE)\n")


@pytest.mark.parametrize("as_zip", [False, True])
def test_a_forged_package_is_intact_by_hashes_but_fails_its_signature(copy, allowed, runner, as_zip):
    forge(copy, "timeline/timeline.txt")
    target = str(zipped(copy) if as_zip else copy)
    assert runner.invoke(main, ["verify", target]).exit_code == 0
    result = runner.invoke(main, ["verify", target, "--signers", str(allowed)])
    assert result.exit_code == 1
    assert result.stdout == manifest_line(copy)
    assert result.stderr == (f"peacedraft: {target}: the signature does not verify: manifest.json was changed after "
                             f"signing, or {allowed} does not allow that key to sign packages [PD-E076]\n")


def test_a_signer_the_file_does_not_list_fails(signed, tmp_path, keys, runner):
    bobs = signers_file(tmp_path / "bobs_signers", [("bob@un.example", keys["bob"])])
    target = signed / "negotiation-package"
    result = runner.invoke(main, ["verify", str(target), "--signers", str(bobs)])
    assert (result.exit_code, result.stderr) == (
        1, f"peacedraft: {target}: signed by a key that {bobs} does not list [PD-E077]\n")


def test_an_unsigned_package_fails_with_signers(copy, allowed, runner):
    (copy / "manifest.json.sig").unlink()
    result = runner.invoke(main, ["verify", str(copy), "--signers", str(allowed)])
    message = f"peacedraft: {copy}: not signed (no manifest.json.sig) [PD-E075]\n"
    assert (result.exit_code, result.stderr) == (1, message)


def test_a_missing_signers_file_is_one_line_and_exit_2(signed, tmp_path, runner):
    result = runner.invoke(main, ["verify", str(signed / "negotiation-package"), "--signers", str(tmp_path / "none")])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"peacedraft: {tmp_path / 'none'}: no such signers file [PD-E010]\n"


@pytest.mark.parametrize("case, message", [
    ("missing", "peacedraft: {key}: no such key file [PD-E010]\n"),
    ("public", "peacedraft: {key}: cannot sign: not a private key (give the key file itself, not its .pub) "
               "[PD-E074]\n"),
    ("locked", "peacedraft: {key}: cannot sign: the key has a passphrase and there is no terminal to ask for it (CI or "
               "no terminal); sign at a terminal, or with a key kept for signing without one [PD-E074]\n"),
])
def test_a_key_that_cannot_sign_writes_nothing(keys, tmp_path, runner, monkeypatch, case, message):
    monkeypatch.setenv("CI", "true")
    key = {"missing": tmp_path / "nokey", "public": keys["alice"].with_suffix(".pub"), "locked": keys["locked"]}[case]
    output = tmp_path / "out" / "package"
    output.parent.mkdir()
    result = runner.invoke(main, ["package", "-o", str(output), "--zip", "--sign", str(key)])
    assert (result.exit_code, result.stderr) == (2, message.format(key=key))
    assert list(output.parent.iterdir()) == []


def test_without_ssh_keygen_package_sign_says_what_to_install(keys, tmp_path, runner, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    result = runner.invoke(main, ["package", "-o", str(tmp_path / "p"), "--sign", str(keys["alice"])])
    assert (result.exit_code, result.stderr) == (2, "peacedraft: ssh-keygen not found: install OpenSSH's client "
                                                    "(openssh-client) to sign or check package signatures [PD-E073]\n")
    assert not (tmp_path / "p").exists()


def test_without_ssh_keygen_verify_signers_says_what_to_install(signed, allowed, tmp_path, runner, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    result = runner.invoke(main, ["verify", str(signed / "negotiation-package"), "--signers", str(allowed)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("peacedraft: ssh-keygen not found: install OpenSSH's client (openssh-client) to sign or "
                             "check package signatures [PD-E073]\n")
