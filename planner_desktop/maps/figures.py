"""The figures a map colours its places by, per community and per district.

Every figure is computed for the live communities of the municipality's live districts
(:func:`~planner_desktop.domain.figures.counted_community`) and for those districts; a
place whose figure cannot be computed (no population, no attendance) gets None.

- ``demands_per_thousand``: live demands of the community per 1,000 people (women and
  men, as :class:`~planner_desktop.domain.figures.Population` counts them); a district:
  its communities' demands per 1,000 of their people (a ratio of sums, not a mean).
- ``top_priority``: demands of the community whose agreed priority class is A+ or A. The
  class is the one the PDM draft prints (:func:`planner_desktop.plan.answers.community_priorities`):
  the agreed result of the demand's community-level rounds, the latest round winning. A
  district: the sum.
- ``investment``: money of the multi-year programming that counts
  (:func:`~planner_desktop.domain.figures.counted_programming`), all years, shared
  equally among the live communities its project profile names (a profile records no
  other share); a profile naming no community is not on the map. A district: the sum.
- ``women_attendance``: per cent of women among the counted attendances
  (:func:`~planner_desktop.domain.summaries.counted_attendance`) of the community's
  people, at any event: the community written on the attendance row, else the person's
  own. A row with no sex stated counts among all attendances. A district: women of its
  communities over all their attendances.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.actors import Person
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import PriorityClass, RoundLevel, Sex
from planner_desktop.domain.events import Attendance
from planner_desktop.domain.figures import counted_community, counted_programming
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem, RoundResult
from planner_desktop.domain.projects import MultiYearProgramming, ProfileCommunity
from planner_desktop.domain.summaries import AGREED, counted_attendance, live
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import N_, _

Values = dict[uuid.UUID, float | None]


class Figure(StrEnum):
    demands_per_thousand = "demands_per_thousand"
    top_priority = "top_priority"
    investment = "investment"
    women_attendance = "women_attendance"


_TITLES = {
    Figure.demands_per_thousand: N_("Demands per 1,000 people"),
    Figure.top_priority: N_("Priority demands (class A+ or A)"),
    Figure.investment: N_("Investment programmed"),
    Figure.women_attendance: N_("Women among attendances (%)"),
}

TOP_CLASSES = (PriorityClass.a_plus, PriorityClass.a)


def title(figure: Figure) -> str:
    """The figure's name, in the interface language."""
    return _(_TITLES[figure])


def decimals(figure: Figure) -> int:
    """How many decimals a printed value or class limit of the figure shows."""
    return {Figure.demands_per_thousand: 1, Figure.women_attendance: 0}.get(figure, 0)


def values(session: Session, municipality_id: uuid.UUID, figure: Figure) -> Values:
    """The figure of every counted community and live district of the municipality,
    keyed by their ids (one dict: ids are unique across both tables)."""
    return _COMPUTE[figure](session, _Territory(session, municipality_id))


class _Territory:
    """Counted communities of the municipality: their district and population."""

    def __init__(self, session: Session, municipality_id: uuid.UUID) -> None:
        self.districts: list[uuid.UUID] = list(
            session.scalars(
                select(District.id).where(
                    District.municipality_id == municipality_id, live(District)
                )
            )
        )
        rows = session.execute(
            select(
                Community.id,
                Community.district_id,
                Community.population_women + Community.population_men,
            )
            .join(District, Community.district_id == District.id)
            .where(District.municipality_id == municipality_id, counted_community())
        ).all()
        self.district_of: dict[uuid.UUID, uuid.UUID] = {c: d for c, d, _p in rows}
        self.population: dict[uuid.UUID, int] = {c: int(p or 0) for c, _d, p in rows}

    def summed(self, per_community: dict[uuid.UUID, float]) -> Values:
        """Communities' values (0 when absent) and their sums per district."""
        out: Values = {}
        totals: dict[uuid.UUID, float] = dict.fromkeys(self.districts, 0.0)
        for community, district in self.district_of.items():
            value = per_community.get(community, 0.0)
            out[community] = value
            totals[district] = totals.get(district, 0.0) + value
        out.update(totals)
        return out

    def ratios(
        self, parts: dict[uuid.UUID, float], wholes: dict[uuid.UUID, float], factor: float
    ) -> Values:
        """``parts / wholes · factor`` per community and per district (ratio of sums);
        None where the whole is 0."""
        out: Values = {}
        part_sum: dict[uuid.UUID, float] = dict.fromkeys(self.districts, 0.0)
        whole_sum: dict[uuid.UUID, float] = dict.fromkeys(self.districts, 0.0)
        for community, district in self.district_of.items():
            part, whole = parts.get(community, 0.0), wholes.get(community, 0.0)
            out[community] = part / whole * factor if whole else None
            part_sum[district] = part_sum.get(district, 0.0) + part
            whole_sum[district] = whole_sum.get(district, 0.0) + whole
        for district, whole in whole_sum.items():
            out[district] = part_sum[district] / whole * factor if whole else None
        return out


def _demands_per_thousand(session: Session, territory: _Territory) -> Values:
    counts = dict(
        session.execute(
            select(Demand.community_id, func.count(Demand.id))
            .where(live(Demand))
            .group_by(Demand.community_id)
        ).all()
    )
    people = {c: float(p) for c, p in territory.population.items()}
    return territory.ratios({c: float(n) for c, n in counts.items()}, people, 1000.0)


def _top_priority(session: Session, territory: _Territory) -> Values:
    rows = session.execute(
        select(Demand.id, Demand.community_id, RoundResult.priority_class)
        .join(RoundItem, RoundItem.demand_id == Demand.id)
        .join(RoundResult, RoundResult.item_id == RoundItem.id)
        .join(PrioritizationRound, RoundResult.round_id == PrioritizationRound.id)
        .where(
            RoundResult.group == AGREED,
            PrioritizationRound.level == RoundLevel.community,
            live(RoundResult),
            live(RoundItem),
            live(PrioritizationRound),
            live(Demand),
        )
        .order_by(PrioritizationRound.created_at, PrioritizationRound.id)
    ).all()
    latest: dict[uuid.UUID, tuple[uuid.UUID, PriorityClass | None]] = {}
    for demand_id, community_id, klass in rows:
        latest[demand_id] = (community_id, klass)  # the latest round wins
    counts: dict[uuid.UUID, float] = defaultdict(float)
    for community_id, klass in latest.values():
        if klass in TOP_CLASSES:
            counts[community_id] += 1
    return territory.summed(counts)


def _investment(session: Session, territory: _Territory) -> Values:
    money = dict(
        session.execute(
            select(MultiYearProgramming.profile_id, func.sum(MultiYearProgramming.amount))
            .where(counted_programming())
            .group_by(MultiYearProgramming.profile_id)
        ).all()
    )
    named: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for profile_id, community_id in session.execute(
        select(ProfileCommunity.profile_id, ProfileCommunity.community_id)
        .where(live(ProfileCommunity))
        .distinct()
    ):
        if community_id in territory.district_of:
            named[profile_id].append(community_id)
    shares: dict[uuid.UUID, float] = defaultdict(float)
    for profile_id, amount in money.items():
        communities = named.get(profile_id)
        if not communities or amount is None:
            continue
        share = float(Decimal(amount)) / len(communities)
        for community_id in communities:
            shares[community_id] += share
    return territory.summed(shares)


def _women_attendance(session: Session, territory: _Territory) -> Values:
    community = func.coalesce(Attendance.community_id, Person.community_id)
    rows = session.execute(
        select(community, Person.sex, func.count(Attendance.id))
        .join(Person, Attendance.person_id == Person.id)
        .where(counted_attendance(), community.is_not(None))
        .group_by(community, Person.sex)
    ).all()
    women: dict[uuid.UUID, float] = defaultdict(float)
    everyone: dict[uuid.UUID, float] = defaultdict(float)
    for community_id, sex, n in rows:
        key = community_id if isinstance(community_id, uuid.UUID) else uuid.UUID(str(community_id))
        everyone[key] += n
        if sex == Sex.female:
            women[key] += n
    return territory.ratios(women, everyone, 100.0)


_COMPUTE: dict[Figure, Callable[[Session, _Territory], Values]] = {
    Figure.demands_per_thousand: _demands_per_thousand,
    Figure.top_priority: _top_priority,
    Figure.investment: _investment,
    Figure.women_attendance: _women_attendance,
}
