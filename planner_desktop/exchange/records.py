"""Strict per-table record models, derived from the SQLAlchemy tables so every table that
travels between laptops is covered, and the one JSON encoding of a row.

A record is one flat JSON object per line: every column present (``null`` where allowed),
no other key, no nested value. Types are strict: an integer is not a float, a boolean is
not 1, a UUID is its canonical string, times are naive ISO 8601 (UTC), amounts and
percentages are decimal strings with at most two decimals, enum columns accept only the
codes of their enum.
(When a key is repeated in one object the last value is the one validated.)

The models are built from the Core copy of the tables
(:mod:`planner_desktop.store.core_tables`), one table at a time when first asked, so
``session verify`` imports neither the domain models nor, for a table its file does not
carry, builds that table's model; pydantic is imported by the first model built.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from functools import cache, cached_property
from typing import TYPE_CHECKING, Annotated, Any, NotRequired, Optional

from sqlalchemy import Boolean, Column, Date, DateTime, Float, Integer, String, Table, Text, Uuid
from sqlalchemy import Enum as SqlEnum

from planner_desktop.domain import rules
from planner_desktop.domain.column_types import Hundredths, Money
from planner_desktop.i18n import _
from planner_desktop.store import core_tables

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

MAX_TEXT = rules.MAX_TEXT
"""Longest text accepted in one field (characters)."""

Row = dict[str, Any]


@dataclass(frozen=True)
class TableSpec:
    """How one travelling table is written to and read from a session file. Its record
    model (:attr:`adapter`) is built when first used."""

    core: Table
    """The table's Core copy (:mod:`planner_desktop.store.core_tables`)."""
    appended: bool
    columns: tuple[str, ...]
    self_refs: tuple[str, ...]
    refs: tuple[tuple[str, str], ...]
    """(column, referred table) for every foreign key."""
    moving: tuple[tuple[str, rules.Rule], ...] = ()
    """Columns whose rule has a bound that moves with the clock (save times, birth years),
    checked after the model, which holds only fixed bounds; and geometries, whose shape
    the model cannot say."""

    @property
    def name(self) -> str:
        return self.core.name

    @cached_property
    def table(self) -> Table:
        """The table as the domain models declare it (imports them): what a merge, an
        export or an undo writes and reads through."""
        from planner_desktop.domain.models import Base

        return Base.metadata.tables[self.name]

    @cached_property
    def adapter(self) -> TypeAdapter[Any]:
        """The strict model of one record (see the module's text)."""
        return _adapter(self.core)

    @cached_property
    def _invalid(self) -> type[ValidationError]:
        from pydantic import ValidationError

        return ValidationError

    def validate_line(self, line: bytes | str) -> Row:
        """One record from its JSON line; raises :class:`RecordError` naming the field."""
        adapter = self.adapter
        try:
            row: Row = adapter.validate_json(line)
        except self._invalid as exc:
            raise RecordError(describe(exc, self.name)) from None
        for name, default in LATER_COLUMNS.get(self.name, {}).items():
            row.setdefault(name, default)
        if self.moving:
            self._check_moving(row)
        return row

    def _check_moving(self, row: Row) -> None:
        """The moving bounds, read from the clock once per record (not once per field)."""
        limits: dict[int, tuple[Any, Any]] = {}
        for name, rule in self.moving:
            value = row[name]
            if value is None:
                continue
            bounds = limits.get(id(rule))
            if bounds is None:
                bounds = limits[id(rule)] = rule.bounds()
            reason = rule.problem(value, bounds)
            if reason is not None:
                raise RecordError(field_problem(self.name, name, reason))


class RecordError(ValueError):
    """A record does not match its table's model; the message names the field, not values."""


def describe(exc: ValidationError, table: str | None = None) -> str:
    """The first error of ``exc`` in one line naming the field (never its value); a value
    outside its rule is refused with the rule's own words, as the forms and the spreadsheet
    imports say it."""
    errors = exc.errors(include_url=False)
    if not errors:
        return _("invalid record")
    first = errors[0]
    loc = first.get("loc", ())
    where = ".".join(str(part) for part in loc)
    kind = first.get("type", "invalid")
    if kind == "json_invalid":
        return _("not a valid JSON record: {problem}").format(problem=first.get("msg", ""))
    reason = _rule_reason(table, loc, first.get("input"))
    if reason is not None and table is not None:
        text = field_problem(table, str(loc[0]), reason)
    else:
        text = _("field {field}: {problem}").format(
            field=where or "?", problem=first.get("msg", kind)
        )
    if len(errors) > 1:
        text += " " + _("(and {n} more)").format(n=len(errors) - 1)
    return text


def field_problem(table: str, column: str, reason: str) -> str:
    """``field population_women (Women): must be from 0 to 10,000,000``."""
    title = rules.field_title(table, column)
    if title and title != column:
        return _("field {field} ({title}): {problem}").format(
            field=column, title=title, problem=reason
        )
    return _("field {field}: {problem}").format(field=column, problem=reason)


def _rule_reason(table: str | None, loc: tuple[Any, ...], value: Any) -> str | None:
    """The rule's reason for a value the model refused, when its bound or characters are
    what refused it (not its type)."""
    if table is None or len(loc) != 1 or value is None:
        return None
    rule = _rule(table, str(loc[0]))
    if rule is None:
        return None
    if isinstance(value, str) and rule.kind in (rules.Kind.day, rules.Kind.moment):
        try:
            value = _parsed_time(rule.kind, value)
        except ValueError:
            return None
    if isinstance(value, str) and rule.kind is rules.Kind.money:
        return None  # the model says what shape an amount takes
    return rule.problem(value)


def _rule(table: str, column: str) -> rules.Rule | None:
    """The rule of ``table.column`` read from the Core copy of the table (None: no such
    column, or a column with no rule)."""
    core = core_tables.metadata.tables.get(table)
    if core is None or column not in core.c:
        return None
    return rules.column_rule(table, core.c[column])


def _parsed_time(kind: rules.Kind, value: str) -> Any:
    if kind is rules.Kind.day:
        return date.fromisoformat(value)
    return datetime.fromisoformat(value)


def _python_type(column: Column[Any]) -> Any:
    from pydantic import Field, NaiveDatetime

    kind = column.type
    rule = _fixed(column)
    low, high = rule.bounds() if rule is not None else (None, None)
    result: Any
    if isinstance(kind, Money):
        result = Annotated[
            Decimal,
            Field(ge=low, le=high, max_digits=17, decimal_places=2, allow_inf_nan=False),
        ]
    elif isinstance(kind, Hundredths):
        result = Annotated[
            Decimal, Field(ge=0, le=100, max_digits=5, decimal_places=2, allow_inf_nan=False)
        ]
    elif isinstance(kind, SqlEnum) and kind.enum_class is not None:
        result = kind.enum_class
    elif isinstance(kind, Uuid):
        result = uuid.UUID
    elif isinstance(kind, DateTime):
        result = Annotated[NaiveDatetime, Field(ge=low, le=high)]
    elif isinstance(kind, Date):
        result = Annotated[date, Field(ge=low, le=high)]
    elif isinstance(kind, Boolean):
        result = bool
    elif isinstance(kind, Integer):
        result = Annotated[int, Field(ge=low, le=high)]
    elif isinstance(kind, Float):
        result = Annotated[float, Field(ge=low, le=high, allow_inf_nan=False)]
    elif isinstance(kind, Text | String):
        pattern = rules.TEXT_PATTERN if isinstance(kind, Text) else rules.LINE_PATTERN
        length = rule.length if rule is not None else kind.length or MAX_TEXT
        result = Annotated[str, Field(max_length=length, pattern=pattern)]
    else:  # pragma: no cover - a new column type must be mapped here first
        raise TypeError(f"no session-file type for {column.table.name}.{column.name}")
    return Optional[result] if column.nullable else result  # noqa: UP045 - runtime typing


def _fixed(column: Column[Any]) -> rules.Rule | None:
    """The column's rule with only its fixed bounds (a moving bound is checked after)."""
    rule = rules.column_rule(column.table.name, column)
    if rule is None:
        return None
    low = None if callable(rule.low) else rule.low
    high = None if callable(rule.high) else rule.high
    return replace(rule, low=low, high=high)


def _moving(table: Table) -> tuple[tuple[str, rules.Rule], ...]:
    found = []
    for column in table.columns:
        rule = rules.column_rule(table.name, column)
        if rule is None:
            continue
        if callable(rule.low) or callable(rule.high) or rule.kind is rules.Kind.geometry:
            found.append((column.name, rule))
    return tuple(found)


LATER_COLUMNS: dict[str, dict[str, Any]] = {
    "municipality": {"official_name": ""},  # schema 0007_plan_tree
    "district": {"geometry": None},  # schema 0009_place_and_proof
    "community": {"geometry": None},  # schema 0009_place_and_proof
    "prioritization_round": {
        "agreed_note": "",  # schema 0004_round_decisions
        "reopen_log": "",  # schema 0006_shared_ranks_reopening
    },
    "round_result": {"shared_rank": None, "tied": False},  # schema 0006_shared_ranks_reopening
}
"""Columns added to a travelling table after session files were first written, with the
value a record from an older file takes (files written before have no such field)."""


def _adapter(table: Table) -> TypeAdapter[Any]:
    from pydantic import ConfigDict, TypeAdapter, with_config
    from typing_extensions import TypedDict

    later = LATER_COLUMNS.get(table.name, {})
    fields = {
        column.name: NotRequired[_python_type(column)]
        if column.name in later
        else _python_type(column)
        for column in table.columns
    }
    make: Any = TypedDict
    model: Any = with_config(ConfigDict(extra="forbid", strict=True))(
        make(f"{table.name}_record", fields)
    )
    return TypeAdapter(model)


def _spec(table: Table) -> TableSpec:
    refs = tuple(
        (fk.parent.name, fk.target_fullname.rpartition(".")[0])
        for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name)
    )
    return TableSpec(
        core=table,
        appended=table.name in core_tables.APPENDED,
        columns=tuple(sorted(column.name for column in table.columns)),
        self_refs=tuple(column for column, target in refs if target == table.name),
        refs=refs,
        moving=_moving(table),
    )


class TableSpecs(Mapping[str, TableSpec]):
    """Every travelling table's :class:`TableSpec` by name, in name order, each made when
    first asked for."""

    def __init__(self) -> None:
        self._names = tuple(sorted(core_tables.metadata.tables))
        self._made: dict[str, TableSpec] = {}

    def __getitem__(self, name: str) -> TableSpec:
        spec = self._made.get(name)
        if spec is None:
            spec = self._made[name] = _spec(core_tables.metadata.tables[name])
        return spec

    def __contains__(self, name: object) -> bool:
        return name in core_tables.metadata.tables

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


@cache
def table_specs() -> TableSpecs:
    """Every travelling table, by name (see :class:`TableSpecs`)."""
    return TableSpecs()


@cache
def dependency_order() -> tuple[str, ...]:
    """Travelling tables with every referred table before the tables that refer to it."""
    return tuple(t.name for t in core_tables.metadata.sorted_tables)


def plain_row(row: Row) -> Row:
    from planner_desktop.exchange.dump import plain_value

    return {key: plain_value(value) for key, value in row.items()}


def encode(row: Row) -> str:
    """The canonical JSON line of a row (sorted keys, no spaces, UTF-8 text)."""
    return json.dumps(plain_row(row), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _converter(column: Column[Any]) -> Callable[[Any], Any] | None:
    """What :func:`plain_value` does to a value of ``column`` (None: nothing)."""
    kind = column.type
    if isinstance(kind, Money | Hundredths):
        return lambda value: f"{value:.2f}"
    if isinstance(kind, SqlEnum) and kind.enum_class is not None:
        from planner_desktop.exchange.dump import plain_value

        return plain_value
    if isinstance(kind, Uuid):
        return str
    if isinstance(kind, DateTime | Date):
        return lambda value: value.isoformat()
    return None


@cache
def row_encoder(name: str) -> Callable[[Row], str]:
    """:func:`encode` for a row of table ``name`` as read from the database, converting only
    the columns whose values need it."""
    converters = [
        (column.name, convert)
        for column in table_specs()[name].core.columns
        if (convert := _converter(column)) is not None
    ]

    def encode_row(row: Row) -> str:
        plain = dict(row)
        for key, convert in converters:
            value = plain[key]
            if value is not None:
                plain[key] = convert(value)
        return json.dumps(plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    return encode_row
