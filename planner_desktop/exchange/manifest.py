"""The manifest of a session file, its format versions and the version dispatch.

The manifest is read in two steps: first only ``format`` and ``format_version`` (so a file
from a newer program is refused naming the version it needs, whatever else it holds), then
the strict model of that version. Every reader returns the current :class:`Manifest`, so
the rest of the program sees one shape whatever version the file was written in. When the
format changes: bump :data:`FORMAT_VERSION`, add ``ManifestV<n>``, register its reader in
:data:`READERS`, and keep a file of the old version under ``tests/exchange/fixtures``.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import date
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, NaiveDatetime, ValidationError

from planner_desktop.i18n import _

FORMAT_NAME: Final = "planner-desktop-session"
FORMAT_VERSION: Final = 1
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "signature"
ANCESTRY_PART = "ancestry.jsonl"
RECORDS_FOLDER = "records/"
MAX_DEPTH = 8

Hex64 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
PartName = Annotated[str, Field(pattern=r"^(records/[a-z_]{1,60}\.jsonl|ancestry\.jsonl)$")]
ScopeKind = Literal["everything", "event", "community", "dates", "since_last"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Scope(_Strict):
    kind: ScopeKind
    event_id: uuid.UUID | None = None
    community_id: uuid.UUID | None = None
    date_from: date | None = None
    date_to: date | None = None


class Part(_Strict):
    """One part: its record count, size and SHA-256 once decompressed, and the SHA-256 of
    its compressed bytes as stored in the ZIP (so no bit of the file goes unchecked)."""

    records: Annotated[int, Field(ge=0)]
    bytes: Annotated[int, Field(ge=0)]
    sha256: Hex64
    packed_sha256: Hex64


class Manifest(_Strict):
    """Format version 1 (the current one)."""

    format: Literal["planner-desktop-session"]
    format_version: Literal[1]
    schema_revision: Annotated[str, Field(min_length=1, max_length=64)]
    session_id: uuid.UUID
    device_id: uuid.UUID
    public_key: Hex64
    facilitator: Annotated[str, Field(max_length=200)]
    app_version: Annotated[str, Field(max_length=40)]
    created_at: NaiveDatetime
    scope: Scope
    parts: Annotated[dict[PartName, Part], Field(max_length=64)]

    def to_bytes(self) -> bytes:
        return json.dumps(
            self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, indent=1
        ).encode("utf-8")


class ManifestError(ValueError):
    """The manifest cannot be read; the message is the reason, on one line."""


class NewerFormat(ManifestError):
    """Written by a newer program: ``version`` is the format version it needs."""

    def __init__(self, version: int) -> None:
        super().__init__(str(version))
        self.version = version


def nesting_depth(text: bytes) -> int:
    """Deepest nesting of ``[`` and ``{`` outside strings (to refuse before parsing)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in text:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def _read_v1(data: bytes) -> Manifest:
    return Manifest.model_validate_json(data, strict=True)


READERS: dict[int, Callable[[bytes], Manifest]] = {1: _read_v1}
"""One reader per format version this program reads, each returning the current shape."""


def read_manifest(data: bytes) -> Manifest:
    if nesting_depth(data) > MAX_DEPTH:
        raise ManifestError(_("the manifest is nested too deeply"))
    try:
        head = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ManifestError(_("the manifest is not valid JSON")) from None
    if not isinstance(head, dict) or head.get("format") != FORMAT_NAME:
        raise ManifestError(_("the manifest is not a Planner Desktop session manifest"))
    version = head.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ManifestError(_("the manifest has no valid format version"))
    if version > FORMAT_VERSION:
        raise NewerFormat(version)
    reader = READERS.get(version)
    if reader is None:
        raise ManifestError(_("format version {version} is no longer read").format(version=version))
    try:
        return reader(data)
    except ValidationError as exc:
        first = exc.errors(include_input=False, include_url=False)[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        problem = first.get("msg", "invalid")
        raise ManifestError(
            _("manifest field {field}: {problem}").format(field=where, problem=problem)
        ) from None


def part_table(name: str) -> str | None:
    """The table a ``records/<table>.jsonl`` entry holds, or None for other names."""
    if name.startswith(RECORDS_FOLDER) and name.endswith(".jsonl"):
        return name[len(RECORDS_FOLDER) : -len(".jsonl")]
    return None


def record_part(table: str) -> str:
    return f"{RECORDS_FOLDER}{table}.jsonl"
