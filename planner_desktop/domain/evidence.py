"""Photos as evidence: the signed acta, the mapa parlante, a round's tally sheet.

A :class:`Photo` is a synced record (it travels in session files like any other) that
names its picture by the SHA-256 of the stored bytes. The bytes themselves live once per
picture in :class:`PhotoContent`, keyed by that hash: two laptops attaching the same
picture store it once, and a session file carries each picture as its own part, listed
and hashed in the signed manifest, not as a record.

The stored bytes are what the program made of the original: downscaled, re-encoded and
stripped of every metadata block. ``latitude``/``longitude`` are kept only when the person
attaching chose to keep the photo's place.
"""

from __future__ import annotations

import uuid

from sqlalchemy import CheckConstraint, Float, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from planner_desktop.domain.base import Base, Synced, enum_type, fk
from planner_desktop.domain.enums import PhotoKind


class Photo(Synced, Base):
    """One photo attached to an acta (``minutes_id``), a self-diagnosis (``self_diagnosis_id``,
    the mapa parlante) or a prioritisation round (``round_id``, the tally sheet)."""

    __tablename__ = "photo"
    __table_args__ = (
        CheckConstraint(
            "(kind = 'acta' AND minutes_id IS NOT NULL AND self_diagnosis_id IS NULL"
            " AND round_id IS NULL)"
            " OR (kind = 'talking_map' AND self_diagnosis_id IS NOT NULL AND minutes_id IS NULL"
            " AND round_id IS NULL)"
            " OR (kind = 'tally_sheet' AND round_id IS NOT NULL AND minutes_id IS NULL"
            " AND self_diagnosis_id IS NULL)",
            name="one_owner",
        ),
        CheckConstraint("width > 0 AND height > 0 AND size > 0", name="has_size"),
        CheckConstraint(
            "(latitude IS NULL) = (longitude IS NULL)", name="place_whole_or_absent"
        ),
    )

    kind: Mapped[PhotoKind] = mapped_column(enum_type(PhotoKind))
    minutes_id: Mapped[uuid.UUID | None] = fk("minutes.id", nullable=True)
    self_diagnosis_id: Mapped[uuid.UUID | None] = fk("self_diagnosis.id", nullable=True)
    round_id: Mapped[uuid.UUID | None] = fk("prioritization_round.id", nullable=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    """The hash of the stored picture (its row in ``photo_content``)."""
    media_type: Mapped[str] = mapped_column(String(20))
    """``image/jpeg`` or ``image/png``: what the stored bytes are."""
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    """Bytes stored."""
    caption: Mapped[str] = mapped_column(String(200), default="")
    qr_text: Mapped[str | None] = mapped_column(String(1000), default=None)
    """The text of the acta's QR as read from the picture when attached (None: none read)."""
    latitude: Mapped[float | None] = mapped_column(Float, default=None)
    longitude: Mapped[float | None] = mapped_column(Float, default=None)


class PhotoContent(Base):
    """The bytes of one stored picture, once, under their SHA-256 (local; travels as a
    session file part, not as a record)."""

    __tablename__ = "photo_content"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
