"""Opening a prioritisation round, and reopening a closed one with a reason (no Qt).

A round is opened for an event at one level of the territory (a community, a district or
the municipality), with its method and parameters, the demands on its ballot (each gets
a short code, A, B, … Z, AA, AB …, in the order given) and the groups that vote. Every
field is checked before anything is written, and a refusal names the field in one line.

A closed round can be reopened only with a reason; each reopening is kept as one line of
``prioritization_round.reopen_log`` (UTC time, a tab, the reason) and printed in the acta.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain import rules
from planner_desktop.domain.base import utcnow
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import Group, RoundLevel
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.events import Event
from planner_desktop.domain.prioritization import Criterion, PrioritizationRound, RoundItem
from planner_desktop.domain.territory import Community, District, Municipality
from planner_desktop.i18n import _
from planner_desktop.prioritization.criteria import CriterionSpec, check_criteria
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.records import get_round

DOTTED = (M.dots, M.budget_greedy)


@dataclass(frozen=True)
class RoundSpec:
    """What a person chooses when opening a round.

    ``place_id`` is the community (level community) or the district (level district);
    None at the municipal level. ``criteria`` only for weighted criteria (weights sum to
    100); ``budget_ceiling`` is needed by the budget method and optional for the others.
    """

    title: str
    level: RoundLevel
    place_id: uuid.UUID | None
    method: M
    demand_ids: Sequence[uuid.UUID]
    groups: Sequence[str]
    event_id: uuid.UUID | None = None
    dots_per_participant: int = 3
    allow_stacking: bool = True
    max_choices: int | None = None
    budget_ceiling: Decimal | None = None
    criteria: Sequence[CriterionSpec] = ()


def item_code(position: int) -> str:
    """The short code of the item at ``position`` (0 → A, 25 → Z, 26 → AA …)."""
    code = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        code = chr(ord("A") + rest) + code
    return code


def _refuse(field: str, why: str) -> PrioritizationError:
    return PrioritizationError(_("{field}: {why}").format(field=field, why=why))


def _place(session: Session, spec: RoundSpec) -> tuple[uuid.UUID, uuid.UUID | None,
                                                        uuid.UUID | None, list[uuid.UUID]]:
    """Municipality, district, community of the round and the communities it covers."""
    if spec.level is RoundLevel.community:
        community = session.get(Community, spec.place_id) if spec.place_id else None
        if community is None or community.is_deleted:
            raise _refuse(_("Community"), _("choose the community of the round"))
        district = session.get(District, community.district_id)
        assert district is not None
        return district.municipality_id, district.id, community.id, [community.id]
    if spec.level is RoundLevel.district:
        district = session.get(District, spec.place_id) if spec.place_id else None
        if district is None or district.is_deleted:
            raise _refuse(_("District"), _("choose the district of the round"))
        ids = list(session.scalars(select(Community.id).where(
            Community.district_id == district.id, Community.deleted_at.is_(None))))
        return district.municipality_id, district.id, None, ids
    municipality = session.scalars(select(Municipality).where(
        Municipality.deleted_at.is_(None)).limit(1)).first()
    if municipality is None:
        raise _refuse(_("Level"), _("there is no municipality yet"))
    ids = list(session.scalars(select(Community.id).join(
        District, Community.district_id == District.id).where(
        District.municipality_id == municipality.id, Community.deleted_at.is_(None))))
    return municipality.id, None, None, ids


def _check(spec: RoundSpec) -> None:
    if not spec.title.strip():
        raise _refuse(_("Title"), _("type a title"))
    if len(spec.title.strip()) > 250:
        raise _refuse(_("Title"), _("at most 250 characters"))
    known = {group.value for group in Group}
    if not spec.groups:
        raise _refuse(_("Groups"), _("choose at least one group that votes"))
    for group in spec.groups:
        if group not in known:
            raise _refuse(_("Groups"), _("unknown group {group}").format(group=group))
    if not spec.demand_ids:
        raise _refuse(_("Demands"), _("choose at least one demand"))
    if len(set(spec.demand_ids)) != len(spec.demand_ids):
        raise _refuse(_("Demands"), _("a demand is chosen twice"))
    if spec.method in DOTTED and spec.dots_per_participant < 1:
        raise _refuse(_("Dots per person"), _("at least one"))
    if spec.method is M.approval and spec.max_choices is not None and spec.max_choices < 1:
        raise _refuse(_("Choices per ballot"), _("at least one"))
    if spec.budget_ceiling is not None and spec.budget_ceiling < 0:
        raise _refuse(_("Budget ceiling"), _("it cannot be negative"))
    ruled = {
        "dots_per_participant": spec.dots_per_participant,
        "max_choices": spec.max_choices,
        "budget_ceiling": spec.budget_ceiling,
    }
    broken = rules.check_row("prioritization_round", ruled)
    if broken is not None:
        column, reason = broken
        raise _refuse(rules.field_title("prioritization_round", column), reason)
    if spec.method is M.budget_greedy and spec.budget_ceiling is None:
        raise _refuse(_("Budget ceiling"), _("the budget method needs a ceiling"))
    if spec.method is M.criteria:
        if not spec.criteria:
            raise _refuse(_("Criteria"), _("add at least one criterion with its weight"))
        try:
            check_criteria(spec.criteria)
        except PrioritizationError as refusal:
            raise _refuse(_("Criteria"), str(refusal)) from None
        if any(not criterion.name.strip() for criterion in spec.criteria):
            raise _refuse(_("Criteria"), _("a criterion has no name"))


@dataclass(frozen=True)
class Place:
    """Where a checked round belongs."""

    municipality_id: uuid.UUID
    district_id: uuid.UUID | None
    community_id: uuid.UUID | None


def check_round(session: Session, spec: RoundSpec) -> Place:
    """Every check of :func:`open_round`, writing nothing (the window asks first)."""
    _check(spec)
    municipality_id, district_id, community_id, communities = _place(session, spec)
    if spec.event_id is not None:
        event = session.get(Event, spec.event_id)
        if event is None or event.is_deleted:
            raise _refuse(_("Event"), _("the event no longer exists"))
    demands = {row.id: row for row in session.scalars(
        select(Demand).where(Demand.id.in_(list(spec.demand_ids))))}
    allowed = set(communities)
    for demand_id in spec.demand_ids:
        demand = demands.get(demand_id)
        if demand is None or demand.is_deleted:
            raise _refuse(_("Demands"), _("a chosen demand no longer exists"))
        if demand.community_id not in allowed:
            raise _refuse(_("Demands"), _("{code} is not a demand of this place").format(
                code=demand.code))
    return Place(municipality_id, district_id, community_id)


def open_round(session: Session, spec: RoundSpec, round_id: uuid.UUID | None = None
               ) -> uuid.UUID:
    """Create the round (with ``round_id`` when given), its items and its criteria;
    returns the round's id.

    Refused, with nothing written: a blank title, no group or an unknown one, no demand,
    a demand of another part of the territory (or deleted), bad method parameters.
    """
    place = check_round(session, spec)
    municipality_id, district_id, community_id = (
        place.municipality_id, place.district_id, place.community_id)
    round_ = PrioritizationRound(
        id=round_id or uuid.uuid4(), municipality_id=municipality_id, event_id=spec.event_id,
        community_id=community_id, district_id=district_id, level=spec.level, method=spec.method,
        title=spec.title.strip(), groups=",".join(dict.fromkeys(spec.groups)),
        dots_per_participant=spec.dots_per_participant,
        allow_stacking=spec.allow_stacking, max_choices=spec.max_choices,
        budget_ceiling=spec.budget_ceiling)
    session.add(round_)
    session.flush()
    for position, demand_id in enumerate(spec.demand_ids):
        session.add(RoundItem(round_id=round_.id, demand_id=demand_id,
                              code=item_code(position), position=position + 1))
    if spec.method is M.criteria:
        for position, criterion in enumerate(spec.criteria):
            session.add(Criterion(round_id=round_.id, name=criterion.name.strip(),
                                  weight=criterion.weight, scale_min=criterion.scale_min,
                                  scale_max=criterion.scale_max, position=position))
    session.flush()
    return round_.id


def candidate_demands(session: Session, level: RoundLevel, place_id: uuid.UUID | None,
                      text: str = "") -> list[tuple[uuid.UUID, str, str]]:
    """Live demands a round at this place can put on its ballot, as (id, code, text),
    those whose code or description contains ``text`` (case ignored)."""
    query = select(Demand.id, Demand.code, Demand.description).where(
        Demand.deleted_at.is_(None))
    if level is RoundLevel.community:
        query = query.where(Demand.community_id == place_id)
    elif level is RoundLevel.district:
        query = query.join(Community, Demand.community_id == Community.id).where(
            Community.district_id == place_id)
    wanted = text.strip().casefold()
    rows = [(row.id, row.code, row.description) for row in session.execute(
        query.order_by(Demand.code))]
    if wanted:
        rows = [row for row in rows if wanted in row[1].casefold() or wanted in row[2].casefold()]
    return rows


@dataclass(frozen=True)
class Reopening:
    when: datetime
    reason: str


def reopenings(log: str) -> list[Reopening]:
    """The reopenings kept in a round's ``reopen_log``, oldest first."""
    found: list[Reopening] = []
    for line in log.splitlines():
        stamp, _tab, reason = line.partition("\t")
        try:
            found.append(Reopening(datetime.fromisoformat(stamp), reason))
        except ValueError:
            continue
    return found


def reopen_round(session: Session, round_id: uuid.UUID, reason: str) -> None:
    """Open a closed round again; the reason is required and logged with the time."""
    round_ = get_round(session, round_id)
    if not round_.closed:
        raise PrioritizationError(_("the round is open: there is nothing to reopen"))
    reason = " ".join(reason.split())
    if not reason:
        raise _refuse(_("Reason"), _("say why the round is reopened"))
    line = f"{utcnow().replace(microsecond=0).isoformat()}\t{reason}"
    round_.reopen_log = f"{round_.reopen_log}\n{line}" if round_.reopen_log else line
    round_.closed = False
    session.flush()
