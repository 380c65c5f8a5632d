"""A profile filled by hand for a priority-A demand passes the checks (issue 6)."""

from decimal import Decimal

from sqlalchemy import select

from planner_desktop.domain.enums import IndicatorLevel
from planner_desktop.domain.projects import (
    Component,
    FundingSource,
    Indicator,
    IndicatorTarget,
    MultiYearProgramming,
    ProfileDemand,
    ProfileFunding,
    ProjectProfile,
)
from planner_desktop.domain.territory import Municipality
from planner_desktop.plan.findings import Severity
from planner_desktop.plan.totals import five_year_totals
from tests.plan.helpers import findings, first, programme

YEAR = 2029


def _fill_profile(session, demand_id, *, target="150", funding=Decimal("90000.00")):
    municipality = first(session, Municipality)
    element = programme(session)
    totals = five_year_totals(session)
    source = max(session.scalars(select(FundingSource)),
                 key=lambda s: totals.cell(s.id, YEAR).remaining or 0)
    profile = ProjectProfile(
        municipality_id=municipality.id, element_id=element.id, code="PRY-900",
        name="Construcción de sistema de agua potable en la comunidad",
        central_problem="Consumo de agua no segura", executing_unit="Unidad de Obras",
    )
    session.add(profile)
    session.flush()
    session.add(ProfileDemand(profile_id=profile.id, demand_id=demand_id))
    session.add(Component(profile_id=profile.id, name="Obras civiles", cost=Decimal(90000)))
    session.add(ProfileFunding(profile_id=profile.id, source_id=source.id, amount=funding))
    session.add(MultiYearProgramming(profile_id=profile.id, year=YEAR, source_id=source.id,
                                     amount=Decimal(90000)))
    indicator = Indicator(profile_id=profile.id, name="Familias con agua segura",
                          unit="familias", level=IndicatorLevel.result, baseline="0")
    session.add(indicator)
    session.flush()
    session.add(IndicatorTarget(indicator_id=indicator.id, year=YEAR, target=target))
    return profile.id


def test_a_complete_profile_answers_its_demand_and_passes(store):
    demand_id = findings(store, "priority-a-without-profile")[0].record_id
    with store.session() as session:
        profile_id = _fill_profile(session, demand_id)
    found = findings(store)
    assert not [f for f in found if f.is_error]
    assert profile_id not in {f.record_id for f in found}
    assert demand_id not in {f.record_id for f in found}


def test_the_same_profile_with_bad_values_is_an_error_where_it_is(store):
    demand_id = findings(store, "priority-a-without-profile")[0].record_id
    with store.session() as session:
        profile_id = _fill_profile(session, demand_id, target="muchas",
                                   funding=Decimal("80000.00"))
    found = [f for f in findings(store) if f.is_error]
    assert {f.code for f in found} == {"target-not-number", "funding-split-mismatch"}
    split = next(f for f in found if f.code == "funding-split-mismatch")
    assert split.record_id == profile_id and split.severity is Severity.error
