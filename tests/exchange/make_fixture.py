"""Writes ``fixtures/session-format-<N>.cumbre`` with the current exporter.

Run once per format version (``python -m tests.exchange.make_fixture``) and keep the file:
later versions of the program must still read it (DESIGN §4, older files are read).
"""

from __future__ import annotations

import datetime
import tempfile
import uuid
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from planner_desktop.domain.provenance import Provenance
from planner_desktop.exchange.export import export_session
from planner_desktop.exchange.manifest import FORMAT_VERSION, Scope
from planner_desktop.store.database import open_store
from tests.exchange.builders import populate

FIXTURES = Path(__file__).with_name("fixtures")
DEVICE = uuid.UUID("00000000-0000-4000-8000-0000000000f1")
SESSION = uuid.UUID("00000000-0000-4000-8000-0000000000f2")
KEY_SEED = bytes(range(32))


def fixture_path(version: int = FORMAT_VERSION) -> Path:
    return FIXTURES / f"session-format-{version}.cumbre"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "tiny.sqlite", Provenance(DEVICE, "Facilitadora"))
        populate(store, communities=2)
        FIXTURES.mkdir(exist_ok=True)
        export_session(
            store,
            fixture_path(),
            scope=Scope(kind="everything"),
            key=Ed25519PrivateKey.from_private_bytes(KEY_SEED),
            facilitator="Facilitadora de prueba",
            session_id=SESSION,
            now=datetime.datetime(2026, 3, 1, 12, 0, 0),
        )
        store.close()
    print(fixture_path())


if __name__ == "__main__":
    main()
