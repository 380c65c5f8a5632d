"""The institutional self-assessment: areas the municipality defines, a score per area
and year.

A cell of the grid (one area, one year) holds one of three different things
(:class:`~planner_desktop.domain.enums.ScoreState`): a percentage from 0 to 100 with at
most two decimals (*scored*), *not evaluated* (nobody has assessed it yet), or *not
applicable* (the area does not apply that year). :func:`parse_score` is the one rule that
reads what a person types, in the window's grid and in a spreadsheet being imported:

- ``86,50``, ``86.50``, ``86,5 %``, ``100`` → scored 86.50 (a comma or a point between
  the whole part and the decimals; a percent sign may follow; no thousands separator);
- an empty cell → not evaluated;
- ``-``, ``—``, ``n/a``, ``no aplica``, ``not applicable`` (or what the grid shows for it
  in the current language) → not applicable;
- anything else, a number below 0 or above 100, or more than two decimals → ``ValueError``
  (:class:`~planner_desktop.capture.validation.Invalid`) with one line naming the value.

A cell with no stored score is not evaluated. Setting a score writes the one row of its
area and year (a tombstoned one is brought back: the pair is unique), so undoing it is
writing back what it held before.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.capture.rule_checks import FieldRefused, one_line, refuse_row
from planner_desktop.capture.validation import Invalid, clean_text
from planner_desktop.domain import rules
from planner_desktop.domain.diagnosis import AssessmentArea, AssessmentScore
from planner_desktop.domain.enums import ScoreState
from planner_desktop.domain.plan import Plan
from planner_desktop.i18n import N_, _

if TYPE_CHECKING:
    from planner_desktop.store.database import Store

Score = tuple[ScoreState, Decimal | None]
NOT_EVALUATED: Score = (ScoreState.not_evaluated, None)
NOT_APPLICABLE_SHOWN = N_("n/a")
"""What a not applicable cell shows (and what may be typed back)."""
NOT_APPLICABLE_WORDS = ("-", "—", "–", "n/a", "na", "no aplica", "not applicable")
NAME_MAX = 120
RECENT_YEARS = 5
"""Years offered when there is no plan yet: this one and the four before it."""
FIRST_YEAR, LAST_YEAR = rules.FIRST_YEAR, rules.LAST_YEAR
"""The years a score may be given for: the rule of every year of the plan."""
_NUMBER = re.compile(r"(\d{1,3})(?:[.,](\d+))?")


def parse_score(text: str | None) -> Score:
    """What a typed cell means (see the module docstring); ``Invalid`` when nothing."""
    typed = clean_text(text or "")
    if not typed:
        return NOT_EVALUATED
    words = {*NOT_APPLICABLE_WORDS, _(NOT_APPLICABLE_SHOWN).casefold()}
    if typed.casefold() in words:
        return ScoreState.not_applicable, None
    number = typed.removesuffix("%").strip()
    match = _NUMBER.fullmatch(number)
    if match is None:
        raise Invalid(
            _(
                '"{value}" is not a percentage: type a number from 0 to 100, "-" when it '
                "does not apply, or nothing when it was not evaluated"
            ).format(value=typed)
        )
    whole, decimals = match.group(1), match.group(2) or ""
    if len(decimals) > 2:
        raise Invalid(_('"{value}": at most two decimals').format(value=typed))
    value = Decimal(f"{whole}.{decimals or '0'}").quantize(Decimal("0.01"))
    if value > 100:
        raise Invalid(_('"{value}": a percentage goes from 0 to 100').format(value=typed))
    return ScoreState.scored, value


def score_text(score: Score, decimal_mark: str = ",") -> str:
    """A cell as shown: ``86,50``, empty (not evaluated) or the not applicable mark."""
    state, value = score
    if state is ScoreState.not_applicable:
        return _(NOT_APPLICABLE_SHOWN)
    if state is ScoreState.not_evaluated or value is None:
        return ""
    return f"{value:.2f}".replace(".", decimal_mark)


# --- areas ------------------------------------------------------------------------


def area_name(text: str) -> str:
    """An area's name as stored, or a refusal naming the field."""
    name = one_line(text)
    title = _("Assessment area")
    if not name:
        raise FieldRefused("name", _("{field}: write a name.").format(field=title))
    if len(name) > NAME_MAX:
        raise FieldRefused(
            "name", _("{field}: at most {limit} characters.").format(field=title, limit=NAME_MAX)
        )
    return name


def next_position(session: Session, municipality_id: uuid.UUID) -> int:
    """The position after the last area (tombstoned ones included: undo keeps order)."""
    last = session.scalar(
        select(func.max(AssessmentArea.position)).where(
            AssessmentArea.municipality_id == municipality_id
        )
    )
    return 0 if last is None else int(last) + 1


def area_values(session: Session, municipality_id: uuid.UUID, name: str) -> dict[str, Any]:
    """The checked values of a new area, placed last."""
    values = {
        "municipality_id": municipality_id,
        "name": area_name(name),
        "position": next_position(session, municipality_id),
    }
    refuse_row("assessment_area", values)
    return values


def live_areas(session: Session, municipality_id: uuid.UUID) -> list[AssessmentArea]:
    return list(
        session.scalars(
            select(AssessmentArea)
            .where(
                AssessmentArea.municipality_id == municipality_id,
                AssessmentArea.deleted_at.is_(None),
            )
            .order_by(AssessmentArea.position, AssessmentArea.created_at, AssessmentArea.id)
        )
    )


# --- scores -----------------------------------------------------------------------


def check_year(text: str | int) -> int:
    """A year column typed by a person (four digits, 1990–2100), or a refusal."""
    typed = clean_text(str(text))
    if not (typed.isdigit() and len(typed) == 4 and FIRST_YEAR <= int(typed) <= LAST_YEAR):
        raise FieldRefused(
            "year",
            _("Year: type a year with four digits from {first} to {last}.").format(
                first=FIRST_YEAR, last=LAST_YEAR
            ),
        )
    return int(typed)


def stored_score(session: Session, area_id: uuid.UUID, year: int) -> Score:
    row = session.scalar(
        select(AssessmentScore).where(
            AssessmentScore.area_id == area_id,
            AssessmentScore.year == year,
            AssessmentScore.deleted_at.is_(None),
        )
    )
    return NOT_EVALUATED if row is None else (row.state, row.percentage)


def set_score(store: Store, area_id: uuid.UUID, year: int, score: Score) -> Score:
    """Write one cell (one transaction); return what it held before."""
    state, value = score
    if (state is ScoreState.scored) != (value is not None):
        raise ValueError("a percentage is given exactly when the cell is scored")
    refuse_row("assessment_score", {"year": year, "percentage": value})
    with store.session() as session:
        if session.get(AssessmentArea, area_id) is None:
            raise LookupError(f"assessment area {area_id} does not exist")
        row = session.scalar(
            select(AssessmentScore).where(
                AssessmentScore.area_id == area_id, AssessmentScore.year == year
            )
        )
        if row is None or row.deleted_at is not None:
            previous = NOT_EVALUATED
        else:
            previous = (row.state, row.percentage)
        if previous == score and (row is None or row.deleted_at is None):
            return previous
        if row is None:
            session.add(AssessmentScore(area_id=area_id, year=year, state=state, percentage=value))
        else:
            row.state, row.percentage, row.deleted_at = state, value, None
    return previous


@dataclass
class AssessmentGrid:
    """Areas down, years across, and the stored cells (absent: not evaluated)."""

    areas: list[tuple[uuid.UUID, str]]
    years: list[int]
    scores: dict[tuple[uuid.UUID, int], Score] = field(default_factory=dict)

    def score(self, area_id: uuid.UUID, year: int) -> Score:
        return self.scores.get((area_id, year), NOT_EVALUATED)


def grid_years(
    session: Session, municipality_id: uuid.UUID, today: date | None = None
) -> list[int]:
    """The plan's years when there is a plan, else the last few years; with every year
    that already holds a score."""
    plan = session.scalar(
        select(Plan)
        .where(Plan.municipality_id == municipality_id, Plan.deleted_at.is_(None))
        .order_by(Plan.start_year.desc(), Plan.created_at, Plan.id)
        .limit(1)
    )
    if plan is not None:
        years = set(range(plan.start_year, plan.end_year + 1))
    else:
        this_year = (today or date.today()).year
        years = set(range(this_year - RECENT_YEARS + 1, this_year + 1))
    stored = session.scalars(
        select(AssessmentScore.year)
        .join(AssessmentArea, AssessmentScore.area_id == AssessmentArea.id)
        .where(
            AssessmentArea.municipality_id == municipality_id,
            AssessmentArea.deleted_at.is_(None),
            AssessmentScore.deleted_at.is_(None),
            AssessmentScore.state != ScoreState.not_evaluated,
        )
        .distinct()
    )
    return sorted(years | set(stored))


def read_grid(
    session: Session, municipality_id: uuid.UUID, today: date | None = None
) -> AssessmentGrid:
    areas = live_areas(session, municipality_id)
    grid = AssessmentGrid(
        [(area.id, area.name) for area in areas], grid_years(session, municipality_id, today)
    )
    if areas:
        rows = session.scalars(
            select(AssessmentScore).where(
                AssessmentScore.area_id.in_([area.id for area in areas]),
                AssessmentScore.deleted_at.is_(None),
            )
        )
        for row in rows:
            grid.scores[(row.area_id, row.year)] = (row.state, row.percentage)
    return grid
