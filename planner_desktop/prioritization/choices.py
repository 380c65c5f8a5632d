"""Recording the pairwise wall chart: one choice per pair and group, with its reason (no Qt).

Choices are append-only like votes: choosing a pair again (the room changed its mind)
adds a choice that retracts the one before, so the chart shows the latest and the log
keeps both.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import Group
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.prioritization import PairwiseChoice
from planner_desktop.i18n import _
from planner_desktop.prioritization.entry import _item, _open_round
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.records import load_items


def live_choice(session: Session, round_id: uuid.UUID, group: str, a: uuid.UUID,
                b: uuid.UUID) -> PairwiseChoice | None:
    """The choice in force for the pair (either way round) in ``group``, if any."""
    rows = session.scalars(select(PairwiseChoice).where(
        PairwiseChoice.round_id == round_id, PairwiseChoice.group == Group(group),
        ((PairwiseChoice.item_a_id == a) & (PairwiseChoice.item_b_id == b))
        | ((PairwiseChoice.item_a_id == b) & (PairwiseChoice.item_b_id == a)))).all()
    retracted = {row.retracts_id for row in rows}
    live = [row for row in rows if row.id not in retracted]
    return live[-1] if live else None


def record_choice(session: Session, round_id: uuid.UUID, group: str, a: str, b: str,
                  winner: str, reason: str) -> PairwiseChoice:
    """Record that ``group`` preferred ``winner`` of the pair ``a``–``b``, for ``reason``.

    Refused: a round that is not pairwise or is closed, a group that does not vote, an
    unknown code, a demand compared with itself, a winner not of the pair, no reason.
    """
    round_ = _open_round(session, round_id, group)
    if round_.method is not M.pairwise:
        raise PrioritizationError(_("this round is not a pairwise comparison"))
    items = load_items(session, round_id)
    first, second = _item(items, a), _item(items, b)
    if first == second:
        raise PrioritizationError(_("a demand cannot be compared with itself"))
    chosen = _item(items, winner)
    if chosen not in (first, second):
        raise PrioritizationError(_("the winner {code} is not one of the pair").format(
            code=winner.strip().upper()))
    reason = " ".join(reason.split())
    if not reason:
        raise PrioritizationError(_("Reason: say why the group chose it"))
    before = live_choice(session, round_id, group, first, second)
    choice = PairwiseChoice(round_id=round_id, group=Group(group), item_a_id=first,
                            item_b_id=second, winner_id=chosen, reason=reason,
                            retracts_id=before.id if before is not None else None)
    session.add(choice)
    session.flush()
    return choice
