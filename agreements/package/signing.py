"""Signing a package: a detached OpenSSH signature over manifest.json, made and checked by ssh-keygen.

It is the signature git uses for commits (`ssh-keygen -Y sign`), made in the namespace `peacedraft-package`,
so a package signature cannot pass for a signed commit or email, nor one of those for a package. Since the
manifest holds every other file's SHA-256, signing it signs the whole package. A recipient names the keys
they trust in an allowed_signers file, one line each:

    alice@rok.example namespaces="peacedraft-package" ssh-ed25519 AAAA…
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from agreements.package.manifest import MANIFEST, SIGNATURE, read_small_files
from clauses.errors import InputError, PeacedraftError

NAMESPACE = "peacedraft-package"
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_SIGNATURE_BYTES = 64 * 1024
SECONDS = 60  # how long ssh-keygen may take when it cannot ask for anything
SIGNATURE_HEADER = b"-----BEGIN SSH SIGNATURE-----"


class SignatureError(PeacedraftError):
    """A package's signature is missing, does not verify, or is by a key the signers file does not list: exit 1."""

    exit_code = 1


def ssh_keygen() -> str:
    """Return the path of ssh-keygen, or raise InputError when OpenSSH's client is not installed."""
    found = shutil.which("ssh-keygen")
    if found is None:
        raise InputError("ssh-keygen not found: install OpenSSH's client (openssh-client) to sign or check "
                         "package signatures", "PD-E073")
    return found


def check_signing_key(key: str) -> None:
    """Refuse, before a package is built, a machine without ssh-keygen or a key that is missing or not private."""
    ssh_keygen()
    first_line = _head(key, "key file").split(b"\n", 1)[0]
    if not (first_line.startswith(b"-----BEGIN ") and first_line.rstrip().endswith(b"PRIVATE KEY-----")):
        raise InputError(f"{key}: cannot sign: not a private key (give the key file itself, not its .pub)",
                         "PD-E074")


def check_signers(signers: str) -> None:
    """Refuse, before a package is checked, a machine without ssh-keygen or a signers file that cannot be read."""
    ssh_keygen()
    _head(signers, "signers file")


def sign_manifest(manifest: bytes, key: str) -> bytes:
    """Return the OpenSSH signature (namespace peacedraft-package) of manifest.json's bytes by a private key."""
    check_signing_key(key)
    asks = may_ask_passphrase()
    with tempfile.TemporaryDirectory(prefix="peacedraft-sign-") as folder:
        message = Path(folder, MANIFEST)
        message.write_bytes(manifest)
        done = _run([ssh_keygen(), "-Y", "sign", "-f", os.path.abspath(key), "-n", NAMESPACE, str(message)],
                    None if asks else b"", asks, f"{key}: cannot sign")
        signature = Path(folder, SIGNATURE)
        if done.returncode != 0 or not signature.is_file():
            raise InputError(f"{key}: cannot sign: {_signing_problem(done.stderr, key, asks)}", "PD-E074")
        return signature.read_bytes()


def signed_parts(package: str) -> tuple[bytes, bytes | None]:
    """Return a package's manifest.json bytes and its signature's (None when it is not signed)."""
    found = read_small_files(package, (MANIFEST,), MAX_MANIFEST_BYTES)
    found |= read_small_files(package, (SIGNATURE,), MAX_SIGNATURE_BYTES)
    if found[MANIFEST] is None:
        raise InputError(f"{package}: no {MANIFEST}: not a peacedraft package", "PD-E071")
    return found[MANIFEST], found[SIGNATURE]


def check_signature(package: str, signers: str) -> str:
    """Return who signed a package's manifest, as the signers file names them; raise SignatureError otherwise."""
    check_signers(signers)
    manifest, signature = signed_parts(package)
    if signature is None:
        raise SignatureError(f"{package}: not signed (no {SIGNATURE})", "PD-E075")
    if not signature.startswith(SIGNATURE_HEADER):
        raise SignatureError(f"{package}: {SIGNATURE} is not an OpenSSH signature", "PD-E076")
    with tempfile.TemporaryDirectory(prefix="peacedraft-verify-") as folder:
        signature_file = Path(folder, SIGNATURE)
        signature_file.write_bytes(signature)
        principals = _principals(signers, signature_file)
        if not principals:
            raise SignatureError(f"{package}: signed by a key that {signers} does not list", "PD-E077")
        if not _verifies(signers, principals[0], signature_file, manifest):
            raise SignatureError(f"{package}: the signature does not verify: {MANIFEST} was changed after signing, "
                                 f"or {signers} does not allow that key to sign packages", "PD-E076")
    return principals[0]


def may_ask_passphrase() -> bool:
    """Return whether ssh-keygen may ask for a key's passphrase: at a terminal, and not in CI."""
    in_ci = os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")
    return sys.stdin is not None and sys.stdin.isatty() and not in_ci


def _principals(signers: str, signature_file: Path) -> list[str]:
    """Return the principals of the signers file whose key made the signature (none when it lists no such key)."""
    done = _run([ssh_keygen(), "-Y", "find-principals", "-f", os.path.abspath(signers), "-s", str(signature_file)],
                b"", False, f"{signers}: cannot check the signature")
    return [line.strip() for line in done.stdout.decode("utf-8", "replace").splitlines() if line.strip()]


def _verifies(signers: str, principal: str, signature_file: Path, manifest: bytes) -> bool:
    """Return whether the signature is the principal's over these manifest bytes in the package namespace."""
    done = _run([ssh_keygen(), "-Y", "verify", "-f", os.path.abspath(signers), "-I", principal, "-n", NAMESPACE,
                 "-s", str(signature_file)], manifest, False, f"{signers}: cannot check the signature")
    return done.returncode == 0


def _run(arguments: list[str], stdin: bytes | None, asks: bool, failing: str) -> subprocess.CompletedProcess:
    """Return ssh-keygen's outcome; unless it may ask for a passphrase it runs detached from any terminal, timed."""
    environment = os.environ if asks else {name: value for name, value in os.environ.items()
                                           if name not in ("SSH_ASKPASS", "SSH_ASKPASS_REQUIRE", "DISPLAY")}
    try:
        return subprocess.run(arguments, input=stdin, capture_output=True, start_new_session=not asks,
                              timeout=None if asks else SECONDS, check=False, env=environment)
    except subprocess.TimeoutExpired:
        raise InputError(f"{failing}: ssh-keygen gave no answer in {SECONDS} seconds", "PD-E074") from None
    except OSError as error:
        raise InputError(f"{failing}: ssh-keygen cannot run: {error.strerror}", "PD-E073") from None


def _signing_problem(stderr: bytes, key: str, asked: bool) -> str:
    """Return why ssh-keygen could not sign, in a reader's words."""
    said = stderr.decode("utf-8", "replace")
    if "passphrase" in said and not asked:
        return ("the key has a passphrase and there is no terminal to ask for it (CI or no terminal); "
                "sign at a terminal, or with a key kept for signing without one")
    if "passphrase" in said:
        return "incorrect passphrase"
    if "UNPROTECTED PRIVATE KEY FILE" in said or "bad permissions" in said:
        return f"others can read the key (chmod 600 {key})"
    if "invalid format" in said or "error in libcrypto" in said:
        return "not a private key ssh-keygen can read"
    lines = [line.strip() for line in said.splitlines() if line.strip() and not line.startswith(("Signing", "Write"))]
    return lines[-1] if lines else "ssh-keygen failed"


def _head(path: str, what: str) -> bytes:
    """Return the first bytes of a file, or raise InputError (PD-E010) naming what it should have been."""
    if not os.path.exists(path):
        raise InputError(f"{path}: no such {what}", "PD-E010")
    if os.path.isdir(path):
        raise InputError(f"{path}: is a folder, not a {what}", "PD-E010")
    try:
        with open(path, "rb") as stream:
            return stream.read(256)
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}", "PD-E010") from None
