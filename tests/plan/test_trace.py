"""From a demo demand to its POA operation and progress, and from a project to its origin."""

import uuid

from sqlalchemy import select

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import DemandStatus, PriorityClass
from planner_desktop.domain.projects import ProfileDemand
from planner_desktop.plan.trace import profile_origin, trace_demand


def _demand_in_poa(session):
    return session.scalars(
        select(Demand).where(Demand.status == DemandStatus.in_poa).order_by(Demand.code)
    ).first()


def test_a_demand_in_the_poa_is_followed_to_its_operation_and_progress(store):
    with store.session() as session:
        demand = _demand_in_poa(session)
        trace = trace_demand(session, demand.id)
    assert trace is not None
    assert trace.demand.table == "demand" and trace.demand.label.startswith(demand.code)
    assert trace.community.table == "community"
    assert trace.priority_class in (PriorityClass.a_plus, PriorityClass.a, PriorityClass.b)
    assert any(step.group == "agreed" for step in trace.priorities)
    (profile,) = trace.profiles
    assert [level for level, _link in profile.elements] == [
        "Programa", "Lineamiento", "Política", "Objetivo", "Eje"
    ]
    assert all(link.table == "plan_element" for _level, link in profile.elements)
    assert profile.element == profile.elements[0][1]
    assert profile.elements[0][1].label.startswith("PR")
    assert profile.programmed.get(2027, 0) > 0
    operations = [op for op in profile.operations if op.fiscal_year == 2027]
    assert operations and all(op.operation.table == "operation" for op in operations)
    assert any(op.progress for op in operations)
    dates = [p.date for op in operations for p in op.progress]
    assert dates == sorted(dates) or len(operations) > 1


def test_a_demand_without_profile_stops_at_its_priority(store):
    with store.session() as session:
        demand_id = session.scalar(
            select(Demand.id).where(Demand.id.not_in(select(ProfileDemand.demand_id)))
            .order_by(Demand.code)
        )
        trace = trace_demand(session, demand_id)
    assert trace is not None and trace.profiles == []


def test_unknown_demand_or_profile_gives_none(store):
    with store.session() as session:
        assert trace_demand(session, uuid.uuid4()) is None
        assert profile_origin(session, uuid.uuid4()) is None


def test_from_a_project_to_its_communities_and_demands(store):
    with store.session() as session:
        demand = _demand_in_poa(session)
        profile_id = session.scalar(
            select(ProfileDemand.profile_id).where(ProfileDemand.demand_id == demand.id)
        )
        origin = profile_origin(session, profile_id)
    assert origin is not None and origin.profile.id == profile_id
    assert demand.id in {link.id for link, _community in origin.demands}
    assert demand.community_id in {c.id for c in origin.communities}
    assert all(community.table == "community" for _d, community in origin.demands)
