"""The ceilings of a funding source: what it can give the plan in each year.

The years are those of the municipality's current plan (with no plan yet, the period
the municipality was set up with). A typed ceiling is an amount as the rest of the plan
takes it (:func:`planner_desktop.plan.validate.amount`: at most two decimals, not
negative, not absurdly large); an empty one clears the year. A bad value, or a ceiling
for a year outside the period, raises
:class:`~planner_desktop.capture.territory.FieldRefused` (a :class:`ValueError`) naming
the field, e.g. "Ceiling 2027: an amount cannot be negative", and nothing is written.
Ceilings are written by :func:`planner_desktop.plan.programming.set_ceiling` (one row per
source and year, a cleared one tombstoned). The caller owns the transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.capture.territory import FieldRefused
from planner_desktop.capture.validation import clean_text
from planner_desktop.domain.projects import SourceCeiling
from planner_desktop.domain.territory import Municipality
from planner_desktop.i18n import _
from planner_desktop.plan import programming, validate
from planner_desktop.plan.numbers import parse_number
from planner_desktop.plan.scope import current_plan
from planner_desktop.plan.sources import live_source


def plan_years(session: Session, municipality_id: uuid.UUID) -> list[int]:
    """The years of the municipality's current plan; with no plan yet, those of the period
    the municipality was set up with (none if it is gone)."""
    plan = current_plan(session, municipality_id)
    if plan is not None:
        return list(range(plan.start_year, plan.end_year + 1))
    municipality = session.get(Municipality, municipality_id)
    if municipality is None:
        return []
    return list(range(municipality.plan_start_year, municipality.plan_end_year + 1))


def ceilings(session: Session, source_id: uuid.UUID) -> dict[int, Decimal]:
    """The source's live ceilings by year."""
    rows = session.execute(
        select(SourceCeiling.year, SourceCeiling.amount).where(
            SourceCeiling.source_id == source_id, SourceCeiling.deleted_at.is_(None)
        )
    )
    return {int(year): Decimal(amount) for year, amount in rows}


def ceiling_years(session: Session, source_id: uuid.UUID) -> list[int]:
    """The years to show for a source: the plan period, plus any year holding a ceiling
    (so one left outside a changed period can still be cleared)."""
    source = live_source(session, source_id)
    return sorted({*plan_years(session, source.municipality_id), *ceilings(session, source_id)})


def _ceiling_title(year: int) -> str:
    return _("Ceiling {year}").format(year=year)


def parse_ceiling(value: Any, year: int, years: Iterable[int]) -> Decimal | None:
    """A typed ceiling for ``year`` (empty: none), refused naming the field when it is not
    an amount, or when it is for a year outside the plan period ``years``."""
    if isinstance(value, Decimal | int):
        number: Decimal | None = Decimal(value)
        typed = str(value)
    else:
        typed = clean_text(str(value)) if value is not None else ""
        if not typed:
            return None
        number = parse_number(typed)
    reason = validate.amount(number if number is not None else typed)
    if reason is None and number is not None:
        period = sorted(years)
        if year not in period:
            reason = (
                validate.year_in_period(year, period[0], period[-1])
                if period
                else _("there is no plan period")
            )
    if reason or number is None:
        raise FieldRefused(
            "ceiling",
            _("{field}: {reason}").format(
                field=_ceiling_title(year), reason=reason or _("the amount is not a number")
            ),
        )
    return number.quantize(Decimal("0.01"))


def set_source_ceiling(
    session: Session, source_id: uuid.UUID, year: int, value: Any
) -> Decimal | None:
    """Set (or, with an empty value, clear) the source's ceiling of ``year``; the ceiling
    it replaced. :class:`FieldRefused` for a bad amount or a year outside the period."""
    source = live_source(session, source_id)
    previous = ceilings(session, source_id).get(year)
    if value is None or (isinstance(value, str) and not clean_text(value)):
        amount = None
    else:
        amount = parse_ceiling(value, year, plan_years(session, source.municipality_id))
    programming.set_ceiling(session, source_id, year, amount)
    return previous
