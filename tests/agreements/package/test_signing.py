"""Package signatures: ssh-keygen signs manifest.json, anyone checks it with ssh-keygen alone, a forgery fails."""

from __future__ import annotations

import datetime
import hashlib
import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from agreements.package import signing
from agreements.package.folder import write_folder, zip_bytes
from agreements.package.manifest import MANIFEST, SIGNATURE, manifest_bytes, verify
from agreements.package.signing import (NAMESPACE, SignatureError, check_signature, may_ask_passphrase,
                                        sign_manifest, signed_parts)
from clauses.errors import InputError

FILES = {"a.txt": b"alpha\n", "text/b.docx": b"PK-not-really"}
WHEN = datetime.datetime(2026, 3, 1, tzinfo=datetime.timezone.utc)
ALICE = "alice@rok.example"


def make_key(folder: Path, name: str, passphrase: str = "") -> Path:
    """Return the path of a new ed25519 private key (its public key beside it, as NAME.pub)."""
    key = folder / name
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", name, "-f", str(key)], check=True)
    return key


def signers_file(path: Path, entries: list[tuple[str, Path]], namespace: str = NAMESPACE) -> Path:
    """Return an allowed_signers file naming each principal's public key for the namespace."""
    lines = [f'{principal} namespaces="{namespace}" {" ".join(key.with_suffix(".pub").read_text().split()[:2])}'
             for principal, key in entries]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> dict[str, Path]:
    """Return throwaway keys: alice's and bob's (no passphrase) and one locked by a passphrase."""
    folder = tmp_path_factory.mktemp("keys")
    return {"alice": make_key(folder, "alice"), "bob": make_key(folder, "bob"),
            "locked": make_key(folder, "locked", "a passphrase")}


@pytest.fixture
def allowed(tmp_path, keys) -> Path:
    """Return an allowed_signers file that lists alice only."""
    return signers_file(tmp_path / "allowed_signers", [(ALICE, keys["alice"])])


def signed_files(key: Path) -> dict[str, bytes]:
    """Return the sample package's files with their manifest and its signature by the key."""
    files = {**FILES, MANIFEST: manifest_bytes(FILES, [], "9.9", "Title")}
    return {**files, SIGNATURE: sign_manifest(files[MANIFEST], str(key))}


@pytest.fixture
def package(tmp_path, keys) -> Path:
    """Return a sample package folder signed by alice."""
    return write_folder(signed_files(keys["alice"]), tmp_path / "pkg")


def forge(folder: Path, name: str = "a.txt") -> None:
    """Change a file and write its new hash and size into the manifest, as a forger would."""
    changed = (folder / name).read_bytes() + b"changed\n"
    (folder / name).write_bytes(changed)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    entry = next(entry for entry in manifest["files"] if entry["path"] == name)
    entry |= {"sha256": hashlib.sha256(changed).hexdigest(), "size": len(changed)}
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def zipped(folder: Path) -> Path:
    """Return a zip of a package folder under its name, as package --zip writes it."""
    files = {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    target = folder.with_suffix(".zip")
    target.write_bytes(zip_bytes(files, folder.name, WHEN))
    return target


def test_ssh_keygen_alone_verifies_the_signature(package, allowed):
    done = subprocess.run(["ssh-keygen", "-Y", "verify", "-f", str(allowed), "-I", ALICE, "-n", NAMESPACE,
                           "-s", str(package / SIGNATURE)], input=(package / MANIFEST).read_bytes(),
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().startswith(f'Good "{NAMESPACE}" signature for {ALICE} with ED25519 key SHA256:')


def test_a_signature_is_the_same_bytes_each_time(keys):
    assert signed_files(keys["alice"])[SIGNATURE] == signed_files(keys["alice"])[SIGNATURE]
    assert signed_files(keys["alice"])[SIGNATURE].startswith(b"-----BEGIN SSH SIGNATURE-----\n")


def test_the_signer_is_named_for_the_folder_and_the_zip(package, allowed):
    assert check_signature(str(package), str(allowed)) == ALICE
    assert check_signature(str(zipped(package)), str(allowed)) == ALICE


def test_the_signature_is_not_an_extra_file(package):
    assert verify(str(package))[1] == []
    assert verify(str(zipped(package)))[1] == []


def test_signed_parts_are_the_manifest_and_its_signature(package):
    assert signed_parts(str(package)) == ((package / MANIFEST).read_bytes(), (package / SIGNATURE).read_bytes())
    (package / SIGNATURE).unlink()
    assert signed_parts(str(package))[1] is None


@pytest.mark.parametrize("as_zip", [False, True])
def test_a_forgery_is_intact_by_its_hashes_but_fails_the_signature(package, allowed, as_zip):
    forge(package)
    target = str(zipped(package) if as_zip else package)
    assert verify(target)[1] == []
    with pytest.raises(SignatureError) as failure:
        check_signature(target, str(allowed))
    assert (failure.value.code, failure.value.exit_code) == ("PD-E076", 1)
    assert str(failure.value) == (f"{target}: the signature does not verify: manifest.json was changed after signing, "
                                  f"or {allowed} does not allow that key to sign packages")


def test_a_key_the_signers_file_does_not_list_fails(tmp_path, keys, allowed):
    folder = write_folder(signed_files(keys["bob"]), tmp_path / "bobs")
    with pytest.raises(SignatureError) as failure:
        check_signature(str(folder), str(allowed))
    assert (str(failure.value), failure.value.code) == (f"{folder}: signed by a key that {allowed} does not list",
                                                        "PD-E077")


def test_a_key_allowed_for_another_namespace_only_fails(package, tmp_path, keys):
    git_only = signers_file(tmp_path / "git_signers", [(ALICE, keys["alice"])], namespace="git")
    with pytest.raises(SignatureError) as failure:
        check_signature(str(package), str(git_only))
    assert failure.value.code == "PD-E076"


def test_an_unsigned_package_fails(package, allowed):
    (package / SIGNATURE).unlink()
    with pytest.raises(SignatureError) as failure:
        check_signature(str(package), str(allowed))
    assert (str(failure.value), failure.value.code) == (f"{package}: not signed (no manifest.json.sig)", "PD-E075")


def test_a_signature_file_that_is_not_one_fails(package, allowed):
    (package / SIGNATURE).write_bytes(b"signed, honestly\n")
    with pytest.raises(SignatureError) as failure:
        check_signature(str(package), str(allowed))
    assert str(failure.value) == f"{package}: manifest.json.sig is not an OpenSSH signature"


def test_a_missing_signers_file_is_unusable_input(package, tmp_path):
    with pytest.raises(InputError) as failure:
        check_signature(str(package), str(tmp_path / "nobody"))
    assert (str(failure.value), failure.value.code, failure.value.exit_code) == (
        f"{tmp_path / 'nobody'}: no such signers file", "PD-E010", 2)


@pytest.mark.parametrize("case, message, code", [
    ("missing", "{key}: no such key file", "PD-E010"),
    ("public", "{key}: cannot sign: not a private key (give the key file itself, not its .pub)", "PD-E074"),
    ("locked", "{key}: cannot sign: the key has a passphrase and there is no terminal to ask for it (CI or no "
               "terminal); sign at a terminal, or with a key kept for signing without one", "PD-E074"),
])
def test_a_key_that_cannot_sign_is_refused_in_one_line(keys, tmp_path, monkeypatch, case, message, code):
    monkeypatch.setenv("CI", "true")
    key = {"missing": tmp_path / "nokey", "public": keys["alice"].with_suffix(".pub"), "locked": keys["locked"]}[case]
    with pytest.raises(InputError) as failure:
        sign_manifest(b"{}\n", str(key))
    assert (str(failure.value), failure.value.code) == (message.format(key=key), code)


def test_a_key_others_can_read_is_refused(keys, tmp_path):
    key = tmp_path / "shared"
    key.write_bytes(keys["alice"].read_bytes())
    key.chmod(0o644)
    with pytest.raises(InputError) as failure:
        sign_manifest(b"{}\n", str(key))
    assert str(failure.value) == f"{key}: cannot sign: others can read the key (chmod 600 {key})"


def test_without_ssh_keygen_signing_says_what_to_install(keys, monkeypatch):
    monkeypatch.setattr(signing.shutil, "which", lambda name: None)
    with pytest.raises(InputError) as failure:
        sign_manifest(b"{}\n", str(keys["alice"]))
    assert failure.value.code == "PD-E073"
    assert str(failure.value) == ("ssh-keygen not found: install OpenSSH's client (openssh-client) to sign or check "
                                  "package signatures")


def test_no_passphrase_is_asked_for_in_ci(monkeypatch):
    monkeypatch.setattr(signing.sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("CI", "true")
    assert may_ask_passphrase() is False
    monkeypatch.setenv("CI", "")
    assert may_ask_passphrase() is True


def test_the_zip_carries_the_signature(package):
    with zipfile.ZipFile(zipped(package)) as archive:
        assert archive.read(f"pkg/{SIGNATURE}") == (package / SIGNATURE).read_bytes()
