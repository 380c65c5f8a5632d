"""Progress typed in the window: what it is progress of, and the checks of each value.

A progress record (:class:`~planner_desktop.domain.follow_up.Progress`) belongs to a
project or to a POA operation. Its date must fall in the plan period (a project) or in the
fiscal year of the POA (an operation), and never after today (the day the checks use);
the physical progress is a percentage; the amount executed is a non-negative amount; the
target achieved, when typed, is a number. Physical progress going back from the record
before it is refused unless the record says why (a result or a corrective measure). An amount
executed above the budget is only a warning.

No Qt here. Parsers raise :class:`~planner_desktop.capture.validation.Invalid` with the
one-line reason; :func:`check_entry` raises :class:`ProgressRefused` naming the field.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.capture.validation import Invalid, clean_text
from planner_desktop.domain.annual import AnnualPlan, Operation
from planner_desktop.domain.follow_up import Progress
from planner_desktop.domain.projects import ProjectProfile
from planner_desktop.i18n import N_, _
from planner_desktop.locales import short_date
from planner_desktop.plan import check_execution, validate
from planner_desktop.plan.numbers import parse_number
from planner_desktop.plan.operations import parse_date
from planner_desktop.plan.records import profile_money
from planner_desktop.plan.scope import live, plan_period

TARGET_LIMIT = 60
"""The length of ``Progress.target_achieved``."""
FIELDS = {
    "date": N_("Date"),
    "physical_percent": N_("Physical progress"),
    "financial_executed": N_("Executed"),
    "target_achieved": N_("Target achieved"),
    "results": N_("Results"),
    "corrective_measures": N_("Corrective measures"),
}
"""The English title of each field a refusal may name."""


class ProgressRefused(Exception):
    """A typed progress record was refused: ``field`` (see :data:`FIELDS`) and ``reason``."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field, self.reason = field, reason


@dataclass(frozen=True)
class Subject:
    """What progress is recorded of: ``table`` is ``project_profile`` or ``operation``.
    ``first``/``last`` bound its dates (None when the plan has no period yet)."""

    table: str
    id: uuid.UUID
    code: str
    name: str
    budget: Decimal
    first: date | None
    last: date | None
    fiscal_year: int | None = None

    def key(self) -> dict[str, uuid.UUID | None]:
        """The foreign keys of a progress record of this subject."""
        if self.table == "operation":
            return {"operation_id": self.id, "profile_id": None}
        return {"profile_id": self.id, "operation_id": None}


def subject_of(session: Session, table: str, record_id: uuid.UUID) -> Subject | None:
    """The live project or operation ``record_id`` with its budget and allowed dates."""
    if table == "operation":
        row = session.execute(
            select(Operation, AnnualPlan.fiscal_year)
            .join(AnnualPlan, Operation.annual_plan_id == AnnualPlan.id)
            .where(Operation.id == record_id, live(Operation), live(AnnualPlan))
        ).first()
        if row is None:
            return None
        operation, year = row
        return Subject(
            table,
            operation.id,
            operation.code,
            operation.name,
            operation.budget,
            date(year, 1, 1),
            date(year, 12, 31),
            year,
        )
    if table != "project_profile":
        return None
    profile = session.get(ProjectProfile, record_id)
    if profile is None or profile.deleted_at is not None:
        return None
    period = plan_period(session)
    first = date(period.start, 1, 1) if period else None
    last = date(period.end, 12, 31) if period else None
    return Subject(
        table,
        profile.id,
        profile.code,
        profile.name,
        profile_money(session, profile.id).cost,
        first,
        last,
    )


def subject_of_progress(session: Session, progress_id: uuid.UUID) -> Subject | None:
    record = session.get(Progress, progress_id)
    if record is None:
        return None
    if record.operation_id is not None:
        return subject_of(session, "operation", record.operation_id)
    if record.profile_id is not None:
        return subject_of(session, "project_profile", record.profile_id)
    return None


def date_refusal(subject: Subject, day: date) -> str | None:
    """A day outside the POA's fiscal year (an operation) or the plan period (a project)."""
    if subject.first is None or subject.last is None:
        return None
    if subject.first <= day <= subject.last:
        return None
    if subject.fiscal_year is not None:
        return _("{day} is outside the fiscal year {year} of the POA").format(
            day=short_date(day), year=subject.fiscal_year
        )
    return _("{day} is outside the plan period {start}–{end}").format(
        day=short_date(day), start=subject.first.year, end=subject.last.year
    )


def parse_progress_date(subject: Subject, text: Any) -> date:
    day = parse_date(text)
    if day is None:
        raise Invalid(_("a progress record needs its date"))
    if day > check_execution.today():
        raise Invalid(_("after today"))
    reason = date_refusal(subject, day)
    if reason:
        raise Invalid(reason)
    return day


def parse_percent(text: Any) -> float:
    """Physical progress from 0 to 100 (``45 %`` and ``45,5`` allowed)."""
    typed = clean_text(str(text if text is not None else ""))
    number = parse_number(typed)
    reason = validate.percent(number if number is not None else typed)
    if reason or number is None:
        raise Invalid(reason or _("the percentage is not a number"))
    return float(number)


def parse_executed(text: Any) -> Decimal:
    """The amount executed: not negative, at most two decimals; empty is zero."""
    if isinstance(text, Decimal | int):
        number: Decimal | None = Decimal(text)
        typed = str(text)
    else:
        typed = clean_text(str(text if text is not None else ""))
        if not typed:
            return Decimal("0.00")
        number = parse_number(typed)
    reason = validate.amount(number if number is not None else typed)
    if reason or number is None:
        raise Invalid(reason or _("the amount is not a number"))
    return number.quantize(Decimal("0.01"))


def parse_achieved(text: Any) -> str:
    """The value of the target achieved: empty, or a number (``85 %`` allowed)."""
    typed = clean_text(str(text or ""))
    if not typed:
        return ""
    reason = validate.target_text(typed)
    if reason:
        raise Invalid(reason)
    if len(typed) > TARGET_LIMIT:
        raise Invalid(_("at most {n} characters").format(n=TARGET_LIMIT))
    return typed


def previous_physical(
    session: Session, subject: Subject, day: date, exclude: uuid.UUID | None = None
) -> float | None:
    """The physical progress of the latest live record of ``subject`` on or before ``day``
    (``exclude``: the record being edited)."""
    column = Progress.operation_id if subject.table == "operation" else Progress.profile_id
    query = select(Progress.physical_percent).where(
        column == subject.id, live(Progress), Progress.date <= day
    )
    if exclude is not None:
        query = query.where(Progress.id != exclude)
    found = session.scalars(
        query.order_by(Progress.date.desc(), Progress.created_at.desc(), Progress.id)
    ).first()
    return float(found) if found is not None else None


def backwards_refusal(previous: float | None, physical: float, note: str) -> str | None:
    """Physical progress below the record before it needs a result or corrective measure."""
    if previous is None or physical >= previous or note.strip():
        return None
    return _(
        "physical progress goes back from {old} % to {new} %: say why in the "
        "corrective measures first"
    ).format(old=_plain(previous), new=_plain(physical))


def over_budget_warning(
    subject: Subject, executed: Decimal, money: Callable[[Decimal], str] = str
) -> str | None:
    """A warning (not a refusal) when more is executed than budgeted; ``money`` shows an
    amount (the window's locale)."""
    if subject.budget and executed > subject.budget:
        return _("{code}: executed {executed} is above the budget {budget}").format(
            code=subject.code, executed=money(executed), budget=money(subject.budget)
        )
    return None


def _plain(value: float) -> str:
    return f"{value:g}"


def check_entry(
    session: Session, subject: Subject, typed: dict[str, Any], exclude: uuid.UUID | None = None
) -> dict[str, Any]:
    """The values of a progress record from the typed ``typed`` fields (see :data:`FIELDS`),
    or :class:`ProgressRefused` naming the first bad field."""
    parsers = {
        "date": lambda text: parse_progress_date(subject, text),
        "physical_percent": parse_percent,
        "financial_executed": parse_executed,
        "target_achieved": parse_achieved,
        "results": lambda text: clean_text(str(text or "")),
        "corrective_measures": lambda text: clean_text(str(text or "")),
    }
    values: dict[str, Any] = {}
    for field, parse in parsers.items():
        try:
            values[field] = parse(typed.get(field, ""))
        except Invalid as error:
            raise ProgressRefused(field, error.reason) from None
    previous = previous_physical(session, subject, values["date"], exclude)
    note = f"{values['results']} {values['corrective_measures']}"
    reason = backwards_refusal(previous, values["physical_percent"], note)
    if reason:
        raise ProgressRefused("corrective_measures", reason)
    return values


def new_progress(subject: Subject, values: dict[str, Any]) -> dict[str, Any]:
    """The values of a new progress record (its id chosen now) of ``subject``."""
    return {"id": uuid.uuid4(), **subject.key(), **values}
