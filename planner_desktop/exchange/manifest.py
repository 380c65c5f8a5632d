"""The manifest of a session file, its format versions and the version dispatch.

The manifest is read in two steps: first only ``format`` and ``format_version`` (so a file
from a newer program is refused naming the version it needs, whatever else it holds), then
the strict model of that version. Every reader returns the current :class:`Manifest`, so
the rest of the program sees one shape whatever version the file was written in. When the
format changes: bump :data:`FORMAT_VERSION`, add ``ManifestV<n>``, register its reader in
:data:`READERS`, and keep a file of the old version under ``tests/exchange/fixtures``.

Versions: 1, records and ancestry only (at most 64 parts); 2 (issue 18) adds the pictures
of photo records, each its own part ``photos/<sha256>.jpg|png`` (at most
:data:`MAX_PHOTO_PARTS`), listed with its size and hashes like every part, so the
signature covers them. A picture part counts no records.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from datetime import date
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, NaiveDatetime, ValidationError

from planner_desktop.i18n import _

FORMAT_NAME: Final = "planner-desktop-session"
FORMAT_VERSION: Final = 2
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "signature"
ANCESTRY_PART = "ancestry.jsonl"
RECORDS_FOLDER = "records/"
PHOTOS_FOLDER = "photos/"
MAX_RECORD_PARTS = 64
MAX_PHOTO_PARTS = 500
"""Pictures one session file carries (see also :data:`MAX_PHOTO_FILE_BYTES`)."""
MAX_PHOTO_FILE_BYTES = 400 * 1024 * 1024
"""Bytes of pictures one session file carries (the whole file is at most 512 MB)."""
MAX_DEPTH = 8

Hex64 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
PartNameV1 = Annotated[str, Field(pattern=r"^(records/[a-z_]{1,60}\.jsonl|ancestry\.jsonl)$")]
PartName = Annotated[
    str,
    Field(
        pattern=r"^(records/[a-z_]{1,60}\.jsonl|ancestry\.jsonl|photos/[0-9a-f]{64}\.(jpg|png))$"
    ),
]
PHOTO_PART = re.compile(r"photos/([0-9a-f]{64})\.(jpg|png)")
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


class ManifestV1(_Strict):
    """Format version 1: records and ancestry only."""

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
    parts: Annotated[dict[PartNameV1, Part], Field(max_length=MAX_RECORD_PARTS)]


class Manifest(_Strict):
    """Format version 2 (the current one); a file of version 1 is read into it with its
    own version number kept."""

    format: Literal["planner-desktop-session"]
    format_version: Literal[1, 2]
    schema_revision: Annotated[str, Field(min_length=1, max_length=64)]
    session_id: uuid.UUID
    device_id: uuid.UUID
    public_key: Hex64
    facilitator: Annotated[str, Field(max_length=200)]
    app_version: Annotated[str, Field(max_length=40)]
    created_at: NaiveDatetime
    scope: Scope
    parts: Annotated[dict[PartName, Part], Field(max_length=MAX_RECORD_PARTS + MAX_PHOTO_PARTS)]

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
    old = ManifestV1.model_validate_json(data, strict=True)
    return Manifest.model_validate(dict(old), strict=True)


def _read_v2(data: bytes) -> Manifest:
    manifest = Manifest.model_validate_json(data, strict=True)
    if manifest.format_version != 2:
        raise ManifestError(_("the manifest has no valid format version"))
    return manifest


READERS: dict[int, Callable[[bytes], Manifest]] = {1: _read_v1, 2: _read_v2}
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


def photo_part(sha256: str, media_type: str) -> str:
    """The part name of a picture: ``photos/<sha256>.jpg`` or ``.png``."""
    extension = "png" if media_type == "image/png" else "jpg"
    return f"{PHOTOS_FOLDER}{sha256}.{extension}"


def photo_of_part(name: str) -> tuple[str, str] | None:
    """``(sha256, media type)`` of a picture part's name; None for other names."""
    found = PHOTO_PART.fullmatch(name)
    if found is None:
        return None
    return found.group(1), "image/png" if found.group(2) == "png" else "image/jpeg"


def carries_photos(manifest: Manifest) -> bool:
    """Whether the file holds photo records or pictures (checked together)."""
    return any(
        name == "records/photo.jsonl" or PHOTO_PART.fullmatch(name) for name in manifest.parts
    )
