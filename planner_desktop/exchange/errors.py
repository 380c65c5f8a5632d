"""Why a session file was refused or held: one line for a person, never personal data."""

from __future__ import annotations

from pathlib import Path


class SessionFileError(Exception):
    """A session file was refused. ``str()`` is one line naming the file and the problem."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = " ".join(reason.split())
        super().__init__(f"{self.path.name}: {self.reason}")


class KeyNotTrusted(SessionFileError):
    """The file is intact but signed by a laptop key nobody has trusted yet: it is held.

    ``fingerprint``, ``device_id`` and ``facilitator`` let the window ask a person.
    """

    def __init__(
        self,
        path: Path | str,
        reason: str,
        *,
        fingerprint: str,
        public_key: str,
        device_id: str,
        facilitator: str,
        session_id: str,
    ) -> None:
        super().__init__(path, reason)
        self.fingerprint = fingerprint
        self.public_key = public_key
        self.device_id = device_id
        self.facilitator = facilitator
        self.session_id = session_id


def short_name(name: str, limit: int = 60) -> str:
    """An entry name from a hostile file, safe to print on one line."""
    printable = "".join(c if c.isprintable() else "?" for c in name)
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"
