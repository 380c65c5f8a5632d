"""Priorities reflected in the resources, and the follow-up of what has money: each check
triggers on a plan that contradicts them and is silent once it agrees."""

from sqlalchemy import func, select

from planner_desktop.domain.enums import PriorityClass
from planner_desktop.domain.follow_up import Progress
from planner_desktop.domain.prioritization import RoundItem, RoundResult
from planner_desktop.domain.projects import MultiYearProgramming, ProfileDemand, ProjectProfile
from planner_desktop.plan.findings import Severity
from tests.plan.helpers import findings, first, tombstone


def _by_first_year(session):
    """Funded profiles by their first programmed year, earliest first (then by code)."""
    rows = session.execute(
        select(ProjectProfile, func.min(MultiYearProgramming.year))
        .join(MultiYearProgramming, MultiYearProgramming.profile_id == ProjectProfile.id)
        .where(MultiYearProgramming.amount > 0, MultiYearProgramming.deleted_at.is_(None))
        .group_by(ProjectProfile.id)
        .order_by(func.min(MultiYearProgramming.year), ProjectProfile.code)
    ).all()
    return [(profile, int(year)) for profile, year in rows]


def test_the_demo_funds_its_priorities_first(store):
    for code in ("top-class-after-c", "low-priority-funded", "team-class-without-reason"):
        assert not findings(store, code), code


def test_a_class_c_project_funded_before_class_a_ones(store):
    with store.session() as session:
        funded = _by_first_year(session)
        early, early_year = funded[0]
        early.team_class = PriorityClass.c
        later = {
            profile.id
            for profile, year in funded
            if year > early_year and profile.team_class in (PriorityClass.a_plus, PriorityClass.a)
        }
        unfunded_top = first(
            session,
            ProjectProfile,
            ProjectProfile.id.not_in([p.id for p, _y in funded]),
            order=ProjectProfile.code,
        )
        unfunded_top.team_class = PriorityClass.a
        later.add(unfunded_top.id)
        early_code = early.code
    found = findings(store, "top-class-after-c")
    assert later and {f.record_id for f in found} == later
    assert all(f.severity is Severity.warning and f.table == "project_profile" for f in found)
    assert all(early_code in f.message for f in found)
    assert any("has no money, while class-C projects are funded from" in f.message for f in found)


def test_a_class_c_project_funded_last_is_in_order(store):
    with store.session() as session:
        last, _year = _by_first_year(session)[-1]
        last.team_class = PriorityClass.c
        last.team_class_reason = "Menor impacto"
        tops = session.scalars(
            select(ProjectProfile).where(
                ProjectProfile.id.in_(
                    [p.id for p, year in _by_first_year(session) if year == _year and p is not last]
                )
            )
        ).all()
        for profile in tops:
            profile.team_class = PriorityClass.b
    assert not findings(store, "top-class-after-c")


def _agreed_results(session, profile_id):
    demands = select(ProfileDemand.demand_id).where(ProfileDemand.profile_id == profile_id)
    items = select(RoundItem.id).where(RoundItem.demand_id.in_(demands))
    return session.scalars(
        select(RoundResult).where(RoundResult.item_id.in_(items), RoundResult.group == "agreed")
    ).all()


def test_a_funded_project_the_communities_classed_c(store):
    with store.session() as session:
        profile, year = _by_first_year(session)[0]
        results = _agreed_results(session, profile.id)
        assert results
        for result in results:
            result.priority_class = PriorityClass.c
        profile_id = profile.id
    found = findings(store, "low-priority-funded")
    assert [(f.record_id, f.severity) for f in found] == [(profile_id, Severity.warning)]
    assert f"is funded from {year}, but the communities classed its demands C" in found[0].message
    with store.session() as session:
        _agreed_results(session, profile_id)[0].priority_class = PriorityClass.b
    assert not findings(store, "low-priority-funded")


def test_a_team_class_apart_from_the_communities_needs_a_reason(store):
    with store.session() as session:
        profile, _year = _by_first_year(session)[0]
        profile.team_class = PriorityClass.b
        profile.team_class_reason = " "
        profile_id = profile.id
    found = findings(store, "team-class-without-reason")
    assert [(f.record_id, f.severity) for f in found] == [(profile_id, Severity.warning)]
    assert "class B for the technical team and A+ for the communities" in found[0].message
    with store.session() as session:
        session.get(ProjectProfile, profile_id).team_class_reason = "Costo alto por familia"
    assert not findings(store, "team-class-without-reason")


def test_a_project_funded_in_a_past_year_with_no_progress(store):
    before = {f.record_id for f in findings(store, "no-progress-recorded")}
    with store.session() as session:
        followed = select(Progress.profile_id).where(Progress.profile_id.is_not(None))
        done = first(
            session, ProjectProfile, ProjectProfile.id.in_(followed), order=ProjectProfile.code
        )
        tombstone(*session.scalars(select(Progress).where(Progress.profile_id == done.id)))
        done_id = done.id
    found = {f.record_id: f for f in findings(store, "no-progress-recorded")}
    assert set(found) == before | {done_id}
    assert found[done_id].severity is Severity.warning
    assert "no progress is recorded on it or on its operations" in found[done_id].message


def test_a_project_funded_only_in_coming_years_needs_no_progress_yet(store):
    with store.session() as session:
        funded = _by_first_year(session)
        future = [profile.id for profile, year in funded if year >= 2028]
    assert future
    assert not set(future) & {f.record_id for f in findings(store, "no-progress-recorded")}
