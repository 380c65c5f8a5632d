"""Ed25519 signatures over the exact manifest bytes, and key fingerprints.

The ``signature`` entry of a session file is the 64-byte signature written as 128
lowercase hex characters. A key's fingerprint is the SHA-256 of its 32 raw public bytes,
in hex. People compare it whole, as :func:`grouped_fingerprint` writes it (the export
window, the trust question and ``session export``/``session verify`` all show it so); a
table cell that only names a key shows its first four groups (:func:`short_fingerprint`).
"""

from __future__ import annotations

import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)


def public_key_hex(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw.hex()


def fingerprint(public_key: str) -> str:
    return hashlib.sha256(bytes.fromhex(public_key)).hexdigest()


def short_fingerprint(value: str) -> str:
    return " ".join(value[i : i + 4] for i in range(0, 16, 4))


def fingerprint_lines(value: str) -> list[str]:
    """A whole fingerprint in groups of four characters, four groups a line (16 groups,
    4 lines for a SHA-256)."""
    groups = [value[i : i + 4] for i in range(0, len(value), 4)]
    return [" ".join(groups[i : i + 4]) for i in range(0, len(groups), 4)]


def grouped_fingerprint(value: str) -> str:
    """:func:`fingerprint_lines` as one text, a line each."""
    return "\n".join(fingerprint_lines(value))


def sign(key: Ed25519PrivateKey, message: bytes) -> bytes:
    return key.sign(message).hex().encode("ascii")


def is_valid(public_key: str, message: bytes, signature: bytes) -> bool:
    """True when ``signature`` (hex text) is the key's signature of ``message``."""
    try:
        raw_signature = bytes.fromhex(signature.decode("ascii").strip())
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key))
        key.verify(raw_signature, message)
    except (InvalidSignature, ValueError, UnicodeDecodeError):
        return False
    return True
