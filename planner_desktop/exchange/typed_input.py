"""A value typed for a field of a travelling record, read back into its plain form (no Qt).

The conflict window lets a person type a field's result as it is shown: a label ("Barrio")
for a code, the name of a record another version refers to, a date in the language's order,
an amount or a count with the locale's separators. :func:`plain_from_text` returns the plain
JSON value (what :func:`~planner_desktop.exchange.conflicts.resolve_conflict` takes) or
raises :class:`ValueError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal

from planner_desktop import locales
from planner_desktop.domain import labels, rules
from planner_desktop.exchange.readable import ValueKind, value_kind
from planner_desktop.exchange.records import table_specs
from planner_desktop.i18n import _
from planner_desktop.plan.numbers import parse_number

YES = ("yes", "true", "1")
NO = ("no", "false", "0")


class Refused(ValueError):
    """The text does not fit the field; the message says what it takes, on one line."""


def plain_from_text(
    table: str, name: str, text: str, *, names: Mapping[str, str], optional: bool
) -> Any:
    """``text`` as the plain value of ``table.name``; ``names`` maps the plain ids the
    versions refer to onto their names (a reference can only take one of them).

    Raises :class:`Refused` saying what the field takes.
    """
    value = _typed(table, name, text, names=names, optional=optional)
    _check_rule(table, name, value)
    return value


def _check_rule(table: str, name: str, value: Any) -> None:
    """The typed value obeys the field's rule, as in a form or a session file."""
    try:
        rule = rules.rule_for(table, name)
    except KeyError:
        return
    if isinstance(value, str) and rule.kind is rules.Kind.day:
        value = date.fromisoformat(value)
    elif isinstance(value, str) and rule.kind is rules.Kind.money:
        value = Decimal(value)
    reason = rule.problem(value)
    if reason is not None:
        raise Refused(reason)


def _typed(table: str, name: str, text: str, *, names: Mapping[str, str], optional: bool) -> Any:
    text = text.strip()
    kind = value_kind(table, name)
    if not text:
        if optional:
            return None
        if kind is ValueKind.text:
            return ""
        raise Refused(_("it cannot be empty"))
    folded = text.casefold()
    if kind is ValueKind.label:
        enum = table_specs()[table].table.c[name].type.enum_class  # type: ignore[attr-defined]
        for member in enum:
            if folded in (member.value.casefold(), labels.label(member).casefold()):
                return member.value
        return _refuse_choice([labels.label(member) for member in enum])
    if kind is ValueKind.reference:
        for plain, shown in names.items():
            if folded in (plain.casefold(), shown.casefold()):
                return plain
        return _refuse_choice(list(names.values()))
    if kind is ValueKind.flag:
        if folded in (_("yes").casefold(), _("Yes").casefold(), *YES):
            return True
        if folded in (_("no").casefold(), _("No").casefold(), *NO):
            return False
        return _refuse_choice([_("Yes"), _("No")])
    if kind is ValueKind.date:
        try:
            return locales.parse_short_date(text).isoformat()
        except ValueError:
            raise Refused(
                _("type a date as {example}").format(example=locales.short_date(EXAMPLE_DAY))
            ) from None
    if kind in (ValueKind.number, ValueKind.whole, ValueKind.decimal, ValueKind.money):
        return _number(kind, text)
    if kind is ValueKind.moment:
        raise Refused(_("take it from one of the versions"))
    return text


EXAMPLE_DAY = date(2026, 3, 31)


def _refuse_choice(choices: list[str]) -> Any:
    raise Refused(_("choose one of: {choices}").format(choices=", ".join(choices)))


def _number(kind: ValueKind, text: str) -> Any:
    number = parse_number(text)
    if kind is ValueKind.money:
        if number is None or number < 0:
            example = format_decimal(Decimal("1500.50"), "#,##0.00", locale=locales.locale_of())
            raise Refused(_("type an amount, such as {example}").format(example=example))
        return f"{number.quantize(Decimal('0.01')):.2f}"
    if kind is ValueKind.decimal:
        if number is None:
            raise Refused(_("type a number"))
        return float(number)
    if number is None or number < 0 or number != number.to_integral_value():
        raise Refused(_("Type a whole number"))
    return int(number)
