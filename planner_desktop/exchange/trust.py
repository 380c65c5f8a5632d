"""Which laptop keys a database accepts, and the files held until a person decides.

Trust is kept per database (the local ``trusted_key`` table), because it is the decision
of the team that consolidates that database. A key is trusted together with the device it
signed for: a file that claims a known device but is signed by another key is refused (a
re-signed file), never merely held. A file from a key nobody trusted yet is held (listed in
``held_file``) unless the run trusts new keys (``--trust-new``) or the key is listed in a
trusted-keys file: one key per line, as its fingerprint or its public key (64 hex
characters), optionally followed by a comment; ``#`` starts a comment line. A person can
also trust a laptop's key at once (:func:`trust_key`), before merging its files.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, delete, insert, select

from planner_desktop.domain.column_types import utcnow
from planner_desktop.exchange.errors import KeyNotTrusted, SessionFileError
from planner_desktop.exchange.manifest import Manifest
from planner_desktop.exchange.signing import fingerprint as key_fingerprint
from planner_desktop.exchange.signing import short_fingerprint
from planner_desktop.i18n import _


@dataclass
class TrustPolicy:
    """What to do with a file's key: trusted keys, keys listed for this run, new keys."""

    keys: dict[str, uuid.UUID] = field(default_factory=dict)
    listed: frozenset[str] = frozenset()
    trust_new: bool = False

    def admit(self, path: Path, manifest: Manifest, fingerprint: str) -> bool:
        """True if the key is already trusted, False if it is to be trusted now.

        Raises :class:`KeyNotTrusted` (hold the file) or :class:`SessionFileError`.
        """
        if fingerprint in self.keys:
            if self.keys[fingerprint] != manifest.device_id:
                raise SessionFileError(path, _("the key that signed it belongs to another laptop"))
            return True
        explicitly = fingerprint in self.listed or manifest.public_key in self.listed
        if manifest.device_id in self.keys.values() and not explicitly:
            raise SessionFileError(
                path,
                _("it is signed by key {key}, not by the key trusted for its laptop").format(
                    key=short_fingerprint(fingerprint)
                ),
            )
        if explicitly or self.trust_new:
            return False
        raise KeyNotTrusted(
            path,
            _(
                "held: signed by laptop key {key}, which nobody has trusted yet; "
                "it waits until a person trusts that key"
            ).format(key=short_fingerprint(fingerprint)),
            fingerprint=fingerprint,
            public_key=manifest.public_key,
            device_id=str(manifest.device_id),
            facilitator=manifest.facilitator,
            session_id=str(manifest.session_id),
        )


def read_keys_file(path: Path) -> frozenset[str]:
    """The fingerprints or public keys listed in a trusted-keys file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise SessionFileError(path, _("the trusted-keys file cannot be read")) from None
    values: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        value = words[0].lower()
        if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
            raise SessionFileError(
                path, _("line {n} is not a key fingerprint (64 hex characters)").format(n=number)
            )
        values.add(value)
    return frozenset(values)


def load_policy(
    conn: Connection, *, trust_new: bool = False, keys_file: Path | None = None
) -> TrustPolicy:
    from planner_desktop.store.ledger import trusted_key

    rows = conn.execute(select(trusted_key.c.fingerprint, trusted_key.c.device_id))
    listed = read_keys_file(keys_file) if keys_file is not None else frozenset()
    keys = {fingerprint: device for fingerprint, device in rows}
    return TrustPolicy(keys=keys, listed=listed, trust_new=trust_new)


def remember_key(conn: Connection, manifest: Manifest, fingerprint: str) -> None:
    """Trust the key that signed ``manifest`` for its device (and release held files)."""
    from planner_desktop.store.ledger import held_file, trusted_key

    known = conn.scalar(
        select(trusted_key.c.device_id).where(trusted_key.c.fingerprint == fingerprint)
    )
    if known is None:
        conn.execute(
            insert(trusted_key).values(
                fingerprint=fingerprint,
                public_key=manifest.public_key,
                device_id=manifest.device_id,
                facilitator=manifest.facilitator,
                trusted_at=utcnow(),
            )
        )
    conn.execute(delete(held_file).where(held_file.c.fingerprint == fingerprint))


class TrustError(ValueError):
    """A key cannot be trusted for the laptop asked; the message says why, on one line."""


def trust_key(conn: Connection, manifest: Manifest) -> str:
    """Trust from now on the key that signed ``manifest``, for its laptop, as a person
    decided (the window's "trust this laptop"); returns the key's fingerprint.

    Files held for that key are released from the held list: merging them again merges
    them. A key already trusted for another laptop raises :class:`TrustError`; trusting a
    key twice changes nothing.
    """
    from planner_desktop.store.ledger import trusted_key

    fingerprint = key_fingerprint(manifest.public_key)
    known = conn.scalar(
        select(trusted_key.c.device_id).where(trusted_key.c.fingerprint == fingerprint)
    )
    if known is not None and known != manifest.device_id:
        raise TrustError(_("the key that signed it belongs to another laptop"))
    remember_key(conn, manifest, fingerprint)
    return fingerprint


@dataclass(frozen=True)
class HeldFile:
    id: int
    path: str
    fingerprint: str
    device_id: uuid.UUID
    session_id: uuid.UUID
    facilitator: str
    held_at: datetime


def hold(conn: Connection, error: KeyNotTrusted) -> None:
    """List a file whose key is not trusted, once per path, for the window to ask about."""
    from planner_desktop.store.ledger import held_file

    path = str(error.path.resolve())
    conn.execute(delete(held_file).where(held_file.c.path == path))
    conn.execute(
        insert(held_file).values(
            path=path,
            fingerprint=error.fingerprint,
            device_id=uuid.UUID(error.device_id),
            session_id=uuid.UUID(error.session_id),
            facilitator=error.facilitator,
            held_at=utcnow(),
        )
    )


def held_files(conn: Connection) -> list[HeldFile]:
    from planner_desktop.store.ledger import held_file

    rows = conn.execute(select(held_file).order_by(held_file.c.held_at, held_file.c.id))
    return [HeldFile(**row._asdict()) for row in rows]
