"""Photos attached to their records: attach, list, caption, delete, read (no Qt, no Pillow).

A photo belongs to exactly one owner (:class:`Owner`): an acta (``minutes``), a
self-diagnosis (its mapa parlante) or a prioritisation round (its tally sheet). Every write
is one unit of work through ``store.session()``, so the photo record is stamped with its
provenance like any other record, and its picture row (``photo_content``, once per
SHA-256) is written in the same transaction.

- Attaching a picture an owner already shows (same SHA-256, a live photo) is a no-op: the
  photo already there is returned, its caption untouched. Attached again after it was
  deleted, it is a new photo record.
- An owner holds at most :data:`MAX_PHOTOS_PER_OWNER` live photos.
- Deleting leaves a tombstone (undo lifts it). A picture is kept while any photo record,
  live or tombstoned, names it: the tombstone travels in session files and an undo needs
  the picture back. :func:`prune_pictures` drops pictures no record names any more (after
  an import was undone, for instance).
- Attaching to an event's acta finds the event's acta (its minutes), or starts one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from planner_desktop.capture.rule_checks import refuse_row
from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.diagnosis import SelfDiagnosis
from planner_desktop.domain.enums import PhotoKind
from planner_desktop.domain.events import Event
from planner_desktop.domain.evidence import Photo, PhotoContent
from planner_desktop.domain.follow_up import Minutes
from planner_desktop.domain.prioritization import PrioritizationRound
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.domain.summaries import live
from planner_desktop.i18n import _

if TYPE_CHECKING:
    from planner_desktop.evidence.ingest import StoredPicture
    from planner_desktop.store.database import Store

MAX_PHOTOS_PER_OWNER = 20
"""Live photos of one acta, self-diagnosis or round: an acta of several signed pages, a
mapa parlante taken in parts, one tally sheet per group, with room to spare."""

OWNER_COLUMN = {
    PhotoKind.acta: "minutes_id",
    PhotoKind.talking_map: "self_diagnosis_id",
    PhotoKind.tally_sheet: "round_id",
}
OWNER_MODEL: dict[PhotoKind, type[Any]] = {
    PhotoKind.acta: Minutes,
    PhotoKind.talking_map: SelfDiagnosis,
    PhotoKind.tally_sheet: PrioritizationRound,
}


@dataclass(frozen=True)
class Owner:
    """The record a photo is attached to."""

    kind: PhotoKind
    record_id: uuid.UUID

    @property
    def column(self) -> str:
        return OWNER_COLUMN[self.kind]

    def values(self) -> dict[str, Any]:
        return {column: None for column in OWNER_COLUMN.values()} | {self.column: self.record_id}


@dataclass(frozen=True)
class PhotoRow:
    """A live photo as listed."""

    id: uuid.UUID
    kind: PhotoKind
    owner_id: uuid.UUID
    sha256: str
    media_type: str
    width: int
    height: int
    size: int
    caption: str
    qr_text: str | None
    latitude: float | None
    longitude: float | None


def attach(
    store: Store,
    picture: StoredPicture,
    owner: Owner,
    *,
    caption: str = "",
    photo_id: uuid.UUID | None = None,
    new_acta: dict[str, Any] | None = None,
) -> uuid.UUID:
    """Attach ``picture`` to ``owner`` (see the module's text); the photo's id.

    ``photo_id`` chooses the new record's id; when a record with it exists (a redo after
    an undo), its tombstone is lifted instead. ``new_acta``: the values of the acta to start
    with the photo, in the same transaction (see :func:`acta_of`). Raises :class:`Invalid`
    (one line); nothing is written then."""
    values: dict[str, Any] = {
        "kind": owner.kind,
        **owner.values(),
        "sha256": picture.sha256,
        "media_type": picture.media_type,
        "width": picture.width,
        "height": picture.height,
        "size": picture.size,
        "caption": caption,
        "qr_text": picture.qr_text,
        "latitude": picture.latitude,
        "longitude": picture.longitude,
    }
    refuse_row("photo", values)
    if new_acta:
        refuse_row("minutes", new_acta)
    with store.session() as session:
        if new_acta and session.get(Minutes, new_acta["id"]) is None:
            session.add(Minutes(**new_acta))
            session.flush()
        if photo_id is not None:
            existing = session.get(Photo, photo_id)
            if existing is not None:
                _ensure_content(session, picture)
                existing.deleted_at = None
                return photo_id
        _check_owner(session, owner)
        same = session.scalars(
            _live_of(owner).where(Photo.sha256 == picture.sha256).limit(1)
        ).first()
        if same is not None:
            return same.id
        count = session.scalar(select(func.count()).select_from(_live_of(owner).subquery()))
        if (count or 0) >= MAX_PHOTOS_PER_OWNER:
            raise Invalid(
                _("This record already has {count} photos, the most it can hold").format(
                    count=MAX_PHOTOS_PER_OWNER
                )
            )
        _ensure_content(session, picture)
        record_id = photo_id or uuid.uuid4()
        session.add(Photo(id=record_id, **values))
    return record_id


def _ensure_content(session: Session, picture: StoredPicture) -> None:
    if session.get(PhotoContent, picture.sha256) is None:
        session.add(PhotoContent(sha256=picture.sha256, data=picture.data))


def _live_of(owner: Owner) -> Any:
    return select(Photo).where(getattr(Photo, owner.column) == owner.record_id, live(Photo))


def _check_owner(session: Session, owner: Owner) -> None:
    record = session.get(OWNER_MODEL[owner.kind], owner.record_id)
    if record is None or record.deleted_at is not None:
        raise Invalid(
            _("There is no {what} with the id {id}").format(
                what=owner_title(owner.kind), id=owner.record_id
            )
        )


def owner_title(kind: PhotoKind) -> str:
    titles = {
        PhotoKind.acta: _("acta"),
        PhotoKind.talking_map: _("self-diagnosis"),
        PhotoKind.tally_sheet: _("prioritisation round"),
    }
    return titles[kind]


def acta_of(session: Session, minutes_or_event: uuid.UUID) -> tuple[uuid.UUID, dict[str, Any]]:
    """The acta (minutes) ``minutes_or_event`` names: ``(id, {})`` of an acta that exists
    (given itself, or the first of the event given), or ``(id, values)`` of one to start for
    the event; nothing is written. :class:`Invalid` when it names neither."""
    minutes = session.get(Minutes, minutes_or_event)
    if minutes is not None and minutes.deleted_at is None:
        return minutes.id, {}
    event = session.get(Event, minutes_or_event)
    if event is None or event.deleted_at is not None:
        raise Invalid(_("There is no acta or event with the id {id}").format(id=minutes_or_event))
    found = session.scalars(
        select(Minutes.id)
        .where(Minutes.event_id == event.id, live(Minutes))
        .order_by(Minutes.created_at, Minutes.id)
        .limit(1)
    ).first()
    if found is not None:
        return found, {}
    new_id = uuid.uuid4()
    return new_id, {"id": new_id, "event_id": event.id, "place": event.place or ""}


def start_acta(store: Store, values: dict[str, Any]) -> None:
    """Write the acta :func:`acta_of` proposed (its own unit of work)."""
    refuse_row("minutes", values)
    with store.session() as session:
        if session.get(Minutes, values["id"]) is None:
            session.add(Minutes(**values))


def list_photos(session: Session, owner: Owner | None = None) -> list[PhotoRow]:
    """The live photos of ``owner`` (every live photo when None), oldest first."""
    query = select(Photo).where(live(Photo))
    if owner is not None:
        query = query.where(getattr(Photo, owner.column) == owner.record_id)
    rows = []
    for photo in session.scalars(query.order_by(Photo.created_at, Photo.id)):
        owner_id = photo.minutes_id or photo.self_diagnosis_id or photo.round_id
        assert owner_id is not None
        rows.append(
            PhotoRow(
                id=photo.id,
                kind=photo.kind,
                owner_id=owner_id,
                sha256=photo.sha256,
                media_type=photo.media_type,
                width=photo.width,
                height=photo.height,
                size=photo.size,
                caption=photo.caption,
                qr_text=photo.qr_text,
                latitude=photo.latitude,
                longitude=photo.longitude,
            )
        )
    return rows


def set_caption(store: Store, photo_id: uuid.UUID, caption: str) -> str:
    """Write the caption; return the one it replaced."""
    refuse_row("photo", {"caption": caption})
    with store.session() as session:
        photo = _photo(session, photo_id)
        previous = photo.caption
        photo.caption = caption
    return previous


def delete(store: Store, photo_id: uuid.UUID) -> None:
    """Tombstone the photo; its picture stays (see the module's text)."""
    with store.session() as session:
        mark_deleted(_photo(session, photo_id))


def restore(store: Store, photo_id: uuid.UUID) -> None:
    with store.session() as session:
        _photo(session, photo_id).deleted_at = None


def read_picture(session: Session, photo_id: uuid.UUID) -> tuple[str, bytes]:
    """``(media type, stored bytes)`` of a photo (tombstoned ones too)."""
    photo = _photo(session, photo_id)
    data = session.scalar(select(PhotoContent.data).where(PhotoContent.sha256 == photo.sha256))
    if data is None:
        raise Invalid(_("The picture of photo {id} is not in this database").format(id=photo_id))
    return photo.media_type, bytes(data)


def prune_pictures(store: Store) -> int:
    """Drop the pictures no photo record names; how many were dropped."""
    with store.session() as session:
        named = exists().where(Photo.sha256 == PhotoContent.sha256)
        result = session.execute(sql_delete(PhotoContent).where(~named))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _photo(session: Session, photo_id: uuid.UUID) -> Photo:
    photo = session.get(Photo, photo_id)
    if photo is None:
        raise Invalid(_("There is no photo with the id {id}").format(id=photo_id))
    return photo
