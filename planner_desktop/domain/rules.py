"""The value rules of every stored field, declared once (DESIGN §7; no Qt).

Every way a value comes in applies these same rules: the window's forms, the spreadsheet
imports, ``session verify`` and ``session merge``. A rule says what a field accepts and, when
a value is refused, why, in one translated line without the field's name (the caller names
the field, with :func:`field_title`). The database's own constraints stay as the last
guard; these rules are stricter and come first, so a refusal names the field and the rule
instead of a database error.

How a column's rule is found: an entry of :data:`RULES` for ``table.column``, else the rule
of its type (text, dates, moments, money, percentages). A whole number or a real number
has no rule by type: every integer and float column of the schema is listed in
:data:`RULES` (a test keeps that list complete), because only a person can say what range
is sane for it.
"""

from __future__ import annotations

import enum
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from planner_desktop.i18n import _

MAX_COUNT = 10_000_000
"""Most people, families or ballots a field can count (a municipality is far smaller)."""
MAX_MONEY = Decimal("100000000000")
"""Largest amount of money in one field (10^11, in the municipality's currency)."""
MAX_POSITION = 1_000_000
"""Largest position or rank in a list."""
MAX_TEXT = 100_000
MAX_PHOTO_SIDE = 10_000
"""Longest side of a stored photo, in pixels (the program stores far smaller ones)."""
MAX_PHOTO_BYTES = 20_000_000
"""Most bytes of one stored photo."""
"""Longest text of a field without a length of its own (characters)."""
OLDEST_BIRTH_YEAR = 1900
FIRST_YEAR = 1990
"""Earliest year of a plan, a budget, a target or a dated record."""
LAST_YEAR = 2100
"""Latest year of a plan, a budget, a target or a dated record."""
EARLIEST_MOMENT = datetime(2000, 1, 1)
"""No record was saved before this moment (UTC)."""
CLOCK_TOLERANCE = timedelta(days=1)
"""How far ahead of this computer's clock a laptop's clock may be: a record saved later
than now plus this is refused (its laptop's date is wrong), so it can never win a
conflict against records saved in the present."""


def latest_moment() -> datetime:
    """The latest save time accepted now (naive UTC, like every stored moment)."""
    return datetime.now(UTC).replace(tzinfo=None) + CLOCK_TOLERANCE


class Kind(enum.Enum):
    whole = "whole"
    real = "real"
    money = "money"
    percent = "percent"
    day = "day"
    moment = "moment"
    line = "line"
    """Text on one line: no control character at all."""
    text = "text"
    """Text of several lines: tabs and line breaks allowed, no other control character."""
    geometry = "geometry"
    """A place or shape as GeoJSON text in longitude and latitude, of a type in ``shapes``
    (:mod:`planner_desktop.geo.geojson_check`)."""


_LINE_BAD = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_TEXT_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
LINE_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]*$"
"""The same as the line rule, as a pattern for a validator that takes one."""
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"


@dataclass(frozen=True)
class Rule:
    """What one field accepts. ``low``/``high`` bound numbers, dates and moments (either
    may be a function of nothing, for a bound that moves with the clock); ``length`` bounds
    text. ``year`` says a whole number is a year (worded so in a refusal). ``shapes``: the
    geometry types a geometry field takes."""

    kind: Kind
    low: Any = None
    high: Any = None
    length: int = MAX_TEXT
    year: bool = False
    shapes: tuple[str, ...] = ()

    def bounds(self) -> tuple[Any, Any]:
        low = self.low() if callable(self.low) else self.low
        high = self.high() if callable(self.high) else self.high
        return low, high

    def problem(self, value: Any, bounds: tuple[Any, Any] | None = None) -> str | None:
        """Why ``value`` is refused (one translated line), or None when it passes.

        ``None`` (an empty optional field) always passes: whether a field may be empty is
        the schema's business, not a value rule's. ``bounds``: :meth:`bounds` already read
        (a caller checking many values reads the clock once).
        """
        if value is None:
            return None
        if self.kind in (Kind.line, Kind.text):
            return self._text_problem(value)
        if self.kind is Kind.geometry:
            from planner_desktop.geo.geojson_check import geometry_problem

            return self._text_problem(value) or geometry_problem(value, self.shapes)
        if self.kind in (Kind.whole, Kind.real, Kind.money, Kind.percent):
            return self._number_problem(value, bounds or self.bounds())
        return self._time_problem(value, bounds or self.bounds())

    def _text_problem(self, value: Any) -> str | None:
        if not isinstance(value, str):
            return _("must be text")
        bad = _LINE_BAD if self.kind is Kind.line else _TEXT_BAD
        found = bad.search(value)
        if found is not None:
            return _("holds a control character ({code}), which no field may hold").format(
                code=f"U+{ord(found.group()):04X}"
            )
        if any(unicodedata.category(c) == "Cs" for c in value if "\ud800" <= c <= "\udfff"):
            return _("holds a broken character (a lone surrogate)")
        if len(value) > self.length:
            return _("is too long: at most {n} characters").format(n=self.length)
        return None

    def _number_problem(self, value: Any, bounds: tuple[Any, Any]) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            return _("must be a number")
        if isinstance(value, float) and not math.isfinite(value):
            return _("must be a number")
        if isinstance(value, Decimal) and not value.is_finite():
            return _("must be a number")
        if self.kind is Kind.whole and value != int(value):
            return _("must be a whole number")
        low, high = bounds
        if (low is not None and value < low) or (high is not None and value > high):
            return self._range_reason(low, high)
        return None

    def _range_reason(self, low: Any, high: Any) -> str:
        if self.year:
            return _("must be a year from {low} to {high}").format(low=low, high=high)
        shown_low, shown_high = _shown(low), _shown(high)
        if high is None:
            return _("must be {low} or more").format(low=shown_low)
        if low is None:
            return _("must be {high} or less").format(high=shown_high)
        return _("must be from {low} to {high}").format(low=shown_low, high=shown_high)

    def _time_problem(self, value: Any, bounds: tuple[Any, Any]) -> str | None:
        if self.kind is Kind.day:
            if isinstance(value, datetime) or not isinstance(value, date):
                return _("must be a date")
        elif not isinstance(value, datetime):
            return _("must be a date and time")
        low, high = bounds
        if low is not None and value < low:
            return _("is before {low}, earlier than any record can be").format(
                low=low.isoformat()
            )
        if high is not None and value > high:
            if self.kind is Kind.moment:
                return _(
                    "is later than this computer's clock allows (more than {hours} hours "
                    "ahead): check the date of the laptop that saved it"
                ).format(hours=int(CLOCK_TOLERANCE.total_seconds() // 3600))
            return _("is after {high}, later than any record can be").format(
                high=high.isoformat()
            )
        return None


def _shown(value: Any) -> str:
    """A bound as the interface language writes numbers (``10.000.000`` in Spanish)."""
    from planner_desktop.reports.numbers import number

    return number(value)


def _current_year() -> int:
    return date.today().year


COUNT = Rule(Kind.whole, 0, MAX_COUNT)
POSITION = Rule(Kind.whole, 0, MAX_POSITION)
RANK = Rule(Kind.whole, 1, MAX_POSITION)
YEAR = Rule(Kind.whole, FIRST_YEAR, LAST_YEAR, year=True)
BIRTH_YEAR = Rule(Kind.whole, OLDEST_BIRTH_YEAR, _current_year, year=True)
PERCENT = Rule(Kind.real, 0, 100)
MONEY = Rule(Kind.money, Decimal(0), MAX_MONEY)
HUNDREDTHS = Rule(Kind.percent, Decimal(0), Decimal(100))
DAY = Rule(Kind.day, date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31))
MOMENT = Rule(Kind.moment, EARLIEST_MOMENT, latest_moment)
LINE = Rule(Kind.line)
TEXT = Rule(Kind.text)
MAX_GEOMETRY = 1_000_000
"""Longest stored geometry (characters): a detailed district outline takes a few hundred
thousand; the geometry check itself bounds its positions too."""
AREAS = ("Polygon", "MultiPolygon")

_COUNTS = (
    "community.population_women community.population_men community.population_children "
    "community.population_youth community.population_adults community.population_elders "
    "community.families demand.beneficiaries_women demand.beneficiaries_men "
    "project_profile.direct_women project_profile.direct_men project_profile.direct_children "
    "project_profile.direct_youth project_profile.direct_adults project_profile.direct_elders "
    "project_profile.indirect_women project_profile.indirect_men "
    "prioritization_round.ballots_issued prioritization_round.ballots_counted "
    "prioritization_round.participants_present vote.count"
)
_POSITIONS = (
    "assessment_area.position component.position criterion.position cross_cutting.position "
    "dimension.position org_unit.position plan_element.position plan_value.position "
    "round_item.position team_member.position work_activity.position finding.rank"
)
_RANKS = "round_result.rank round_result.shared_rank vote.rank round_decision.agreed_position"
_YEARS = (
    "annual_plan.fiscal_year assessment_score.year indicator_target.year "
    "multi_year_programming.year municipality.plan_start_year municipality.plan_end_year "
    "plan.start_year plan.end_year source_ceiling.year"
)

RULES: dict[str, Rule] = {
    **dict.fromkeys(_COUNTS.split(), COUNT),
    **dict.fromkeys(_POSITIONS.split(), POSITION),
    **dict.fromkeys(_RANKS.split(), RANK),
    **dict.fromkeys(_YEARS.split(), YEAR),
    "person.birth_year": BIRTH_YEAR,
    "municipality.fiscal_year_start": Rule(Kind.whole, 1, 12),
    "plan_element.depth": Rule(Kind.whole, 1, 6),
    "plan_level.depth": Rule(Kind.whole, 1, 6),
    "sdg_link.sdg": Rule(Kind.whole, 1, 17),
    "criterion.scale_min": Rule(Kind.whole, -1000, 1000),
    "criterion.scale_max": Rule(Kind.whole, -1000, 1000),
    "criterion.weight": PERCENT,
    "prioritization_round.dots_per_participant": Rule(Kind.whole, 0, 1000),
    "prioritization_round.max_choices": Rule(Kind.whole, 0, 1000),
    "project_profile.duration_months": Rule(Kind.whole, 0, 600),
    "progress.physical_percent": PERCENT,
    "round_result.score": Rule(Kind.real, -1_000_000_000, 1_000_000_000),
    "score.value": Rule(Kind.real, -1000, 1000),
    "photo.width": Rule(Kind.whole, 1, MAX_PHOTO_SIDE),
    "photo.height": Rule(Kind.whole, 1, MAX_PHOTO_SIDE),
    "photo.size": Rule(Kind.whole, 1, MAX_PHOTO_BYTES),
    "photo.latitude": Rule(Kind.real, -90, 90),
    "photo.longitude": Rule(Kind.real, -180, 180),
    "district.geometry": Rule(Kind.geometry, length=MAX_GEOMETRY, shapes=AREAS),
    "community.geometry": Rule(Kind.geometry, length=MAX_GEOMETRY, shapes=("Point", *AREAS)),
}
"""Rules of named fields (``table.column``); every other field takes its type's rule."""


def rule_for(table: str, column: str) -> Rule:
    """The rule of ``table.column`` (``KeyError`` for a column that has none: a whole or
    real number missing from :data:`RULES`, or a name the schema does not have)."""
    return _rules()[table][column]


def column_rule(table: str, column: Any) -> Rule | None:
    """The rule of ``column`` (a SQLAlchemy column of ``table``), None when it has none:
    what :func:`rule_for` answers, without declaring the domain models (a Core copy of the
    table is enough)."""
    return _column_rule(table, column)


def check_row(table: str, row: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first column of ``row`` (in ``table``) whose value breaks its rule, and why.

    Columns ``row`` does not hold are not checked; so are ids, flags and choices, which
    the types of the schema already bound."""
    rules = _rules()[table]
    for column, value in row.items():
        rule = rules.get(column)
        if rule is not None:
            reason = rule.problem(value)
            if reason is not None:
                return column, reason
    return None


def field_title(table: str, column: str) -> str:
    """What a person reads for ``table.column``, in the interface language."""
    from planner_desktop.exchange import field_labels

    return field_labels.field_title(table, column)


@cache
def _rules() -> dict[str, dict[str, Rule]]:
    """Every table's rules by column, from the schema (built once)."""
    from planner_desktop.domain import models  # noqa: F401 - registers every table
    from planner_desktop.domain.base import Base

    return {
        table.name: {
            column.name: rule
            for column in table.columns
            if (rule := _column_rule(table.name, column)) is not None
        }
        for table in Base.metadata.sorted_tables
    }


def _column_rule(table: str, column: Any) -> Rule | None:
    named = RULES.get(f"{table}.{column.name}")
    if named is not None:
        return named
    return _type_rule(column)


def _type_rule(column: Any) -> Rule | None:
    from sqlalchemy import Date, DateTime, Enum, String, Text

    from planner_desktop.domain.column_types import Hundredths, Money

    kind = column.type
    if isinstance(kind, Money):
        return MONEY
    if isinstance(kind, Hundredths):
        return HUNDREDTHS
    if isinstance(kind, DateTime):
        return MOMENT
    if isinstance(kind, Date):
        return DAY
    if isinstance(kind, Enum):
        return None
    if isinstance(kind, Text):
        return TEXT
    if isinstance(kind, String):
        return Rule(Kind.line, length=kind.length or MAX_TEXT)
    return None


def unruled_numbers() -> list[str]:
    """Whole and real number columns of the records that travel with no rule of their own
    (must be empty: see the module's text)."""
    from sqlalchemy import Float, Integer, Table

    from planner_desktop.domain import models  # noqa: F401 - registers every table
    from planner_desktop.domain.base import Appended, Base, Synced

    tables = [
        mapper.local_table
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Synced | Appended) and isinstance(mapper.local_table, Table)
    ]
    return sorted(
        f"{table.name}.{column.name}"
        for table in tables
        for column in table.columns
        if isinstance(column.type, Integer | Float) and f"{table.name}.{column.name}" not in RULES
    )
