"""Rebuilding session files with one thing wrong, the way a careless or hostile sender would."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from planner_desktop.exchange.container import ENTRY_ATTRIBUTES, ENTRY_TIME, packed_sha256
from planner_desktop.exchange.signing import public_key_hex, sign

MANIFEST, SIGNATURE = "manifest.json", "signature"


def read_entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def lines(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode().splitlines()]


def jsonl(records: list[dict]) -> bytes:
    return b"".join(json.dumps(r, sort_keys=True).encode() + b"\n" for r in records)


def rebuild(
    source: Path,
    out: Path,
    key: Ed25519PrivateKey,
    *,
    parts: Callable[[dict[str, bytes]], None] | None = None,
    manifest: Callable[[dict], None] | None = None,
    new_key: bool = False,
) -> Path:
    """Copy ``source`` to ``out`` after changing its parts and/or manifest, with hashes
    recomputed (before ``manifest`` runs, so it can make them lie) and signed by ``key``."""
    entries = read_entries(source)
    head = json.loads(entries.pop(MANIFEST))
    entries.pop(SIGNATURE)
    if parts is not None:
        parts(entries)
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=ENTRY_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = ENTRY_ATTRIBUTES
            archive.writestr(info, data)
    with zipfile.ZipFile(out) as archive, out.open("rb") as handle:
        infos = {info.filename: info for info in archive.infolist()}
        head["parts"] = {
            name: {
                "records": data.count(b"\n"),
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "packed_sha256": packed_sha256(handle, infos[name]),
            }
            for name, data in entries.items()
        }
    if new_key:
        head["public_key"] = public_key_hex(key)
    if manifest is not None:
        manifest(head)
    data = json.dumps(head, sort_keys=True, indent=1).encode()
    with zipfile.ZipFile(out, "a") as archive:
        for name, payload in ((MANIFEST, data), (SIGNATURE, sign(key, data))):
            info = zipfile.ZipInfo(name, date_time=ENTRY_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = ENTRY_ATTRIBUTES
            archive.writestr(info, payload)
    return out


def raw_zip(out: Path, entries: list[tuple[str, bytes]]) -> Path:
    """A ZIP with exactly these entries (names not checked), deflated."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(
                zipfile.ZipInfo(name, date_time=ENTRY_TIME),
                data,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return out
