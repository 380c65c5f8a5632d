"""Declarative base, column types and the identity/provenance mixins of DESIGN §4."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    MetaData,
    String,
    Text,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from planner_desktop.domain.column_types import (  # noqa: F401 - their home for the models
    NAMING_CONVENTION,
    Hundredths,
    Money,
    enum_type,
    utcnow,
)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        uuid.UUID: Uuid(),
        datetime: DateTime(),
        date: Date(),
        str: String(255),
        Decimal: Money(),
    }


def text_column(*, nullable: bool = False) -> Mapped[Any]:
    return mapped_column(Text, nullable=nullable, default="")


class Synced:
    """A record that travels between laptops in session files (DESIGN §4).

    ``id`` is a UUID made once at creation and never recomputed. Every local edit gets a
    fresh ``version_id`` and remembers the one it was edited from in ``base_version_id``;
    two laptops editing from the same base are a conflict for a person to resolve.
    Deleting sets ``deleted_at`` (a tombstone) so that a merge does not bring it back.
    The stamping is done by :mod:`planner_desktop.domain.provenance`.
    """

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    device_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    facilitator: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    version_id: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4)
    base_version_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class Appended:
    """An append-only event (a vote, a tally, an attendance): never edited, never conflicts.

    A correction is a new event whose ``retracts_id`` names the one it cancels.
    """

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    device_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    facilitator: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @declared_attr
    def retracts_id(cls) -> Mapped[uuid.UUID | None]:
        return mapped_column(ForeignKey(f"{cls.__tablename__}.id"), default=None)  # type: ignore[attr-defined]


def fk(target: str, *, nullable: bool = False, index: bool = True) -> Any:
    """A foreign key to ``target`` (``"table.id"``), indexed for the lazy list models."""
    return mapped_column(ForeignKey(target, ondelete="RESTRICT"), nullable=nullable, index=index)
