"""The institutional self-assessment: a table of areas × years and the trend of each area.

A cell is a percentage with two decimals in the document's language (``86,50 %``), *not
evaluated* (in words: no one scored the area that year; a cell with no record is the
same), or *not applicable* (a dash: the area does not apply that year); the legend under
the table says so. The years are those with any record of a live area. In the chart a
year that is not scored is a gap in the area's line, never a zero.

The consolidated diagnosis and the plan draft print :func:`summary`: each area's latest
score and how it changed since the score before it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.diagnosis import AssessmentArea, AssessmentScore
from planner_desktop.domain.enums import ScoreState
from planner_desktop.domain.summaries import live
from planner_desktop.i18n import _
from planner_desktop.reports.common import ReportOptions, ReportRefused, government, municipality
from planner_desktop.reports.layout import Document, frame_size, gap, heading, para
from planner_desktop.reports.numbers import hundredths
from planner_desktop.reports.tables import scaled, table
from planner_desktop.reports.trend_chart import trend_chart

Cell = tuple[ScoreState, Decimal | None]
NOT_EVALUATED: Cell = (ScoreState.not_evaluated, None)
NOT_APPLICABLE_MARK = "—"


@dataclass
class Assessment:
    """Live areas in their order, the years with records, and the recorded cells."""

    areas: list[tuple[uuid.UUID, str]]
    years: list[int]
    cells: dict[tuple[uuid.UUID, int], Cell] = field(default_factory=dict)

    def cell(self, area_id: uuid.UUID, year: int) -> Cell:
        return self.cells.get((area_id, year), NOT_EVALUATED)

    def series(self, area_id: uuid.UUID) -> list[Decimal | None]:
        """The area's score in each year; None where it is not scored."""
        return [self.cell(area_id, year)[1] for year in self.years]

    def scored(self, area_id: uuid.UUID) -> list[tuple[int, Decimal]]:
        return [
            (year, value)
            for year, value in zip(self.years, self.series(area_id), strict=True)
            if value is not None
        ]


def read_assessment(session: Session, municipality_id: uuid.UUID) -> Assessment:
    areas = [
        (key, name)
        for key, name in session.execute(
            select(AssessmentArea.id, AssessmentArea.name)
            .where(AssessmentArea.municipality_id == municipality_id, live(AssessmentArea))
            .order_by(AssessmentArea.position, AssessmentArea.created_at, AssessmentArea.id)
        )
    ]
    rows = (
        session.execute(
            select(
                AssessmentScore.area_id,
                AssessmentScore.year,
                AssessmentScore.state,
                AssessmentScore.percentage,
            ).where(
                AssessmentScore.area_id.in_([key for key, _name in areas]), live(AssessmentScore)
            )
        ).all()
        if areas
        else []
    )
    stored = {row.year for row in rows}
    # Every year from the first to the last with a record: a year left blank in the grid
    # writes nothing, and must still print as "not evaluated" (a gap in the trend).
    years = list(range(min(stored), max(stored) + 1)) if stored else []
    found = Assessment(areas, years)
    for area_id, year, state, value in rows:
        found.cells[(area_id, year)] = (state, value if state is ScoreState.scored else None)
    return found


def cell_text(cell: Cell) -> str:
    state, value = cell
    if state is ScoreState.scored and value is not None:
        return hundredths(value)
    if state is ScoreState.not_applicable:
        return NOT_APPLICABLE_MARK
    return _("not evaluated")


def legend() -> Flowable:
    return para(
        _(
            "{mark} the area does not apply that year. Not evaluated: no score was "
            "given that year. Neither counts as zero."
        ).format(mark=NOT_APPLICABLE_MARK),
        "small",
    )


def scores_table(found: Assessment, width: float) -> Flowable:
    rows = [
        [name, *(cell_text(found.cell(key, year)) for year in found.years)]
        for key, name in found.areas
    ]
    return table(
        [_("Area"), *map(str, found.years)],
        rows,
        scaled([5] + [1.7] * len(found.years), width),
        numeric=range(1, len(found.years) + 1),
    )


def chart(found: Assessment, width: float, title: str = "") -> Flowable:
    return trend_chart(
        title,
        found.years,
        [name for _key, name in found.areas],
        [found.series(key) for key, _name in found.areas],
        width,
    )


def _change(scored: list[tuple[int, Decimal]]) -> str:
    if len(scored) < 2:
        return "—"
    (before, old), (_year, new) = scored[-2], scored[-1]
    points = hundredths(abs(new - old)).removesuffix(" %")
    if new > old:
        return _("up {points} points since {year}").format(points=points, year=before)
    if new < old:
        return _("down {points} points since {year}").format(points=points, year=before)
    return _("unchanged since {year}").format(year=before)


def summary(session: Session, municipality_id: uuid.UUID, width: float) -> list[Flowable]:
    """Each area's latest score (with its year) and its change since the score before;
    nothing when no area was ever scored (the caller heads it)."""
    found = read_assessment(session, municipality_id)
    if not any(found.scored(key) for key, _name in found.areas):
        return []
    rows = []
    for key, name in found.areas:
        scored = found.scored(key)
        if scored:
            year, value = scored[-1]
            rows.append([name, hundredths(value), str(year), _change(scored)])
        else:
            rows.append([name, _("not evaluated"), "", "—"])
    return [
        para(
            _(
                "The latest score of each area of the institutional self-assessment and how "
                "it changed since the score before it."
            )
        ),
        table(
            [_("Area"), _("Latest score"), _("Year"), _("Trend")],
            rows,
            scaled((5, 1.8, 1.2, 4), width),
            numeric=(1,),
        ),
    ]


def build(session: Session, options: ReportOptions) -> Document:
    town = municipality(session)
    found = read_assessment(session, town.id)
    if not found.areas or not found.years:
        raise ReportRefused(_("there is no institutional self-assessment yet"))
    wide = len(found.years) > 6
    width, _height = frame_size(options.paper, wide=wide)
    flow: list[Flowable] = [
        heading(_("Scores by area and year")),
        scores_table(found, width),
        legend(),
        gap(),
        KeepTogether(
            [
                heading(_("Trend by area")),
                para(
                    _(
                        "A year that was not evaluated or does not apply is a gap in "
                        "the line, not a zero."
                    ),
                    "small",
                ),
                chart(found, width),
            ]
        ),
    ]
    return Document(
        title=_("Institutional self-assessment"),
        subtitle=government(town),
        flowables=flow,
        landscape=wide,
    )
