"""Column types and names shared by the domain models and the Core-only tables
(:mod:`planner_desktop.store.core_tables`): nothing here imports the ORM."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, Dialect, Enum, Integer, TypeDecorator

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
