"""Reading a round's inputs from the database (no Qt).

Entries are append-only: an entry retracted by a later one (a correction) is left out,
and entries on a demand removed from the round are flagged and not counted.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import Group
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.prioritization import (
    Criterion,
    PairwiseChoice,
    PrioritizationRound,
    RoundItem,
    Score,
    Vote,
)
from planner_desktop.i18n import _
from planner_desktop.prioritization.criteria import CriterionSpec, Rating
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.pairwise import PairChoice
from planner_desktop.prioritization.run import RoundDecisions, RoundInputs, VoteRow


def parse_groups(text: str) -> tuple[str, ...]:
    """The round's voting groups from ``PrioritizationRound.groups`` (comma separated)."""
    groups = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    known = {group.value for group in Group}
    for group in groups:
        if group not in known:
            raise PrioritizationError(_("unknown group {group}").format(group=group))
    if not groups:
        raise PrioritizationError(_("the round has no voting groups"))
    return groups


@dataclass(frozen=True)
class RoundItems:
    """A round's items: live ones by id and code, and the ids of removed ones."""

    codes: Mapping[uuid.UUID, str]
    ids: Mapping[str, uuid.UUID]
    removed: Mapping[uuid.UUID, str]


def get_round(session: Session, round_id: uuid.UUID) -> PrioritizationRound:
    found = session.get(PrioritizationRound, round_id)
    if found is None or found.is_deleted:
        raise PrioritizationError(_("the prioritisation round no longer exists"))
    return found


def load_items(session: Session, round_id: uuid.UUID) -> RoundItems:
    rows = session.execute(
        select(RoundItem.id, RoundItem.code, RoundItem.deleted_at)
        .where(RoundItem.round_id == round_id)
        .order_by(RoundItem.position, RoundItem.code)
    ).all()
    codes = {row.id: row.code for row in rows if row.deleted_at is None}
    removed = {row.id: row.code for row in rows if row.deleted_at is not None}
    return RoundItems(codes, {code: key for key, code in codes.items()}, removed)


def _key(value: object) -> str:
    """The same text for an id read as a UUID or as raw text, on any database."""
    return str(value).replace("-", "").lower()


def flag_removed(lost: Counter[str], flags: list[str]) -> None:
    for code, count in sorted(lost.items()):
        flags.append(_("{count} entries for the removed demand {code} are not counted").format(
            count=count, code=code))


def _not_retracted(model: Any, round_id: uuid.UUID) -> Any:
    """Entries of the round that no later entry retracts (a correction replaces them)."""
    retracted = select(model.retracts_id).where(
        model.round_id == round_id, model.retracts_id.is_not(None))
    return (model.round_id == round_id) & model.id.not_in(retracted)


def hex_id(column: Any) -> Any:
    """An id read as plain text: an opaque key, without building a UUID per row."""
    return type_coerce(column, String)


def load_votes(session: Session, round_id: uuid.UUID, flags: list[str]) -> dict[str, list[VoteRow]]:
    """The live votes per group; a correction replaces the vote it retracts.

    Read with the item code joined and the retractions filtered in SQL, so that no
    UUID is built per vote (that conversion was most of the time of a recompute).
    """
    rows = session.execute(
        select(RoundItem.code, RoundItem.deleted_at, Vote.group, hex_id(Vote.ballot_id),
               Vote.count, Vote.rank)
        .join(RoundItem, Vote.item_id == RoundItem.id)
        .where(_not_retracted(Vote, round_id), Vote.count > 0)
    )
    votes: dict[str, list[VoteRow]] = {}
    lost: Counter[str] = Counter()
    for code, deleted_at, group, ballot, count, rank in rows:
        if deleted_at is not None:
            lost[code] += 1
            continue
        key = None if ballot is None else str(ballot)
        votes.setdefault(str(group), []).append(VoteRow(code, key, count, rank))
    flag_removed(lost, flags)
    return votes


def load_ratings(session: Session, round_id: uuid.UUID, items: RoundItems,
                 criteria: Mapping[uuid.UUID, CriterionSpec],
                 flags: list[str]) -> dict[str, list[Rating]]:
    codes = {_key(key): code for key, code in items.codes.items()}
    removed = {_key(key): code for key, code in items.removed.items()}
    names = {_key(key): spec.name for key, spec in criteria.items()}
    ratings: dict[str, list[Rating]] = {}
    lost: Counter[str] = Counter()
    rows = session.execute(
        select(Score.group, hex_id(Score.item_id), hex_id(Score.criterion_id), Score.value)
        .where(_not_retracted(Score, round_id)))
    for group, item, criterion, value in rows:
        item, criterion = _key(item), _key(criterion)
        if item in removed:
            lost[removed[item]] += 1
        elif item in codes and criterion in names:
            ratings.setdefault(str(group), []).append(Rating(codes[item], names[criterion], value))
    flag_removed(lost, flags)
    return ratings


def load_choices(session: Session, round_id: uuid.UUID, items: RoundItems,
                 flags: list[str]) -> dict[str, list[PairChoice]]:
    codes = {_key(key): code for key, code in items.codes.items()}
    removed = {_key(key): code for key, code in items.removed.items()}
    choices: dict[str, list[PairChoice]] = {}
    lost: Counter[str] = Counter()
    rows = session.execute(
        select(PairwiseChoice.group, hex_id(PairwiseChoice.item_a_id),
               hex_id(PairwiseChoice.item_b_id), hex_id(PairwiseChoice.winner_id),
               PairwiseChoice.reason)
        .where(_not_retracted(PairwiseChoice, round_id)))
    for group, *pair, reason in rows:
        keys = [_key(value) for value in pair]
        gone = [removed[key] for key in keys if key in removed]
        if gone:
            lost[gone[0]] += 1
        elif all(key in codes for key in keys):
            a, b, winner = (codes[key] for key in keys)
            choices.setdefault(str(group), []).append(PairChoice(a, b, winner, reason))
    flag_removed(lost, flags)
    return choices


@dataclass(frozen=True)
class RoundFrame:
    """What a round's results depend on besides its entries: settings, items, criteria
    and costs. Two frames are equal when the same entries give the same results."""

    method: M
    groups: tuple[str, ...]
    items: RoundItems
    criteria: Mapping[uuid.UUID, CriterionSpec]
    costs: Mapping[str, Decimal]
    dots_per_participant: int
    allow_stacking: bool
    max_choices: int | None
    budget_ceiling: Decimal | None
    decisions: RoundDecisions = field(default_factory=RoundDecisions)

    def inputs(self, votes: Mapping[str, list[VoteRow]], ratings: Mapping[str, list[Rating]],
               choices: Mapping[str, list[PairChoice]], flags: list[str]) -> RoundInputs:
        return RoundInputs(
            method=self.method, groups=self.groups, items=tuple(self.items.ids), votes=votes,
            ratings=ratings, choices=choices, criteria=tuple(self.criteria.values()),
            dots_per_participant=self.dots_per_participant, allow_stacking=self.allow_stacking,
            max_choices=self.max_choices, costs=self.costs, budget_ceiling=self.budget_ceiling,
            flags=tuple(flags), decisions=self.decisions,
        )


def load_frame(session: Session, round_id: uuid.UUID) -> RoundFrame:
    from planner_desktop.prioritization.decisions import load_decisions

    round_ = get_round(session, round_id)
    items = load_items(session, round_id)
    criteria_rows = session.scalars(
        select(Criterion).where(Criterion.round_id == round_id, Criterion.deleted_at.is_(None))
        .order_by(Criterion.position)
    ).all()
    criteria = {row.id: CriterionSpec(row.name, row.weight, row.scale_min, row.scale_max)
                for row in criteria_rows}
    costs = {code: cost for code, cost in session.execute(
        select(RoundItem.code, Demand.estimated_cost).join(Demand, RoundItem.demand_id == Demand.id)
        .where(RoundItem.round_id == round_id, RoundItem.deleted_at.is_(None))
    )}
    return RoundFrame(
        method=round_.method, groups=parse_groups(round_.groups), items=items,
        criteria=criteria, costs=costs, dots_per_participant=round_.dots_per_participant,
        allow_stacking=round_.allow_stacking, max_choices=round_.max_choices,
        budget_ceiling=round_.budget_ceiling, decisions=load_decisions(session, round_id, items),
    )


def load_inputs(session: Session, round_id: uuid.UUID) -> RoundInputs:
    """Everything the round's results depend on, read in a handful of queries."""
    frame = load_frame(session, round_id)
    flags: list[str] = []
    votes = load_votes(session, round_id, flags)
    ratings = load_ratings(session, round_id, frame.items, frame.criteria, flags)
    choices = load_choices(session, round_id, frame.items, flags)
    return frame.inputs(votes, ratings, choices, flags)
