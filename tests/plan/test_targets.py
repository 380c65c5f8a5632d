"""Targets per year of every indicator of the plan (issue 6)."""

from sqlalchemy import func, select

from planner_desktop.domain.projects import IndicatorTarget
from planner_desktop.plan import targets, validate


def test_grid_refusals_and_writes(store):
    with store.session() as session:
        grid = targets.target_grid(session)
        line = grid.indicators[0]
        assert grid.years == [2026, 2027, 2028, 2029, 2030]
        assert targets.refuse_target(grid, 2027, "mucho") == validate.target_text("mucho")
        assert targets.refuse_target(grid, 2031, "5") == validate.year_in_period(
            2031, 2026, 2030)
        assert targets.refuse_target(grid, 2027, "") is None
        assert targets.refuse_target(grid, 2027, "85 %") is None
        targets.set_target(session, line.id, 2027, "85 %")
    with store.session() as session:
        assert targets.target_grid(session).target(line.id, 2027) == "85 %"
        targets.set_target(session, line.id, 2027, "")
    with store.session() as session:
        assert targets.target_grid(session).target(line.id, 2027) == ""
        targets.set_target(session, line.id, 2027, "90")
    with store.session() as session:
        assert targets.target_grid(session).target(line.id, 2027) == "90"
        assert session.scalar(select(func.count()).select_from(IndicatorTarget).where(
            IndicatorTarget.indicator_id == line.id, IndicatorTarget.year == 2027)) == 1
