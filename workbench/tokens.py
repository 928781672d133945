"""The access token of a served folder: the same at every start, so a page left open works after a restart.

The token is derived (HMAC-SHA-256) from the folder's path and a secret kept in the user's configuration folder
(`$XDG_CONFIG_HOME/peacedraft/workbench.key`, else `~/.config/peacedraft/workbench.key`), created on first use
with permissions 0600. Deleting that file revokes every token given so far. Where the file cannot be kept, the
token is new at each start.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

KEY_NAME = "workbench.key"


def key_file() -> Path:
    """Return where the secret behind the tokens is kept."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "peacedraft" / KEY_NAME


def secret() -> bytes | None:
    """Return the secret, made on first use (None where it can be neither read nor written)."""
    path = key_file()
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w") as written:
                written.write(secrets.token_hex(32) + "\n")
        text = path.read_text("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return bytes.fromhex(text) if len(text) == 64 and all(c in "0123456789abcdef" for c in text) else None


def folder_token(root: Path) -> str:
    """Return the access token of a served folder: stable where the secret can be kept, else new."""
    key = secret()
    if key is None:
        return secrets.token_urlsafe(24)
    digest = hmac.new(key, str(root.resolve()).encode("utf-8"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:24]).decode("ascii")
