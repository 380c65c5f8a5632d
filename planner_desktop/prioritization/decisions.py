"""What the room decides by hand, stored as inputs of the results (no Qt).

A priority class set by hand needs its reason; an agreed order reached by discussion lists
every item once and needs a note saying how it was reached. Both are kept in
``round_decision`` (and the round's ``agreed_note``), read back by :func:`load_decisions`
into :class:`~planner_desktop.prioritization.run.RoundDecisions`, so that recomputing a
round gives the same agreed list and classes.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import PriorityClass
from planner_desktop.domain.prioritization import RoundDecision
from planner_desktop.i18n import _
from planner_desktop.prioritization.classes import Override
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.records import RoundItems, get_round, load_items
from planner_desktop.prioritization.run import RoundDecisions


def _latest(session: Session, round_id: uuid.UUID) -> dict[uuid.UUID, RoundDecision]:
    """The decision in force per item: when two laptops decided, the one saved last."""
    rows = session.scalars(
        select(RoundDecision)
        .where(RoundDecision.round_id == round_id, RoundDecision.deleted_at.is_(None))
        .order_by(RoundDecision.updated_at, RoundDecision.id)
    )
    return {row.item_id: row for row in rows}


def load_decisions(session: Session, round_id: uuid.UUID, items: RoundItems) -> RoundDecisions:
    """The round's decisions by hand, on its live items. When a demand is removed, the
    others keep the room's order; when one is added, the order set by hand no longer lists
    every item and is left out: the computed order applies until the room agrees again."""
    overrides: dict[str, Override] = {}
    positions: dict[str, int] = {}
    for item_id, decision in _latest(session, round_id).items():
        code = items.codes.get(item_id)
        if code is None:
            continue
        if decision.priority_class is not None:
            overrides[code] = Override(decision.priority_class, decision.class_reason)
        if decision.agreed_position is not None:
            positions[code] = decision.agreed_position
    order: tuple[str, ...] = ()
    if positions and set(positions) == set(items.ids):
        order = tuple(sorted(positions, key=lambda code: (positions[code], code)))
    note = get_round(session, round_id).agreed_note if order else ""
    return RoundDecisions(overrides, order, note)


def _decision(session: Session, round_id: uuid.UUID, item_id: uuid.UUID) -> RoundDecision:
    found = _latest(session, round_id).get(item_id)
    if found is None:
        found = RoundDecision(round_id=round_id, item_id=item_id)
        session.add(found)
    return found


def _open_round(session: Session, round_id: uuid.UUID) -> RoundItems:
    if get_round(session, round_id).closed:
        raise PrioritizationError(_("the round is closed: its results can no longer change"))
    return load_items(session, round_id)


def set_class(
    session: Session, round_id: uuid.UUID, code: str, klass: PriorityClass | None, reason: str
) -> None:
    """Set the class of demand ``code`` by hand (None: back to the class the rule gives)."""
    items = _open_round(session, round_id)
    item_id = items.ids.get(code.strip().upper())
    if item_id is None:
        raise PrioritizationError(_("{code} is not a demand of this round").format(code=code))
    reason = reason.strip()
    if klass is not None and not reason:
        raise PrioritizationError(_("a class set by hand needs the reason the room gave"))
    decision = _decision(session, round_id, item_id)
    decision.priority_class = klass
    decision.class_reason = reason if klass is not None else ""
    session.flush()


def set_agreed_order(
    session: Session, round_id: uuid.UUID, codes: Sequence[str] | None, note: str
) -> None:
    """Set the agreed order by hand: every demand of the round once, with a note saying
    how the room reached it. None goes back to the order computed from the groups."""
    items = _open_round(session, round_id)
    decisions = _latest(session, round_id)
    round_ = get_round(session, round_id)
    if codes is None:
        for decision in decisions.values():
            decision.agreed_position = None
        round_.agreed_note = ""
        session.flush()
        return
    wanted = [code.strip().upper() for code in codes]
    if not note.strip():
        raise PrioritizationError(_("an agreed order set by hand needs a note saying how"))
    if len(set(wanted)) != len(wanted) or set(wanted) != set(items.ids):
        raise PrioritizationError(_("the agreed order must list every item exactly once"))
    for position, code in enumerate(wanted, start=1):
        _decision(session, round_id, items.ids[code]).agreed_position = position
    round_.agreed_note = note.strip()
    session.flush()
