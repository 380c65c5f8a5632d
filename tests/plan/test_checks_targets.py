"""Targets precise (every year of the plan) and viable (on their trend, with money behind
them): each check triggers on a broken target and is silent on the demo's."""

from decimal import Decimal

from sqlalchemy import select

from planner_desktop.domain.enums import IndicatorLevel
from planner_desktop.domain.plan import PlanElement
from planner_desktop.domain.projects import (
    Indicator,
    IndicatorTarget,
    MultiYearProgramming,
    ProjectProfile,
)
from planner_desktop.plan.check_targets import trend_problems
from planner_desktop.plan.findings import Severity
from tests.plan.helpers import findings, first, tombstone

D = Decimal


def _element_indicator(session, depth=2):
    elements = select(PlanElement.id).where(PlanElement.depth == depth)
    return first(session, Indicator, Indicator.element_id.in_(elements), order=Indicator.name)


def _targets(session, indicator_id):
    rows = session.scalars(
        select(IndicatorTarget)
        .where(IndicatorTarget.indicator_id == indicator_id)
        .order_by(IndicatorTarget.year)
    ).all()
    return {row.year: row for row in rows}


def _set_series(session, indicator, baseline, values):
    indicator.baseline = baseline
    for (year, row), value in zip(_targets(session, indicator.id).items(), values, strict=True):
        row.target = value
        del year


def test_the_demo_s_targets_are_precise_and_viable(store):
    for code in ("indicator-missing-years", "target-off-trend", "target-not-funded"):
        assert not findings(store, code), code


def test_an_indicator_without_a_target_for_some_years_of_the_plan(store):
    with store.session() as session:
        indicator = _element_indicator(session)
        targets = _targets(session, indicator.id)
        tombstone(targets[2028], targets[2030])
        indicator_id = indicator.id
    found = findings(store, "indicator-missing-years")
    assert [(f.record_id, f.severity, f.table) for f in found] == [
        (indicator_id, Severity.warning, "indicator")
    ]
    assert found[0].message.endswith("has no target for 2028, 2030")
    assert "of Objetivo O" in found[0].message


def test_a_target_that_goes_back_against_the_direction(store):
    with store.session() as session:
        indicator = _element_indicator(session)
        indicator.unit = "familias"
        _set_series(session, indicator, "10", ["20", "30", "25", "40", "50"])
        back = _targets(session, indicator.id)[2028].id
    found = findings(store, "target-off-trend")
    assert [(f.record_id, f.table) for f in found] == [(back, "indicator_target")]
    assert "goes back from 30 to 25" in found[0].message


def test_a_target_far_beyond_the_trend(store):
    with store.session() as session:
        indicator = _element_indicator(session)
        indicator.unit = "familias"
        _set_series(session, indicator, "10", ["11", "12", "13", "14", "60"])
        jump = _targets(session, indicator.id)[2030].id
    found = findings(store, "target-off-trend")
    assert [f.record_id for f in found] == [jump]
    assert "jumps from 14 to 60" in found[0].message


def test_a_percentage_target_above_100(store):
    with store.session() as session:
        indicator = _element_indicator(session)
        indicator.unit = "%"
        _set_series(session, indicator, "80", ["85", "90", "95", "100", "105"])
        over = _targets(session, indicator.id)[2030].id
    found = findings(store, "target-off-trend")
    assert [f.record_id for f in found] == [over]
    assert "outside 0–100" in found[0].message


def test_a_product_delivered_at_once_is_not_off_its_trend(store):
    with store.session() as session:
        indicator = first(
            session, Indicator, Indicator.level == IndicatorLevel.product, order=Indicator.name
        )
        _set_series(session, indicator, "0", ["0", "0", "0", "0", "12"])
    assert not findings(store, "target-off-trend")


def test_trend_problems_on_a_plain_series():
    steady = [(2026, D(20)), (2027, D(30)), (2028, D(40)), (2029, D(50))]
    assert trend_problems(D(10), steady) == []
    falling = [(2026, D(80)), (2027, D(70)), (2028, D(75)), (2029, D(50))]
    assert trend_problems(D(90), falling) == [(2028, "backwards", D(70), D(75))]
    assert trend_problems(None, [(2026, D(5))]) == []
    rising = [(2026, D(11)), (2027, D(12)), (2028, D(13)), (2029, D(14)), (2030, D(60))]
    assert trend_problems(D(10), rising) == [(2030, "jump", D(14), D(60))]
    assert trend_problems(D(10), rising, product=True) == []
    # the years before progress starts are not part of the trend
    late = [(2026, D(0)), (2027, D(0)), (2028, D(0)), (2029, D(9)), (2030, D(12))]
    assert trend_problems(D(0), late) == []
    # three times the average step is still on the trend
    assert trend_problems(D(0), [(2026, D(1)), (2027, D(2)), (2028, D(9))]) == []


def test_progress_expected_before_any_money(store):
    with store.session() as session:
        planned = select(MultiYearProgramming.profile_id).where(MultiYearProgramming.year == 2029)
        profile = first(
            session,
            ProjectProfile,
            ProjectProfile.id.in_(planned),
            ProjectProfile.id.not_in(
                select(MultiYearProgramming.profile_id).where(MultiYearProgramming.year < 2029)
            ),
            order=ProjectProfile.code,
        )
        indicator = first(
            session,
            Indicator,
            Indicator.profile_id == profile.id,
            Indicator.level == IndicatorLevel.result,
        )
        assert indicator is not None
        _set_series(session, indicator, "10", ["10", "12", "14", "16", "18"])
        early = _targets(session, indicator.id)[2027].id
        profile_code = profile.code
    found = findings(store, "target-not-funded")
    assert [(f.record_id, f.severity) for f in found] == [(early, Severity.warning)]
    assert f"of profile {profile_code} expects progress" in found[0].message
    assert "nothing is programmed for it by 2027" in found[0].message


def test_an_element_s_target_is_funded_by_the_projects_below_it(store):
    with store.session() as session:
        indicator = _element_indicator(session, depth=1)
        baseline = indicator.baseline
        targets = _targets(session, indicator.id)
        first_rise = next(year for year, row in targets.items() if row.target != baseline)
        axis_id = indicator.element_id
    assert not findings(store, "target-not-funded")
    with store.session() as session:
        below = {axis_id}
        for _depth in range(4):
            below |= set(
                session.scalars(select(PlanElement.id).where(PlanElement.parent_id.in_(below)))
            )
        projects = select(ProjectProfile.id).where(ProjectProfile.element_id.in_(below))
        tombstone(
            *session.scalars(
                select(MultiYearProgramming).where(
                    MultiYearProgramming.profile_id.in_(projects),
                    MultiYearProgramming.year <= first_rise,
                )
            )
        )
    found = [f for f in findings(store, "target-not-funded") if "of Eje " in f.message]
    assert len(found) == 1 and f"by {first_rise}" in found[0].message
