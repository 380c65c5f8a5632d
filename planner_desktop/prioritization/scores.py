"""Rating the demands of a weighted-criteria round: one score per item, criterion and group
(no Qt).

Scores are append-only like votes: rating a demand again on a criterion (the group changed
its mind, or a typing mistake) adds a score that retracts the one before, so the results
count the latest and the log keeps both. A demand's ratings on every criterion are typed
together, in the order of the criteria, and recorded in one transaction: all or none.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import Group
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.prioritization import Criterion, Score
from planner_desktop.i18n import _
from planner_desktop.prioritization.entry import _item, _open_round
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.records import load_items


def round_criteria(session: Session, round_id: uuid.UUID) -> list[Criterion]:
    """The live criteria of the round, in their order."""
    return list(session.scalars(
        select(Criterion).where(Criterion.round_id == round_id, Criterion.deleted_at.is_(None))
        .order_by(Criterion.position)))


def live_score(session: Session, round_id: uuid.UUID, group: str, item_id: uuid.UUID,
               criterion_id: uuid.UUID) -> Score | None:
    """The score in force for the item on the criterion in ``group``, if any."""
    rows = session.scalars(select(Score).where(
        Score.round_id == round_id, Score.group == Group(group), Score.item_id == item_id,
        Score.criterion_id == criterion_id)).all()
    retracted = {row.retracts_id for row in rows}
    live = [row for row in rows if row.id not in retracted]
    return live[-1] if live else None


def record_ratings(session: Session, round_id: uuid.UUID, group: str, code: str,
                   values: Sequence[float]) -> list[Score]:
    """Record ``group``'s ratings of demand ``code``, one per criterion in their order.

    Refused (nothing recorded): a round that is not weighted criteria or is closed, a
    group that does not vote, an unknown code, fewer or more ratings than criteria, a
    rating outside its criterion's scale (naming the criterion).
    """
    round_ = _open_round(session, round_id, group)
    if round_.method is not M.criteria:
        raise PrioritizationError(_("this round is not rated on weighted criteria"))
    item_id = _item(load_items(session, round_id), code)
    criteria = round_criteria(session, round_id)
    if len(values) != len(criteria):
        names = ", ".join(criterion.name for criterion in criteria)
        raise PrioritizationError(
            _("Ratings: type {count} ratings, one per criterion ({names})").format(
                count=len(criteria), names=names))
    for criterion, value in zip(criteria, values, strict=True):
        if not criterion.scale_min <= value <= criterion.scale_max:
            raise PrioritizationError(
                _("{name}: {value:g} is outside the scale {low}–{high}").format(
                    name=criterion.name, value=value, low=criterion.scale_min,
                    high=criterion.scale_max))
    scores = []
    for criterion, value in zip(criteria, values, strict=True):
        before = live_score(session, round_id, group, item_id, criterion.id)
        if before is not None and before.value == value:
            continue  # the same rating again changes nothing
        score = Score(round_id=round_id, item_id=item_id, criterion_id=criterion.id,
                      group=Group(group), value=float(value),
                      retracts_id=before.id if before is not None else None)
        session.add(score)
        scores.append(score)
    session.flush()
    return scores
