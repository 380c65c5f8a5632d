"""Reading one cell of the plan workbook by the rule the window applies to the same field
(the strategic frame's rules in :mod:`planner_desktop.plan.frame`, the annexes' in
:mod:`planner_desktop.capture.plan_records`, the self-assessment's
:func:`~planner_desktop.capture.assessment.parse_score`): a value the window would refuse
is refused here too, naming the cell."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from planner_desktop.capture import plan_records
from planner_desktop.capture.assessment import parse_score
from planner_desktop.capture.validation import Invalid, clean_text
from planner_desktop.domain import rules
from planner_desktop.exchange.xlsx import escapes
from planner_desktop.exchange.xlsx.errors import Where, refuse
from planner_desktop.exchange.xlsx.plan_choices import choice_of
from planner_desktop.exchange.xlsx.plan_spec import Cell, Col
from planner_desktop.i18n import _
from planner_desktop.plan import frame, validate
from planner_desktop.plan.numbers import parse_number


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _reason(error: Exception, header: str | None) -> str:
    """The refusal's text, without its field's name when that is the column's header."""
    text = str(error)
    head, sep, tail = text.partition(": ")
    if sep and header and head.casefold() == header.casefold():
        return tail
    return text


def _wrong(expected: str, value: Any) -> str:
    return _("expected {expected}, found «{value}»").format(
        expected=expected, value=str(value)[:40]
    )


def convert(cell: Any, kind: Cell, where: Where, col: Col | None = None) -> Any:
    """The typed value of one cell (None when empty), or a refusal naming the cell."""
    value = None if cell is None else cell.value
    data_type = getattr(cell, "data_type", None)
    if data_type == "f":
        raise refuse(where, _("the cell holds a formula; type the value itself"))
    if data_type == "e":
        raise refuse(where, _("the cell holds an error ({value})").format(value=value))
    if isinstance(value, str):
        value = escapes.decode(value)
        reason = rules.TEXT.problem(value)  # before spaces are tidied: no control hides
        if reason is not None:
            raise refuse(where, reason)
    if blank(value):
        if col is not None and col.required:
            raise refuse(where, _("the cell is empty and this column is required"))
        return None if kind is not Cell.SCORE else parse_score("")
    if isinstance(value, bool | time) or (
        isinstance(value, datetime | date) and kind is not Cell.DATE
    ):
        raise refuse(where, _wrong(_("text") if kind is Cell.TEXT else _("a value"), value))
    try:
        return READERS[kind](value, col)
    except Invalid as refused:
        raise refuse(where, _reason(refused, where.header)) from None


def _line(value: Any, col: Col | None) -> str:
    text = clean_text(cell_text(value))
    limit = col.limit if col is not None else None
    if limit is not None and len(text) > limit:
        raise Invalid(_("the text is longer than {n} characters").format(n=limit))
    return text


def _long(value: Any, col: Col | None) -> str:
    return frame.long_text(cell_text(value), col.key if col else "text")


def _code(value: Any, _col: Col | None) -> str:
    return frame.code(cell_text(value))


def _integer(value: Any, _col: Col | None) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    if isinstance(value, int | float | Decimal):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = Decimal("NaN")
        if number.is_finite() and number == number.to_integral_value():
            return int(number)
    raise Invalid(_wrong(_("a whole number"), value))


def _year(value: Any, col: Col | None) -> int:
    number = _integer(value, col)
    return frame.year(number, col.key if col else "year")


def _choice(value: Any, col: Col | None) -> Any:
    assert col is not None and col.choices is not None
    member = choice_of(col.choices, cell_text(value))
    if member is None:
        raise Invalid(
            _("«{value}» is not one of the values of the list").format(value=cell_text(value))
        )
    return member


def _date(value: Any, col: Col | None) -> date | None:
    if isinstance(value, datetime):
        if value.time() != time(0):
            raise Invalid(_wrong(_("a date"), value))
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise Invalid(_wrong(_("a date"), value))
    return plan_records.parse_date(col.key if col else "date", value)


def _amount(value: Any, _col: Col | None) -> Decimal:
    number = (
        Decimal(str(value)) if isinstance(value, int | float) else parse_number(cell_text(value))
    )
    reason = validate.amount(number if number is not None else cell_text(value))
    if reason or number is None:
        raise Invalid(reason or _("the amount is not a number"))
    return number.quantize(Decimal("0.01"))


def _score(value: Any, _col: Col | None) -> Any:
    return parse_score(cell_text(value))


def _target(value: Any, _col: Col | None) -> str:
    text = clean_text(cell_text(value))
    if len(text) > frame.TARGET_MAX:
        raise Invalid(_("at most {limit} characters.").format(limit=frame.TARGET_MAX))
    reason = validate.target_text(text)
    if reason:
        raise Invalid(reason)
    return text


def _names(value: Any, col: Col | None) -> list[str]:
    names = [clean_text(part) for part in cell_text(value).split(";")]
    return [name for name in names if name]


def _id(value: Any, _col: Col | None) -> uuid.UUID:
    try:
        return uuid.UUID(clean_text(cell_text(value)))
    except ValueError:
        raise Invalid(
            _("«{value}» is not an id written by the program; leave it empty for a new row").format(
                value=str(value)[:40]
            )
        ) from None


READERS: dict[Cell, Callable[[Any, Col | None], Any]] = {
    Cell.TEXT: _line,
    Cell.LONG: _long,
    Cell.CODE: _code,
    Cell.INTEGER: _integer,
    Cell.YEAR: _year,
    Cell.CHOICE: _choice,
    Cell.DATE: _date,
    Cell.AMOUNT: _amount,
    Cell.SCORE: _score,
    Cell.TARGET: _target,
    Cell.NAMES: _names,
    Cell.ID: _id,
}
