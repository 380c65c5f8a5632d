"""The consolidated demand matrix and the priorities of every group, as spreadsheets."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from sqlalchemy import case, select
from sqlalchemy.orm import Session

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import DemandStatus, Group, PriorityClass, RoundLevel
from planner_desktop.domain.labels import label
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem, RoundResult
from planner_desktop.domain.summaries import AGREED, live
from planner_desktop.domain.territory import Community, District, Sector
from planner_desktop.exchange.xlsx.sheets import INTEGER, MONEY, Column, sheet_title, write_table
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import bytewise
from planner_desktop.prioritization.marks import (
    class_text,
    limit_legend,
    rank_text,
    stored_limit_ties,
)

BATCH = 100

_LEVEL_ORDER = case(
    (PrioritizationRound.level == RoundLevel.municipality, 3),
    (PrioritizationRound.level == RoundLevel.district, 2),
    else_=1,
)


def _labels(enum_cls: type[StrEnum]) -> dict[Any, str]:
    return {member: label(member) for member in enum_cls}


def agreed_class() -> Any:
    """The agreed priority class of a demand, from the highest-level round that has one.

    A correlated subquery, so the matrix streams without a table of demands in memory.
    """
    return (
        select(RoundResult.priority_class)
        .join(RoundItem, RoundResult.item_id == RoundItem.id)
        .join(PrioritizationRound, RoundResult.round_id == PrioritizationRound.id)
        .where(
            RoundItem.demand_id == Demand.id,
            RoundResult.group == AGREED,
            RoundResult.priority_class.is_not(None),
            live(RoundResult),
            live(RoundItem),
            live(PrioritizationRound),
        )
        .order_by(
            _LEVEL_ORDER.desc(), PrioritizationRound.created_at.desc(), PrioritizationRound.id
        )
        .limit(1)
        .correlate(Demand)
        .scalar_subquery()
    )


def demand_columns() -> list[Column]:
    return [
        Column(_("District"), 18),
        Column(_("Community"), 24),
        Column(_("Code"), 12),
        Column(_("Sector"), 18),
        Column(_("Description"), 50),
        Column(_("Group"), 12),
        Column(_("Beneficiaries (women)"), 14, INTEGER),
        Column(_("Beneficiaries (men)"), 14, INTEGER),
        Column(_("Estimated cost"), 16, MONEY),
        Column(_("Status"), 14),
        Column(_("Agreed priority"), 12),
    ]


def demand_rows(session: Session) -> Iterator[tuple[Any, ...]]:
    """Every live demand, by district, community and code, read in batches."""
    groups = _labels(Group)
    statuses = _labels(DemandStatus)
    query = (
        select(
            District.name,
            Community.name,
            Demand.code,
            Sector.name,
            Demand.description,
            Demand.raising_group,
            Demand.beneficiaries_women,
            Demand.beneficiaries_men,
            Demand.estimated_cost,
            Demand.status,
            agreed_class(),
        )
        .join(Community, Demand.community_id == Community.id)
        .join(District, Community.district_id == District.id)
        .join(Sector, Demand.sector_id == Sector.id)
        .where(live(Demand), live(Community), live(District))
        .order_by(bytewise(Demand.code), Demand.id)
    )
    result = session.execute(query.execution_options(yield_per=BATCH))
    for row in result:
        (district, community, code, sector, text, group, women, men, cost, status, cls) = row
        yield (
            district,
            community,
            code,
            sector,
            text,
            groups.get(group, group),
            women,
            men,
            cost,
            statuses.get(status, status),
            PriorityClass(cls).value if cls else None,
        )


def export_demands(session: Session, workbook: Workbook) -> int:
    return write_table(workbook, _("Demands"), demand_columns(), demand_rows(session))


def _priority_columns() -> list[Column]:
    return [
        Column(_("Round"), 36),
        Column(_("Level"), 14),
        Column(_("Place"), 22),
        Column(_("Rank"), 8, INTEGER),
        Column(_("Code"), 12),
        Column(_("Demand"), 50),
        Column(_("Score"), 10, "0.00"),
        Column(_("Priority class"), 12),
        Column(_("Tie"), 40),
    ]


def _priority_rows(session: Session, group: str) -> Iterator[tuple[Any, ...]]:
    """A rank shared by equal scores is written ``=2`` (a number otherwise, so the column
    still sorts); a class limit among equal scores is marked (issue 12, point 6)."""
    levels = _labels(RoundLevel)
    ties: dict[Any, set[Any]] = {}
    place = Community.name
    query = (
        select(
            PrioritizationRound.title,
            PrioritizationRound.level,
            place,
            District.name,
            RoundResult.rank,
            Demand.code,
            Demand.description,
            RoundResult.score,
            RoundResult.priority_class,
            RoundResult.shared_rank,
            RoundResult.tied,
            RoundResult.round_id,
            RoundResult.item_id,
        )
        .join(RoundItem, RoundResult.item_id == RoundItem.id)
        .join(PrioritizationRound, RoundResult.round_id == PrioritizationRound.id)
        .join(Demand, RoundItem.demand_id == Demand.id)
        .outerjoin(Community, PrioritizationRound.community_id == Community.id)
        .outerjoin(District, PrioritizationRound.district_id == District.id)
        .where(
            RoundResult.group == group,
            live(RoundResult),
            live(RoundItem),
            live(PrioritizationRound),
            live(Demand),
        )
        .order_by(
            bytewise(PrioritizationRound.title),
            PrioritizationRound.id,
            RoundResult.rank,
            RoundResult.id,
        )
    )
    for row in session.execute(query.execution_options(yield_per=BATCH)):
        title, level, community, district, rank, code, text, score, cls, shared, tied, \
            round_id, item_id = row
        klass = PriorityClass(cls).value if cls else None
        at_limit = False
        if group == AGREED and tied and klass:
            if round_id not in ties:
                ties[round_id] = stored_limit_ties(session, round_id)
            at_limit = item_id in ties[round_id]
        yield (
            title,
            levels.get(level, level),
            community or district or "",
            rank_text(shared or rank, True) if tied else (shared or rank),
            code,
            text,
            score,
            class_text(klass, at_limit) if klass else None,
            limit_legend() if at_limit else _("equal scores") if tied else "",
        )


def export_priorities(session: Session, workbook: Workbook) -> int:
    """One sheet per group that voted, then the agreed priorities."""
    present = set(session.scalars(select(RoundResult.group).where(live(RoundResult)).distinct()))
    groups: list[tuple[str, str]] = [(g.value, label(g)) for g in Group if g.value in present]
    groups.append((AGREED, _("Agreed")))
    taken: set[str] = set()
    total = 0
    for code, name in groups:
        title = sheet_title(name, taken)
        total += write_table(workbook, title, _priority_columns(), _priority_rows(session, code))
    return total
