"""Declarative base, column types and the identity/provenance mixins of DESIGN §4."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    Dialect,
    Enum,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Current time in UTC, stored without a zone (every stored time is UTC)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


class Money(TypeDecorator[Decimal]):
    """An amount in the municipality's currency, exact to the cent.

    Stored as whole cents in a BIGINT so sums are exact on every database.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        cents = (Decimal(value) * 100).quantize(Decimal(1))
        return int(cents)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(Decimal("0.01"))


class Hundredths(TypeDecorator[Decimal]):
    """A percentage with two decimals (86,50 %), stored exactly as whole hundredths."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        return int((Decimal(value) * 100).quantize(Decimal(1)))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(Decimal("0.01"))


def enum_type(enum_cls: type[StrEnum]) -> Enum:
    """A portable enum column: VARCHAR plus a CHECK of the allowed codes."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum_cls) + 8,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
        name=enum_cls.__name__.lower(),
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
