"""This installation's identity: the device id stamped on every record it creates.

Made once on first run and kept in the data folder. (The session-file signing key of
DESIGN §4 lives beside it.)
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

FILE_NAME = "installation.json"


@dataclass(frozen=True)
class Installation:
    device_id: uuid.UUID


def load_or_create(folder: Path) -> Installation:
    path = folder / FILE_NAME
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        return Installation(device_id=uuid.UUID(data["device_id"]))
    folder.mkdir(parents=True, exist_ok=True)
    installation = Installation(device_id=uuid.uuid4())
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"device_id": str(installation.device_id)}), encoding="utf-8")
    os.replace(tmp, path)
    return installation
