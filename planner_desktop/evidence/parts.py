"""Pictures in session files: one part per picture, ``photos/<sha256>.jpg|png``.

- **Export** carries the picture of every live photo record it exports, once each,
  stored (not deflated: JPEG and PNG are compressed already), after the record parts;
  each part is listed in the manifest with its size and hashes, so the signature covers
  it. At most :data:`~planner_desktop.exchange.manifest.MAX_PHOTO_PARTS` pictures and
  :data:`~planner_desktop.exchange.manifest.MAX_PHOTO_FILE_BYTES` bytes of them: more is
  refused in one line, asking for a smaller scope.
- **Verify** (after the record parts, before the references) reads every picture part:
  its bytes must hash to its name, be of the type its name says and decode whole as a
  picture within the stored limits; then every live photo record of the file must have its
  picture in the file or, checked against a database, be a photo that database already
  holds (and so holds its picture). A picture part no photo record of the file names is
  refused too: the exporter never writes one.
- **Merge** makes the same checks at the same point and writes each picture the database
  lacks into ``photo_content``, in the file's transaction; a photo record whose picture is
  neither in the file nor in the database refuses the file.

Pillow is imported only when a file has picture parts, so files without them verify as
before, with nothing more loaded.
"""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, insert, select

from planner_desktop.exchange import manifest as mf
from planner_desktop.exchange.errors import SessionFileError
from planner_desktop.exchange.scope import ScopeError
from planner_desktop.i18n import _

if TYPE_CHECKING:
    from planner_desktop.exchange.container import Container
    from planner_desktop.exchange.references import Lookup

PHOTO_TABLE = "photo"
PHOTO_RECORDS = mf.record_part(PHOTO_TABLE)


def is_picture_part(name: str) -> bool:
    return mf.photo_of_part(name) is not None


# Export -------------------------------------------------------------------------------


class Pictures:
    """The pictures an export carries, gathered from the photo rows it writes."""

    def __init__(self) -> None:
        self.wanted: dict[str, str] = {}

    def note(self, table: str, row: dict[str, object]) -> None:
        if table == PHOTO_TABLE and row.get("deleted_at") is None:
            self.wanted[str(row["sha256"])] = str(row["media_type"])

    def write(
        self,
        conn: Connection,
        archive: zipfile.ZipFile,
        out: Path,
        entry: Callable[[str, int], zipfile.ZipInfo],
    ) -> dict[str, mf.Part]:
        """Write each picture as a stored part (``entry(name, compress_type)`` makes its
        header); past the limits, or a picture missing, raise
        :class:`~planner_desktop.exchange.scope.ScopeError` naming ``out`` (refused as a
        scope is: nothing written)."""
        if len(self.wanted) > mf.MAX_PHOTO_PARTS:
            raise ScopeError(f"{out.name}: {too_many_reason(len(self.wanted))}")
        from planner_desktop.domain.evidence import PhotoContent

        parts: dict[str, mf.Part] = {}
        total = 0
        for sha256 in sorted(self.wanted):
            data = conn.scalar(select(PhotoContent.data).where(PhotoContent.sha256 == sha256))
            if data is None:
                missing = _("the picture {sha256} of a photo is missing from this database")
                raise ScopeError(f"{out.name}: {missing.format(sha256=sha256[:12])}")
            data = bytes(data)
            total += len(data)
            if total > mf.MAX_PHOTO_FILE_BYTES:
                raise ScopeError(f"{out.name}: {too_many_reason(len(self.wanted))}")
            name = mf.photo_part(sha256, self.wanted[sha256])
            archive.writestr(entry(name, zipfile.ZIP_STORED), data)
            parts[name] = mf.Part(
                records=0,
                bytes=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                packed_sha256="0" * 64,
            )
        return parts


def too_many_reason(count: int) -> str:
    return _(
        "the photos are too many or too big for one session file ({count} pictures; at most "
        "{limit} and {megabytes} MB): export a smaller scope (an event or a community)"
    ).format(
        count=count, limit=mf.MAX_PHOTO_PARTS, megabytes=mf.MAX_PHOTO_FILE_BYTES // 1024 // 1024
    )


# Verify and merge ---------------------------------------------------------------------


def check_pictures(
    container: Container,
    manifest: mf.Manifest,
    *,
    lookup: Lookup | None,
    conn: Connection | None = None,
) -> dict[str, str]:
    """The checks above; returns ``{part name: sha256}`` of the file's pictures.

    ``conn`` (a merge's, in its transaction) answers whether the database holds a
    picture; otherwise ``lookup`` whether it holds the photo record."""
    names = sorted(name for name in manifest.parts if is_picture_part(name))
    pictures: dict[str, str] = {}
    for name in names:
        pictures[name] = check_picture_part(container, manifest, name)
    needed = _live_photos(container) if PHOTO_RECORDS in manifest.parts else {}
    carried = set(pictures.values())
    named = _all_named(container, manifest) if pictures else set()
    for name, sha256 in pictures.items():
        if sha256 not in named:
            raise SessionFileError(
                container.path,
                _("the part {name} is the picture of no photo of the file").format(name=name),
            )
    missing = {photo: sha for photo, sha in needed.items() if sha not in carried}
    if missing:
        _check_missing(container.path, missing, lookup=lookup, conn=conn)
    return pictures


def check_picture_part(container: Container, manifest: mf.Manifest, name: str) -> str:
    """The sha256 of a picture part whose bytes hash to its name and decode whole."""
    from planner_desktop.evidence import ingest

    found = mf.photo_of_part(name)
    assert found is not None
    sha256, media_type = found
    path = container.path
    info = container.entries[name]
    if info.file_size > ingest.MAX_STORED_BYTES:
        raise SessionFileError(path, _("the part {name} is too big").format(name=name))
    data = b"".join(container.chunks(name))
    if hashlib.sha256(data).hexdigest() != sha256 or manifest.parts[name].sha256 != sha256:
        raise SessionFileError(
            path, _("the part {name} does not hash to its name").format(name=name)
        )
    kind = ingest.sniff(data)
    if (kind, media_type) not in (("JPEG", "image/jpeg"), ("PNG", "image/png")):
        raise SessionFileError(
            path, _("the part {name} is not the picture type its name says").format(name=name)
        )
    try:
        image = ingest.decode(data, kind or "", name, max_pixels=ingest.MAX_STORED_SIDE**2)
    except ingest.PhotoRefused as exc:
        raise SessionFileError(path, exc.args[0]) from None
    if max(image.size) > ingest.MAX_STORED_SIDE:
        raise SessionFileError(
            path, _("the part {name} is bigger than a stored picture").format(name=name)
        )
    return sha256


def _photo_lines(container: Container) -> Iterable[dict[str, object]]:
    for line in container.lines(PHOTO_RECORDS):
        record = json.loads(line)
        if isinstance(record, dict):
            yield record


def _live_photos(container: Container) -> dict[uuid.UUID, str]:
    """``{photo id: sha256}`` of the live photo records of the file (already validated)."""
    return {
        uuid.UUID(str(record["id"])): str(record["sha256"])
        for record in _photo_lines(container)
        if record.get("deleted_at") is None
    }


def _all_named(container: Container, manifest: mf.Manifest) -> set[str]:
    if PHOTO_RECORDS not in manifest.parts:
        return set()
    return {str(record["sha256"]) for record in _photo_lines(container)}


def _check_missing(
    path: Path,
    missing: dict[uuid.UUID, str],
    *,
    lookup: Lookup | None,
    conn: Connection | None,
) -> None:
    if conn is not None:
        from planner_desktop.domain.evidence import PhotoContent

        held = set(
            conn.scalars(
                select(PhotoContent.sha256).where(PhotoContent.sha256.in_(set(missing.values())))
            )
        )
        absent = [photo for photo, sha in missing.items() if sha not in held]
    elif lookup is not None:
        known = lookup(PHOTO_TABLE, sorted(missing))
        absent = [photo for photo in missing if photo not in known]
    else:
        absent = list(missing)
    if absent:
        first = min(absent)
        raise SessionFileError(
            path,
            _("the picture of photo {id} is neither in the file nor in the database").format(
                id=first
            ),
        )


def store_pictures(conn: Connection, container: Container, pictures: dict[str, str]) -> int:
    """Write the pictures the database lacks (in the merge's transaction); how many."""
    from planner_desktop.domain.evidence import PhotoContent

    held = set(
        conn.scalars(
            select(PhotoContent.sha256).where(PhotoContent.sha256.in_(set(pictures.values())))
        )
    )
    written = 0
    for name, sha256 in sorted(pictures.items()):
        if sha256 in held:
            continue
        data = b"".join(container.chunks(name))
        if hashlib.sha256(data).hexdigest() != sha256:  # changed since it was checked
            raise SessionFileError(
                container.path, _("the part {name} does not hash to its name").format(name=name)
            )
        conn.execute(insert(PhotoContent).values(sha256=sha256, data=data))
        held.add(sha256)
        written += 1
    return written
