"""This installation's identity: the device id stamped on every record it creates, and the
Ed25519 key pair that signs its session files (DESIGN §4).

Both are made once on first run and kept in the data folder. The private key is written
with mode 0600 (PKCS#8 PEM, unencrypted: the laptop has no one to type a passphrase on
every export); the public key is derived from it. ``cryptography`` is imported only when the
key is made or used, so starting the program stays fast.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

FILE_NAME = "installation.json"
KEY_FILE_NAME = "signing_key.pem"


@dataclass(frozen=True)
class Installation:
    device_id: uuid.UUID
    folder: Path

    @property
    def key_path(self) -> Path:
        return self.folder / KEY_FILE_NAME

    def signing_key(self) -> Ed25519PrivateKey:
        """The private key that signs this laptop's session files (made if missing)."""
        return load_or_create_key(self.key_path)


def load_or_create(folder: Path) -> Installation:
    path = folder / FILE_NAME
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        installation = Installation(device_id=uuid.UUID(data["device_id"]), folder=folder)
    else:
        folder.mkdir(parents=True, exist_ok=True)
        installation = Installation(device_id=uuid.uuid4(), folder=folder)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"device_id": str(installation.device_id)}), encoding="utf-8")
        os.replace(tmp, path)
    if not installation.key_path.exists():
        load_or_create_key(installation.key_path)
    return installation


def load_or_create_key(path: Path) -> Ed25519PrivateKey:
    """Read the private key at ``path``, or make one there (mode 0600) if there is none."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{path.name} does not hold an Ed25519 key")
        return key
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, pem)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return key
