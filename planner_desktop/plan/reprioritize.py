"""Re-prioritisation (follow-up): demands that were dropped or whose project was postponed
go back into a new prioritisation round, with why, who and when kept.

The new round is an ordinary open :class:`PrioritizationRound` (method dots) holding the
demands as its items; each demand's status goes back to ``demand``. Who and when are the
provenance of the round (``store.session()`` stamps them); why is kept in the round's
note. The caller owns the transaction; a refusal raises :class:`PlanRefused` before
anything is added.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import DemandStatus, PrioritizationMethod, Recommendation
from planner_desktop.domain.enums import RoundLevel as Level
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem
from planner_desktop.domain.projects import ProfileDemand, ProjectProfile
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.domain.summaries import current_municipality
from planner_desktop.domain.territory import Community
from planner_desktop.i18n import _
from planner_desktop.locales import short_date
from planner_desktop.plan.derive import PlanRefused
from planner_desktop.plan.findings import label
from planner_desktop.plan.ordering import bytewise
from planner_desktop.plan.scope import live

TITLE_LIMIT = 250
ITEM_CODES = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _postponed() -> Select[uuid.UUID]:
    return (
        select(ProfileDemand.demand_id)
        .join(ProjectProfile, ProfileDemand.profile_id == ProjectProfile.id)
        .where(
            live(ProfileDemand),
            live(ProjectProfile),
            ProjectProfile.recommendation.in_([Recommendation.postpone, Recommendation.drop]),
        )
    )


def candidate_ids() -> Select[uuid.UUID]:
    """Live demands that were dropped, or that a postponed or dropped profile answers,
    by code (a demand already back in a round is no longer dropped)."""
    return (
        select(Demand.id)
        .where(
            live(Demand),
            (Demand.status == DemandStatus.dropped)
            | (Demand.id.in_(_postponed()) & (Demand.status != DemandStatus.demand)),
        )
        .order_by(bytewise(Demand.code), Demand.id)
    )


def candidates(session: Session) -> list[uuid.UUID]:
    return list(session.scalars(candidate_ids()))


@dataclass(frozen=True)
class SentBack:
    """What :func:`send_back` did, so that it can be undone."""

    round_id: uuid.UUID
    previous: dict[uuid.UUID, DemandStatus]


def refusal(session: Session, demand_ids: Sequence[uuid.UUID], reason: str) -> str | None:
    """Why these demands cannot go back into a new round (one line), or None."""
    if not demand_ids:
        return _("choose at least one dropped or postponed demand")
    if not " ".join(reason.split()):
        return _("say why the demands go back into a new round")
    if len(demand_ids) > len(ITEM_CODES):
        return _("a round holds at most {n} demands").format(n=len(ITEM_CODES))
    allowed = set(candidates(session))
    for demand_id in demand_ids:
        if demand_id not in allowed:
            demand = session.get(Demand, demand_id)
            if demand is None or demand.deleted_at is not None:
                return _("that demand does not exist (it may have been deleted)")
            return _("demand {demand} was neither dropped nor postponed").format(
                demand=label(demand.code, demand.description)
            )
    return None


def _level(
    session: Session, demands: list[Demand]
) -> tuple[Level, uuid.UUID | None, uuid.UUID | None]:
    communities = {demand.community_id for demand in demands}
    districts = set(
        session.scalars(select(Community.district_id).where(Community.id.in_(communities)))
    )
    if len(communities) == 1:
        return Level.community, next(iter(communities)), next(iter(districts), None)
    if len(districts) == 1:
        return Level.district, None, next(iter(districts))
    return Level.municipality, None, None


def send_back(
    session: Session,
    demand_ids: Sequence[uuid.UUID],
    *,
    reason: str,
    on: date,
    round_id: uuid.UUID | None = None,
) -> SentBack:
    """Make a new open round holding the demands and set them back to ``demand``.

    ``round_id`` chooses the round's id; a round with that id that was undone (tombstoned)
    is brought back instead (redo).
    """
    why = " ".join(reason.split())
    refused = refusal(session, demand_ids, why)
    municipality = current_municipality(session)
    if refused is None and municipality is None:
        refused = _("there is no municipality yet")
    if refused or municipality is None:
        raise PlanRefused(refused)
    demands = [session.get(Demand, demand_id) for demand_id in demand_ids]
    found = [demand for demand in demands if demand is not None]
    previous = {demand.id: demand.status for demand in found}
    existing = session.get(PrioritizationRound, round_id) if round_id else None
    if existing is not None:
        existing.deleted_at = None
        for item in session.scalars(select(RoundItem).where(RoundItem.round_id == existing.id)):
            item.deleted_at = None
        round_ = existing
    else:
        level, community_id, district_id = _level(session, found)
        title = _("Re-prioritisation of {date}: {reason}").format(date=short_date(on), reason=why)
        round_ = PrioritizationRound(
            id=round_id or uuid.uuid4(),
            municipality_id=municipality.id,
            community_id=community_id,
            district_id=district_id,
            level=level,
            method=PrioritizationMethod.dots,
            title=title[:TITLE_LIMIT],
            reconciliation_note=_("Sent back into a new round on {date}: {reason}").format(
                date=short_date(on), reason=why
            ),
            closed=False,
        )
        session.add(round_)
        session.flush()
        for position, demand in enumerate(found):
            session.add(
                RoundItem(
                    round_id=round_.id,
                    demand_id=demand.id,
                    code=ITEM_CODES[position],
                    position=position + 1,
                )
            )
    for demand in found:
        demand.status = DemandStatus.demand
    session.flush()
    return SentBack(round_.id, previous)


def undo_send_back(session: Session, sent: SentBack) -> None:
    """Tombstone the round and its items and give the demands their old status."""
    round_ = session.get(PrioritizationRound, sent.round_id)
    if round_ is not None:
        mark_deleted(round_)
        for item in session.scalars(select(RoundItem).where(RoundItem.round_id == round_.id)):
            mark_deleted(item)
    for demand_id, status in sent.previous.items():
        demand = session.get(Demand, demand_id)
        if demand is not None:
            demand.status = status
    session.flush()
